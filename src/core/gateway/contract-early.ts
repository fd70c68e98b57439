/**
 * The share of contract.ts the entry needs to send the country list the moment
 * an element first updates (country-list-start.ts). It lives apart because a
 * module the entry imports rides in the entry whole: contract.ts itself stays
 * in the lazy chunks. contract.ts re-exports each of these; change them here.
 */

/** (seed) the `version` header. */
export const API_VERSION = '0.0.1';

/** (seed) every path hangs below this prefix. */
export const DEFAULT_PREFIX = '/api';

/** (seed) the country list's path after the prefix (contract.ts's DEFAULT_PATHS.countryList). */
export const COUNTRY_LIST_PATH = '/config.app.AppDictDubboService.getCountryListByParentCode';

/** (observed) the country list's root: top-level countries and regions. */
export const COUNTRY_LIST_PARENT_CODE = '-1';
