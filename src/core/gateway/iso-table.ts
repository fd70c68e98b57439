/**
 * ISO 3166 for the gateway's country codes: it speaks `ISO_3166_<numeric>`
 * (contract.ts), locales and intl-tel-input speak alpha-2. The table is a
 * small chunk of its own, loaded once alongside the country list.
 */
import { GATEWAY_COUNTRY_PREFIX } from './contract.js';
import { loadOnce } from '../load-once.js';

let isoTables: { numericByAlpha2: Map<string, string>; alpha2ByNumeric: Map<string, string> } | undefined;

/**
 * Loads the ISO 3166 table (nothing needs it before the country list has
 * arrived, so it is fetched alongside that list). The mapping functions below
 * work once this has resolved; a failed load (offline) is tried again next time.
 */
export const loadIsoTable: () => Promise<void> = loadOnce(() =>
  import('./iso-3166.js').then(({ ISO_3166_PACKED }) => {
    const numericByAlpha2 = new Map<string, string>();
    const alpha2ByNumeric = new Map<string, string>();
    for (let i = 0; i < ISO_3166_PACKED.length; i += 5) {
      const alpha2 = ISO_3166_PACKED.slice(i, i + 2);
      const numeric = ISO_3166_PACKED.slice(i + 2, i + 5);
      numericByAlpha2.set(alpha2, numeric);
      alpha2ByNumeric.set(numeric, alpha2);
    }
    isoTables = { numericByAlpha2, alpha2ByNumeric };
  }),
);

function tables() {
  if (!isoTables) throw new Error('the ISO 3166 table is not loaded yet: await loadIsoTable() first');
  return isoTables;
}

/** `CN` -> `ISO_3166_156`; undefined for an unknown region. */
export function gatewayCountryCode(alpha2: string): string | undefined {
  const numeric = tables().numericByAlpha2.get(alpha2.toUpperCase());
  return numeric && GATEWAY_COUNTRY_PREFIX + numeric;
}

/** `ISO_3166_156` -> `CN`; undefined when the code is not of that form or unknown. */
export function alpha2Of(gatewayCode: string): string | undefined {
  if (!gatewayCode.startsWith(GATEWAY_COUNTRY_PREFIX)) return undefined;
  return tables().alpha2ByNumeric.get(gatewayCode.slice(GATEWAY_COUNTRY_PREFIX.length));
}

/**
 * Accepts a country the way a site may write it (`CN`, `cn`, `ISO_3166_156`)
 * and returns the gateway's code, or undefined.
 */
export function toGatewayCountry(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^[A-Za-z]{2}$/.test(trimmed)) return gatewayCountryCode(trimmed);
  return alpha2Of(trimmed) ? trimmed : undefined;
}
