/**
 * hCaptcha, invisible (`size: 'invisible'`, executed with `{ async: true }`):
 * a person it trusts passes unseen; otherwise its puzzle opens
 * (`open-callback` shows the element's panel), and closing it is a way back.
 */
import { DEFAULT_TIMEOUT_MS } from '../../core/gateway/contract.js';
import { ChallengeError, loadScript, providerLanguage, scriptAddress, type ChallengeAdapter } from './adapter.js';

interface HCaptcha {
  render(container: HTMLElement, params: Record<string, unknown>): string;
  execute(widgetId: string, options: { async: true }): Promise<{ response: string }>;
  remove(widgetId: string): void;
}
const api = () => (window as { hcaptcha?: HCaptcha }).hcaptcha;

export function createHCaptcha(): ChallengeAdapter {
  let widget: string | undefined;
  return {
    provider: 'hcaptcha',
    load: (scriptUrl, _siteKey, lang) =>
      loadScript(scriptAddress('hcaptcha', scriptUrl, 'https://js.hcaptcha.com/1/api.js', { render: 'explicit', recaptchacompat: 'off', hl: providerLanguage(lang) }), api, DEFAULT_TIMEOUT_MS),
    async execute({ container, siteKey, lang, onInteractive }) {
      widget = api()!.render(container, { sitekey: siteKey, size: 'invisible', hl: providerLanguage(lang), 'open-callback': onInteractive });
      try {
        return (await api()!.execute(widget, { async: true })).response;
      } catch (code) {
        const failure = code === 'challenge-closed' ? 'closed' : code === 'challenge-expired' ? 'expired' : 'failed';
        throw new ChallengeError(failure, `hCaptcha ${code}`);
      }
    },
    reset() {
      if (widget !== undefined) api()?.remove(widget);
      widget = undefined;
    },
  };
}
