/**
 * Registration with a third-party provider, as one controller of its own lazy
 * chunk (loaded only when the site enables providers): it asks the gateway for
 * each provider's client id, renders the provider buttons, runs the sign-in
 * through the provider's adapter (popup, or full-page redirect when popups are
 * blocked), and hands the proof to the registration flow, which verifies it
 * with the gateway and registers with `type: 3`.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { THIRD_PARTY_PROVIDERS, type ProviderProof, type ThirdPartyProvider } from '../core/gateway/contract.js';
import { providerSettings } from '../core/gateway/provider-config.js';
import { walletNonce } from '../core/gateway/provider-verify.js';
import type { GatewayConfig } from '../core/gateway/transport.js';
import type { RegistrationController } from '../registration/registration-controller.js';
import { errorMessage } from '../registration/error-message.js';
import { renderAccountExists } from '../registration/send-error-view.js';
import { ProviderAccountExistsError } from '../core/flow/registration-flow.js';
import type { Translation } from '../core/i18n/localize.js';
import { renderFormError, renderRetry } from '../element/templates.js';
import { proofFromCallback, type RedirectAdapter } from './adapters/adapter.js';
import { appleAdapter } from './adapters/apple.js';
import { facebookAdapter } from './adapters/facebook.js';
import { googleAdapter } from './adapters/google.js';
import { telegramAdapter } from './adapters/telegram.js';
import { twitterAdapter } from './adapters/twitter.js';
import { DEFAULT_AUTHORIZATION_ENDPOINTS, isSafeProviderUrl } from './provider-endpoints.js';
import { CLIENT_ID_PROPERTIES, type RedirectProvider } from '../core/providers/provider-options.js';
import type { RegistrationHost } from '../registration/registration-host.js';
import { Loadable } from '../core/loadable.js';
import type { Residence, ThirdPartyPart } from '../registration/lazy-parts.js';
import { PROVIDER_MARKS } from './provider-marks.js';
import { PROVIDER_NAMES } from '../core/providers/provider-names.js';
import { SignInError } from '../core/providers/sign-in-error.js';
import { renderWalletPanel, renderWalletUnavailable } from './wallet-panel-view.js';
import type { ConnectionQrCode } from './metamask-sdk.js';
import { isMobileDevice as isPhone } from '../core/embedding/device.js';
import { awaitPopupAnswer, closePopup, openSignInPopup, redirectToProvider, takeRedirectAnswer } from './sign-in-window.js';

export { thirdPartyStyles } from './third-party-styles.js';

/**
 * Scrolls a part of the providers into view and focuses it (or `focus`, one of its own elements) without
 * scrolling again, so a screen reader reads it out: the wallet panel, "no wallet could be reached" (its
 * message), an existing provider account's notice. False while it is not drawn yet.
 */
function bringIntoView(root: ShadowRoot | null, selector: string, focus?: string): boolean {
  const part = root?.querySelector<HTMLElement>(selector);
  if (!part) return false;
  part.scrollIntoView({ block: 'nearest' });
  (focus ? part.querySelector<HTMLElement>(focus) : part)?.focus({ preventScroll: true });
  return true;
}

/** No wallet in the browser and none reachable through MetaMask's relay. */
function isWalletUnavailable(error: unknown): boolean {
  return error instanceof SignInError && error.failure === 'wallet-unavailable';
}

const REDIRECT_ADAPTERS: Readonly<Record<RedirectProvider, RedirectAdapter>> = {
  google: googleAdapter,
  apple: appleAdapter,
  facebook: facebookAdapter,
  twitter: twitterAdapter,
  telegram: telegramAdapter,
};

/** The callback page shipped with the build, next to the entry (`dist/oauth-callback.html`). */
const CALLBACK_PAGE = '../oauth-callback.html';

/**
 * Whether any frame above this page is of another origin (a site framing the
 * partner page, maybe invisibly). Reading a foreign window's location throws.
 */
function framedByAnotherOrigin(): boolean {
  for (let frame: Window = window; frame !== frame.parent; frame = frame.parent) {
    try {
      if (frame.parent.location.origin !== location.origin) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** What the sign-in needs of the registration beyond the element. */
export interface ThirdPartySetup {
  /** The country of residence from the form; when there is none it shows why and returns undefined. */
  residence: () => Residence | undefined;
  /** Tells this element apart from others on the page (for a redirect's return). */
  elementKey: () => string;
  /** The site's sign-in page (`login-url`, with the visit's utm and agent), for a provider account that exists already. */
  signInUrl: () => string | undefined;
  /** Back from a provider's page with an answer for this element: the first step was complete (its terms ticked) when it left. */
  backFromRedirect: () => void;
}

/** An enabled provider, with the client id the site set for it, if any (and for Telegram whether the bot may write). */
type ProviderChoice = { provider: ThirdPartyProvider; clientId?: string; requestWrite?: boolean };

/** An enabled provider's client id, as it loads: none (undefined, once ready) means no button. */
type ClientIdLoad = Loadable<{ clientId: string } | undefined>;

export class ThirdPartyController implements ReactiveController, ThirdPartyPart {
  private readonly clientIds = new Map<ThirdPartyProvider, ClientIdLoad>();
  private loadedFor = '';
  /** The provider whose sign-in is under way (its button shows the progress). */
  private active?: ThirdPartyProvider;
  /** MetaMask Mobile's connection link and its QR code, while the person has it to scan. */
  private walletQr?: ConnectionQrCode;
  /** A wallet failure just shown, to bring into view and focus once rendered (hostUpdated). */
  private revealWalletFailure = false;
  /** An existing provider account just told, to bring into view and read out once rendered (hostUpdated). */
  private revealExists = false;

  /** The element, as a controller host with its provider options. */
  private readonly element: RegistrationHost['element'];

  constructor(
    private readonly host: RegistrationHost,
    private readonly registration: RegistrationController,
    private readonly setup: ThirdPartySetup,
  ) {
    this.element = host.element;
    host.element.addController(this);
    this.resumeAfterRedirect();
  }

  /** Cancels a sign-in once its element has left the page (see hostDisconnected). */
  private leftPage?: ReturnType<typeof setTimeout>;

  hostConnected(): void {
    clearTimeout(this.leftPage);
  }

  hostUpdated(): void {
    const root = this.element.shadowRoot;
    if (this.revealWalletFailure && bringIntoView(root, '.wallet-failure', '#wallet-failure-message')) this.revealWalletFailure = false;
    if (this.revealExists) {
      this.revealExists = false;
      bringIntoView(root, '#provider-exists');
    }
  }

  /**
   * A sign-in that finished for an element no longer on the page would create
   * a customer nobody is told about (the popup answers, verify and register run,
   * `registered` fires on a detached element): it is cancelled, its popup
   * closed, unless the element is back on the page within the same task (moved,
   * not removed).
   */
  hostDisconnected(): void {
    if (this.registration.busy !== 'provider') return;
    clearTimeout(this.leftPage);
    this.leftPage = setTimeout(() => {
      if (!this.element.isConnected) this.registration.cancel();
    });
  }

  /** The enabled providers, as read at the last update (none while the element is misconfigured). */
  private enabled: ProviderChoice[] = [];

  /** The enabled providers in the site's order, with client ids the site set itself. */
  private readChoices(): ProviderChoice[] {
    const value = this.element.providers;
    const entries: [string, unknown][] =
      typeof value === 'string'
        ? value.toLowerCase().split(/[\s,]+/).filter(Boolean).map((name) => [name, true])
        : Object.entries(value ?? {});
    const choices: ProviderChoice[] = [];
    for (const [name, setting] of entries) {
      const provider = name as ThirdPartyProvider;
      if (!THIRD_PARTY_PROVIDERS.includes(provider)) {
        this.host.warn(`providers: "${name}" is not a provider; known: ${THIRD_PARTY_PROVIDERS.join(', ')}`);
        continue;
      }
      if (!setting || choices.some((choice) => choice.provider === provider)) continue;
      const fromElement = provider === 'metamask' ? undefined : this.element[CLIENT_ID_PROPERTIES[provider]];
      const fromProperty = typeof setting === 'object' ? (setting as { clientId?: unknown }).clientId : undefined;
      const clientId = (typeof fromProperty === 'string' && fromProperty) || fromElement?.trim() || undefined;
      const requestWrite = (setting as { requestAccess?: unknown }).requestAccess === 'write';
      choices.push({ provider, clientId, requestWrite });
    }
    return choices;
  }

  hostUpdate(): void {
    const config = this.gateway();
    this.enabled = config ? this.readChoices() : [];
    const key = JSON.stringify([config?.host, config?.companyId, this.enabled]);
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    this.clientIds.clear();
    for (const choice of this.enabled) this.clientIds.set(choice.provider, this.clientIdLoad(choice));
  }

  /** A provider's client id: the site's, else the gateway's `config` (cached per gateway); none where the button cannot work. */
  private clientIdLoad({ provider, clientId }: ProviderChoice): ClientIdLoad {
    const load: ClientIdLoad = new Loadable(this.element, async () => {
      const settings = await providerSettings(this.gateway()!, provider);
      if (!settings) this.host.warn(`the gateway has no configuration for provider "${provider}", so its button is not shown`);
      return settings && { clientId: settings.clientId };
    });
    // Known at once (no call): ready in this very update, so the button is drawn without a loading state first.
    const known = (value: { clientId: string } | undefined) => Object.assign(load, { status: 'ready', value });
    // The callback page can only hand the answer to a page of its own origin
    // (a script served from a CDN finds its callback page there too).
    const callbackPage = provider === 'metamask' ? undefined : this.redirectUri();
    if (callbackPage && new URL(callbackPage).origin !== location.origin) {
      this.host.warn(
        `the sign-in callback page ${callbackPage} is not on this page's origin, so ${provider} is not offered; ` +
          'serve oauth-callback.html from this origin and name it in redirect-uri',
      );
      return known(undefined);
    }
    const endpoint = provider === 'metamask' ? undefined : this.endpoint(provider);
    if (endpoint && !isSafeProviderUrl(endpoint)) {
      this.host.warn(`providerEndpoints.${provider} "${endpoint}" is not an https URL (http only on this machine), so ${provider} is not offered`);
      return known(undefined);
    }
    if (clientId) return known({ clientId });
    load.start();
    return load;
  }

  /** Loads again the provider settings that failed (Try again, or the gateway reachable again). */
  retryFailed() {
    for (const load of this.clientIds.values()) if (load.status === 'failed') load.start();
  }

  /**
   * Starts a sign-in. Runs in the click's task: a popup must be opened before anything is awaited,
   * and what the first step lacks (a password, the site's terms, the country) is said before any opens.
   */
  private start(provider: ThirdPartyProvider) {
    const { registration } = this;
    const settings = this.clientIds.get(provider)?.value;
    if (registration.busy || this.host.offline() || !settings) return;
    const residence = this.setup.residence();
    if (!residence) return;
    const popup = provider === 'metamask' ? null : openSignInPopup();
    this.active = provider;
    this.run(async (signal) => {
      try {
        const proof =
          provider === 'metamask'
            ? await this.walletProof(signal)
            : await this.redirectProof(provider, settings.clientId, popup, residence, signal);
        // Framed by another origin, one click could be a hidden one (clickjacking): the verified account waits for a second action.
        return await registration.flow.registerWithProvider(proof, residence, signal, framedByAnotherOrigin());
      } finally {
        if (popup) closePopup(popup);
      }
    });
  }

  /** Runs a sign-in as the registration's `provider` action; the person closing the provider's window ends it quietly. */
  private run(signIn: (signal: AbortSignal) => Promise<unknown>) {
    void this.registration.run('provider', async (signal) => {
      try {
        return await signIn(signal);
      } catch (error) {
        if (error instanceof SignInError && error.failure === 'cancelled') return undefined;
        this.revealExists = error instanceof ProviderAccountExistsError;
        throw error;
      }
    });
  }

  private async redirectProof(
    provider: RedirectProvider,
    clientId: string,
    popup: Window | null,
    residence: Residence,
    signal: AbortSignal,
  ): Promise<ProviderProof> {
    const adapter = REDIRECT_ADAPTERS[provider];
    const redirectUri = this.redirectUri();
    const endpoint = this.endpoint(provider);
    // Checked when the button was offered; checked again, since either may have changed since.
    if (!isSafeProviderUrl(endpoint)) throw new SignInError(provider, 'failed', 'provider endpoint is not https');
    if (new URL(redirectUri).origin !== location.origin) throw new SignInError(provider, 'failed', 'redirect-uri is not on this origin');
    const requestWrite = this.enabled.find((choice) => choice.provider === provider)?.requestWrite;
    const { url, pending } = await adapter.authorizationRequest({ endpoint, clientId, redirectUri, lang: this.host.i18n.requestedTag, requestWrite });
    if (!popup) {
      // Providers refuse to be shown in a frame, so inside one there is no way
      // but the popup: ask for it.
      if (window.top !== window) throw new SignInError(provider, 'popup-blocked');
      // Popups blocked: the whole page goes to the provider and the sign-in
      // resumes when it comes back (resumeAfterRedirect).
      return redirectToProvider(url, pending, this.setup.elementKey(), residence, signal);
    }
    popup.location.href = url;
    const params = await awaitPopupAnswer(popup, provider, new URL(redirectUri).origin, signal);
    return proofFromCallback(adapter, params, pending);
  }

  /** MetaMask: the wallet signs a sign-in message (its adapter and the SDK load only now). */
  private async walletProof(signal: AbortSignal): Promise<ProviderProof> {
    let adapter: typeof import('./adapters/metamask.js');
    try {
      adapter = await import('./adapters/metamask.js');
    } catch {
      throw new SignInError('metamask', 'wallet-unavailable', 'the wallet code could not be loaded');
    }
    const relay = this.element.providerEndpoints?.metamask;
    if (relay && !isSafeProviderUrl(relay)) this.host.warn(`providerEndpoints.metamask "${relay}" is not an https URL (http only on this machine); MetaMask's own relay is used`);
    try {
      return await adapter.signInWithWallet({
        statement: this.host.i18n.t.walletStatement,
        relayUrl: relay && isSafeProviderUrl(relay) ? relay : undefined,
        signal,
        nonce: () => walletNonce(this.gateway()!, { signal }),
        onQrCode: (code) => {
          const first = !this.walletQr;
          this.walletQr = code;
          this.element.requestUpdate();
          // The panel opens under the buttons, often below the fold: bring it into view and move focus to it, once.
          if (first && code) void this.element.updateComplete.then(() => bringIntoView(this.element.shadowRoot, '.wallet-qr'));
        },
      });
    } catch (error) {
      // The message opens under the buttons, often below the fold.
      this.revealWalletFailure = isWalletUnavailable(error);
      throw error;
    } finally {
      // Focus inside the panel would be lost with it: it goes back to the MetaMask button.
      const root = this.element.shadowRoot;
      const focusInPanel = !!root?.activeElement?.closest('.wallet-qr, #wallet-cancel');
      this.walletQr = undefined;
      this.element.requestUpdate();
      if (focusInPanel && !this.revealWalletFailure) {
        void this.element.updateComplete.then(() => root?.querySelector<HTMLElement>('[data-provider="metamask"]')?.focus());
      }
    }
  }

  /** The gateway, or undefined while the element is misconfigured. */
  private gateway(): GatewayConfig | undefined {
    return this.host.configProblem() ? undefined : this.host.gatewayConfig();
  }

  /** The provider's authorization endpoint: the site's (`providerEndpoints`), else the real one. */
  private endpoint(provider: RedirectProvider): string {
    return this.element.providerEndpoints?.[provider] || DEFAULT_AUTHORIZATION_ENDPOINTS[provider];
  }

  /** The callback page: the site's `redirect-uri`, else the one shipped next to the entry. */
  private redirectUri(): string {
    const configured = this.element.redirectUri?.trim();
    return new URL(configured || CALLBACK_PAGE, configured ? location.href : import.meta.url).href;
  }

  /**
   * Back from a full-page redirect: finish the sign-in this element started, once. A redirect
   * leaves only a top-level page (inside a frame the popup is the only way), and its button
   * was pressed with the site's terms accepted: the account registers at once.
   */
  private resumeAfterRedirect() {
    const answer = takeRedirectAnswer(this.setup.elementKey());
    if (!answer) return;
    const { pending, params, residence } = answer;
    this.setup.backFromRedirect();
    this.active = pending.provider;
    this.run((signal) =>
      this.registration.flow.registerWithProvider(proofFromCallback(REDIRECT_ADAPTERS[pending.provider], params, pending), residence, signal),
    );
  }

  /** Ends a wallet sign-in that waits on the wallet (its request is dropped; the SDK session ends). */
  private renderCancel(t: Translation) {
    return html`<button type="button" class="link" part="link" id="wallet-cancel" @click=${() => this.registration.cancel()}>
      ${t.cancel}
    </button>`;
  }

  render() {
    const choices = this.enabled;
    if (!choices.length) return nothing;
    const t = this.host.i18n.t;
    const { registration } = this;
    const loads = choices.map(({ provider }) => [provider, this.clientIds.get(provider)] as const);
    const loading = loads.some(([, load]) => load?.status === 'loading');
    // All buttons at once, when every provider's settings are in: one by one, each would push the others down.
    const ready = loading ? [] : loads.filter(([, load]) => load?.value).map(([provider]) => provider);
    const failed = loads.some(([, load]) => load?.status === 'failed');
    if (!ready.length && !loading && !failed) return nothing;
    const busy = registration.busy === 'provider';
    const unavailable = !!registration.busy || this.host.offline();
    const error = registration.failedAction === 'provider' ? errorMessage(registration.error, t) : undefined;
    // A provider account registered already is no failure: the same notice as for an address or number.
    const exists = error && registration.error instanceof ProviderAccountExistsError;
    // Said to screen readers; on screen the busy button keeps its label (which fits one line) and shows a spinner.
    const working = busy && this.active ? t.providerWorking(PROVIDER_NAMES[this.active]) : '';
    // `provider-layout="icons"`: one row of square buttons, each named by its label (and titled for the pointer).
    const icons = this.element.providerLayout === 'icons';
    return html`
      <div class="providers" part="providers" role="group" aria-labelledby="providers-label">
        <p class="providers-label" id="providers-label">${t.providersLabel}</p>
        <div class=${icons ? 'provider-list icons' : 'provider-list'}>
          ${ready.map((provider) => {
            const working = busy && this.active === provider;
            const label = t.continueWith(PROVIDER_NAMES[provider]);
            return html`
              <button
                type="button"
                class="provider"
                part="provider-button"
                data-provider=${provider}
                aria-label=${icons ? label : nothing}
                title=${icons ? label : nothing}
                aria-disabled=${unavailable ? 'true' : 'false'}
                aria-busy=${working ? 'true' : 'false'}
                @click=${() => this.start(provider)}
              >
                ${working ? html`<span class="mark spinner" aria-hidden="true"></span>` : PROVIDER_MARKS[provider]}
                ${icons ? nothing : html`<span class="provider-text">${label}</span>`}
              </button>
            `;
          })}
        </div>
        ${busy && this.walletQr ? renderWalletPanel(this.walletQr, t, { onPhone: isPhone(), cancel: this.renderCancel(t) }) : nothing}
        ${busy && this.active === 'metamask' && !this.walletQr ? this.renderCancel(t) : nothing}
        <p class=${loading ? 'hint' : 'hint visually-hidden'} role="status">${loading ? t.providersLoading : busy && this.walletQr ? t.walletScanTitle : working}</p>
        ${failed && !loading ? renderRetry(t.providersFailed, t.retry, () => this.retryFailed()) : nothing}
        ${exists
          ? renderAccountExists(error, t, this.setup.signInUrl(), 'provider-exists')
          : error && isWalletUnavailable(registration.error)
            ? renderWalletUnavailable(error, t, { onPhone: isPhone() })
            : renderFormError(error)}
      </div>
    `;
  }
}
