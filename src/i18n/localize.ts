/**
 * The i18n layer: every string the element shows comes from a `Translation`.
 * Each element has its own language (a page may show a `zh-CN` element beside
 * an `en-US` one), so this is a per-element controller rather than a global
 * locale. The entry ships only the first step's en-US strings; the rest of
 * en-US and every other locale are lazy chunks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from './en-US.js';
import { enUSFirstStep } from './en-US-first-step.js';

export type { Translation };

export const SOURCE_LOCALE = 'en-US';

/** Lazy loaders, one chunk per locale: an en-US page downloads none of them. */
const LOADERS: Record<string, () => Promise<{ default: Translation }>> = {
  'zh-CN': () => import('./locales/zh-CN.js'),
  'zh-TW': () => import('./locales/zh-TW.js'),
  'ja-JP': () => import('./locales/ja-JP.js'),
  'ko-KR': () => import('./locales/ko-KR.js'),
  'vi-VN': () => import('./locales/vi-VN.js'),
  'th-TH': () => import('./locales/th-TH.js'),
  'id-ID': () => import('./locales/id-ID.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
  ar: () => import('./locales/ar.js'),
};

export const SUPPORTED_LOCALES: readonly string[] = [SOURCE_LOCALE, ...Object.keys(LOADERS)];

/**
 * The en-US strings: the first step's until `loadSourceStrings()` has added the
 * rest. Only lazy chunks show the rest, and the element loads each of them
 * together with these (see the element's loadFeature and loadPhone).
 */
let source = enUSFirstStep as Translation;
let sourceLoad: Promise<Translation> | undefined;

/** Completes the en-US strings (once; again after a failed load). */
export function loadSourceStrings(): Promise<Translation> {
  sourceLoad ??= import('./en-US-later.js').then(({ enUSLater }) => (source = { ...enUSFirstStep, ...enUSLater }));
  sourceLoad.catch(() => (sourceLoad = undefined));
  return sourceLoad;
}

const loaded = new Map<string, Translation>();
const warned = new Set<string>();

/** Language and script of a tag, with likely subtags filled in (`zh-HK` -> zh, Hant). */
function languageAndScript(tag: string): { language: string; script?: string } {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return { language: locale.language, script: locale.script };
  } catch {
    return { language: tag.split(/[-_]/)[0].toLowerCase() };
  }
}

/**
 * The supported locale for a BCP 47 tag: an exact match; else one of the same
 * language and script (`zh-HK` -> zh-TW, `zh-SG` -> zh-CN); else of the same
 * language (`pt-PT` -> pt-BR, `es-MX` -> es-ES, `ar-EG` -> ar); else en-US,
 * with a console warning once.
 */
export function resolveLocale(tag: string | undefined | null): string {
  const wanted = (tag ?? '').trim();
  if (!wanted) return SOURCE_LOCALE;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const target = languageAndScript(wanted);
  const sameLanguage = SUPPORTED_LOCALES.filter((locale) => languageAndScript(locale).language === target.language);
  const match = sameLanguage.find((locale) => languageAndScript(locale).script === target.script) ?? sameLanguage[0];
  if (match) return match;
  if (!warned.has(wanted)) {
    warned.add(wanted);
    console.warn(`<customer-register>: no translation for lang="${tag}"; showing ${SOURCE_LOCALE}. Supported: ${SUPPORTED_LOCALES}.`);
  }
  return SOURCE_LOCALE;
}

export async function loadTranslation(locale: string): Promise<Translation> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const load = LOADERS[locale];
  if (!load) return loadSourceStrings();
  const translation = (await load()).default;
  loaded.set(locale, translation);
  return translation;
}

interface LocalizedHost extends ReactiveControllerHost, HTMLElement {}

/**
 * Follows the host's `lang` (then the page's `<html lang>`, then the browser),
 * loads that translation and re-renders the host when it arrives. Until then the
 * host renders in the locale it had, so a switch never blanks the view.
 */
export class LocalizeController implements ReactiveController {
  /** The strings of a non-source locale; undefined while en-US is shown. */
  private current?: Translation;
  private currentLocale = SOURCE_LOCALE;
  private requestedLocale = SOURCE_LOCALE;

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  /** The strings of the current locale. */
  get t(): Translation {
    return this.current ?? source;
  }

  /** The supported locale now shown. */
  get locale(): string {
    return this.currentLocale;
  }

  /** Writing direction of the locale now shown (Arabic is the one right-to-left language shipped). */
  get dir(): 'ltr' | 'rtl' {
    return this.currentLocale === 'ar' ? 'rtl' : 'ltr';
  }

  /** The language tag asked for, well-formed, for the gateway's `lang` header. */
  get requestedTag(): string {
    const tag = this.host.lang || document.documentElement.lang || navigator.language;
    try {
      // Canonical, without extensions (`th-TH-u-nu-thai` -> `th-TH`): what the gateway's `lang` expects.
      return new Intl.Locale(tag).baseName;
    } catch {
      return this.requestedLocale;
    }
  }

  hostUpdate(): void {
    const locale = resolveLocale(this.requestedTag);
    if (locale === this.requestedLocale) return;
    this.requestedLocale = locale;
    const cached = locale === SOURCE_LOCALE ? source : loaded.get(locale);
    if (cached) {
      this.apply(locale, cached);
      return;
    }
    loadTranslation(locale).then(
      (translation) => {
        if (this.requestedLocale !== locale) return;
        this.apply(locale, translation);
        this.host.requestUpdate();
      },
      (error) => {
        // Try again at the next render (the network may be back by then).
        if (this.requestedLocale === locale) this.requestedLocale = this.currentLocale;
        console.warn(`<customer-register>: could not load the ${locale} translation`, error);
      },
    );
  }

  private apply(locale: string, translation: Translation) {
    this.current = locale === SOURCE_LOCALE ? undefined : translation;
    this.currentLocale = locale;
  }
}
