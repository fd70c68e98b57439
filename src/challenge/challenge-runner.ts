/**
 * One challenge on screen (a lazy chunk, fetched only when a challenge is
 * asked for): loads the provider's adapter (its own chunk) and script, runs
 * it in a container inside the element, and shows the element's panel (what
 * this is, in the person's language, and Back) only when the provider asks
 * the person something. A script that cannot be loaded tries the gateway's
 * fallback provider, if it named one. Every way it ends without a token is a
 * ChallengeStopped the Send shows; what was typed stays.
 */
import { html } from 'lit';
import { captchaFields, type CaptchaType, type ChallengeSpec } from '../core/gateway/contract.js';
import type { RegistrationHost } from '../registration/registration-host.js';
import type { ChallengePart } from '../registration/lazy-parts.js';
import { ChallengeStopped } from '../registration/challenge-stopped.js';
import { ChallengeError, type ChallengeAdapter } from './adapters/adapter.js';

/** The action a token is bound to: the call it lets through. */
const ACTION = 'verifyCodeSend';

function loadAdapter(provider: CaptchaType): Promise<ChallengeAdapter> {
  switch (provider) {
    case 'turnstile':
      return import('./adapters/turnstile.js').then((m) => m.createTurnstile());
    case 'hcaptcha':
      return import('./adapters/hcaptcha.js').then((m) => m.createHCaptcha());
    case 'recaptcha':
    case 'recaptcha-enterprise':
      return import('./adapters/recaptcha.js').then((m) => m.createReCaptcha(provider === 'recaptcha-enterprise'));
    case 'geetest':
      return import('./adapters/geetest.js').then((m) => m.createGeeTest());
  }
}

export class ChallengeRunner implements ChallengePart {
  /** Where the provider draws; kept across renders (Lit renders the node itself). */
  private readonly container = document.createElement('div');
  /** The provider asks the person something: the panel shows. */
  private visible = false;
  private adapter?: ChallengeAdapter;
  private stop!: (error: unknown) => void;

  constructor(
    private readonly host: RegistrationHost,
    private readonly spec: ChallengeSpec,
    private readonly signal?: AbortSignal,
  ) {
    this.container.className = 'challenge-widget';
  }

  /** The token fields for verifyCodeSend, once the challenge is passed. */
  async run(): Promise<{ captchaType: CaptchaType; captchaToken: string }> {
    const stopped = new Promise<never>((_, reject) => (this.stop = reject));
    stopped.catch(() => {});
    const { signal } = this;
    signal?.addEventListener('abort', () => this.stop(signal.reason), { once: true });
    if (signal?.aborted) this.stop(signal.reason);
    return Promise.race([this.runWithFallback(this.spec), stopped]);
  }

  private async runWithFallback(spec: ChallengeSpec): Promise<{ captchaType: CaptchaType; captchaToken: string }> {
    try {
      return await this.runOne(spec);
    } catch (error) {
      if (!(error instanceof ChallengeStopped && error.failure === 'blocked')) throw error;
      console.warn(`<customer-register>: the ${spec.captchaType} challenge could not be loaded: ${error.detail}.${spec.fallback ? ` Trying the gateway's fallback, ${spec.fallback.captchaType}.` : ''}`);
      if (!spec.fallback) throw error;
      this.adapter?.reset();
      return this.runWithFallback(spec.fallback);
    }
  }

  private async runOne(spec: ChallengeSpec) {
    const { t, locale } = this.host.i18n;
    const stopped = (error: unknown) => {
      const failure = error instanceof ChallengeError ? error.failure : 'blocked';
      const words = { blocked: t.challengeBlocked, failed: t.challengeFailed, closed: t.challengeFailed, expired: t.challengeExpired };
      return new ChallengeStopped(failure, words[failure], error instanceof Error ? error.message : String(error));
    };
    let token: string;
    try {
      const adapter = (this.adapter = await loadAdapter(spec.captchaType));
      await adapter.load(spec.scriptUrl, spec.clientId, locale);
    } catch (error) {
      throw stopped(error instanceof ChallengeError ? error : new ChallengeError('blocked', String(error)));
    }
    try {
      token = await this.adapter.execute({ container: this.container, siteKey: spec.clientId, lang: locale, action: ACTION, onInteractive: () => this.show() });
    } catch (error) {
      throw stopped(error instanceof ChallengeError ? error : new ChallengeError('failed', String(error)));
    }
    return captchaFields(spec.captchaType, token);
  }

  private show() {
    if (this.visible) return;
    this.visible = true;
    this.host.element.requestUpdate();
    this.host.focus('challenge-title');
  }

  /** Back: the Send ends, nothing was sent; the next press starts a new challenge. */
  private back() {
    this.stop(new ChallengeStopped('closed', this.host.i18n.t.challengeFailed, 'closed with Back'));
  }

  /** Removes the widget (a token is good once). */
  dispose(): void {
    this.adapter?.reset();
    this.container.remove();
  }

  render() {
    const { t } = this.host.i18n;
    return html`<div class="challenge" part="challenge">
      ${this.visible
        ? html`<p class="title" id="challenge-title" tabindex="-1">${t.challengeTitle}</p>
            <p class="hint">${t.challengeHint}</p>`
        : ''}
      ${this.container}
      ${this.visible ? html`<button type="button" class="link" part="link" id="challenge-back" @click=${() => this.back()}>${t.challengeBack}</button>` : ''}
    </div>`;
  }
}
