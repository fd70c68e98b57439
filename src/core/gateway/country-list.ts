/** The country list call: the countries a person may choose, shared by every element on the page. */
import { COUNTRY_LIST_PARENT_CODE } from './contract.js';
import { loadOncePerKey } from '../load-once.js';
import { callGateway, type GatewayConfig } from './transport.js';
import { countryListKey, forgetStartedCountryLists, takeStartedCountryList } from './country-list-start.js';
import { parseMobilePattern } from './mobile-pattern.js';

/** One entry of the gateway's country list (observed shape). */
export interface Country {
  /** `ISO_3166_<numeric>`: what register's `country` carries. */
  code: string;
  /** Dial code without `+`. */
  countryCode: string;
  name: string;
  displayName?: string;
  /**
   * The gateway's pattern for valid national mobile numbers, kept only when it
   * is in the subset `mobile-pattern.ts` reads (it is never compiled).
   */
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

/**
 * Keeps the entries that carry what the element needs, field by field: the
 * gateway's order is kept, a field of the wrong type is left out (an object
 * where a name belongs would break the select), and so is a mobile pattern
 * outside the subset that can be matched in bounded time.
 */
function toCountries(data: unknown): Country[] {
  if (!Array.isArray(data)) return [];
  const countries: Country[] = [];
  for (const item of data as Partial<Record<keyof Country, unknown>>[]) {
    const { code, countryCode, name, displayName, extend } = item ?? {};
    if (typeof code !== 'string' || typeof countryCode !== 'string' || typeof name !== 'string') continue;
    const country: Country = { code, countryCode, name };
    if (typeof displayName === 'string') country.displayName = displayName;
    if (parseMobilePattern(extend)) country.extend = extend as string;
    else if (extend) console.warn(`<customer-register>: the gateway's mobile-number pattern for ${code} is not understood; libphonenumber alone checks it.`);
    countries.push(country);
  }
  return countries;
}

/** For tests: forget every cached list. */
export function clearCountryListCache(): void {
  countryLists.forgetAll();
  forgetStartedCountryLists();
}
