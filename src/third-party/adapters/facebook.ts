/**
 * Facebook Login's manual flow for the web: the OAuth dialog returns a user
 * access token in the fragment; the gateway checks it against Facebook (that
 * it was issued to this app) and reads the user from it.
 */
import { randomToken } from '../oauth-crypto.js';
import { required, withQuery, type RedirectAdapter } from './adapter.js';

export const facebookAdapter: RedirectAdapter = {
  provider: 'facebook',

  async authorizationRequest({ endpoint, clientId, redirectUri }) {
    const state = randomToken();
    const url = withQuery(endpoint, {
      client_id: clientId,
      redirect_uri: redirectUri,
      state,
      response_type: 'token',
      scope: 'email',
    });
    return { url, pending: { provider: 'facebook', state, redirectUri } };
  },

  proofFrom(params, pending) {
    return { provider: 'facebook', accessToken: required(params, 'access_token', 'facebook'), state: pending.state };
  },
};
