/**
 * The challenge-adapter interface: one per provider (turnstile.ts,
 * hcaptcha.ts, recaptcha.ts, geetest.ts), each its own lazy chunk, all ending
 * in the same place, a token string for verifyCodeSend. The four steps are
 * the same for every provider: load its script, render or execute the
 * challenge, return the token, reset (forget the widget).
 */
import type { CaptchaType } from '../../core/gateway/contract.js';
import type { ChallengeFailure } from '../../registration/challenge-stopped.js';

export interface ChallengeInput {
  /** Where the provider draws its widget (inside the element's shadow root). */
  container: HTMLElement;
  /** The public site key the gateway named (GeeTest: the captcha id). */
  siteKey: string;
  /** The element's language, in the provider's own form where it has one. */
  lang: string;
  /** The action the token is bound to (reCAPTCHA, Turnstile): verifyCodeSend. */
  action: string;
  /** The provider is about to ask the person something: the element shows its panel. */
  onInteractive: () => void;
}

export interface ChallengeAdapter {
  readonly provider: CaptchaType;
  /** Loads the provider's script, from the gateway's `scriptUrl` or the provider's own address. */
  load(scriptUrl: string | undefined, siteKey: string, lang: string): Promise<void>;
  /** Renders or executes the challenge; resolves with the token, or rejects with a ChallengeError. */
  execute(input: ChallengeInput): Promise<string>;
  /** Removes the widget: the next press starts afresh (a token is good once). */
  reset(): void;
}

/** Regional variants the providers' `hl` lists name themselves; other tags go as their language (`de-DE` -> `de`). */
const REGIONAL = new Set(['zh-CN', 'zh-TW', 'pt-BR', 'pt-PT', 'es-419', 'fr-CA']);
export const providerLanguage = (locale: string) => (REGIONAL.has(locale) ? locale : locale.split('-')[0]);

/** What a provider said went wrong, before it is worded for the person. */
export class ChallengeError extends Error {
  constructor(
    readonly failure: ChallengeFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The hosts a gateway may name for each provider's script (`scriptUrl`): the
 * provider's own (reCAPTCHA also `www.recaptcha.net`, reachable from mainland
 * China; GeeTest also its `static.geevisit.com` mirror), or a stand-in on this
 * machine. Anything else would let a gateway run any script on the page.
 */
const SCRIPT_HOSTS: Record<CaptchaType, string[]> = {
  turnstile: ['challenges.cloudflare.com'],
  hcaptcha: ['js.hcaptcha.com'],
  recaptcha: ['www.google.com', 'www.recaptcha.net'],
  'recaptcha-enterprise': ['www.google.com', 'www.recaptcha.net'],
  geetest: ['static.geetest.com', 'static.geevisit.com'],
};
const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** The script's URL with the provider's parameters; throws (the challenge counts as blocked) for a host not allowed. */
export function scriptAddress(provider: CaptchaType, given: string | undefined, usual: string, params: Record<string, string>): string {
  const url = new URL(given || usual);
  const allowed = (url.protocol === 'https:' && SCRIPT_HOSTS[provider].includes(url.hostname)) || (/^https?:$/.test(url.protocol) && LOOPBACK.test(url.hostname));
  if (!allowed) throw new ChallengeError('blocked', `${url.href} is not a ${provider} script address`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** A Trusted Types policy for the provider scripts only (created at first use; the page's CSP may have to allow its name). */
let policy: { createScriptURL(url: string): unknown } | undefined;
const scripts = new Map<string, Promise<void>>();

/**
 * Loads a classic script once per URL (again after a failure), with the
 * page's nonce (the `nonce` of its first nonced script, e.g. the element's own
 * tag or the import map), and resolves once `ready()` finds the provider's
 * global; rejects (blocked) when the script fails, its global never comes, or
 * `timeoutMs` passes (a network that swallows the request).
 */
export function loadScript(src: string, ready: () => unknown, timeoutMs: number): Promise<void> {
  let pending = scripts.get(src);
  if (pending) return pending;
  pending = new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    const fail = (detail: string) => {
      script.remove();
      scripts.delete(src);
      reject(new ChallengeError('blocked', detail));
    };
    const timer = setTimeout(() => fail(`${src} did not load in ${timeoutMs} ms`), timeoutMs);
    script.addEventListener('load', () => {
      clearTimeout(timer);
      if (ready()) resolve();
      else fail(`${src} loaded but defined nothing`);
    });
    script.addEventListener('error', () => {
      clearTimeout(timer);
      fail(`${src} could not be loaded (blocked by the Content-Security-Policy, an extension or the network?)`);
    });
    const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
    if (nonce) script.nonce = nonce;
    script.async = true;
    try {
      const trustedTypes = (window as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
      policy ??= trustedTypes?.createPolicy('customer-register-challenge', { createScriptURL: (url: string) => url });
      (script as { src: unknown }).src = policy ? policy.createScriptURL(src) : src;
    } catch (error) {
      clearTimeout(timer);
      return fail(`${src}: ${error}`);
    }
    document.head.append(script);
  });
  scripts.set(src, pending);
  return pending;
}
