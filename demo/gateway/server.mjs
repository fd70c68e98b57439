// The reference gateway: a local stand-in for the broker platform's gateway that
// follows ../shared/contract.md strictly. The demo and the end-to-end tests run
// the element against it; the element cannot tell it from the real one.
//
// Besides the contract's calls it offers dev-only endpoints under /__dev/
// (inbox of sent codes, request log, stored customers, reset, fault injection,
// the identity providers' behaviour), which the demo's inbox panel and the
// tests use, and plays the identity providers of third-party registration
// under /__idp/ (identity-providers.mjs). It listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { acceptedCountries, countryList, findCountry } from './countries.mjs';
import { messagesFor } from './messages.mjs';
import { readBody } from './request-body.mjs';
import { CODES, Refusal, requireString } from './refusal.mjs';
import { PROOF_MAX_LENGTH, THIRD_PARTY_ROUTES, createIdentityProviders } from './identity-providers.mjs';

export { CODES };

const API_VERSION = '0.0.1';
const ALLOWED_REQUEST_HEADERS = 'content-type, version, companyid, trace, lang';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COMPANY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^\s@"<>()[\],;:\\\p{Cc}\p{Cf}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;
const MAX_BODY_BYTES = 64 * 1024;
/** A Host header naming this machine: 127.0.0.1, localhost or [::1], with any port. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

const SEND_CODE_BIZ_TYPES = {
  EMAIL_REGISTER_VERIFICATION_CODE: 1,
  SMS_REGISTER_VERIFICATION_CODE: 2,
};

/** Contract paths (after the prefix) -> call name. Seed paths, plus the `/global/` variants the platform's clients were seen using. */
const ROUTES = {
  '/config.app.AppDictDubboService.getCountryListByParentCode': 'countryList',
  '/global/config.app.AppDictDubboService.getCountryListByParentCode': 'countryList',
  '/cats-gateway/global/customer.app.CustomerWebApiService.checkStatus': 'checkStatus',
  '/global/customer.app.CustomerWebApiService.checkStatus': 'checkStatus',
  '/global/message.app.VerificationApiService.verifyCodeSend': 'sendCode',
  '/register/customer.app.CustomerWebApiService.register': 'register',
  // Third-party registration: config and {provider}Verify (identity-providers.mjs).
  ...THIRD_PARTY_ROUTES,
};

const FAULT_KINDS = new Set(['delay', 'hang', 'drop', 'http', 'non-json', 'no-envelope', 'refuse']);

/**
 * @param {object} [options]
 * @param {string[]} [options.allowedOrigins] origins that may call it (CORS); '*' in the list allows any
 * @param {string} [options.prefix] path prefix, '/api' by default
 * @param {boolean} [options.dev] serve the /__dev/ endpoints (inbox, log, faults, minted proofs): off unless asked for
 * @param {number} [options.ticketTtlMs] how long a sendToken lives (10 min)
 * @param {number} [options.maxWrongCodes] wrong codes before a ticket locks (5)
 * @param {number} [options.resendIntervalMs] minimum time between two codes to one account (60 s)
 * @param {(line: string) => void} [options.log] where codes and events are printed
 * @param {() => number} [options.now]
 */
export function createGateway(options = {}) {
  const {
    allowedOrigins = [],
    prefix = '/api',
    dev = false,
    ticketTtlMs = 10 * 60_000,
    maxWrongCodes = 5,
    resendIntervalMs = 60_000,
    log = (line) => console.log(line),
    now = () => Date.now(),
  } = options;

  /** The gateway's whole memory; `reset()` starts it afresh. */
  const state = {
    customers: new Map(),
    tickets: new Map(),
    lastSendAt: new Map(),
    inbox: [],
    requests: [],
    faults: new Map(),
    nextCustomerNo: 80_000_001,
  };

  function reset() {
    state.customers.clear();
    state.tickets.clear();
    state.lastSendAt.clear();
    state.inbox.length = 0;
    state.requests.length = 0;
    state.faults.clear();
    idp.reset();
  }

  const accountKey = (companyId, type, loginName) => `${companyId}|${type}|${loginName}`;
  /** A third-party customer is the provider's account, whatever e-mail it has. */
  const thirdPartyKey = (companyId, provider, userId) => `${companyId}|3|${provider}|${userId}`;

  const idp = createIdentityProviders({
    allowedOrigins,
    now,
    log,
    selfOrigin: () => {
      const address = server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    },
    isRegistered: (companyId, provider, userId) => state.customers.has(thirdPartyKey(companyId, provider, userId)),
  });

  // ---- the contract's calls -------------------------------------------------

  const handlers = {
    countryList(body, ctx) {
      requireString(body, 'parentCode', ctx);
      if (body.parentCode !== '-1') throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('parentCode'));
      return countryList(ctx.lang);
    },

    checkStatus(body, ctx) {
      const type = requireType(body, ctx, [1, 2]);
      const loginName = normalizeLogin(type, requireString(body, 'loginName', ctx), body, ctx);
      const exists = state.customers.has(accountKey(ctx.companyId, type, loginName));
      // Observed: 2 means "no such customer"; any other value means it exists.
      return { status: exists ? 1 : 2 };
    },

    sendCode(body, ctx) {
      const bizType = requireString(body, 'bizType', ctx);
      const type = SEND_CODE_BIZ_TYPES[bizType];
      if (!type) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('bizType'));
      const country = findCountry(requireString(body, 'country', ctx));
      if (!country) throw new Refusal(CODES.paramInvalid, ctx.m.countryUnknown);
      const toUser = requireString(body, 'toUser', ctx).trim();
      let account;
      if (type === 1) {
        account = normalizeEmail(toUser, ctx);
      } else {
        // Observed shape: dial code, a space, the national number ("86 13800000000").
        const match = /^(\d{1,4}) (\d{4,15})$/.exec(toUser);
        if (!match) throw new Refusal(CODES.paramInvalid, ctx.m.phoneInvalid);
        account = normalizePhone(match[2], `+${match[1]}`, country, ctx);
      }
      const key = accountKey(ctx.companyId, type, account);
      const last = state.lastSendAt.get(key);
      if (last !== undefined && now() - last < resendIntervalMs) {
        const wait = Math.ceil((resendIntervalMs - (now() - last)) / 1000);
        throw new Refusal(CODES.sendTooFrequent, ctx.m.sendTooFrequent(wait));
      }
      state.lastSendAt.set(key, now());
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const token = randomBytes(24).toString('base64url');
      state.tickets.set(token, {
        companyId: ctx.companyId,
        type,
        account,
        country: country.code,
        code,
        expiresAt: now() + ticketTtlMs,
        wrongCodes: 0,
        used: false,
      });
      state.inbox.unshift({ companyId: ctx.companyId, channel: type === 1 ? 'email' : 'sms', to: toUser, code, at: now() });
      state.inbox.length = Math.min(state.inbox.length, 200);
      log(`[gateway] ${type === 1 ? 'email' : 'SMS'} code for ${toUser}: ${code}`);
      return { token };
    },

    register(body, ctx) {
      const type = requireType(body, ctx, [1, 2, 3]);
      const country = findCountry(requireString(body, 'country', ctx));
      if (!country) throw new Refusal(CODES.paramInvalid, ctx.m.countryUnknown);
      // Type 3's verifyCode is the provider's proof (an ID token can be long).
      const verifyCode = requireString(body, 'verifyCode', ctx, type === 3 ? PROOF_MAX_LENGTH : 256);
      const sendToken = requireString(body, 'sendToken', ctx);
      const registerSource = body.registerSource;
      if (registerSource === undefined) throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired('registerSource'));
      if (!Number.isInteger(registerSource) || registerSource < 1 || registerSource > 9) {
        throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('registerSource'));
      }
      validateOptionalFields(body, ctx);
      if (type === 3) return registerThirdParty(body, ctx, country);
      const loginName = normalizeLogin(type, requireString(body, 'loginName', ctx), body, ctx);

      const ticket = state.tickets.get(sendToken);
      if (!ticket || ticket.companyId !== ctx.companyId) throw new Refusal(CODES.ticketInvalid, ctx.m.ticketInvalid);
      if (ticket.used) throw new Refusal(CODES.ticketUsed, ctx.m.ticketUsed);
      if (now() > ticket.expiresAt) throw new Refusal(CODES.ticketExpired, ctx.m.ticketExpired);
      if (ticket.wrongCodes >= maxWrongCodes) throw new Refusal(CODES.codeLocked, ctx.m.codeLocked);
      if (ticket.type !== type || ticket.account !== loginName || ticket.country !== country.code) {
        throw new Refusal(CODES.ticketInvalid, ctx.m.ticketMismatch);
      }
      if (verifyCode !== ticket.code) {
        ticket.wrongCodes += 1;
        const left = maxWrongCodes - ticket.wrongCodes;
        if (left <= 0) throw new Refusal(CODES.codeLocked, ctx.m.codeLocked);
        throw new Refusal(CODES.codeWrong, ctx.m.codeWrong(left));
      }
      ticket.used = true;

      const key = accountKey(ctx.companyId, type, loginName);
      if (state.customers.has(key)) throw new Refusal(CODES.accountExists, ctx.m.accountExists);

      // Stand-in for the platform's manual review: a "+review" mailbox tag.
      const underReview = type === 1 && /\+review@/.test(loginName);
      const customer = buildCustomer(body, ctx, type, loginName, country);
      state.customers.set(key, { companyId: ctx.companyId, customer, body, underReview });
      log(`[gateway] registered ${customer.customerNo} (${loginName})${underReview ? ' for review' : ''}`);
      if (underReview) throw new Refusal(CODES.underReview, ctx.m.underReview);
      return { ...customer, token: randomBytes(16).toString('hex') };
    },

    // config and {provider}Verify
    ...idp.handlers,
  };

  /**
   * register with type 3 (assumed: the seed allows 3 but describes only 1 and
   * 2). The proof a {provider}Verify call accepted stands in for the ticket;
   * idp.redeemProof checks that it is this company's, fresh, unused, and that
   * the body names the verified account, and marks it used.
   */
  function registerThirdParty(body, ctx, country) {
    const proof = idp.redeemProof(body, ctx);
    const key = thirdPartyKey(ctx.companyId, proof.provider, proof.userId);
    if (state.customers.has(key)) throw new Refusal(CODES.accountExists, ctx.m.accountExists);
    const customer = buildCustomer(body, ctx, 3, body.loginName.trim(), country, proof);
    state.customers.set(key, { companyId: ctx.companyId, customer, body, underReview: false });
    log(`[gateway] registered ${customer.customerNo} (${proof.provider} ${proof.userId})`);
    return { ...customer, token: randomBytes(16).toString('hex') };
  }

  /** @param {{ email: string, phone: string }} [verified] what the provider vouched for (type 3) */
  function buildCustomer(body, ctx, type, loginName, country, verified) {
    const customerNo = String(state.nextCustomerNo++);
    return {
      customerNo,
      id: Number(customerNo),
      companyId: /^\d+$/.test(ctx.companyId) ? Number(ctx.companyId) : 0,
      email: type === 1 ? loginName : (verified?.email ?? ''),
      phone: type === 2 ? loginName : (verified?.phone ?? ''),
      phoneArea: body.phoneArea ?? (type === 2 ? '' : '+86'),
      name: '',
      loginPassStatus: body.pwd ? 'SET' : 'UNSET',
      payPassStatus: 'UNSET',
      customerGroupId: body.customerGroupId === undefined ? null : String(body.customerGroupId),
      country: country.code,
      optional: 0,
      companyKycStatus: 0,
      thirdServerCode: body.thirdServerCode ?? '',
      thirdServerSource: body.thirdServerSource ?? '',
      source: String(body.registerSource),
      capitalInStatus: 0,
      openAccountType: body.openAccountType ?? 0,
      companyType: 'BROKER',
      associationCompanyId: 0,
      registerTime: now(),
      apiCheckSwitch: false,
      apiCheckRule: '',
      list: [
        {
          levelCode: 'L1',
          openAccountType: body.openAccountType ?? 0,
          levelName: 'Basic information',
          pathName: 'Individual',
          pathCode: 'P1',
          elementList: [
            { elementCode: 'name', elementName: 'Full name', showType: 'input', extend: '', elementValue: '', elementValueInputGroup: '', elementCodeInputGroup: '' },
            { elementCode: 'birthday', elementName: 'Date of birth', showType: 'date', extend: '', elementValue: '', elementValueInputGroup: '', elementCodeInputGroup: '' },
          ],
        },
      ],
    };
  }

  // ---- validation helpers ---------------------------------------------------

  function requireType(body, ctx, allowed) {
    const type = body.type;
    if (type === undefined) throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired('type'));
    if (!Number.isInteger(type) || type < 1 || type > 3 || !allowed.includes(type)) {
      throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('type'));
    }
    return type;
  }

  function normalizeEmail(value, ctx) {
    const email = value.trim();
    if (email.length > 254 || !EMAIL.test(email)) throw new Refusal(CODES.paramInvalid, ctx.m.emailInvalid);
    return email.toLowerCase();
  }

  /**
   * A phone account as `+86 13800000000`. The area code must be one the gateway
   * knows (the given country's, when there is one) and the national number must
   * match that country's mobile pattern (`extend`) where it has one.
   */
  function normalizePhone(national, phoneArea, country, ctx) {
    const candidates = country ? [country] : acceptedCountries.filter((c) => `+${c.countryCode}` === phoneArea);
    const matching = candidates.filter((c) => `+${c.countryCode}` === phoneArea);
    const valid = /^\d{4,15}$/.test(national) && matching.some((c) => !c.extend || new RegExp(c.extend).test(national));
    if (!valid) throw new Refusal(CODES.paramInvalid, ctx.m.phoneInvalid);
    return `${phoneArea} ${national}`;
  }

  function normalizeLogin(type, loginName, body, ctx) {
    if (type === 1) return normalizeEmail(loginName, ctx);
    const area = body.phoneArea;
    if (typeof area !== 'string' || !/^\+\d{1,4}$/.test(area)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('phoneArea'));
    // checkStatus names no country; register does, and the number must fit it.
    const country = body.country === undefined ? undefined : findCountry(body.country);
    return normalizePhone(loginName.trim(), area, country, ctx);
  }

  function validateOptionalFields(body, ctx) {
    const optionalStrings = ['lang', 'phoneArea', 'registerDevice', 'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'thirdServerCode', 'thirdServerSource', 'emailArea'];
    for (const name of optionalStrings) {
      if (body[name] !== undefined && (typeof body[name] !== 'string' || body[name].length > 256)) {
        throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
      }
    }
    if (body.openAccountType !== undefined && body.openAccountType !== 0 && body.openAccountType !== 1) {
      throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('openAccountType'));
    }
    if (body.pwd !== undefined && !(typeof body.pwd === 'string' && /^[0-9a-f]{32}$/i.test(body.pwd))) {
      throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('pwd'));
    }
    // (seed) int64: a JSON integer (read as a BigInt above), not a string and not out of range.
    const group = body.customerGroupId;
    if (group !== undefined && (typeof group !== 'bigint' || group < -(2n ** 63n) || group >= 2n ** 63n)) {
      throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('customerGroupId'));
    }
    if (body.tradeTypeCurrencyList !== undefined) {
      const list = body.tradeTypeCurrencyList;
      const valid = Array.isArray(list) && list.every((item) => item && typeof item.allCurrency === 'string' && typeof item.tradeType === 'string');
      if (!valid) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('tradeTypeCurrencyList'));
    }
  }

  // ---- HTTP -----------------------------------------------------------------

  function corsHeaders(req) {
    const origin = req.headers.origin;
    if (!origin || !(allowedOrigins.includes('*') || allowedOrigins.includes(origin))) return null;
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'POST, GET, OPTIONS',
      'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin',
    };
  }

  function send(res, status, headers, body, contentType = 'application/json; charset=utf-8') {
    if (res.destroyed) return;
    res.writeHead(status, { ...headers, 'content-type': contentType, 'cache-control': 'no-store' });
    // BigInts (int64 fields read from requests) are written as their digits.
    res.end(typeof body === 'string' ? body : JSON.stringify(body, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));
  }

  function envelope(trace, data) {
    return { bizCode: '', code: '0', msg: '', tm: now(), trace, msgParams: null, data, ok: true, fail: false };
  }

  function refusalEnvelope(trace, refusal) {
    return { bizCode: refusal.code, code: refusal.code, msg: refusal.message, tm: now(), trace, msgParams: null, data: null, ok: false, fail: true };
  }

  async function readJson(req) {
    const text = await readBody(req, MAX_BODY_BYTES);
    req.rawBody = text;
    const body = JSON.parse(text);
    // int64 fields: JSON.parse would round them through a double, so keep the digits as sent.
    if (body && typeof body.customerGroupId === 'number') {
      const digits = /"customerGroupId"\s*:\s*(-?\d+)(?=\s*[,}])/.exec(text);
      if (digits) body.customerGroupId = BigInt(digits[1]);
    }
    return body;
  }

  function checkHeaders(req, m) {
    const h = req.headers;
    if (h.version !== API_VERSION) throw new Refusal(CODES.headerInvalid, m.headerInvalid('version'));
    if (!h.companyid || !COMPANY_ID.test(h.companyid)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('companyId'));
    if (!h.trace || !UUID.test(h.trace)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('trace'));
    if (!h.lang || !LANG_TAG.test(h.lang)) throw new Refusal(CODES.headerInvalid, m.headerInvalid('lang'));
  }

  /** Applies an injected fault, if one is armed for this call. Returns true when the response was handled. */
  async function applyFault(call, req, res, cors, trace, m) {
    // A fault armed for one company id leaves every other company's calls alone,
    // so test files running side by side do not trip over each other's faults.
    const key = [`${req.headers.companyid}|${call}`, `*|${call}`].find((k) => state.faults.has(k));
    const fault = key && state.faults.get(key);
    if (!fault || fault.remaining <= 0) return false;
    fault.remaining -= 1;
    if (fault.remaining <= 0) state.faults.delete(key);
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.delayMs ?? 1000);
        return false;
      case 'hang':
        // Answer nothing; the client's timeout must give up first.
        await sleep(fault.delayMs ?? 120_000);
        req.socket.destroy();
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'http':
        send(res, fault.status ?? 500, cors, `<html><body>${fault.status ?? 500}</body></html>`, 'text/html');
        return true;
      case 'non-json':
        send(res, 200, cors, '<html><body>Gateway maintenance</body></html>', 'text/html');
        return true;
      case 'no-envelope':
        send(res, 200, cors, { result: 'something else' });
        return true;
      case 'refuse':
        send(res, 200, cors, refusalEnvelope(trace, new Refusal(CODES.injected, fault.msg ?? m.faultRefusal)));
        return true;
    }
    return false;
  }

  async function handleDev(req, res, url, cors) {
    const route = url.pathname.slice('/__dev'.length);
    // Listings can be narrowed with ?companyId= (and ?call= for requests).
    const companyId = url.searchParams.get('companyId');
    const ofCompany = (item) => !companyId || item.companyId === companyId;
    if (req.method === 'GET' && route === '/inbox') return send(res, 200, cors, state.inbox.filter(ofCompany));
    if (req.method === 'GET' && route === '/requests') {
      const call = url.searchParams.get('call');
      return send(res, 200, cors, state.requests.filter((r) => ofCompany(r) && (!call || r.call === call)));
    }
    if (req.method === 'GET' && route === '/customers') {
      const customers = [...state.customers.values()].filter((c) => ofCompany(c));
      return send(res, 200, cors, customers.map(({ customer, body, underReview }) => ({ ...customer, underReview, registerBody: body })));
    }
    if (req.method === 'POST' && route === '/reset') {
      reset();
      return send(res, 200, cors, { ok: true });
    }
    if (req.method === 'POST' && route === '/fault') {
      const fault = await readJson(req);
      if (!Object.values(ROUTES).includes(fault.call) || !FAULT_KINDS.has(fault.kind)) {
        return send(res, 400, cors, { error: `unknown call or fault kind; kinds: ${[...FAULT_KINDS].join(', ')}` });
      }
      state.faults.set(`${fault.companyId ?? '*'}|${fault.call}`, { ...fault, remaining: fault.count ?? 1 });
      return send(res, 200, cors, { ok: true });
    }
    // The identity providers' behaviour, proofs minted without a page, accepted proofs.
    if (await idp.handleDev(req, route, url, (status, body) => send(res, status, cors, body))) return;
    if (req.method === 'POST' && route === '/expire-tickets') {
      for (const ticket of state.tickets.values()) if (ofCompany(ticket)) ticket.expiresAt = now() - 1;
      return send(res, 200, cors, { ok: true });
    }
    return send(res, 404, cors, { error: 'no such dev endpoint' });
  }

  async function handle(req, res) {
    const url = URL.canParse(req.url ?? '/', 'http://gateway.local') ? new URL(req.url ?? '/', 'http://gateway.local') : undefined;
    if (!url) return send(res, 400, {}, 'bad request', 'text/plain');
    // The stand-ins and the dev endpoints can mint sign-in proofs: they answer
    // only to a request that names this machine (a page of another site that
    // rebinds its DNS name to 127.0.0.1 sends its own name in Host).
    const local = LOOPBACK_HOST.test(req.headers.host ?? '');
    // The identity providers' pages open top-level in a popup and their token
    // endpoints are called server to server: no CORS there, as at the real ones.
    if (url.pathname.startsWith('/__idp/')) {
      return local ? idp.handleIdp(req, res, url) : send(res, 403, {}, 'forbidden', 'text/plain');
    }
    const cors = corsHeaders(req);
    if (req.headers.origin && !cors) {
      // A browser from an origin we do not serve: answer without CORS headers,
      // so the browser blocks the response.
      return send(res, 403, {}, { error: 'origin not allowed' });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors ?? {});
      return res.end();
    }
    if (dev && local && url.pathname.startsWith('/__dev/')) return handleDev(req, res, url, cors ?? {});

    const lang = typeof req.headers.lang === 'string' ? req.headers.lang : 'en-US';
    const m = messagesFor(lang);
    const trace = typeof req.headers.trace === 'string' ? req.headers.trace : randomUUID();
    const call = url.pathname.startsWith(prefix) ? ROUTES[url.pathname.slice(prefix.length)] : undefined;
    if (req.method !== 'POST' || !call) {
      return send(res, 404, cors ?? {}, refusalEnvelope(trace, new Refusal(CODES.notFound, m.notFound)));
    }

    let body;
    try {
      body = await readJson(req);
    } catch {
      body = undefined;
    }
    state.requests.push({
      companyId: req.headers.companyid ?? '',
      call,
      // With the query string, so a test can see that nothing rides in the URL.
      path: url.pathname + url.search,
      headers: pickHeaders(req.headers),
      body: body ?? null,
      raw: req.rawBody ?? '',
      at: now(),
    });
    if (state.requests.length > 1000) state.requests.shift();

    if (await applyFault(call, req, res, cors ?? {}, trace, m)) return;

    try {
      checkHeaders(req, m);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Refusal(CODES.paramInvalid, m.bodyInvalid);
      // The Origin goes along for metamaskVerify: a SIWE message must be for the site that sends it.
      const data = await handlers[call](body, { lang, m, companyId: req.headers.companyid, trace, origin: req.headers.origin });
      send(res, 200, cors ?? {}, envelope(trace, data));
    } catch (error) {
      if (error instanceof Refusal) return send(res, 200, cors ?? {}, refusalEnvelope(trace, error));
      log(`[gateway] internal error: ${error?.stack ?? error}`);
      send(res, 500, cors ?? {}, 'internal error', 'text/plain');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`[gateway] ${error?.stack ?? error}`);
      if (!res.headersSent) send(res, 500, {}, 'internal error', 'text/plain');
    });
  });

  return {
    server,
    reset,
    state,
    /** @param {number} [port] 0 picks a free one @returns {Promise<string>} the gateway's origin */
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          const address = server.address();
          resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`);
        });
      });
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

function pickHeaders(headers) {
  const picked = {};
  for (const name of ['version', 'companyid', 'trace', 'lang', 'origin', 'content-type', 'x-forwarded-for']) {
    if (headers[name] !== undefined) picked[name] = headers[name];
  }
  return picked;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
