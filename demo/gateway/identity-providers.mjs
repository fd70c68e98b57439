// Third-party registration for the reference gateway (../shared/contract.md,
// "Third-party registration"). Two parties live in this module, as they would
// on two sides of the internet:
//
//  - the identity providers' stand-ins (Google, Apple, Facebook, X/Twitter,
//    Telegram): consent pages and endpoints under /__idp/{provider}/ with the
//    real endpoint's path after that prefix, issuing real proofs (RS256 ID
//    tokens checked against a JWKS, single-use codes with PKCE, access tokens,
//    HMAC-signed Telegram data). Real providers cannot be reached from the
//    tests or the demo, so these play them on the gateway's own origin;
//  - the gateway's CustomerThirdLoginService: `config` and `{provider}Verify`,
//    which check those proofs the way a backend checks the real ones, and the
//    register (type 3) side (`redeemProof`), which accepts a proof only once.
//
// They share one thing: the app registry, i.e. the client ids and secrets a
// broker gets by registering its apps with each provider, one app per company
// id and provider, created on first use. Secrets never leave the server.
// MetaMask has no provider to play: its proof is a signed message (siwe.mjs).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors as jose, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { CODES, Refusal, requireString } from './refusal.mjs';
import { checkSiwe } from './siwe.mjs';
import { readBody } from './request-body.mjs';
import { CONSENT_CSS, CONSENT_CSS_PATH, consentPage, errorPage, pagePolicy } from './idp-pages.mjs';

/** (observed) the `thirdSource` values of the platform's CustomerThirdLoginService. */
export const THIRD_SOURCES = ['google', 'facebook', 'twitter', 'telegram', 'apple', 'metamask'];

/** Contract paths (after the prefix) -> call name, for server.mjs's ROUTES. */
export const THIRD_PARTY_ROUTES = {
  '/global/customer.app.CustomerThirdLoginService.config': 'config',
  ...Object.fromEntries(THIRD_SOURCES.map((p) => [`/global/customer.app.CustomerThirdLoginService.${p}Verify`, `${p}Verify`])),
};

/** ID tokens, SIWE messages and signatures are longer than the 256 characters every other field gets. */
export const PROOF_MAX_LENGTH = 8192;
/** Access tokens, codes and redirect URIs: longer than a name, shorter than an ID token. */
const TOKEN_MAX_LENGTH = 2048;

const STAND_INS = ['google', 'apple', 'facebook', 'twitter', 'telegram'];
const TITLES = { google: 'Google', apple: 'Apple', facebook: 'Facebook', twitter: 'X (Twitter)', telegram: 'Telegram', metamask: 'MetaMask' };
/** Providers whose proof carries the element's nonce, so register's sendToken must be that nonce. */
const NONCE_BOUND = new Set(['google', 'apple', 'metamask']);
/** Providers that tell the app the user's e-mail address (X and Telegram do not). */
const SHARES_EMAIL = new Set(['google', 'apple', 'facebook']);
/** What `/__dev/idp` `tamper` can break in every proof issued afterwards (see `grant`). */
const TAMPERS = ['nonce', 'aud', 'exp', 'signature', 'iss', 'state', 'hash', 'code'];

const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
const APPLE_ISSUER = 'https://appleid.apple.com';
const ID_TOKEN_TTL_S = 10 * 60;
const CODE_TTL_MS = 10 * 60_000;
const ACCESS_TOKEN_TTL_S = 60 * 60;
/** A verified proof must be used for register within this time (assumed, like a sendToken's 10 minutes). */
const PROOF_TTL_MS = 10 * 60_000;
const CLOCK_TOLERANCE_S = 60;
const TELEGRAM_MAX_AGE_S = 24 * 60 * 60;
const MAX_SKEW_S = 5 * 60;
const CONSENT_TTL_MS = 10 * 60_000;
const MAX_FORM_BYTES = 16 * 1024;

const FIRST_NAMES = ['Ada', 'Ben', 'Chen', 'Dana', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jun', 'Kofi', 'Lena', 'Mei', 'Noah', 'Olga', 'Priya'];
const LAST_NAMES = ['Lovelace', 'Okafor', 'Wang', 'Silva', 'Yilmaz', 'Haddad', 'Hopper', 'Tanaka', 'Moreau', 'Park', 'Mensah', 'Novak', 'Lin', 'Berg', 'Ivanova', 'Rao'];

/** A failed check: `reason` names the failReason message (messages.mjs `fail.*`). */
const fail = (reason, ...args) => ({ ok: false, reason, args });

/** An authorization request the stand-in will not answer with a redirect: shown as an error page. */
class IdpError extends Error {
  constructor(message, status = 400) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {object} options
 * @param {string[]} options.allowedOrigins the gateway's CORS origins: the only places a provider may redirect to ('*' allows any)
 * @param {() => number} options.now
 * @param {(line: string) => void} options.log
 * @param {() => string} options.selfOrigin the gateway's own origin, for calls to its own stand-ins over HTTP
 * @param {(companyId: string, provider: string, userId: string) => boolean} options.isRegistered
 */
export function createIdentityProviders({ allowedOrigins, now, log, selfOrigin, isRegistered }) {
  const state = {
    /** `${companyId}|${provider}` -> app; the same apps by `${provider}|${clientId}`. */
    apps: new Map(),
    appsByClientId: new Map(),
    /** companyId -> the stand-ins' behaviour set by /__dev/idp. */
    behaviours: new Map(),
    /** `${provider}|${email or name}` -> user: the same person approving twice gets the same id. */
    users: new Map(),
    /** Consent pages waiting for an answer, by request id. */
    consents: new Map(),
    /** What the providers issued and must recognise later. */
    appleCodes: new Map(),
    facebookTokens: new Map(),
    twitterCodes: new Map(),
    twitterTokens: new Map(),
    /** Gateway side: nonces and proofs accepted once (by any company), `${provider}|nonce|…` / `${provider}|proof|…`. */
    seen: new Set(),
    /** Gateway side: accepted proofs waiting for register, by `${companyId}|${provider}|${proofKey}`. */
    proofs: new Map(),
  };

  function reset() {
    for (const store of Object.values(state)) store.clear();
  }

  const nowS = () => Math.floor(now() / 1000);

  // ---- signing keys ----------------------------------------------------------

  /**
   * One RS256 key per OIDC provider, made when first needed (generation is
   * async), plus a rogue key that `tamper: 'signature'` signs with under the
   * real key's kid. The JWKS documents are what /__idp/{google,apple} serve.
   */
  let keysPromise;
  function keys() {
    keysPromise ??= (async () => {
      const make = async (kid) => {
        const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
        const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
        return { kid, privateKey, jwks, keySet: createLocalJWKSet(jwks) };
      };
      const [google, apple, rogue] = await Promise.all([make(`google-${hex(8)}`), make(`apple-${hex(5)}`), make('rogue')]);
      return { google, apple, rogue };
    })();
    return keysPromise;
  }

  // ---- apps (the registry both sides share) ----------------------------------

  function appOf(companyId, provider) {
    const key = `${companyId}|${provider}`;
    let app = state.apps.get(key);
    if (!app) {
      app = { companyId, provider, secret: '', developerAccount: '', ...newApp(provider) };
      state.apps.set(key, app);
      if (app.clientId) state.appsByClientId.set(`${provider}|${app.clientId}`, app);
    }
    return app;
  }

  /** Credentials shaped like each provider's, so an element that checks their form is satisfied. */
  function newApp(provider) {
    switch (provider) {
      case 'google':
        return { clientId: `${digits(12)}-${alnum(32).toLowerCase()}.apps.googleusercontent.com` };
      case 'apple':
        // A Services ID; `developerAccount` (observed field, meaning not documented) is
        // taken to be the Apple developer team id, which a backend needs for its client secret.
        return { clientId: `com.example.${alnum(10).toLowerCase()}.signin`, developerAccount: alnum(10).toUpperCase() };
      case 'facebook':
        return { clientId: digits(16), secret: hex(16) };
      case 'twitter':
        // X's OAuth 2.0 client ids are base64 of "<id>:1:ci"; confidential clients get a secret.
        return { clientId: Buffer.from(`${alnum(22)}:1:ci`).toString('base64url'), secret: randomBytes(38).toString('base64url') };
      case 'telegram': {
        // The bot id is public (the login widget's bot_id); the bot token is the secret the HMAC is keyed with.
        const botId = digits(10);
        return { clientId: botId, secret: `${botId}:AA${randomBytes(25).toString('base64url')}` };
      }
      case 'metamask':
        // MetaMask needs no client id: the proof is a message the user's own key signs.
        return { clientId: '' };
    }
    throw new Error(`no such provider ${provider}`);
  }

  function clientApp(provider, clientId) {
    const app = clientId ? state.appsByClientId.get(`${provider}|${clientId}`) : undefined;
    if (!app) throw new IdpError(`Unknown ${provider === 'telegram' ? 'bot_id' : 'client_id'}: this app is not registered with ${TITLES[provider]}.`);
    return app;
  }

  // ---- the stand-ins' behaviour (/__dev/idp) and users -----------------------

  const DEFAULT_BEHAVIOUR = Object.freeze({ autoApprove: false, approveDelayMs: 0, user: null, tamper: null, unconfigured: [] });
  const behaviourOf = (companyId) => state.behaviours.get(companyId) ?? DEFAULT_BEHAVIOUR;

  /** @returns {string | null} an error, or null when the behaviour was stored */
  function setBehaviour(body) {
    if (typeof body?.companyId !== 'string' || !body.companyId) return 'companyId is required';
    const next = { ...behaviourOf(body.companyId) };
    if ('autoApprove' in body) {
      if (typeof body.autoApprove !== 'boolean') return 'autoApprove must be true or false';
      next.autoApprove = body.autoApprove;
    }
    if ('approveDelayMs' in body) {
      // A person who takes a moment to consent: the auto-approved answer comes after this long.
      if (!Number.isInteger(body.approveDelayMs) || body.approveDelayMs < 0 || body.approveDelayMs > 10_000) {
        return 'approveDelayMs must be a whole number of milliseconds from 0 to 10000';
      }
      next.approveDelayMs = body.approveDelayMs;
    }
    if ('user' in body) {
      const user = body.user;
      const fieldOk = (value) => value === undefined || (typeof value === 'string' && value.length <= 254);
      const fieldsOk = user && typeof user === 'object' && fieldOk(user.id) && fieldOk(user.email) && fieldOk(user.name);
      if (user !== null && !fieldsOk) return 'user must be null or { id?, email?, name? } with string fields';
      next.user = user && { id: user.id, email: user.email, name: user.name };
    }
    if ('tamper' in body) {
      if (body.tamper !== null && !TAMPERS.includes(body.tamper)) return `tamper must be null or one of ${TAMPERS.join(', ')}`;
      next.tamper = body.tamper;
    }
    if ('unconfigured' in body) {
      if (!Array.isArray(body.unconfigured) || !body.unconfigured.every((p) => THIRD_SOURCES.includes(p))) {
        return `unconfigured must be a list of ${THIRD_SOURCES.join(', ')}`;
      }
      next.unconfigured = [...body.unconfigured];
    }
    state.behaviours.set(body.companyId, next);
    return null;
  }

  function randomPerson() {
    const first = FIRST_NAMES[randomInt(FIRST_NAMES.length)];
    const last = LAST_NAMES[randomInt(LAST_NAMES.length)];
    return { name: `${first} ${last}`, email: `${first}.${last}.${hex(3)}@example.com`.toLowerCase() };
  }

  /**
   * The provider's account for a person: remembered by e-mail (or name where
   * the provider has no e-mail), so approving twice gives the same id. A
   * wanted `id` fixes the id (a test registering the same person twice).
   * @param {{ id?: string, email?: string, name?: string } | null | undefined} wanted
   */
  function resolveUser(provider, wanted) {
    const person = wanted && (wanted.id || wanted.email || wanted.name) ? wanted : randomPerson();
    const email = SHARES_EMAIL.has(provider) && person.email ? person.email.trim().toLowerCase() : '';
    const name = person.name?.trim() || person.email?.split('@')[0] || `User ${person.id}`;
    const key = `${provider}|${(email || name).toLowerCase()}`;
    const fixedId = person.id ? idFor(provider, person.id) : undefined;
    let user = state.users.get(key);
    if (!user || (fixedId && user.id !== fixedId)) {
      user = { id: fixedId ?? newUserId(provider), name, email, username: usernameOf(name) };
      state.users.set(key, user);
    }
    return user;
  }

  /** Telegram ids are numbers: a non-numeric wanted id becomes a stable number derived from it. */
  function idFor(provider, id) {
    if (provider !== 'telegram' || /^[1-9]\d{0,14}$/.test(id)) return String(id);
    return String((BigInt(`0x${sha256(id).slice(0, 12)}`) % 9_000_000_000n) + 1_000_000_000n);
  }

  function newUserId(provider) {
    switch (provider) {
      case 'google':
        return `1${digits(20)}`;
      case 'apple':
        return `${digits(6)}.${hex(16)}.${digits(4)}`;
      case 'facebook':
        return digits(16);
      case 'twitter':
        return `1${digits(18)}`;
      default:
        return String(randomInt(100_000_000, 8_000_000_000));
    }
  }

  // ---- issuing (what a provider hands the browser after consent) -------------

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

  // ---- authorization requests (what each provider's authorize URL accepts) ----

  /** A place the provider may send the browser back to: http(s), no fragment, an origin the gateway serves. */
  function redirectTarget(value, name) {
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new IdpError(`${name} is not a valid URL.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IdpError(`${name} must be an http(s) URL.`);
    if (url.hash) throw new IdpError(`${name} must not contain a fragment.`);
    if (!(allowedOrigins.includes('*') || allowedOrigins.includes(url.origin))) {
      throw new IdpError(`${name} ${url.origin} is not registered for this app.`);
    }
    return url.href;
  }

  function required(query, name) {
    const value = query.get(name);
    if (!value) throw new IdpError(`Required parameter ${name} is missing.`);
    return value;
  }

  const AUTHORIZE = {
    // https://accounts.google.com/o/oauth2/v2/auth
    google: {
      path: '/o/oauth2/v2/auth',
      parse(query) {
        const app = clientApp('google', required(query, 'client_id'));
        const redirectUri = redirectTarget(required(query, 'redirect_uri'), 'redirect_uri');
        // The stand-in speaks only the implicit flow the element uses.
        if (query.get('response_type') !== 'id_token') throw new IdpError('response_type must be id_token.');
        if (!(query.get('scope') ?? '').split(' ').includes('openid')) throw new IdpError('scope must include openid.');
        // Google requires a nonce for response_type=id_token.
        const nonce = required(query, 'nonce');
        return { app, redirectUri, nonce, state: query.get('state') ?? '', loginHint: query.get('login_hint') ?? '' };
      },
    },

    // https://appleid.apple.com/auth/authorize
    apple: {
      path: '/auth/authorize',
      parse(query) {
        const app = clientApp('apple', required(query, 'client_id'));
        const redirectUri = redirectTarget(required(query, 'redirect_uri'), 'redirect_uri');
        if (query.get('response_type') !== 'code id_token') throw new IdpError('response_type must be "code id_token".');
        if (query.get('response_mode') !== 'fragment') throw new IdpError('response_mode must be fragment.');
        // Apple requires response_mode=form_post whenever a scope (name, email) is asked for;
        // a popup that reads its result from the URL cannot take a POST, so no scope.
        if (query.get('scope')) throw new IdpError('A scope requires response_mode=form_post.');
        return { app, redirectUri, nonce: required(query, 'nonce'), state: required(query, 'state') };
      },
    },

    // https://www.facebook.com/v19.0/dialog/oauth
    facebook: {
      path: '/v19.0/dialog/oauth',
      parse(query) {
        const app = clientApp('facebook', required(query, 'client_id'));
        const redirectUri = redirectTarget(required(query, 'redirect_uri'), 'redirect_uri');
        if (query.get('response_type') !== 'token') throw new IdpError('response_type must be token.');
        const scopes = (query.get('scope') ?? 'public_profile').split(/[\s,]+/).filter(Boolean);
        return { app, redirectUri, state: required(query, 'state'), scopes };
      },
    },

    // https://twitter.com/i/oauth2/authorize
    twitter: {
      path: '/i/oauth2/authorize',
      parse(query) {
        const app = clientApp('twitter', required(query, 'client_id'));
        const redirectUri = redirectTarget(required(query, 'redirect_uri'), 'redirect_uri');
        if (query.get('response_type') !== 'code') throw new IdpError('response_type must be code.');
        const scope = required(query, 'scope');
        const state = required(query, 'state');
        // PKCE is mandatory here, and only S256: "plain" would hand the verifier to anyone who sees the URL.
        if (query.get('code_challenge_method') !== 'S256') throw new IdpError('code_challenge_method must be S256.');
        const codeChallenge = required(query, 'code_challenge');
        if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) throw new IdpError('code_challenge must be BASE64URL(SHA256(code_verifier)).');
        return { app, redirectUri, scope, state, codeChallenge };
      },
    },

    // https://oauth.telegram.org/auth
    telegram: {
      path: '/auth',
      parse(query) {
        const app = clientApp('telegram', required(query, 'bot_id'));
        const redirectUri = redirectTarget(required(query, 'return_to'), 'return_to');
        // The bot's domain: the page asking must be the one the answer returns to.
        if (required(query, 'origin') !== new URL(redirectUri).origin) throw new IdpError('origin does not match return_to.');
        return { app, redirectUri, state: undefined };
      },
    },
  };

  /** GET /__idp/{provider}/{authorize path}: the consent page, or at once the answer when auto-approving. */
  async function authorize(provider, url, res) {
    let request;
    try {
      request = { provider, ...AUTHORIZE[provider].parse(url.searchParams) };
    } catch (error) {
      if (error instanceof IdpError) return sendPage(res, error.status, errorPage(TITLES[provider], error.message));
      throw error;
    }
    const behaviour = behaviourOf(request.app.companyId);
    if (behaviour.autoApprove) {
      // Like a user who consented before: straight back with the answer.
      if (behaviour.approveDelayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.approveDelayMs).unref?.());
      return redirect(res, request.redirectUri, await grant(request, resolveUser(provider, behaviour.user)));
    }
    const requestId = randomBytes(18).toString('base64url');
    state.consents.set(requestId, { request, expiresAt: now() + CONSENT_TTL_MS });
    // Prefilled with the company's fixed user (remembered, so approving it keeps its id) or a fresh person.
    const prefill = { ...(behaviour.user ? resolveUser(provider, behaviour.user) : randomPerson()) };
    if (request.loginHint?.includes('@')) prefill.email = request.loginHint;
    const target = new URL(request.redirectUri);
    const html = consentPage({
      providerTitle: TITLES[provider],
      provider,
      site: target.host,
      clientId: request.app.clientId,
      requestId,
      user: prefill,
      asksEmail: SHARES_EMAIL.has(provider),
    });
    return sendPage(res, 200, html, [target.origin]);
  }

  /** POST /__idp/{provider}/consent: the consent page's Continue or Cancel. */
  async function consent(provider, req, res) {
    // Only the consent page, on this origin, may answer for the user.
    // The page's no-referrer policy makes browsers send `Origin: null` with its
    // form, so the browser's Sec-Fetch-Site says where the POST came from; a
    // client without it (a script) is judged by its Origin header.
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const foreign = site ? site !== 'same-origin' : !!origin && origin !== `http://${req.headers.host}`;
    if (foreign) return sendPage(res, 403, errorPage(TITLES[provider], 'This form was sent from another site.'));
    let form;
    try {
      form = await readForm(req);
    } catch {
      return sendPage(res, 400, errorPage(TITLES[provider], 'The form could not be read.'));
    }
    const requestId = form.get('request') ?? '';
    const pending = state.consents.get(requestId);
    state.consents.delete(requestId);
    if (!pending || pending.request.provider !== provider || now() > pending.expiresAt) {
      return sendPage(res, 400, errorPage(TITLES[provider], 'This sign-in request has expired or was already answered.'));
    }
    const { request } = pending;
    if (form.get('decision') !== 'allow') return redirect(res, request.redirectUri, denied(request));
    const name = (form.get('name') ?? '').trim();
    const email = (form.get('email') ?? '').trim();
    if (!name || name.length > 100) return sendPage(res, 400, errorPage(TITLES[provider], 'A name is required.'));
    if (email && (email.length > 254 || !/^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(email))) {
      return sendPage(res, 400, errorPage(TITLES[provider], 'This email address is not valid.'));
    }
    return redirect(res, request.redirectUri, await grant(request, resolveUser(provider, { name, email })));
  }

  // ---- the providers' server-side endpoints ----------------------------------

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

  // ---- the gateway's CustomerThirdLoginService -------------------------------

  function thirdSourceOf(body, name, ctx) {
    const provider = requireString(body, name, ctx);
    if (!THIRD_SOURCES.includes(provider)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
    return provider;
  }

  function ensureConfigured(provider, ctx) {
    if (behaviourOf(ctx.companyId).unconfigured.includes(provider)) {
      throw new Refusal(CODES.thirdNotConfigured, ctx.m.thirdNotConfigured(TITLES[provider]));
    }
  }

  /**
   * Runs a provider's check, then the replay check common to all: a nonce or
   * a proof accepted once is never accepted again. An accepted proof is kept
   * for register (`redeemProof`). A proof that fails is `result: false` with
   * a failReason, not a refusal: the call itself was fine.
   */
  async function verify(provider, body, ctx, check) {
    ensureConfigured(provider, ctx);
    const app = appOf(ctx.companyId, provider);
    let outcome = await check(body, ctx, app);
    const scope = `${ctx.companyId}|${provider}`;
    // Replays are refused across companies too: a signed message or token
    // accepted for one company must not open an account at another (a SIWE
    // message names no company, and the Origin header is only a browser's word).
    const seenKey = (kind, value) => `${provider}|${kind}|${value}`;
    if (outcome.ok && outcome.nonce && state.seen.has(seenKey('nonce', outcome.nonce))) outcome = fail('nonceUsed');
    else if (outcome.ok && state.seen.has(seenKey('proof', outcome.proofKey))) outcome = fail('proofUsed');

    if (!outcome.ok) {
      log(`[gateway] ${provider}Verify: proof refused (${outcome.reason})`);
      const text = ctx.m.fail[outcome.reason];
      const failReason = typeof text === 'function' ? text(...outcome.args) : text;
      return { userId: '', action: '', result: false, failReason, thirdSource: provider, email: '', phone: '' };
    }

    const { userId, email, phone, nonce, proofKey } = outcome;
    if (nonce) state.seen.add(seenKey('nonce', nonce));
    state.seen.add(seenKey('proof', proofKey));
    state.proofs.set(`${scope}|${proofKey}`, { companyId: ctx.companyId, provider, userId, email, phone, nonce, proofKey, acceptedAt: now(), used: false });
    // (assumed) "login" once this provider account is a customer of this company, else "register".
    const action = isRegistered(ctx.companyId, provider, userId) ? 'login' : 'register';
    log(`[gateway] ${provider}Verify: ${userId} verified (${action})`);
    return { userId, action, result: true, failReason: '', thirdSource: provider, email, phone };
  }

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
    return { ok: true, userId: checked.address, email: '', phone: '', nonce: checked.nonce, proofKey: signature };
  }

  const handlers = {
    config(body, ctx) {
      const provider = thirdSourceOf(body, 'thirdSource', ctx);
      ensureConfigured(provider, ctx);
      const app = appOf(ctx.companyId, provider);
      // The public half only: secrets (app secret, client secret, bot token) stay on the server.
      return { thirdSource: provider, clientId: app.clientId, developerAccount: app.developerAccount };
    },
    googleVerify: (body, ctx) => verify('google', body, ctx, checkGoogle),
    appleVerify: (body, ctx) => verify('apple', body, ctx, checkApple),
    facebookVerify: (body, ctx) => verify('facebook', body, ctx, checkFacebook),
    twitterVerify: (body, ctx) => verify('twitter', body, ctx, checkTwitter),
    telegramVerify: (body, ctx) => verify('telegram', body, ctx, checkTelegram),
    metamaskVerify: (body, ctx) => verify('metamask', body, ctx, checkMetamask),
  };

  /**
   * register with type 3: the proof a `{provider}Verify` call accepted stands
   * where an e-mail or SMS ticket stands for types 1 and 2. `verifyCode` is
   * that proof (ID token, access token, code, Telegram hash, SIWE signature);
   * `sendToken` is the element's nonce where the proof carries one (it must be
   * that nonce), else its OAuth `state`, which only has to be present: the
   * gateway never saw the state, so there is nothing to bind it to.
   * Marks the proof used and returns it; the caller stores the customer.
   */
  function redeemProof(body, ctx) {
    const provider = thirdSourceOf(body, 'thirdServerSource', ctx);
    const thirdServerCode = requireString(body, 'thirdServerCode', ctx);
    const loginName = requireString(body, 'loginName', ctx);
    const proof = state.proofs.get(`${ctx.companyId}|${provider}|${body.verifyCode}`);
    if (!proof) throw new Refusal(CODES.proofInvalid, ctx.m.proofNotVerified);
    if (proof.used) throw new Refusal(CODES.proofUsed, ctx.m.proofUsed);
    if (now() - proof.acceptedAt > PROOF_TTL_MS) throw new Refusal(CODES.proofExpired, ctx.m.proofExpired);
    if (NONCE_BOUND.has(provider) && body.sendToken !== proof.nonce) throw new Refusal(CODES.proofMismatch, ctx.m.proofNonceMismatch);
    if (thirdServerCode !== proof.userId) throw new Refusal(CODES.proofMismatch, ctx.m.proofUserMismatch);
    const expected = proof.email || proof.phone || proof.userId;
    const matches = proof.email ? loginName.trim().toLowerCase() === proof.email.toLowerCase() : loginName.trim() === expected;
    if (!matches) throw new Refusal(CODES.proofMismatch, ctx.m.proofLoginMismatch);
    proof.used = true;
    return proof;
  }

  // ---- dev endpoints (/__dev/idp…) -------------------------------------------

  /**
   * POST /__dev/idp: the stand-ins' behaviour for a company.
   * POST /__dev/idp/mint: what the callback page would receive after consent, without a page.
   * GET /__dev/idp/proofs?companyId=: the proofs verify accepted.
   * @returns {Promise<boolean>} whether the route was one of these
   */
  async function handleDev(req, route, url, reply) {
    if (req.method === 'POST' && route === '/idp') {
      const error = setBehaviour(await readJsonBody(req).catch(() => undefined));
      if (error) reply(400, { error });
      else reply(200, { ok: true });
      return true;
    }
    if (req.method === 'POST' && route === '/idp/mint') {
      const body = await readJsonBody(req).catch(() => undefined);
      const answer = await mint(body);
      reply(answer.error ? 400 : 200, answer);
      return true;
    }
    if (req.method === 'GET' && route === '/idp/proofs') {
      const companyId = url.searchParams.get('companyId');
      reply(200, [...state.proofs.values()].filter((p) => !companyId || p.companyId === companyId));
      return true;
    }
    return false;
  }

  async function mint(body) {
    if (typeof body?.companyId !== 'string' || !body.companyId) return { error: 'companyId is required' };
    if (!STAND_INS.includes(body.provider)) {
      return { error: `provider must be one of ${STAND_INS.join(', ')} (MetaMask has no provider: sign a SIWE message)` };
    }
    const { companyId, provider, nonce, state: oauthState = '', redirectUri = '', codeVerifier } = body;
    if ((provider === 'google' || provider === 'apple') && !nonce) return { error: `${provider} needs a nonce` };
    if (provider === 'twitter' && (!codeVerifier || !redirectUri)) return { error: 'twitter needs codeVerifier and redirectUri' };
    const request = {
      provider,
      app: appOf(companyId, provider),
      redirectUri,
      state: oauthState,
      nonce,
      scope: 'users.read tweet.read',
      scopes: ['public_profile', 'email'],
      codeChallenge: codeVerifier ? s256(codeVerifier) : undefined,
    };
    const user = resolveUser(provider, body.user ?? behaviourOf(companyId).user);
    const { params } = await grant(request, user);
    return { params, user: { id: user.id, name: user.name, email: user.email } };
  }

  return { handlers, redeemProof, handleIdp, handleDev, reset, state };
}

// ---- helpers ------------------------------------------------------------------

/** Telegram's check: HMAC-SHA256 keyed with SHA256(bot token) over the sorted `key=value` lines. */
function telegramHash(botToken, fields) {
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHash('sha256').update(botToken).digest();
  return createHmac('sha256', secretKey).update(dataCheckString).digest('hex');
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');
const hex = (bytes) => randomBytes(bytes).toString('hex');

function digits(count) {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

function alnum(count) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < count) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function usernameOf(name) {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return (base.length >= 5 ? base : `${base}_user`).slice(0, 32);
}

/** Compares secrets in constant time (for equal lengths; a length difference is no secret). */
function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

function basicCredentials(header) {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return [];
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function bearer(header) {
  return /^Bearer (\S+)$/.exec(header ?? '')?.[1];
}

async function readForm(req) {
  return new URLSearchParams(await readBody(req, MAX_FORM_BYTES));
}

async function readJsonBody(req) {
  return JSON.parse(await readBody(req, MAX_FORM_BYTES));
}

function send(res, status, body, contentType, headers = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function sendJson(res, status, body) {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

/** @param {string[]} [formTargets] origins the page's form may end up at (after the consent redirect) */
function sendPage(res, status, html, formTargets = []) {
  send(res, status, html, 'text/html; charset=utf-8', { 'content-security-policy': pagePolicy(formTargets), 'referrer-policy': 'no-referrer' });
}

/** 302 back to the app with the answer in the query or the fragment, keeping the target's own query. */
function redirect(res, target, { params, where }) {
  const url = new URL(target);
  if (where === 'query') for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  else url.hash = new URLSearchParams(params).toString();
  if (res.destroyed) return;
  res.writeHead(302, { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}
