/**
 * The names the country lists show (the residence select and the phone
 * picker, which take them from one place so both say the same): the site's
 * own name for a country in the form's language (`countryNames`), else the
 * gateway's, else the browser's, short where the long one hides the name
 * people look for ("Sonderverwaltungsregion Hongkong" under S in German).
 * Part of the lazy registration chunk.
 */
import { shownCountryName } from '../gateway/contract.js';
import type { Country } from '../gateway/country-list.js';
import { alpha2Of, toGatewayCountry } from '../gateway/iso-table.js';

/**
 * The site's names per language tag (`zh-CN`, a language `zh`, or `*` for
 * every language) and country (ISO alpha-2 `TW` or the gateway's `ISO_3166_158`):
 * legal teams decide how some territories are named.
 */
export type CountryNames = Record<string, Record<string, string>>;

/** As the element takes it: JSON text (the `country-names` attribute) or an object (the property). */
export type CountryNamesOption = string | CountryNames;

/** The site's names as read: language tag (canonical, or `*`) -> country key as written (upper case) -> name. */
export type SiteCountryNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A country with its name in the shown language. */
export interface NamedCountry {
  country: Country;
  name: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value == 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `countryNames` as the site set it. What is not understood (not JSON,
 * not an object of objects, a tag or a country that is not one, a name that is
 * not text) is left out and named in `problem`, for one console warning; the
 * rest applies. Names are kept as text: they are only ever rendered as text.
 */
export function readCountryNames(value: unknown): { names: SiteCountryNames; problem?: string } {
  try {
    return readNames(value);
  } catch {
    // An object whose reading throws (a hostile getter or proxy): as if unset.
    return { names: new Map(), problem: 'unreadable' };
  }
}

function readNames(value: unknown): { names: SiteCountryNames; problem?: string } {
  const names = new Map<string, Map<string, string>>();
  if (value === undefined || value === null || value === '') return { names };
  let parsed = value;
  if (typeof value == 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return { names, problem: 'not JSON' };
    }
  }
  if (!isRecord(parsed)) return { names, problem: 'not an object of languages' };
  const ignored: string[] = [];
  // Own entries only (Object.entries): nothing inherited from a polluted Object.prototype counts.
  for (const [tag, table] of Object.entries(parsed)) {
    const language = canonicalTag(tag);
    if (!language || !isRecord(table)) {
      ignored.push(tag);
      continue;
    }
    const forLanguage = names.get(language) ?? new Map<string, string>();
    for (const [key, name] of Object.entries(table)) {
      const country = /^[a-z]{2}$|^ISO_3166_\d{3}$/i.test(key) ? key.toUpperCase() : '';
      if (country && typeof name == 'string' && name.trim()) forLanguage.set(country, name.trim());
      else ignored.push(`${tag}.${key}`);
    }
    names.set(language, forLanguage);
  }
  return { names, problem: ignored.length ? `${ignored.slice(0, 3).join(', ')}${ignored.length > 3 ? ', …' : ''} not understood` : undefined };
}

/** `zh-cn` -> `zh-CN`; `*` stays; undefined when not a language tag. */
function canonicalTag(tag: string): string | undefined {
  if (tag === '*') return tag;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The site's names for `locale` (the shown locale, `zh-CN`), by gateway code:
 * for each country the exact tag's, else the language's (`zh`), else `*`'s,
 * as a site's own strings are matched. Needs the ISO table (loaded with the list).
 */
export function siteNamesFor(names: SiteCountryNames, locale: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const tag of ['*', locale.split('-')[0], locale]) {
    for (const [key, name] of names.get(tag) ?? []) {
      const code = toGatewayCountry(key);
      if (code) result.set(code, name);
    }
  }
  return result;
}

/**
 * Territories whose long name in CLDR carries a qualifier before or around the
 * name people look for ("Sonderverwaltungsregion Hongkong", "中国香港特别行政区",
 * "Palestinian Territories"): the browser's short name is shown instead
 * ("Hongkong", "香港", "Palestine"). Not every short name: for the US and the
 * UK CLDR's short ones are abbreviations ("É.-U.", "RU", "Wlk. Bryt.").
 */
const SHORT_NAMED = new Set(['HK', 'MO', 'PS']);

/**
 * The countries named in `locale` (see shownCountryName: the site's, else the
 * gateway's, else the browser's, else the gateway's English `name`) and sorted
 * by that name in the locale's collation (pinyin in zh-CN, "Ägypten" under A in German).
 */
export function nameAndSort(countries: readonly Country[], locale: string, siteNames: ReadonlyMap<string, string>): NamedCountry[] {
  const browserNames = (style: 'long' | 'short') => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region', style });
    } catch {
      return undefined;
    }
  };
  const long = browserNames('long');
  const short = browserNames('short');
  const named = countries.map((country) => {
    const alpha2 = alpha2Of(country.code);
    const browserName = alpha2 && (SHORT_NAMED.has(alpha2) ? short : long)?.of(alpha2);
    return { country, name: shownCountryName(country, siteNames.get(country.code), browserName) };
  });
  const collator = new Intl.Collator(locale);
  return named.sort((a, b) => collator.compare(a.name, b.name));
}
