/** The country list call: the countries a person may choose, shared by every element on the page. */
import { COUNTRY_LIST_PARENT_CODE } from './contract.js';
import { loadOncePerKey } from '../load-once.js';
import { callGateway, type GatewayConfig } from './transport.js';
import { countryListKey, forgetStartedCountryLists, takeStartedCountryList } from './country-list-start.js';

/** One entry of the gateway's country list (observed shape). */
export interface Country {
  /** `ISO_3166_<numeric>`: what register's `country` carries. */
  code: string;
  /** Dial code without `+`. */
  countryCode: string;
  name: string;
  displayName?: string;
  /** A regular expression for valid national mobile numbers, where the gateway gives one. */
  extend?: string;
}

const countryLists = loadOncePerKey<Country[]>();

/**
 * Fetches the country list once per gateway, company and language; every
 * element on the page shares the answer. A failed load is forgotten so the
 * next call tries again. The first load reads the request the entry sent when
 * the element first updated (country-list-start.ts), if it sent one.
 */
export function fetchCountryList(config: GatewayConfig): Promise<Country[]> {
  // No caller's signal: the shared request must outlive any one element.
  return countryLists(countryListKey(config), () =>
    callGateway<unknown>(config, 'countryList', { parentCode: COUNTRY_LIST_PARENT_CODE }, adoptStarted(config)).then(toCountries),
  );
}

/**
 * The request the entry sent early for `config`, as callGateway sends with
 * (`send` and `trace`): it answers with that request's response, or rejects
 * when the call's own signal aborts (its timeout), which aborts the request too.
 */
function adoptStarted(config: GatewayConfig): { send: typeof fetch; trace: string } | undefined {
  const request = takeStartedCountryList(config);
  if (!request) return undefined;
  const send = (_url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      const onAbort = () => {
        request.abort.abort(signal!.reason);
        reject(signal!.reason);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      request.response.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
    });
  return { send, trace: request.trace };
}

/** Keeps the entries that carry what the element needs; the gateway's order is kept. */
function toCountries(data: unknown): Country[] {
  if (!Array.isArray(data)) return [];
  return data.filter(
    (item): item is Country =>
      !!item && typeof item.code === 'string' && typeof item.countryCode === 'string' && typeof item.name === 'string',
  );
}

/** For tests: forget every cached list. */
export function clearCountryListCache(): void {
  countryLists.forgetAll();
  forgetStartedCountryLists();
}
