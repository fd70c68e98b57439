/** The reference gateway's code-send challenge, set per company (POST /__dev/captcha). */
import { gatewayUrl } from './reference-gateway.js';

export type CaptchaType = 'turnstile' | 'hcaptcha' | 'recaptcha' | 'recaptcha-enterprise' | 'geetest';

export interface CaptchaSetting {
  provider: CaptchaType | null;
  /** Every send needs a token (default true). */
  required?: boolean;
  /** Sends without a token the gateway lets through before it asks for one (adaptive; default: never asks). */
  adaptiveAfter?: number;
  /** The element's own limit per identifier and page visit (config `freeSends`). */
  freeSends?: number;
  fallback?: CaptchaType;
  /** Providers whose script URL answers 404. */
  blocked?: CaptchaType[];
  /** How the stand-in widget behaves. */
  widget?: 'pass' | 'interactive' | 'fail' | 'close';
  /** `stale`: tokens issued 10 minutes ago; `low-score`: reCAPTCHA's verdict fails. */
  token?: 'good' | 'stale' | 'low-score';
}

export async function setCaptcha(companyId: string, setting: CaptchaSetting): Promise<unknown> {
  const response = await fetch(`${await gatewayUrl()}/__dev/captcha`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyId, ...setting }),
  });
  if (!response.ok) throw new Error(`POST /__dev/captcha: ${response.status} ${await response.text()}`);
  return response.json();
}
