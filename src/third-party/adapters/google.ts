/**
 * Google: OpenID Connect with an ID token returned in the fragment (no client
 * secret in the browser). The nonce goes into the token; the gateway checks
 * the token, and this adapter checks the nonce before sending it on.
 */
import { randomToken } from '../oauth-crypto.js';
import { idTokenWithNonce, withQuery, type RedirectAdapter } from './adapter.js';

export const googleAdapter: RedirectAdapter = {
  provider: 'google',

  async authorizationRequest({ endpoint, clientId, redirectUri, lang }) {
    const state = randomToken();
    const nonce = randomToken();
    const url = withQuery(endpoint, {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'id_token',
      scope: 'openid email profile',
      nonce,
      state,
      prompt: 'select_account',
      hl: lang,
    });
    return { url, pending: { provider: 'google', state, nonce, redirectUri } };
  },

  proofFrom(params, pending) {
    return { provider: 'google', ...idTokenWithNonce(params, pending) };
  },
};
