/**
 * X (Twitter): OAuth 2.0 authorization code with PKCE (S256). The browser
 * keeps the verifier; the gateway exchanges code + verifier at X's token
 * endpoint with its client secret, which never reaches the browser.
 */
import { pkceChallenge, randomToken } from '../oauth-crypto.js';
import { required, withQuery, type RedirectAdapter } from './adapter.js';

export const twitterAdapter: RedirectAdapter = {
  provider: 'twitter',

  async authorizationRequest({ endpoint, clientId, redirectUri }) {
    const state = randomToken();
    const codeVerifier = randomToken(48);
    const url = withQuery(endpoint, {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'users.read tweet.read',
      state,
      code_challenge: await pkceChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending: { provider: 'twitter', state, codeVerifier, redirectUri } };
  },

  proofFrom(params, pending) {
    return {
      provider: 'twitter',
      code: required(params, 'code', 'twitter'),
      codeVerifier: pending.codeVerifier!,
      redirectUri: pending.redirectUri,
      state: pending.state,
    };
  },
};
