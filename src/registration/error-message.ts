/**
 * What the person reads when something fails. A gateway refusal carries the
 * gateway's own message (in the requested language, where the gateway has it);
 * the refusals we know by code (WORDED_REFUSALS), and everything else, are ours
 * and go through the translation.
 */
import type { Translation } from '../core/i18n/localize.js';
import { GatewayRefusal, TransportFailure } from '../core/gateway/transport.js';
import { WORDED_REFUSALS } from '../core/gateway/contract.js';
import { AccountExistsError, ProviderAccountExistsError } from '../core/flow/registration-flow.js';
import { ProofRejectedError } from '../core/gateway/provider-verify.js';
import { SignInError } from '../core/providers/sign-in-error.js';
import { PROVIDER_NAMES } from '../core/providers/provider-names.js';

export function errorMessage(error: unknown, t: Translation): string {
  if (error instanceof AccountExistsError) {
    return error.account.channel === 'email' ? t.accountExistsEmail : t.accountExistsPhone;
  }
  if (error instanceof ProviderAccountExistsError) return t.providerAccountExists(PROVIDER_NAMES[error.provider]);
  // The gateway's reason is technical (a nonce, a PKCE verifier): the person reads a plain sentence, the page gets it (errorReason).
  if (error instanceof ProofRejectedError) return t.providerRejected(PROVIDER_NAMES[error.provider]);
  if (error instanceof SignInError) {
    const name = PROVIDER_NAMES[error.provider];
    const messages: Record<SignInError['failure'], string> = {
      cancelled: t.providerFailed(name),
      state: t.providerStateMismatch,
      'foreign-origin': t.providerForeignAnswer,
      proof: t.providerProofMismatch,
      failed: t.providerFailed(name),
      'popup-blocked': t.popupBlocked,
      'wallet-rejected': t.walletRejected,
      'wallet-locked': t.walletLocked,
      'wallet-unavailable': t.walletUnavailable,
    };
    return messages[error.failure];
  }
  if (error instanceof GatewayRefusal) {
    // Refusals we know by code are said in the person's language; others in the gateway's words.
    const worded = Object.hasOwn(WORDED_REFUSALS, error.code) ? WORDED_REFUSALS[error.code as keyof typeof WORDED_REFUSALS] : undefined;
    return worded ? t[worded] : error.gatewayMessage.trim() || t.refused;
  }
  if (error instanceof TransportFailure) {
    switch (error.reason) {
      case 'timeout':
        return t.timeout;
      case 'network':
        return t.network;
      case 'http':
        return t.serverError(error.status ?? 0);
      case 'bad-response':
        return t.badResponse;
    }
  }
  console.error('<customer-register>: unexpected error', error);
  return t.unexpected;
}

/** A short machine code for a failure, for the `register-error` event. */
export function errorCode(error: unknown): string {
  if (error instanceof AccountExistsError || error instanceof ProviderAccountExistsError) return 'ACCOUNT_EXISTS';
  if (error instanceof ProofRejectedError) return 'PROOF_REJECTED';
  if (error instanceof SignInError) return `SIGN_IN_${error.failure.toUpperCase().replace('-', '_')}`;
  if (error instanceof GatewayRefusal) return error.code || 'REFUSED';
  if (error instanceof TransportFailure) return error.reason;
  return 'UNEXPECTED';
}

/** The technical reason behind a failure, for the console and `register-error`'s `reason`: never shown to the person. */
export function errorReason(error: unknown): string | undefined {
  // No wallet reached: why (a CSP that blocks MetaMask's relay, a refused socket) is what the site needs to fix it.
  if (error instanceof SignInError && error.failure === 'wallet-unavailable') return error.detail || undefined;
  return error instanceof ProofRejectedError ? error.reason.trim() || undefined : undefined;
}
