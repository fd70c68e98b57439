/**
 * Cloudflare Turnstile (explicit rendering): drawn in the element with
 * `appearance: 'interaction-only'`, so a person who passes unseen sees
 * nothing; `before-interactive-callback` shows the element's panel when
 * Turnstile asks for a click.
 */
import { DEFAULT_TIMEOUT_MS } from '../../core/gateway/contract.js';
import { ChallengeError, loadScript, scriptAddress, type ChallengeAdapter } from './adapter.js';

interface Turnstile {
  render(container: HTMLElement, params: Record<string, unknown>): string;
  remove(widgetId: string): void;
}
const api = () => (window as { turnstile?: Turnstile }).turnstile;

export function createTurnstile(): ChallengeAdapter {
  let widget: string | undefined;
  return {
    provider: 'turnstile',
    load: (scriptUrl) =>
      loadScript(scriptAddress('turnstile', scriptUrl, 'https://challenges.cloudflare.com/turnstile/v0/api.js', { render: 'explicit' }), api, DEFAULT_TIMEOUT_MS),
    execute: ({ container, siteKey, lang, action, onInteractive }) =>
      new Promise((resolve, reject) => {
        widget = api()!.render(container, {
          sitekey: siteKey,
          action,
          language: lang.toLowerCase(),
          appearance: 'interaction-only',
          'refresh-expired': 'never',
          callback: resolve,
          'before-interactive-callback': onInteractive,
          // true: handled here (Turnstile would otherwise retry on its own).
          'error-callback': (code: string) => (reject(new ChallengeError('failed', `Turnstile error ${code}`)), true),
          'expired-callback': () => reject(new ChallengeError('expired', 'Turnstile token expired')),
          'timeout-callback': () => reject(new ChallengeError('expired', 'Turnstile challenge timed out')),
        });
      }),
    reset() {
      if (widget !== undefined) api()?.remove(widget);
      widget = undefined;
    },
  };
}
