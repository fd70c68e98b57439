/**
 * The locales that ship, how a requested language tag falls back to one of
 * them, and which way each is written. A lazy chunk of its own: a page whose
 * element speaks English never loads it, and every translation is a further
 * lazy chunk, so adding a locale never grows the entry.
 */
import type { Translation } from './en-US.js';
import { SOURCE_LOCALE, loadSourceStrings } from './source-strings.js';
import { loadOncePerKey } from '../load-once.js';

type Loader = () => Promise<{ default: Translation }>;

/** One chunk per locale, named by its tag (the file names are the tags). */
const LOADERS: Record<string, Loader> = {
  ar: () => import('./locales/ar.js'),
  'bg-BG': () => import('./locales/bg-BG.js'),
  'bn-BD': () => import('./locales/bn-BD.js'),
  'cs-CZ': () => import('./locales/cs-CZ.js'),
  'da-DK': () => import('./locales/da-DK.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'el-GR': () => import('./locales/el-GR.js'),
  'es-419': () => import('./locales/es-419.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'et-EE': () => import('./locales/et-EE.js'),
  'fa-IR': () => import('./locales/fa-IR.js'),
  'fi-FI': () => import('./locales/fi-FI.js'),
  'fil-PH': () => import('./locales/fil-PH.js'),
  'fr-CA': () => import('./locales/fr-CA.js'),
  'fr-FR': () => import('./locales/fr-FR.js'),
  'he-IL': () => import('./locales/he-IL.js'),
  'hi-IN': () => import('./locales/hi-IN.js'),
  'hr-HR': () => import('./locales/hr-HR.js'),
  'hu-HU': () => import('./locales/hu-HU.js'),
  'id-ID': () => import('./locales/id-ID.js'),
  'it-IT': () => import('./locales/it-IT.js'),
  'ja-JP': () => import('./locales/ja-JP.js'),
  'ko-KR': () => import('./locales/ko-KR.js'),
  'lt-LT': () => import('./locales/lt-LT.js'),
  'lv-LV': () => import('./locales/lv-LV.js'),
  'ms-MY': () => import('./locales/ms-MY.js'),
  'nb-NO': () => import('./locales/nb-NO.js'),
  'nl-NL': () => import('./locales/nl-NL.js'),
  'pl-PL': () => import('./locales/pl-PL.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'pt-PT': () => import('./locales/pt-PT.js'),
  'ro-RO': () => import('./locales/ro-RO.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
  'sk-SK': () => import('./locales/sk-SK.js'),
  'sl-SI': () => import('./locales/sl-SI.js'),
  'sv-SE': () => import('./locales/sv-SE.js'),
  'th-TH': () => import('./locales/th-TH.js'),
  'tr-TR': () => import('./locales/tr-TR.js'),
  'uk-UA': () => import('./locales/uk-UA.js'),
  'ur-PK': () => import('./locales/ur-PK.js'),
  'vi-VN': () => import('./locales/vi-VN.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
  'zh-TW': () => import('./locales/zh-TW.js'),
};

export const SUPPORTED_LOCALES: readonly string[] = [SOURCE_LOCALE, ...Object.keys(LOADERS)];

/**
 * Regions whose variety of a language reads another shipped locale than the
 * language's own default (CLDR's parent locales): Spanish of the Americas reads
 * es-419, Portuguese outside Brazil reads pt-PT.
 */
const REGIONAL_PARENTS: Record<string, { locale: string; regions: string }> = {
  es: { locale: 'es-419', regions: '419 AR BO BR BZ CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV US UY VE' },
  pt: { locale: 'pt-PT', regions: 'AO CH CV FR GQ GW LU MO MZ PT ST TL' },
};

/** Languages written right to left, for engines whose Intl.Locale has no text info. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

interface Subtags {
  language: string;
  script?: string;
  region?: string;
}

/** Languages the shipped locales name otherwise: Norwegian (macrolanguage) reads Bokmål, Tagalog reads Filipino. */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', tl: 'fil' };

/** Language, script and region of a tag, likely subtags filled in (`zh-HK` -> zh, Hant, HK). */
function subtagsOf(tag: string): Subtags {
  try {
    const { language, script, region } = new Intl.Locale(tag).maximize();
    return { language: LANGUAGE_ALIASES[language] ?? language, script, region };
  } catch {
    return { language: tag.split(/[-_]/)[0].toLowerCase() };
  }
}

/** The shipped locales' own subtags, worked out once. */
const SHIPPED_SUBTAGS = new Map(SUPPORTED_LOCALES.map((locale) => [locale, subtagsOf(locale)]));

const warned = new Set<string>();

/**
 * The shipped locale for a BCP 47 tag: an exact match; else, among those of
 * the same language and script, the one of the same region (`fr-CA`), the
 * regional parent (`es-MX` -> es-419, `pt-AO` -> pt-PT), the language's own
 * default (`de-AT` -> de-DE, `zh-HK` -> zh-TW by script); else en-US, with a
 * console warning once.
 */
export function resolveLocale(tag: string | undefined | null): string {
  const wanted = (tag ?? '').trim();
  if (!wanted) return SOURCE_LOCALE;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const target = subtagsOf(wanted);
  const candidates = SUPPORTED_LOCALES.filter((locale) => {
    const shipped = SHIPPED_SUBTAGS.get(locale)!;
    return shipped.language === target.language && (!target.script || !shipped.script || shipped.script === target.script);
  });
  if (candidates.length) {
    const regionOf = (locale: string) => SHIPPED_SUBTAGS.get(locale)!.region;
    const parent = REGIONAL_PARENTS[target.language];
    const home = subtagsOf(target.language).region;
    return (
      candidates.find((locale) => target.region && regionOf(locale) === target.region) ??
      (parent && target.region && parent.regions.split(' ').includes(target.region) && candidates.includes(parent.locale) ? parent.locale : undefined) ??
      candidates.find((locale) => regionOf(locale) === home) ??
      candidates[0]
    );
  }
  if (target.language !== 'en' && !warned.has(wanted)) {
    warned.add(wanted);
    console.warn(`<customer-register>: no translation for lang="${tag}"; showing ${SOURCE_LOCALE}. Supported: ${SUPPORTED_LOCALES}.`);
  }
  return SOURCE_LOCALE;
}

/** Which way a locale is written: from the engine's locale data where it has it, else from the list of right-to-left languages. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  try {
    const intlLocale = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const direction = (intlLocale.getTextInfo?.() ?? intlLocale.textInfo)?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // Not a well-formed tag: fall through to the list.
  }
  return RIGHT_TO_LEFT.has(subtagsOf(locale).language) ? 'rtl' : 'ltr';
}

const translations = loadOncePerKey<Translation>();

/** The strings of a shipped locale (en-US whole, or a translation chunk). */
export function loadTranslation(locale: string): Promise<Translation> {
  const load = LOADERS[locale];
  if (!load) return loadSourceStrings();
  return translations(locale, async () => (await load()).default);
}

export interface ResolvedLocale {
  locale: string;
  dir: 'ltr' | 'rtl';
  translation: Translation;
}

/** What the element shows for a requested tag: the shipped locale, its direction and its strings. */
export async function localeFor(tag: string): Promise<ResolvedLocale> {
  const locale = resolveLocale(tag);
  return { locale, dir: directionOf(locale), translation: await loadTranslation(locale) };
}
