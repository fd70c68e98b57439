// Identity providers' stand-ins: their server-side endpoints (JWKS, Graph
// API, X's token and users/me endpoints) and the router for everything under
// /__idp/.
import { randomBytes } from 'node:crypto';
import { CODE_TTL_MS } from './common.mjs';
import { CONSENT_CSS, CONSENT_CSS_PATH, errorPage } from '../idp-pages.mjs';
import { basicCredentials, bearer, readForm, s256, safeEqual, send, sendJson, sendPage } from './helpers.mjs';

/**
 * @param {object} context
 * @param {object} context.state
 * @param {() => number} context.now
 * @param {Function} context.keys the signing keys (keys.mjs)
 * @param {object} context.AUTHORIZE each provider's authorize path (provider-authorize.mjs)
 * @param {Function} context.authorize (provider-authorize.mjs)
 * @param {Function} context.consent (provider-authorize.mjs)
 */
export function createProviderEndpoints({ state, now, keys, AUTHORIZE, authorize, consent }) {
  /** Graph API `GET /debug_token?input_token=…&access_token={app-id}|{app-secret}`: what a token is, for whom, until when. */
  function debugToken(inputToken, appAccessToken) {
    const [appId, secret = ''] = appAccessToken.split('|');
    const app = state.appsByClientId.get(`facebook|${appId}`);
    if (!app || !safeEqual(app.secret, secret)) {
      return { error: { message: 'Invalid OAuth access token signature.', type: 'OAuthException', code: 190 } };
    }
    const issued = state.facebookTokens.get(inputToken);
    if (!issued) return { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' }, scopes: [] } };
    const isValid = now() < issued.expiresAt;
    return {
      data: {
        app_id: issued.appId,
        type: 'USER',
        application: 'Stand-in app',
        expires_at: Math.floor(issued.expiresAt / 1000),
        is_valid: isValid,
        issued_at: Math.floor(issued.issuedAt / 1000),
        scopes: issued.scopes,
        user_id: issued.user.id,
        ...(isValid ? {} : { error: { code: 190, subcode: 463, message: 'Session has expired.' } }),
      },
    };
  }

  /** Graph API `GET /me?fields=id,name,email` with the user's token; `email` only with the email permission. */
  function graphMe(accessToken, fields) {
    const issued = state.facebookTokens.get(accessToken);
    if (!issued || now() >= issued.expiresAt) return { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } };
    const me = { id: issued.user.id };
    if (fields.includes('name')) me.name = issued.user.name;
    if (fields.includes('email') && issued.scopes.includes('email') && issued.user.email) me.email = issued.user.email;
    return me;
  }

  /**
   * X's `POST /2/oauth2/token` (grant_type=authorization_code). Errors carry,
   * besides OAuth's `error`/`error_description`, a `reason` of the stand-in's
   * own so the gateway can say which check failed.
   */
  function twitterToken(req, form) {
    const invalid = (status, error, reason, description) => ({ status, body: { error, error_description: description, reason } });
    const [basicId, basicSecret] = basicCredentials(req.headers.authorization);
    const app = basicId !== undefined ? state.appsByClientId.get(`twitter|${basicId}`) : undefined;
    if (!app || !safeEqual(app.secret, basicSecret ?? '')) return invalid(401, 'invalid_client', 'client', 'Missing or invalid client credentials.');
    if (form.get('client_id') && form.get('client_id') !== app.clientId) return invalid(401, 'invalid_client', 'client', 'client_id does not match the credentials.');
    if (form.get('grant_type') !== 'authorization_code') return invalid(400, 'unsupported_grant_type', 'grant', 'grant_type must be authorization_code.');
    const code = form.get('code') ?? '';
    const issued = state.twitterCodes.get(code);
    if (!issued || issued.clientId !== app.clientId) return invalid(400, 'invalid_request', 'code_unknown', 'Value passed for the authorization code was invalid.');
    if (issued.used) return invalid(400, 'invalid_grant', 'code_used', 'The authorization code was already used.');
    if (now() - issued.issuedAt > CODE_TTL_MS) return invalid(400, 'invalid_grant', 'code_expired', 'The authorization code has expired.');
    if (form.get('redirect_uri') !== issued.redirectUri) return invalid(400, 'invalid_grant', 'redirect_mismatch', 'redirect_uri does not match the authorization request.');
    const verifier = form.get('code_verifier') ?? '';
    // RFC 7636: verifier of 43-128 unreserved characters, and S256 of it must be the challenge.
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || !safeEqual(s256(verifier), issued.codeChallenge)) {
      return invalid(400, 'invalid_grant', 'pkce', 'The code_verifier does not match the code_challenge.');
    }
    issued.used = true;
    const accessToken = randomBytes(48).toString('base64url');
    state.twitterTokens.set(accessToken, { clientId: app.clientId, user: issued.user, expiresAt: now() + 2 * 60 * 60_000 });
    return { status: 200, body: { token_type: 'bearer', expires_in: 7200, access_token: accessToken, scope: issued.scope } };
  }

  /** The stand-ins' endpoints besides authorize and consent, by `${method} ${path}`. */
  const ENDPOINTS = {
    google: {
      // https://www.googleapis.com/oauth2/v3/certs
      'GET /oauth2/v3/certs': async (req, res) => sendJson(res, 200, (await keys()).google.jwks),
    },
    apple: {
      // https://appleid.apple.com/auth/keys
      'GET /auth/keys': async (req, res) => sendJson(res, 200, (await keys()).apple.jwks),
    },
    facebook: {
      // https://graph.facebook.com/v19.0/debug_token and /me
      'GET /v19.0/debug_token': (req, res, url) => {
        const answer = debugToken(url.searchParams.get('input_token') ?? '', url.searchParams.get('access_token') ?? '');
        sendJson(res, answer.error ? 400 : 200, answer);
      },
      'GET /v19.0/me': (req, res, url) => {
        const token = url.searchParams.get('access_token') ?? bearer(req.headers.authorization) ?? '';
        const answer = graphMe(token, (url.searchParams.get('fields') ?? 'id,name').split(','));
        sendJson(res, answer.error ? 400 : 200, answer);
      },
    },
    twitter: {
      // https://api.twitter.com/2/oauth2/token
      'POST /2/oauth2/token': async (req, res) => {
        let form;
        try {
          form = await readForm(req);
        } catch {
          return sendJson(res, 400, { error: 'invalid_request', error_description: 'Unreadable body.' });
        }
        const { status, body } = twitterToken(req, form);
        sendJson(res, status, body);
      },
      // https://api.twitter.com/2/users/me
      'GET /2/users/me': (req, res) => {
        const issued = state.twitterTokens.get(bearer(req.headers.authorization) ?? '');
        if (!issued || now() > issued.expiresAt) return sendJson(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
        sendJson(res, 200, { data: { id: issued.user.id, name: issued.user.name, username: issued.user.username } });
      },
    },
    telegram: {},
  };

  /** Everything under /__idp/: top-level pages and server-to-server endpoints, so no CORS. */
  async function handleIdp(req, res, url) {
    if (req.method === 'GET' && url.pathname === CONSENT_CSS_PATH) return send(res, 200, CONSENT_CSS, 'text/css; charset=utf-8');
    const match = /^\/__idp\/(google|apple|facebook|twitter|telegram)(\/.*)$/.exec(url.pathname);
    if (match) {
      const [, provider, path] = match;
      if (req.method === 'GET' && path === AUTHORIZE[provider].path) return authorize(provider, url, res);
      if (req.method === 'POST' && path === '/consent') return consent(provider, req, res);
      const endpoint = ENDPOINTS[provider][`${req.method} ${path}`];
      if (endpoint) return endpoint(req, res, url);
    }
    return sendPage(res, 404, errorPage('Identity provider', 'No such page.'));
  }

  return { handleIdp, debugToken, graphMe };
}
