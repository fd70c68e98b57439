// Identity providers' stand-ins: issuing, i.e. what a provider hands the
// browser after consent (or after Cancel): a signed ID token, a code, an
// access token or signed Telegram data, each in the provider's own shape.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { APPLE_ISSUER, CODE_TTL_MS, GOOGLE_ISSUERS, TITLES } from './common.mjs';
import { alnum, digits, hex, sha256, telegramHash } from './helpers.mjs';

const ID_TOKEN_TTL_S = 10 * 60;
const ACCESS_TOKEN_TTL_S = 60 * 60;

/**
 * @param {object} context
 * @param {object} context.state
 * @param {() => number} context.now
 * @param {() => number} context.nowS
 * @param {(line: string) => void} context.log
 * @param {Function} context.keys the signing keys (keys.mjs)
 * @param {Function} context.behaviourOf the company's tamper (provider-behaviour.mjs)
 * @param {Function} context.newApp another app's client id, for `tamper: 'aud'` (apps.mjs)
 */
export function createIssuing({ state, now, nowS, log, keys, behaviourOf, newApp }) {
  /**
   * Issues the proof for an authorization request and the user who consented,
   * broken the way the company's `tamper` says:
   *   nonce      ID token carries another nonce than requested (google, apple)
   *   aud        ID token for another client id; access token of another app (facebook)
   *   exp        ID token / access token already expired; code 11 minutes old (twitter); auth_date 25 h old (telegram)
   *   signature  ID token signed by another key under the real kid; Telegram hash keyed with another bot token
   *   iss        ID token from another issuer
   *   state      the redirect carries another state than requested
   *   hash       Telegram hash altered after signing
   *   code       a code the token endpoint never issued (apple, twitter)
   * A tamper that does not apply to a provider leaves its proofs intact.
   * @returns {Promise<{ params: Record<string, string>, where: 'query' | 'fragment' }>}
   */
  async function grant(request, user) {
    const tamper = behaviourOf(request.app.companyId).tamper;
    const { params, where } = await ISSUERS[request.provider](request, user, tamper);
    if (tamper === 'state' && 'state' in params) params.state = `x${hex(8)}`;
    for (const [name, value] of Object.entries(params)) if (value === undefined || value === '') delete params[name];
    log(`[idp] ${TITLES[request.provider]} signed in ${user.name} (${user.id}) for ${request.app.companyId}${tamper ? `, tampered: ${tamper}` : ''}`);
    return { params, where };
  }

  /** The answer when the user presses Cancel, where and how each provider sends it. */
  function denied(request) {
    if (request.provider === 'telegram') return { params: { tgAuthResult: 'false' }, where: 'fragment' };
    const params = { error: 'access_denied', state: request.state };
    // Facebook adds its own reason and answers in the query even for response_type=token.
    if (request.provider === 'facebook') Object.assign(params, { error_reason: 'user_denied', error_description: 'Permissions error' });
    if (!params.state) delete params.state;
    return { params, where: request.provider === 'twitter' || request.provider === 'facebook' ? 'query' : 'fragment' };
  }

  async function signIdToken(provider, request, user, tamper, extraClaims) {
    const k = await keys();
    const key = k[provider];
    const iat = nowS() - (tamper === 'exp' ? 2 * ID_TOKEN_TTL_S : 0);
    const claims = {
      nonce: tamper === 'nonce' ? `other-${hex(8)}` : request.nonce,
      ...(user.email ? { email: user.email, email_verified: true } : {}),
      ...extraClaims,
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(tamper === 'iss' ? 'https://accounts.example.net' : provider === 'google' ? GOOGLE_ISSUERS[0] : APPLE_ISSUER)
      .setAudience(tamper === 'aud' ? newApp(provider).clientId : request.app.clientId)
      .setSubject(user.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ID_TOKEN_TTL_S)
      .sign(tamper === 'signature' ? k.rogue.privateKey : key.privateKey);
  }

  const ISSUERS = {
    // Google, implicit OIDC (response_type=id_token): the ID token in the fragment.
    async google(request, user, tamper) {
      const idToken = await signIdToken('google', request, user, tamper, { azp: request.app.clientId, name: user.name });
      return { params: { id_token: idToken, state: request.state }, where: 'fragment' };
    },

    // Apple, response_type "code id_token" in the fragment: a code bound to the ID token it comes with.
    async apple(request, user, tamper) {
      const idToken = await signIdToken('apple', request, user, tamper, { auth_time: nowS(), nonce_supported: true });
      const code = `c${hex(16)}.0.${alnum(4).toLowerCase()}.${randomBytes(16).toString('base64url')}`;
      if (tamper !== 'code') {
        state.appleCodes.set(code, { clientId: request.app.clientId, idTokenHash: sha256(idToken), expiresAt: now() + CODE_TTL_MS, used: false });
      }
      return { params: { code, id_token: idToken, state: request.state }, where: 'fragment' };
    },

    // Facebook, response_type=token: a user access token for the app.
    async facebook(request, user, tamper) {
      const accessToken = `EAA${randomBytes(96).toString('base64url').replace(/[-_]/g, '')}`;
      state.facebookTokens.set(accessToken, {
        appId: tamper === 'aud' ? digits(16) : request.app.clientId,
        user,
        scopes: request.scopes,
        issuedAt: now(),
        expiresAt: tamper === 'exp' ? now() - 1000 : now() + ACCESS_TOKEN_TTL_S * 1000,
      });
      return { params: { access_token: accessToken, token_type: 'bearer', expires_in: String(ACCESS_TOKEN_TTL_S), state: request.state }, where: 'fragment' };
    },

    // X, OAuth 2.0 authorization code with PKCE: the code in the query.
    async twitter(request, user, tamper) {
      const code = randomBytes(48).toString('base64url');
      if (tamper !== 'code') {
        state.twitterCodes.set(code, {
          clientId: request.app.clientId,
          redirectUri: request.redirectUri,
          codeChallenge: request.codeChallenge,
          scope: request.scope,
          user,
          issuedAt: tamper === 'exp' ? now() - CODE_TTL_MS - 60_000 : now(),
          used: false,
        });
      }
      return { params: { state: request.state, code }, where: 'query' };
    },

    // Telegram: the user's fields signed with the bot token, base64url JSON in #tgAuthResult.
    async telegram(request, user, tamper) {
      const [firstName, ...rest] = user.name.split(/\s+/);
      const data = {
        id: Number(user.id),
        first_name: firstName,
        ...(rest.length ? { last_name: rest.join(' ') } : {}),
        ...(user.username ? { username: user.username } : {}),
        auth_date: nowS() - (tamper === 'exp' ? 25 * 60 * 60 : 0),
      };
      const botToken = tamper === 'signature' ? `${request.app.clientId}:AA${hex(16)}` : request.app.secret;
      let hash = telegramHash(botToken, data);
      if (tamper === 'hash') hash = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0');
      const tgAuthResult = Buffer.from(JSON.stringify({ ...data, hash })).toString('base64url');
      return { params: { tgAuthResult }, where: 'fragment' };
    },
  };

  return { grant, denied };
}
