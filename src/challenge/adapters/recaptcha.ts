/**
 * Google reCAPTCHA v3 and Enterprise (score-based): never seen; it scores the
 * visit and the gateway's siteverify decides. The script is loaded with the
 * site key (`render=`), and `execute` is bound to the action.
 */
import { DEFAULT_TIMEOUT_MS } from '../../core/gateway/contract.js';
import { ChallengeError, loadScript, providerLanguage, scriptAddress, type ChallengeAdapter } from './adapter.js';

interface ReCaptcha {
  ready(callback: () => void): void;
  execute(siteKey: string, options: { action: string }): Promise<string>;
}

export function createReCaptcha(enterprise: boolean): ChallengeAdapter {
  const api = () => {
    const grecaptcha = (window as { grecaptcha?: ReCaptcha & { enterprise?: ReCaptcha } }).grecaptcha;
    return enterprise ? grecaptcha?.enterprise : grecaptcha;
  };
  const usual = `https://www.google.com/recaptcha/${enterprise ? 'enterprise' : 'api'}.js`;
  return {
    provider: enterprise ? 'recaptcha-enterprise' : 'recaptcha',
    load: (scriptUrl, siteKey, lang) => loadScript(scriptAddress(enterprise ? 'recaptcha-enterprise' : 'recaptcha', scriptUrl, usual, { render: siteKey, hl: providerLanguage(lang) }), api, DEFAULT_TIMEOUT_MS),
    async execute({ siteKey, action }) {
      try {
        await new Promise<void>((resolve) => api()!.ready(resolve));
        return await api()!.execute(siteKey, { action });
      } catch (error) {
        throw new ChallengeError('failed', `reCAPTCHA: ${error}`);
      }
    },
    reset() {},
  };
}
