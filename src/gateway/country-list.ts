/** The country list call: the countries a person may choose, shared by every element on the page. */
import { COUNTRY_LIST_PARENT_CODE } from './contract.js';
import { loadOncePerKey } from '../load-once.js';
import { callGateway, type GatewayConfig } from './transport.js';

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
 * next call tries again.
 */
export function fetchCountryList(config: GatewayConfig): Promise<Country[]> {
  const key = JSON.stringify([config.host, config.prefix, config.paths?.countryList, config.companyId, config.lang]);
  // No caller's signal: the shared request must outlive any one element.
  return countryLists(key, () => callGateway<unknown>(config, 'countryList', { parentCode: COUNTRY_LIST_PARENT_CODE }).then(toCountries));
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
}
