/**
 * GeeTest v4 (`product: 'bind'`: no button of its own, the element's Send
 * starts it). It passes unseen or opens its puzzle over the page, with its own
 * close button; its four answer fields go to the gateway as one query string
 * (contract.ts `captchaFields`).
 */
import { DEFAULT_TIMEOUT_MS } from '../../core/gateway/contract.js';
import { ChallengeError, loadScript, scriptAddress, type ChallengeAdapter } from './adapter.js';

interface GeeTestCaptcha {
  onReady(fn: () => void): GeeTestCaptcha;
  onSuccess(fn: () => void): GeeTestCaptcha;
  onFail(fn: (detail: { code?: string }) => void): GeeTestCaptcha;
  onError(fn: (detail: { code?: string }) => void): GeeTestCaptcha;
  onClose(fn: () => void): GeeTestCaptcha;
  showCaptcha(): void;
  getValidate(): Record<string, string> | false;
  destroy(): void;
}
type InitGeetest4 = (config: Record<string, unknown>, callback: (captcha: GeeTestCaptcha) => void) => void;
const api = () => (window as { initGeetest4?: InitGeetest4 }).initGeetest4;

/** GeeTest's language codes (ISO 639-2 style) for the languages it has; English otherwise. */
const LANGUAGES: Record<string, string> = { zh: 'zho', 'zh-tw': 'zho-tw', 'zh-hk': 'zho-hk', ja: 'jpn', ko: 'kor', ru: 'rus', ar: 'ara', es: 'spa', pt: 'pon', fr: 'fra', de: 'deu', id: 'ind' };
const geetestLanguage = (lang: string) => LANGUAGES[lang.toLowerCase()] ?? LANGUAGES[lang.toLowerCase().split('-')[0]] ?? 'eng';

export function createGeeTest(): ChallengeAdapter {
  let captcha: GeeTestCaptcha | undefined;
  return {
    provider: 'geetest',
    load: (scriptUrl) => loadScript(scriptAddress('geetest', scriptUrl, 'https://static.geetest.com/v4/gt4.js', {}), api, DEFAULT_TIMEOUT_MS),
    execute: ({ siteKey, lang }) =>
      new Promise((resolve, reject) => {
        api()!({ captchaId: siteKey, product: 'bind', language: geetestLanguage(lang) }, (made) => {
          captcha = made
            .onReady(() => made.showCaptcha())
            .onSuccess(() => {
              const fields = made.getValidate();
              if (fields) resolve(new URLSearchParams(fields).toString());
              else reject(new ChallengeError('failed', 'GeeTest gave no answer'));
            })
            .onFail((detail) => reject(new ChallengeError('failed', `GeeTest ${detail?.code ?? 'fail'}`)))
            .onError((detail) => reject(new ChallengeError('failed', `GeeTest error ${detail?.code ?? ''}`)))
            .onClose(() => reject(new ChallengeError('closed', 'GeeTest closed')));
        });
      }),
    reset() {
      captcha?.destroy();
      captcha = undefined;
    },
  };
}
