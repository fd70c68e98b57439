// The gateway's CustomerThirdLoginService, part 2: one check per provider,
// each checking that provider's proof the way a backend checks the real one.
// Each returns the account the proof vouches for, or a failed check.
// (gateway-verify.mjs runs them and adds what is common to all.)
import { errors as jose, jwtVerify } from 'jose';
import { CODES, Refusal, requireString } from '../refusal.mjs';
import { checkSiwe } from '../siwe.mjs';
import { APPLE_ISSUER, GOOGLE_ISSUERS, PROOF_MAX_LENGTH, TITLES, TOKEN_MAX_LENGTH } from './common.mjs';
import { safeEqual, sha256, telegramHash } from './helpers.mjs';

const CLOCK_TOLERANCE_S = 60;
const TELEGRAM_MAX_AGE_S = 24 * 60 * 60;
const MAX_SKEW_S = 5 * 60;

/** A failed check: `reason` names the failReason message (../messages.mjs `fail.*`). */
export const fail = (reason, ...args) => ({ ok: false, reason, args });

/** (assumed) Chains whose Sign-In with Ethereum messages the broker accepts: Ethereum mainnet. */
const SIWE_CHAINS = [1];
/** A nonce from metamaskNonce must be signed and verified within this time. */
const SIWE_NONCE_TTL_MS = 10 * 60_000;

/**
 * @param {object} context
 * @param {object} context.state
 * @param {() => number} context.now
 * @param {() => number} context.nowS
 * @param {Function} context.keys the JWKS the ID tokens are checked against (keys.mjs)
 * @param {() => string} context.selfOrigin the gateway's own origin, for calls to X's stand-in over HTTP
 * @param {Function} context.debugToken Facebook's Graph API debug_token, in-process (provider-endpoints.mjs)
 * @param {Function} context.graphMe Facebook's Graph API /me, in-process (provider-endpoints.mjs)
 * @returns {Record<string, (body: object, ctx: object, app: object) => Promise<object>>} the check of each `thirdSource`
 */
export function createProofChecks({ state, now, nowS, keys, selfOrigin, debugToken, graphMe }) {
  /**
   * An OIDC ID token (Google, Apple): RS256 signature against the provider's
   * JWKS, issuer, audience = this company's client id, not expired, and a
   * nonce to bind it to the page that asked (checked against sendToken at
   * register). A real gateway would use createRemoteJWKSet on the provider's
   * certs URL; the stand-in's JWKS is the very document /__idp/… serves.
   */
  async function verifyIdToken(provider, idToken, app, issuers) {
    try {
      const { payload } = await jwtVerify(idToken, (await keys())[provider].keySet, {
        algorithms: ['RS256'],
        issuer: issuers,
        audience: app.clientId,
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now()),
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      if (typeof payload.nonce !== 'string' || !payload.nonce) return fail('nonceMissing');
      return { ok: true, claims: payload };
    } catch (error) {
      if (error instanceof jose.JWTExpired) return fail('expired');
      if (error instanceof jose.JWTClaimValidationFailed) {
        if (error.claim === 'iss') return fail('issuer', TITLES[provider]);
        if (error.claim === 'aud') return fail('audience');
        if (error.claim === 'nbf' || error.claim === 'iat') return fail('notYetValid');
        return fail('tokenMalformed');
      }
      if (error instanceof jose.JWSSignatureVerificationFailed || error instanceof jose.JWKSNoMatchingKey || error instanceof jose.JOSEAlgNotAllowed) {
        return fail('signature');
      }
      if (error instanceof jose.JOSEError) return fail('tokenMalformed');
      throw error;
    }
  }

  /** Only an address the provider verified is the user's: an unverified one is not passed on. */
  const verifiedEmail = (claims) =>
    (claims.email_verified === true || claims.email_verified === 'true') && typeof claims.email === 'string' ? claims.email.toLowerCase() : '';

  // ---- Google: googleVerify { idToken } ----

  async function checkGoogle(body, ctx, app) {
    const idToken = requireString(body, 'idToken', ctx, PROOF_MAX_LENGTH);
    const checked = await verifyIdToken('google', idToken, app, GOOGLE_ISSUERS);
    if (!checked.ok) return checked;
    const { claims } = checked;
    return { ok: true, userId: claims.sub, email: verifiedEmail(claims), phone: '', nonce: claims.nonce, proofKey: idToken };
  }

  // ---- Apple: appleVerify { companyId, code, idToken } ----

  async function checkApple(body, ctx, app) {
    // The platform's web client sends its company id in the body too (observed): it must be the caller's.
    const companyId = requireString(body, 'companyId', ctx);
    if (companyId !== ctx.companyId) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('companyId'));
    const code = requireString(body, 'code', ctx, TOKEN_MAX_LENGTH);
    const idToken = requireString(body, 'idToken', ctx, PROOF_MAX_LENGTH);
    const checked = await verifyIdToken('apple', idToken, app, [APPLE_ISSUER]);
    if (!checked.ok) return checked;
    const redeemed = redeemAppleCode(code, app, idToken);
    if (!redeemed.ok) return redeemed;
    const { claims } = checked;
    return { ok: true, userId: claims.sub, email: verifiedEmail(claims), phone: '', nonce: claims.nonce, proofKey: idToken };
  }

  /**
   * What Apple's token endpoint (POST https://appleid.apple.com/auth/token,
   * grant_type=authorization_code, with a client-secret JWT signed by the
   * developer's key) would tell the gateway: the code is one Apple issued to
   * this client, fresh and unused. Checked in-process here (no client-secret
   * JWT to make); the code is single-use and bound to the ID token it came with.
   */
  function redeemAppleCode(code, app, idToken) {
    const issued = state.appleCodes.get(code);
    if (!issued || issued.clientId !== app.clientId) return fail('codeUnknown');
    if (issued.used) return fail('proofUsed');
    if (now() > issued.expiresAt) return fail('codeExpired');
    if (issued.idTokenHash !== sha256(idToken)) return fail('codeMismatch');
    issued.used = true;
    return { ok: true };
  }

  // ---- Facebook: facebookVerify { accessToken } ----

  async function checkFacebook(body, ctx, app) {
    const accessToken = requireString(body, 'accessToken', ctx, TOKEN_MAX_LENGTH);
    // debug_token with the app access token: is the token valid, and was it issued to *this* app?
    // (In-process: the stand-in's Graph API is the function its HTTP endpoint also answers with.)
    const debug = debugToken(accessToken, `${app.clientId}|${app.secret}`);
    if (debug.error) return fail('clientRejected');
    const info = debug.data;
    if (!info.is_valid) return fail(info.expires_at && info.expires_at * 1000 <= now() ? 'expired' : 'tokenInvalid');
    if (info.app_id !== app.clientId) return fail('audience');
    const me = graphMe(accessToken, ['id', 'name', 'email']);
    if (me.error || me.id !== info.user_id) return fail('tokenInvalid');
    return { ok: true, userId: me.id, email: me.email?.toLowerCase() ?? '', phone: '', nonce: '', proofKey: accessToken };
  }

  // ---- X (Twitter): twitterVerify { code, codeVerifier, redirectUri } ----

  async function checkTwitter(body, ctx, app) {
    const code = requireString(body, 'code', ctx, TOKEN_MAX_LENGTH);
    const codeVerifier = requireString(body, 'codeVerifier', ctx);
    const redirectUri = requireString(body, 'redirectUri', ctx, TOKEN_MAX_LENGTH);
    // Over real HTTP to the stand-in on this same server, as a backend calls api.twitter.com:
    // the confidential client's credentials in HTTP Basic, the PKCE verifier in the form.
    const base = `${selfOrigin()}/__idp/twitter`;
    let token;
    try {
      const response = await fetch(`${base}/2/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${app.clientId}:${app.secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier, client_id: app.clientId }),
        signal: AbortSignal.timeout(5000),
      });
      token = { status: response.status, body: await response.json() };
    } catch {
      return fail('providerUnreachable');
    }
    if (token.status !== 200) return fail(TWITTER_TOKEN_FAILURES[token.body?.reason] ?? 'codeUnknown');
    let me;
    try {
      const response = await fetch(`${base}/2/users/me`, {
        headers: { authorization: `Bearer ${token.body.access_token}` },
        signal: AbortSignal.timeout(5000),
      });
      me = await response.json();
    } catch {
      return fail('providerUnreachable');
    }
    if (typeof me?.data?.id !== 'string') return fail('tokenInvalid');
    return { ok: true, userId: me.data.id, email: '', phone: '', nonce: '', proofKey: code };
  }

  const TWITTER_TOKEN_FAILURES = {
    client: 'clientRejected',
    code_unknown: 'codeUnknown',
    code_used: 'proofUsed',
    code_expired: 'codeExpired',
    redirect_mismatch: 'redirectMismatch',
    pkce: 'pkce',
  };

  // ---- Telegram: telegramVerify { id, first_name, last_name?, username?, photo_url?, auth_date, hash } ----

  async function checkTelegram(body, ctx, app) {
    const id = digitsField(body, 'id', ctx);
    const authDate = digitsField(body, 'auth_date', ctx);
    const hash = requireString(body, 'hash', ctx);
    const received = { id, first_name: requireString(body, 'first_name', ctx), auth_date: authDate };
    for (const [name, max] of [['last_name', 256], ['username', 256], ['photo_url', TOKEN_MAX_LENGTH]]) {
      const value = body[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string' || value.length > max) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
      received[name] = value;
    }
    // Only Telegram's own fields are signed; anything else in the body is not Telegram's and is left out.
    if (!safeEqual(telegramHash(app.secret, received), hash)) return fail('hash');
    const age = nowS() - Number(authDate);
    if (age > TELEGRAM_MAX_AGE_S) return fail('authDateOld');
    if (age < -MAX_SKEW_S) return fail('authDateFuture');
    return { ok: true, userId: id, email: '', phone: '', nonce: '', proofKey: hash };
  }

  /** Telegram sends numbers; a client may pass them on as strings. Either way the digits are what was signed. */
  function digitsField(body, name, ctx) {
    const value = body[name];
    if (value === undefined || value === null || value === '') throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired(name));
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
    throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
  }

  // ---- MetaMask: metamaskVerify { address, message, signature } ----

  async function checkMetamask(body, ctx) {
    const address = requireString(body, 'address', ctx);
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('address'));
    const message = requireString(body, 'message', ctx, PROOF_MAX_LENGTH);
    const signature = requireString(body, 'signature', ctx, PROOF_MAX_LENGTH);
    if (!/^0x[0-9a-fA-F]+$/.test(signature)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('signature'));
    const checked = await checkSiwe({ address, message, signature, origin: ctx.origin, now: now() });
    if (!checked.ok) return fail(checked.reason, ...(checked.args ?? []));
    // Only chains the broker accepts; only a nonce this gateway issued to this company, lately
    // (its single use is the common replay check's).
    if (!SIWE_CHAINS.includes(checked.chainId)) return fail('siweChain', checked.chainId);
    const issued = state.siweNonces.get(checked.nonce);
    if (!issued || issued.companyId !== ctx.companyId || now() - issued.issuedAt > SIWE_NONCE_TTL_MS) return fail('siweNonceUnknown');
    return { ok: true, userId: checked.address, email: '', phone: '', nonce: checked.nonce, proofKey: signature };
  }

  return { google: checkGoogle, apple: checkApple, facebook: checkFacebook, twitter: checkTwitter, telegram: checkTelegram, metamask: checkMetamask };
}
