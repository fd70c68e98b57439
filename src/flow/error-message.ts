/**
 * What the person reads when something fails. A gateway refusal carries the
 * gateway's own message (already in the requested language); everything else is
 * ours and goes through the translation.
 */
import type { Translation } from '../i18n/localize.js';
import { GatewayRefusal, TransportFailure } from '../gateway/transport.js';
import { AccountExistsError } from './registration-flow.js';

export function errorMessage(error: unknown, t: Translation): string {
  if (error instanceof AccountExistsError) {
    return error.account.channel === 'email' ? t.accountExistsEmail : t.accountExistsPhone;
  }
  if (error instanceof GatewayRefusal) return error.gatewayMessage.trim() || t.refused;
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
  if (error instanceof AccountExistsError) return 'ACCOUNT_EXISTS';
  if (error instanceof GatewayRefusal) return error.code || 'REFUSED';
  if (error instanceof TransportFailure) return error.reason;
  return 'UNEXPECTED';
}
