/**
 * The provider-adapter interface. Every provider ends in the same place (a
 * `ProviderProof` for its `{provider}Verify` call); how it gets there differs:
 * the five OAuth/OIDC providers send the person to their own sign-in page and
 * back (`RedirectAdapter`, here), MetaMask asks the wallet to sign (`signInWithWallet`
 * in metamask.ts, which has no adapter object: there is only one wallet flow).
 */
import type { ProviderProof } from '../../core/gateway/contract.js';
import type { RedirectProvider } from '../../core/providers/provider-options.js';
import { unverifiedClaims } from '../oauth-crypto.js';
import { SignInError } from '../../core/providers/sign-in-error.js';

export interface AuthorizationInput {
  /** The provider's authorization endpoint (the real one unless overridden). */
  endpoint: string;
  /** The public client id from the gateway's `config` (or the site's override). */
  clientId: string;
  /** The callback page the provider sends the answer to. */
  redirectUri: string;
  /** The element's language, for providers whose page takes one. */
  lang: string;
  /** Telegram: let the broker's bot message the person (`providers = { telegram: { requestAccess: 'write' } }`); off unless the site asks. */
  requestWrite?: boolean;
}

/** What a request must remember to check its answer (kept in memory, or in sessionStorage across a full-page redirect). */
export interface PendingAuthorization {
  provider: RedirectProvider;
  state: string;
  nonce?: string;
  codeVerifier?: string;
  redirectUri: string;
}

export interface RedirectAdapter {
  readonly provider: RedirectProvider;
  /** The URL of the provider's sign-in page for a fresh request, with what to check its answer against. */
  authorizationRequest(input: AuthorizationInput): Promise<{ url: string; pending: PendingAuthorization }>;
  /** The proof in the provider's answer (its `state` already checked), or a SignInError. */
  proofFrom(params: Record<string, string>, pending: PendingAuthorization): ProviderProof;
}

/**
 * Reads the callback's parameters for a pending request: a `state` that is not
 * this request's is refused before anything else is looked at; then the person
 * declining is a quiet cancel, any other provider error a failure.
 */
export function proofFromCallback(adapter: RedirectAdapter, params: Record<string, string>, pending: PendingAuthorization): ProviderProof {
  const { provider } = adapter;
  // The state first: an answer to another request, even "the person said no", is not this one's.
  if (params.state !== pending.state) throw new SignInError(provider, 'state');
  if (params.error) {
    throw new SignInError(provider, /^(access_denied|user_cancelled_authorize)$/.test(params.error) ? 'cancelled' : 'failed', params.error);
  }
  return adapter.proofFrom(params, pending);
}

/** `endpoint?name=value&...`, keeping any query the endpoint already has. */
export function withQuery(endpoint: string, query: Record<string, string>): string {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/** A required parameter of the answer, or a SignInError saying the answer is incomplete. */
export function required(params: Record<string, string>, name: string, provider: RedirectProvider): string {
  const value = params[name];
  if (!value) throw new SignInError(provider, 'proof', `no ${name}`);
  return value;
}

/**
 * The answer's ID token, once its `nonce` is this request's (Google and Apple).
 * Only the nonce is read here: the signature and the other claims are the
 * gateway's to check.
 */
export function idTokenWithNonce(params: Record<string, string>, pending: PendingAuthorization): { idToken: string; nonce: string } {
  const { provider, nonce } = pending;
  const idToken = required(params, 'id_token', provider);
  if (!nonce || unverifiedClaims(idToken)?.nonce !== nonce) throw new SignInError(provider, 'proof', 'nonce');
  return { idToken, nonce };
}
