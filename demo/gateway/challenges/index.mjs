// The code-send challenge ("captcha") for the reference gateway, README
// "Challenge on code send". Two parties live here, as for the identity providers:
//
//  - the providers' stand-ins (Cloudflare Turnstile, hCaptcha, Google
//    reCAPTCHA v3 and Enterprise, GeeTest v4): their browser scripts under
//    /__captcha/{provider}/ at the real script's path (stand-ins/*.js: the same
//    global object, methods, callbacks and token shape), and the endpoint those
//    scripts get a token from. A token is signed with a key only this process
//    knows, so nobody can make one without the widget;
//  - the gateway: `config` with `{ thirdSource: 'captcha' }` (assumed) names the
//    challenge a company uses, and verifyCodeSend checks `captchaType` +
//    `captchaToken` (assumed) as a backend checks the real ones with the
//    provider's siteverify (here `siteverify`, in process): signature, site key
//    of this company, action, expiry (300 s, as Turnstile and reCAPTCHA),
//    score (reCAPTCHA), and once only. A refused token never sends a code.
//
// Nothing here is on unless a company asks for it (POST /__dev/captcha): every
// other company's verifyCodeSend goes as before.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CODES, Refusal } from '../refusal.mjs';

/** (assumed) the providers, by the `captchaType` names of the contract (src/gateway/contract.ts). */
export const CAPTCHA_TYPES = ['turnstile', 'hcaptcha', 'recaptcha', 'recaptcha-enterprise', 'geetest'];

/** How long a token is good for (Turnstile's and reCAPTCHA's 300 s; GeeTest's pass_token about as long). */
const TOKEN_TTL_MS = 300_000;
/** The action the element names (reCAPTCHA and Turnstile carry it into the token). */
const ACTION = 'verifyCodeSend';
const ACTION_BOUND = new Set(['turnstile', 'recaptcha', 'recaptcha-enterprise']);

/** Each stand-in's script, at the real script's path below /__captcha/{provider}. */
const SCRIPTS = {
  turnstile: { path: '/turnstile/v0/api.js', file: 'turnstile.js' },
  hcaptcha: { path: '/hcaptcha/1/api.js', file: 'hcaptcha.js' },
  recaptcha: { path: '/recaptcha/recaptcha/api.js', file: 'recaptcha.js' },
  'recaptcha-enterprise': { path: '/recaptcha/recaptcha/enterprise.js', file: 'recaptcha.js' },
  geetest: { path: '/geetest/v4/gt4.js', file: 'geetest.js' },
};

/** Site keys in each provider's look: Turnstile `0x4AAAAAAA…`, hCaptcha a UUID, reCAPTCHA `6L…` (40), GeeTest a 32-hex captcha id. */
function siteKeyShape(provider, digest) {
  const hexed = digest.toString('hex');
  const b64 = digest.toString('base64url').replace(/[-_]/g, 'x');
  switch (provider) {
    case 'turnstile':
      return `0x4AAAAAAA${b64.slice(0, 14)}`;
    case 'hcaptcha':
      return `${hexed.slice(0, 8)}-${hexed.slice(8, 12)}-${hexed.slice(12, 16)}-${hexed.slice(16, 20)}-${hexed.slice(20, 32)}`;
    case 'geetest':
      return hexed.slice(0, 32);
    default:
      return `6L${b64.slice(0, 38)}`;
  }
}

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {(line: string) => void} options.log
 * @param {() => string} options.selfOrigin the gateway's own origin (where the stand-ins' scripts are)
 */
export function createChallenges({ now, log, selfOrigin }) {
  const secret = randomBytes(32);
  const state = {
    /** companyId -> what the company asked for (POST /__dev/captcha). */
    settings: new Map(),
    /** siteKey -> { companyId, provider }. */
    siteKeys: new Map(),
    /** Tokens accepted once (their signature), and sendCode calls without a token per company (adaptive). */
    spent: new Set(),
    unchallengedSends: new Map(),
  };

  function reset() {
    for (const store of Object.values(state)) store.clear();
  }

  const sign = (text) => createHmac('sha256', secret).update(text).digest('base64url');

  function siteKeyOf(companyId, provider) {
    const key = siteKeyShape(provider, createHmac('sha256', secret).update(`site|${companyId}|${provider}`).digest());
    state.siteKeys.set(key, { companyId, provider });
    return key;
  }

  /** The script URL the gateway names for a provider: its stand-in, or for `blocked` a path that answers 404 (a script that never loads). */
  function scriptUrlOf(provider, blocked) {
    return `${selfOrigin()}/__captcha${blocked ? '/blocked' : ''}${SCRIPTS[provider].path}`;
  }

  /** What `config { thirdSource: 'captcha' }` answers for a company, or undefined (no challenge set up). */
  function describe(companyId) {
    const settings = state.settings.get(companyId);
    if (!settings) return undefined;
    const one = (provider) => ({ captchaType: provider, clientId: siteKeyOf(companyId, provider), scriptUrl: scriptUrlOf(provider, settings.blocked.includes(provider)) });
    return {
      thirdSource: 'captcha',
      ...one(settings.provider),
      captchaRequired: settings.required,
      freeSends: settings.freeSends,
      ...(settings.fallback ? { fallback: one(settings.fallback) } : {}),
    };
  }

  // ---- the gateway ---------------------------------------------------------------

  /** `config` with `{ thirdSource: 'captcha' }` (assumed). */
  function config(ctx) {
    const described = describe(ctx.companyId);
    if (!described) throw new Refusal(CODES.thirdNotConfigured, ctx.m.thirdNotConfigured('captcha'));
    return described;
  }

  /**
   * The check verifyCodeSend runs before it sends anything: a token sent is
   * verified (whether or not one was needed: a bad one never sends a code); with
   * none, a company that requires one, or whose adaptive rule says this send is
   * suspicious, is refused with CAPTCHA_REQUIRED naming the challenge.
   */
  function checkSend(body, ctx) {
    const settings = state.settings.get(ctx.companyId);
    const { captchaType, captchaToken } = body;
    if (captchaToken !== undefined || captchaType !== undefined) {
      if (typeof captchaType !== 'string' || typeof captchaToken !== 'string' || !captchaToken || captchaToken.length > 4096) {
        throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('captchaToken'));
      }
      const offered = settings ? [settings.provider, settings.fallback].filter(Boolean) : [];
      const verdict = offered.includes(captchaType) ? siteverify(captchaType, captchaToken, ctx.companyId) : { success: false, reason: 'provider-not-offered' };
      if (!verdict.success) {
        log(`[gateway] sendCode: ${captchaType} token refused (${verdict.reason})`);
        throw new Refusal(CODES.captchaInvalid, CAPTCHA_MESSAGES.invalid);
      }
      log(`[gateway] sendCode: ${captchaType} token accepted`);
      return;
    }
    if (!settings) return;
    const sent = state.unchallengedSends.get(ctx.companyId) ?? 0;
    if (settings.required || sent >= settings.adaptiveAfter) {
      const { thirdSource, captchaRequired, freeSends, ...challenge } = describe(ctx.companyId);
      throw new Refusal(CODES.captchaRequired, CAPTCHA_MESSAGES.required, challenge);
    }
    state.unchallengedSends.set(ctx.companyId, sent + 1);
  }

  /**
   * The providers' siteverify, as the gateway calls it with its secret: the
   * token's signature, that it was issued for a site key of this company and
   * this provider, for this action, within 300 s, passed (score 0.5 or more for
   * reCAPTCHA), and never seen before.
   */
  function siteverify(provider, token, companyId) {
    const claims = readToken(provider, token);
    if (!claims) return { success: false, reason: 'invalid-input-response' };
    const site = state.siteKeys.get(claims.sitekey);
    if (!site || site.companyId !== companyId || site.provider !== provider) return { success: false, reason: 'sitekey-mismatch' };
    if (state.spent.has(claims.signature)) return { success: false, reason: 'timeout-or-duplicate' };
    state.spent.add(claims.signature);
    if (now() - claims.issuedAt > TOKEN_TTL_MS) return { success: false, reason: 'timeout-or-duplicate' };
    // Turnstile and reCAPTCHA carry the action the widget ran for; hCaptcha and GeeTest have none.
    if (ACTION_BOUND.has(provider) && claims.action !== ACTION) return { success: false, reason: 'action-mismatch' };
    if (!claims.passed) return { success: false, reason: provider.startsWith('recaptcha') ? 'score-too-low' : 'challenge-failed' };
    return { success: true };
  }

  // ---- the stand-ins' tokens --------------------------------------------------------

  /** A token in the provider's look, carrying signed claims. */
  function issueToken(provider, claims) {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = sign(`${provider}|${payload}`);
    switch (provider) {
      case 'turnstile':
        return `0.${payload}.${signature}`;
      case 'hcaptcha':
        return `P1_${payload}.${signature}`;
      case 'geetest':
        // GeeTest v4 answers four fields; the element sends them as one query string (see contract.ts).
        return new URLSearchParams({
          lot_number: randomBytes(16).toString('hex'),
          captcha_output: `${payload}.${signature}`,
          pass_token: randomBytes(32).toString('hex'),
          gen_time: String(Math.floor(claims.issuedAt / 1000)),
        }).toString();
      default:
        return `03A${payload}.${signature}`;
    }
  }

  function readToken(provider, token) {
    let signed;
    if (provider === 'turnstile') signed = /^0\.([\w-]+)\.([\w-]+)$/.exec(token);
    else if (provider === 'hcaptcha') signed = /^P1_([\w-]+)\.([\w-]+)$/.exec(token);
    else if (provider === 'geetest') signed = /^([\w-]+)\.([\w-]+)$/.exec(new URLSearchParams(token).get('captcha_output') ?? '');
    else signed = /^03A([\w-]+)\.([\w-]+)$/.exec(token);
    if (!signed) return undefined;
    const [, payload, signature] = signed;
    const expected = Buffer.from(sign(`${provider}|${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      return { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), signature };
    } catch {
      return undefined;
    }
  }

  /**
   * POST /__captcha/{provider}/issue `{ sitekey, action }`, from a stand-in's
   * script: how the widget behaves for this site key's company (`mode`:
   * `pass` invisibly, `interactive` after a click, `fail`, `close`d by the
   * person) and, unless it fails, a token (`stale`: one issued 10 minutes ago).
   */
  function issue(provider, body) {
    const site = state.siteKeys.get(body?.sitekey);
    if (!site || site.provider !== provider) return { status: 400, body: { error: 'unknown site key' } };
    const settings = state.settings.get(site.companyId);
    const mode = settings?.widget ?? 'pass';
    const issuedAt = now() - (settings?.token === 'stale' ? 10 * 60_000 : 0);
    const action = typeof body.action === 'string' ? body.action : '';
    const failing = mode === 'fail' || mode === 'close';
    // reCAPTCHA never fails in the browser: a bot gets a token with a low score, and siteverify says so.
    const passed = !failing && settings?.token !== 'low-score';
    const token = failing && !provider.startsWith('recaptcha') ? '' : issueToken(provider, { sitekey: body.sitekey, action, issuedAt, passed, n: randomBytes(6).toString('hex') });
    return { status: 200, body: { mode, token } };
  }

  // ---- HTTP: /__captcha/ (the stand-ins) and /__dev/captcha ---------------------------------

  /** Serves /__captcha/…; any page may load the scripts and ask for a token, as from the real services. */
  async function handleStandIn(req, res, url, readJsonBody, send) {
    const cors = req.headers.origin ? { 'access-control-allow-origin': req.headers.origin, 'access-control-allow-headers': 'content-type', vary: 'Origin' } : {};
    const route = url.pathname.slice('/__captcha'.length);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST' });
      return res.end();
    }
    const script = Object.values(SCRIPTS).find((s) => s.path === route);
    if (req.method === 'GET' && script) {
      const source = readFileSync(new URL(`./stand-ins/${script.file}`, import.meta.url), 'utf8');
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      return res.end(source);
    }
    const issuing = /^\/([\w-]+)\/issue$/.exec(route);
    if (req.method === 'POST' && issuing && CAPTCHA_TYPES.includes(issuing[1])) {
      const answer = issue(issuing[1], await readJsonBody(req).catch(() => undefined));
      return send(res, answer.status, cors, answer.body);
    }
    return send(res, 404, cors, 'no such stand-in', 'text/plain');
  }

  /**
   * POST /__dev/captcha `{ companyId, provider, required?, adaptiveAfter?,
   * freeSends?, fallback?, blocked?, widget?, token? }` sets a company's
   * challenge (`provider: null` turns it off); GET /__dev/captcha/spent?companyId=
   * counts the tokens accepted or refused.
   */
  async function handleDev(req, route, readJsonBody, reply) {
    if (req.method !== 'POST' || route !== '/captcha') return false;
    const body = await readJsonBody(req).catch(() => undefined);
    if (typeof body?.companyId !== 'string' || !body.companyId) return reply(400, { error: 'companyId is required' }), true;
    if (body.provider === null) {
      state.settings.delete(body.companyId);
      return reply(200, { ok: true }), true;
    }
    const known = (value) => CAPTCHA_TYPES.includes(value);
    if (!known(body.provider) || (body.fallback !== undefined && !known(body.fallback))) {
      return reply(400, { error: `provider and fallback must be one of ${CAPTCHA_TYPES.join(', ')}` }), true;
    }
    state.settings.set(body.companyId, {
      provider: body.provider,
      required: body.required !== false,
      adaptiveAfter: Number.isInteger(body.adaptiveAfter) ? body.adaptiveAfter : Infinity,
      freeSends: Number.isInteger(body.freeSends) ? body.freeSends : 3,
      fallback: body.fallback,
      blocked: Array.isArray(body.blocked) ? body.blocked : [],
      widget: ['pass', 'interactive', 'fail', 'close'].includes(body.widget) ? body.widget : 'pass',
      token: ['good', 'stale', 'low-score'].includes(body.token) ? body.token : 'good',
    });
    state.unchallengedSends.delete(body.companyId);
    return reply(200, { ok: true, ...describe(body.companyId) }), true;
  }

  return { config, checkSend, siteverify, handleStandIn, handleDev, reset, state };
}

/**
 * The refusals' `msg`, in English only: the element words these two codes
 * itself in the person's language (contract.ts WORDED_REFUSALS), so the text
 * is for developers reading the network panel.
 */
const CAPTCHA_MESSAGES = {
  required: 'Please complete the security check before we send a code.',
  invalid: 'The security check was not accepted. Please complete it again.',
};
