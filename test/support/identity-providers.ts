/**
 * Test helpers for third-party registration against the reference gateway:
 * its identity-provider stand-ins (under /__idp/), their per-company behaviour
 * (/__dev/idp), proofs minted without a page (/__dev/idp/mint), and the
 * gateway's config / {provider}Verify / register type 3 calls.
 */
import { gatewayUrl } from './reference-gateway.js';

export type ThirdSource = 'google' | 'facebook' | 'twitter' | 'telegram' | 'apple' | 'metamask';
/** The providers the gateway plays (MetaMask has none: the user's key signs). */
export type StandIn = Exclude<ThirdSource, 'metamask'>;
export type Tamper = 'nonce' | 'aud' | 'exp' | 'signature' | 'iss' | 'state' | 'hash' | 'code';

export interface IdpUser {
  id?: string;
  email?: string;
  name?: string;
}

export interface Envelope<T = unknown> {
  ok: boolean;
  code: string;
  msg: string;
  data: T;
}

export interface ThirdConfig {
  thirdSource: ThirdSource;
  clientId: string;
  developerAccount: string;
}

export interface VerifyResult {
  userId: string;
  action: '' | 'register' | 'login';
  result: boolean;
  failReason: string;
  thirdSource: ThirdSource;
  email: string;
  phone: string;
  /** (assumed) the single-use ticket register carries as `verifyCode`; '' when refused. */
  verifyTicket: string;
}

/** Contract paths of the third-party calls (after the `/api` prefix). */
export const THIRD_PARTY_PATHS = {
  config: '/global/customer.app.CustomerThirdLoginService.config',
  verify: (provider: ThirdSource) => `/global/customer.app.CustomerThirdLoginService.${provider}Verify`,
  register: '/register/customer.app.CustomerWebApiService.register',
};

/** A call with the contract's four headers; `companyId` and `lang` as given. */
export async function callGateway<T>(path: string, body: unknown, companyId: string, lang = 'en-US'): Promise<Envelope<T>> {
  const response = await fetch(`${await gatewayUrl()}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', version: '0.0.1', companyId, trace: crypto.randomUUID(), lang },
    body: JSON.stringify(body),
  });
  return response.json();
}

export function thirdConfig(companyId: string, thirdSource: string, lang?: string): Promise<Envelope<ThirdConfig | null>> {
  return callGateway(THIRD_PARTY_PATHS.config, { thirdSource }, companyId, lang);
}

export function verifyProof(companyId: string, provider: ThirdSource, body: unknown, lang?: string): Promise<Envelope<VerifyResult | null>> {
  return callGateway(THIRD_PARTY_PATHS.verify(provider), body, companyId, lang);
}

/** register with `type: 3` and the other required fields filled in; `fields` adds or overrides. */
export function registerThirdParty(companyId: string, fields: Record<string, unknown>, lang?: string): Promise<Envelope<Record<string, unknown> | null>> {
  return callGateway(THIRD_PARTY_PATHS.register, { type: 3, country: 'ISO_3166_156', registerSource: 2, ...fields }, companyId, lang);
}

async function devPost<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${await gatewayUrl()}/__dev${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`dev endpoint ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * How the stand-ins behave for this company from now on. Each field given
 * replaces the previous value: `autoApprove` skips the consent page, `user`
 * is who approves, `tamper` breaks every proof issued afterwards that way,
 * `unconfigured` makes `config` answer THIRD_LOGIN_NOT_CONFIGURED.
 */
export function setIdpBehaviour(
  companyId: string,
  behaviour: { autoApprove?: boolean; approveDelayMs?: number; user?: IdpUser | null; tamper?: Tamper | null; unconfigured?: ThirdSource[] },
): Promise<unknown> {
  return devPost('/idp', { companyId, ...behaviour });
}

export interface Minted {
  /** Exactly what the callback page would find in its URL after consent. */
  params: Record<string, string>;
  user: { id: string; name: string; email: string };
}

/** What the provider would hand the callback page after consent, without a page (honours the company's `tamper`). */
export function mintProof(
  companyId: string,
  provider: StandIn,
  options: { nonce?: string; state?: string; redirectUri?: string; codeVerifier?: string; user?: IdpUser } = {},
): Promise<Minted> {
  return devPost('/idp/mint', { companyId, provider, ...options });
}

export interface AcceptedProof {
  companyId: string;
  provider: ThirdSource;
  userId: string;
  email: string;
  nonce: string;
  /** SHA-256 of the proof (the gateway keeps no proof). */
  proofDigest: string;
  verifyTicket: string;
  used: boolean;
}

/** The proofs {provider}Verify accepted for this company. */
export async function acceptedProofs(companyId: string): Promise<AcceptedProof[]> {
  const response = await fetch(`${await gatewayUrl()}/__dev/idp/proofs?companyId=${encodeURIComponent(companyId)}`);
  return response.json();
}

/** The stand-ins' authorization endpoints: the local counterparts of the real ones. */
export { localProviderEndpoints } from '../../demo/local-identity-providers.js';

export interface TelegramAuth {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  photo_url?: string;
  auth_date: number;
  hash: string;
}

/** `#tgAuthResult=` is base64url of the JSON Telegram signed. */
export function decodeTelegramResult(tgAuthResult: string): TelegramAuth {
  const base64 = tgAuthResult.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random nonce / state: 22 URL-safe characters. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** A SIWE nonce: letters and digits only (EIP-4361). */
/** (assumed) A Sign-In with Ethereum nonce the gateway issues to this company (metamaskNonce). */
export async function issuedSiweNonce(companyId: string): Promise<string> {
  const answer = await callGateway<{ nonce: string }>('/global/customer.app.CustomerThirdLoginService.metamaskNonce', {}, companyId);
  if (!answer.ok || !answer.data) throw new Error(`metamaskNonce: ${JSON.stringify(answer)}`);
  return answer.data.nonce;
}

export function randomSiweNonce(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** A PKCE pair (RFC 7636, S256). */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/**
 * Opens an authorization URL in a hidden iframe and returns where the
 * provider sent the browser back to, or null when it did not come back to
 * this origin (an error page, or a consent page waiting for the user). Needs
 * `autoApprove` for an answer without a page; `redirectUri` must be on this
 * origin to be readable.
 */
export async function followAuthorization(url: string, timeoutMs = 10_000): Promise<URL | null> {
  const iframe = document.createElement('iframe');
  iframe.hidden = true;
  const loaded = new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, timeoutMs);
  });
  iframe.src = url;
  document.body.append(iframe);
  try {
    await loaded;
    try {
      const href = iframe.contentWindow?.location.href;
      return href && href !== 'about:blank' ? new URL(href) : null;
    } catch {
      return null; // another origin: the provider's own page
    }
  } finally {
    iframe.remove();
  }
}
