// The reference gateway: a local stand-in for the broker platform's gateway that
// follows ../shared/contract.md strictly. The demo and the end-to-end tests run
// the element against it; the element cannot tell it from the real one.
//
// Besides the contract's calls it offers dev-only endpoints under /__dev/
// (inbox of sent codes, request log, stored customers, reset, fault injection,
// the identity providers' behaviour), which the demo's inbox panel and the
// tests use, and plays the identity providers of third-party registration
// under /__idp/ (identity-providers/). It listens on 127.0.0.1 only.
//
// This file makes a gateway and routes its requests; the parts it wires are
//
//   server/contract-calls.mjs  the contract's calls (countryList, checkStatus, sendCode, register) and their paths
//   server/validation.mjs      the checks of accounts and optional fields those calls share
//   server/http.mjs            CORS, the required headers, the envelope, reading JSON bodies
//   server/faults.mjs          fault injection (/__dev/fault), lost answers included
//
// (assumed) `trace` is an idempotency key for the calls that do work (sendCode,
// register): a request repeating a trace this company used for that call gets
// the first answer again, and nothing is done twice. /__dev/replay turns that
// off per company, to play a gateway that cannot say.
//   server/dev-endpoints.mjs   the /__dev/ endpoints
//   identity-providers/        third-party registration: the providers' stand-ins and the gateway's verification
//   metamask-relay.mjs         MetaMask's relay, enough for the SDK to show its QR code (dev only)
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { messagesFor } from './messages.mjs';
import { CODES, Refusal } from './refusal.mjs';
import { createIdentityProviders } from './identity-providers/index.mjs';
import { createChallenges } from './challenges/index.mjs';
import { createMetaMaskRelay } from './metamask-relay.mjs';
import { ROUTES, createContractCalls, thirdPartyKey } from './server/contract-calls.mjs';
import { createDevEndpoints } from './server/dev-endpoints.mjs';
import { createFaults } from './server/faults.mjs';
import { checkHeaders, corsHeaders, envelope, pickHeaders, readJson, refusalEnvelope, send } from './server/http.mjs';

export { CODES };

/** A Host header naming this machine: 127.0.0.1, localhost or [::1], with any port. */
/** The calls whose answer a repeated `trace` gets again (they send a code or create a customer). */
const REPLAYED_CALLS = new Set(['sendCode', 'register']);
/** How many first answers are kept for replay (oldest forgotten first). */
const MAX_REPLAYS = 2000;

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

/**
 * @param {object} [options]
 * @param {string[]} [options.allowedOrigins] origins that may call it (CORS); '*' in the list allows any, 'loopback' any page on this machine
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
    /** First answers by `companyId|call|trace`, for a repeated request. */
    replays: new Map(),
    /** Companies whose gateway does not replay (POST /__dev/replay). */
    replayOff: new Set(),
    nextCustomerNo: 80_000_001,
  };

  function reset() {
    state.customers.clear();
    state.tickets.clear();
    state.lastSendAt.clear();
    state.inbox.length = 0;
    state.requests.length = 0;
    state.faults.clear();
    state.replays.clear();
    state.replayOff.clear();
    idp.reset();
    challenges.reset();
  }

  /** The gateway's own origin, for the stand-ins it serves. */
  const selfOrigin = () => {
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };
  const idp = createIdentityProviders({
    allowedOrigins,
    now,
    log,
    selfOrigin,
    isRegistered: (companyId, provider, userId) => state.customers.has(thirdPartyKey(companyId, provider, userId)),
  });

  // The code-send challenge: the providers' stand-ins under /__captcha/, the gateway's checks.
  const challenges = createChallenges({ now, log, selfOrigin });

  // The contract's calls, config and {provider}Verify included.
  const handlers = createContractCalls({ state, now, log, idp, challenges, ticketTtlMs, maxWrongCodes, resendIntervalMs });
  const { applyFault, answer } = createFaults({ state, now });

  /** Where a request's answer is kept for a repeat of it, or undefined (a call that does no work, or replay off). */
  function replayKeyOf(call, req) {
    const companyId = req.headers.companyid;
    if (!REPLAYED_CALLS.has(call) || state.replayOff.has(companyId)) return undefined;
    return `${companyId}|${call}|${req.headers.trace}`;
  }

  function keepForReplay(key, answered) {
    if (!key) return;
    state.replays.set(key, answered);
    if (state.replays.size > MAX_REPLAYS) state.replays.delete(state.replays.keys().next().value);
  }
  const { handleDev } = createDevEndpoints({ state, now, reset, idp, challenges });

  // ---- HTTP -----------------------------------------------------------------

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
    // The challenge providers' stand-ins: scripts any page may load, and their token endpoint.
    if (url.pathname.startsWith('/__captcha/')) {
      return local ? challenges.handleStandIn(req, res, url, readJson, send) : send(res, 403, {}, 'forbidden', 'text/plain');
    }
    const cors = corsHeaders(req, allowedOrigins);
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
      return send(res, 404, cors ?? {}, refusalEnvelope(trace, new Refusal(CODES.notFound, m.notFound), now()));
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

    let replayKey;
    try {
      checkHeaders(req, m);
      replayKey = replayKeyOf(call, req);
      const first = replayKey && state.replays.get(replayKey);
      if (first) {
        log(`[gateway] ${call} repeated (trace ${trace}): the first answer again`);
        return await answer(req, res, 200, cors ?? {}, first);
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Refusal(CODES.paramInvalid, m.bodyInvalid);
      // The Origin goes along for metamaskVerify: a SIWE message must be for the site that sends it.
      const data = await handlers[call](body, { lang, m, companyId: req.headers.companyid, trace, origin: req.headers.origin });
      const answered = envelope(trace, data, now());
      keepForReplay(replayKey, answered);
      await answer(req, res, 200, cors ?? {}, answered);
    } catch (error) {
      if (error instanceof Refusal) {
        const refused = refusalEnvelope(trace, error, now());
        keepForReplay(replayKey, refused);
        return answer(req, res, 200, cors ?? {}, refused);
      }
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

  // MetaMask's relay, played at /socket.io/ (dev only): the SDK's QR code without MetaMask's servers.
  const relay = dev ? createMetaMaskRelay({ log }) : undefined;
  server.on('upgrade', (req, socket) => {
    if (!(relay && LOOPBACK_HOST.test(req.headers.host ?? '') && relay.upgrade(req, socket))) socket.destroy();
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
      relay?.close();
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

