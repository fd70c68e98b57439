// Identity providers' stand-ins: authorization requests, i.e. what each
// provider's authorize URL accepts, the consent page it shows, and the
// consent form's answer.
import { randomBytes } from 'node:crypto';
import { IdpError, SHARES_EMAIL, TITLES } from './common.mjs';
import { consentPage, errorPage } from '../idp-pages.mjs';
import { readForm, redirect, sendPage } from './helpers.mjs';

const CONSENT_TTL_MS = 10 * 60_000;

/**
 * @param {object} context
 * @param {object} context.state
 * @param {() => number} context.now
 * @param {string[]} context.allowedOrigins the only places a provider may redirect to ('*' allows any)
 * @param {Function} context.clientApp the app a client id names (apps.mjs)
 * @param {Function} context.behaviourOf (provider-behaviour.mjs)
 * @param {Function} context.resolveUser (provider-behaviour.mjs)
 * @param {Function} context.randomPerson (provider-behaviour.mjs)
 * @param {Function} context.grant (provider-issuing.mjs)
 * @param {Function} context.denied (provider-issuing.mjs)
 */
export function createAuthorize({ state, now, allowedOrigins, clientApp, behaviourOf, resolveUser, randomPerson, grant, denied }) {
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

  return { AUTHORIZE, authorize, consent };
}
