/**
 * One POST to the gateway: the contract's headers, its envelope, and a typed
 * error that keeps a gateway's refusal (`ok: false`, a message meant for the
 * person) apart from a transport failure (our own localized message).
 */
import {
  API_VERSION,
  DEFAULT_PATHS,
  DEFAULT_PREFIX,
  DEFAULT_TIMEOUT_MS,
  thirdPartyPath,
  type CoreCallName,
  type GatewayCallName,
  type ThirdPartyCallName,
} from './contract.js';

/** Where and as whom the element talks to the gateway. */
export interface GatewayConfig {
  /** Origin (and optional base path) of the gateway, e.g. `https://gw.example.com`. */
  host: string;
  companyId: string;
  /** BCP 47 tag sent as the `lang` header. */
  lang: string;
  prefix?: string;
  paths?: Partial<Record<GatewayCallName, string>>;
  timeoutMs?: number;
}

/** The gateway's response envelope (contract: "Transport"). */
export interface Envelope<T> {
  bizCode?: string;
  code?: string;
  msg?: string;
  tm?: number;
  trace?: string;
  msgParams?: unknown;
  data: T;
  ok: boolean;
  fail?: boolean;
}

/** Base of every error a gateway call throws (an abort by the caller excepted). */
export abstract class GatewayError extends Error {
  abstract readonly kind: 'refused' | 'transport';
  constructor(
    message: string,
    readonly call: GatewayCallName,
    readonly trace: string,
  ) {
    super(message);
  }
}

/** The gateway answered `ok: false`: its `msg` is meant for the person, in the requested language. */
export class GatewayRefusal extends GatewayError {
  readonly kind = 'refused';
  constructor(
    call: GatewayCallName,
    trace: string,
    /** The gateway's human message (may be empty). Render as text only. */
    readonly gatewayMessage: string,
    readonly code: string,
    readonly bizCode: string,
    readonly msgParams: unknown,
    /** The envelope's `data`, which some refusals (manual review) still carry. */
    readonly data: unknown,
  ) {
    super(gatewayMessage || `gateway refused ${call} (${code})`, call, trace);
  }
}

export type TransportFailureReason = 'timeout' | 'network' | 'http' | 'bad-response';

/** The call never produced a usable envelope: nothing the gateway said, so the message is ours. */
export class TransportFailure extends GatewayError {
  readonly kind = 'transport';
  constructor(
    call: GatewayCallName,
    trace: string,
    readonly reason: TransportFailureReason,
    /** HTTP status for `reason: 'http'`. */
    readonly status?: number,
  ) {
    super(`${call} failed: ${reason}${status ? ` (HTTP ${status})` : ''}`, call, trace);
  }
}

export interface CallOptions {
  /** Aborts the call; an abort by the caller rethrows the AbortError untouched. */
  signal?: AbortSignal;
  /** Reuse a trace when retrying the same logical call, so the gateway can de-duplicate. */
  trace?: string;
  /** Epoch ms by which the whole action this call belongs to must be answered: the call's own timeout ends there at the latest. */
  deadline?: number;
  /** Sends the request (default: fetch); the country list passes one that adopts the request the entry sent early. */
  send?: typeof fetch;
}

/**
 * A failure after which the gateway may have done the work (the request may
 * have arrived; its answer did not, or not whole): a timeout, a reset, an
 * unreadable body, a 5xx.
 */
export function isAmbiguous(error: unknown): error is TransportFailure {
  return error instanceof TransportFailure && (error.reason !== 'http' || (error.status ?? 0) >= 500);
}

/** The URL of one call: `{host}{prefix}{path}`. */
export function callUrl(config: GatewayConfig, call: GatewayCallName): string {
  const host = config.host.replace(/\/+$/, '');
  const path = config.paths?.[call] ?? DEFAULT_PATHS[call as CoreCallName] ?? thirdPartyPath(call as ThirdPartyCallName);
  return `${host}${config.prefix ?? DEFAULT_PREFIX}${path}`;
}

/** Gateways already reported unreachable on the console (one report per gateway and page). */
const reportedUnreachable = new Set<string>();

/**
 * A request that failed without an answer, while the browser says it is online,
 * is most often the gateway refusing this page's origin (a CORS failure, which
 * the browser reports to script as a bare network error): the site's developer
 * learns where to look, once; the person sees the calm network message.
 */
function reportUnreachable(host: string) {
  if (!navigator.onLine || reportedUnreachable.has(host)) return;
  reportedUnreachable.add(host);
  console.error(
    `<customer-register>: the gateway ${host} could not be reached from ${location.origin}. ` +
      `Likely causes: the gateway does not allow this page's origin (CORS: ask for ${location.origin} to be added), ` +
      `the host attribute names the wrong gateway, or the gateway is down.`,
  );
}

/**
 * POSTs `body` to one of the contract's calls and returns the envelope's `data`.
 * A string body is sent as it is: JSON the caller serialised itself (see register's int64).
 */
export async function callGateway<T>(
  config: GatewayConfig,
  call: GatewayCallName,
  body: object | string,
  options: CallOptions = {},
): Promise<T> {
  const trace = options.trace ?? crypto.randomUUID();
  const ms = Math.min(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.deadline === undefined ? Infinity : options.deadline - Date.now());
  // The action's time is up: not even sent.
  if (ms <= 0) throw new TransportFailure(call, trace, 'timeout');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ms);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;

  let response: Response;
  let text: string;
  try {
    response = await (options.send ?? fetch)(callUrl(config, call), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        version: API_VERSION,
        companyId: config.companyId,
        trace,
        lang: config.lang,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (!timeout.signal.aborted) reportUnreachable(config.host);
    throw new TransportFailure(call, trace, timeout.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) throw new TransportFailure(call, trace, 'http', response.status);
  let envelope: Envelope<T>;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new TransportFailure(call, trace, 'bad-response');
  }
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new TransportFailure(call, trace, 'bad-response');
  }
  if (!envelope.ok) {
    throw new GatewayRefusal(
      call,
      trace,
      typeof envelope.msg === 'string' ? envelope.msg : '',
      String(envelope.code ?? ''),
      String(envelope.bizCode ?? ''),
      envelope.msgParams,
      envelope.data,
    );
  }
  return envelope.data;
}
