/**
 * Which countries the phone picker offers, and in what order: exactly the
 * gateway's list, the likely ones first (the site's `country`, then the region
 * of the language, then of the browser). Pure, so it is tested on its own.
 */
import type { Country } from '../core/gateway/country-list.js';
import { alpha2Of } from '../core/gateway/iso-table.js';

export interface PhoneCountry {
  /** Lower-case ISO alpha-2, as intl-tel-input wants it. */
  iso2: string;
  /** The gateway's entry. */
  country: Country;
}

/** The gateway's countries that map to an ISO alpha-2 code (others cannot be shown with a flag and dial code). */
export function phoneCountries(countries: readonly Country[]): PhoneCountry[] {
  const result: PhoneCountry[] = [];
  for (const country of countries) {
    const alpha2 = alpha2Of(country.code);
    if (alpha2) result.push({ iso2: alpha2.toLowerCase(), country });
  }
  return result;
}

/**
 * The preferred countries, most likely first, without duplicates and only
 * those offered. `candidates` are the gateway codes (`ISO_3166_156`) in order
 * of preference; undefined entries are skipped.
 */
export function preferredOrder(offered: readonly PhoneCountry[], candidates: readonly (string | undefined)[]): string[] {
  const byCode = new Map(offered.map((entry) => [entry.country.code, entry.iso2]));
  const order: string[] = [];
  for (const code of candidates) {
    const iso2 = code && byCode.get(code);
    if (iso2 && !order.includes(iso2)) order.push(iso2);
  }
  return order;
}

/**
 * The whole picker order: the preferred countries first, then every other one
 * by its name as shown, collated in the form's language (pinyin order in
 * zh-CN, "Ägypten" under A in German), not in the browser's or by code point.
 */
export function pickerOrder(offered: readonly PhoneCountry[], preferred: readonly string[], nameOf: (entry: PhoneCountry) => string, locale: string): string[] {
  const collator = new Intl.Collator(locale);
  const rest = offered.filter((entry) => !preferred.includes(entry.iso2)).map((entry) => ({ iso2: entry.iso2, name: nameOf(entry) }));
  return [...preferred, ...rest.sort((a, b) => collator.compare(a.name, b.name)).map((entry) => entry.iso2)];
}
