/**
 * The country list's request, sent by the entry the moment an element first
 * updates, so it travels beside the registration chunk instead of after it (on
 * a phone network that is two round trips, its CORS preflight and its POST, off
 * the way to Send). The chunk's fetchCountryList (country-list.ts) adopts the
 * answer through callGateway, which reads it as it reads any other: same
 * envelope, errors, timeout and trace. The ISO table the list is read with is
 * requested at the same moment.
 *
 * Kept to a bare fetch: the entry carries only the URL, the contract's headers
 * and a map of requests under way, not the transport.
 */
import { API_VERSION, COUNTRY_LIST_PARENT_CODE, COUNTRY_LIST_PATH, DEFAULT_PREFIX } from './contract-early.js';
import type { GatewayConfig } from './transport.js';

export interface StartedRequest {
  trace: string;
  response: Promise<Response>;
  /** Aborts the request when the adopting call gives up on it (its timeout). */
  abort: AbortController;
  adopted: boolean;
}

/** Requests sent early, by key; kept after adoption so a later element does not send another (the list is cached by then). */
const started = new Map<string, StartedRequest>();

/** What identifies one country list: the same key as fetchCountryList's cache. */
export function countryListKey(config: GatewayConfig): string {
  return JSON.stringify([config.host, config.prefix, config.paths?.countryList, config.companyId, config.lang]);
}

/** Sends the country list call for `config` now, unless it was sent early already, and requests the ISO table. */
export function startCountryList(config: GatewayConfig): void {
  const key = countryListKey(config);
  if (started.has(key)) return;
  const trace = crypto.randomUUID();
  const abort = new AbortController();
  const url = `${config.host.replace(/\/+$/, '')}${config.prefix ?? DEFAULT_PREFIX}${config.paths?.countryList ?? COUNTRY_LIST_PATH}`;
  const response = fetch(url, {
    method: 'POST',
    // The same headers callGateway sends (transport.ts): the gateway refuses a call without any of them.
    headers: { 'content-type': 'application/json', version: API_VERSION, companyId: config.companyId, trace, lang: config.lang },
    body: JSON.stringify({ parentCode: COUNTRY_LIST_PARENT_CODE }),
    signal: abort.signal,
    credentials: 'omit',
    cache: 'no-store',
  });
  const request: StartedRequest = { trace, response, abort, adopted: false };
  started.set(key, request);
  // A failure is the adopter's to report; one nobody adopts is forgotten, so a later load sends anew.
  response.catch(() => !request.adopted && started.get(key) === request && started.delete(key));
  void import('./iso-3166.js').catch(() => {});
}

/**
 * The early request for `config`, once (fetchCountryList adopts it); undefined
 * when none was sent or it was taken already.
 */
export function takeStartedCountryList(config: GatewayConfig): StartedRequest | undefined {
  const request = started.get(countryListKey(config));
  if (!request || request.adopted) return undefined;
  request.adopted = true;
  return request;
}

/** For tests: forget every early request (with fetchCountryList's cache). */
export function forgetStartedCountryLists(): void {
  started.clear();
}
