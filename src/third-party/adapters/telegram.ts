/**
 * Telegram Login without the widget script: its popup page, which sends the
 * signed auth data back to `return_to` in the fragment (`#tgAuthResult=`).
 * Telegram carries no state of its own, so the state rides in return_to's
 * query, which Telegram keeps.
 */
import { base64urlJson, randomToken } from '../oauth-crypto.js';
import { SignInError } from '../../core/providers/sign-in-error.js';
import { required, withQuery, type RedirectAdapter } from './adapter.js';

/** The auth fields Telegram signs (its documented set). */
const AUTH_FIELDS = ['id', 'first_name', 'last_name', 'username', 'photo_url', 'auth_date', 'hash'];

export const telegramAdapter: RedirectAdapter = {
  provider: 'telegram',

  async authorizationRequest({ endpoint, clientId, redirectUri, lang, requestWrite }) {
    const state = randomToken();
    const returnTo = withQuery(redirectUri, { state });
    const url = withQuery(endpoint, {
      bot_id: clientId,
      origin: new URL(redirectUri).origin,
      // Sign-up needs no messages from the bot: asked for only where the site says the broker needs it.
      ...(requestWrite ? { request_access: 'write' } : {}),
      return_to: returnTo,
      lang,
    });
    return { url, pending: { provider: 'telegram', state, redirectUri } };
  },

  proofFrom(params) {
    const encoded = required(params, 'tgAuthResult', 'telegram');
    if (encoded === 'false') throw new SignInError('telegram', 'cancelled');
    const data = base64urlJson(encoded);
    if (!data) throw new SignInError('telegram', 'proof', 'unreadable tgAuthResult');
    // Only the signed fields, as text: the gateway recomputes the hash over exactly these.
    const authData: Record<string, string> = {};
    for (const field of AUTH_FIELDS) {
      const value = data[field];
      if (typeof value === 'string' || typeof value === 'number') authData[field] = String(value);
    }
    if (!authData.id || !authData.auth_date || !authData.hash) throw new SignInError('telegram', 'proof', 'incomplete auth data');
    return { provider: 'telegram', authData, state: params.state };
  },
};
