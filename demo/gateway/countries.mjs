// The reference gateway's country list: the countries this stand-in broker
// accepts, shaped like the platform's `getCountryListByParentCode` answer.
// `extend` carries a mobile-number pattern where the platform was seen to send
// one; localized names come from Node's ICU (Intl.DisplayNames) so every
// requested `lang` gets names in its own language.
import countries from 'i18n-iso-countries';

/** [alpha-2, dial code, national mobile pattern or ''] */
const ACCEPTED = [
  ['CN', '86', '^1[3-9]\\d{9}$'],
  ['HK', '852', '^[4-9]\\d{7}$'],
  ['MO', '853', '^6\\d{7}$'],
  ['TW', '886', '^9\\d{8}$'],
  ['SG', '65', '^[89]\\d{7}$'],
  ['MY', '60', '^1\\d{8,9}$'],
  ['TH', '66', '^[689]\\d{8}$'],
  ['VN', '84', '^[35789]\\d{8}$'],
  ['ID', '62', '^8\\d{8,11}$'],
  ['PH', '63', '^9\\d{9}$'],
  ['JP', '81', '^[789]0\\d{8}$'],
  ['KR', '82', '^1[016789]\\d{7,8}$'],
  ['IN', '91', '^[6-9]\\d{9}$'],
  ['AE', '971', '^5\\d{8}$'],
  ['SA', '966', '^5\\d{8}$'],
  ['GB', '44', '^7\\d{9}$'],
  ['DE', '49', '^1[5-7]\\d{8,9}$'],
  ['FR', '33', '^[67]\\d{8}$'],
  ['ES', '34', '^[67]\\d{8}$'],
  ['IT', '39', '^3\\d{8,9}$'],
  ['NL', '31', '^6\\d{8}$'],
  ['CH', '41', '^7[5-9]\\d{7}$'],
  ['RU', '7', '^9\\d{9}$'],
  ['US', '1', ''],
  ['CA', '1', ''],
  ['MX', '52', '^\\d{10}$'],
  ['BR', '55', '^\\d{2}9\\d{8}$'],
  ['AR', '54', ''],
  ['AU', '61', '^4\\d{8}$'],
  ['NZ', '64', '^2\\d{7,9}$'],
  ['ZA', '27', '^[6-8]\\d{8}$'],
  ['NG', '234', '^[789][01]\\d{8}$'],
  ['EG', '20', '^1[0125]\\d{8}$'],
  ['TR', '90', '^5\\d{9}$'],
];

/** @typedef {{ code: string, alpha2: string, countryCode: string, extend: string }} AcceptedCountry */

/** @type {AcceptedCountry[]} */
export const acceptedCountries = ACCEPTED.map(([alpha2, dial, pattern]) => {
  const numeric = countries.alpha2ToNumeric(alpha2);
  if (!numeric) throw new Error(`no ISO numeric code for ${alpha2}`);
  return { code: `ISO_3166_${numeric}`, alpha2, countryCode: dial, extend: pattern };
});

const byCode = new Map(acceptedCountries.map((c) => [c.code, c]));

/** @param {string} code an `ISO_3166_<numeric>` code */
export function findCountry(code) {
  return byCode.get(code);
}

/**
 * Where CLDR's long name hides the name people look for behind a qualifier
 * ("Sonderverwaltungsregion Hongkong", "中国香港特别行政区"), the gateway sends
 * the short one ("Hongkong", "香港"), as the element names them itself
 * (src/core/embedding/country-names.ts). Not every short name: for the US and
 * the UK those are abbreviations.
 */
const SHORT_NAMED = new Set(['HK', 'MO', 'PS']);

/** @param {string} lang @param {'long' | 'short'} style */
function regionNames(lang, style) {
  try {
    return new Intl.DisplayNames([lang, 'en-US'], { type: 'region', style });
  } catch {
    return new Intl.DisplayNames(['en-US'], { type: 'region', style });
  }
}

/**
 * The country list in the platform's shape, names in `lang`.
 * @param {string} lang
 */
export function countryList(lang) {
  const longNames = regionNames(lang, 'long');
  const shortNames = regionNames(lang, 'short');
  const localNames = { of: (/** @type {string} */ alpha2) => (SHORT_NAMED.has(alpha2) ? shortNames : longNames).of(alpha2) };
  const englishNames = regionNames('en-US', 'long');
  return acceptedCountries.map((c) => ({
    code: c.code,
    countryCode: c.countryCode,
    name: englishNames.of(c.alpha2),
    displayName: localNames.of(c.alpha2),
    ...(c.extend ? { extend: c.extend } : {}),
  }));
}
