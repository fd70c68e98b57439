/**
 * Sign in with Apple: code and ID token in the fragment. Apple only allows the
 * fragment when no scope is asked for (name and e-mail need a form POST to a
 * server), so none is: the ID token still carries the e-mail Apple shares.
 */
import { randomToken } from '../oauth-crypto.js';
import { idTokenWithNonce, required, withQuery, type RedirectAdapter } from './adapter.js';

export const appleAdapter: RedirectAdapter = {
  provider: 'apple',

  async authorizationRequest({ endpoint, clientId, redirectUri }) {
    const state = randomToken();
    const nonce = randomToken();
    const url = withQuery(endpoint, {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code id_token',
      response_mode: 'fragment',
      state,
      nonce,
    });
    return { url, pending: { provider: 'apple', state, nonce, redirectUri } };
  },

  proofFrom(params, pending) {
    const { idToken, nonce } = idTokenWithNonce(params, pending);
    return { provider: 'apple', idToken, code: required(params, 'code', 'apple'), nonce };
  },
};
