/**
 * The i18n layer: every string the element shows comes from a `Translation`.
 * Each element has its own language (a page may show a `zh-CN` element beside
 * an `en-US` one), so this is a per-element controller rather than a global
 * locale. en-US ships in the entry; every other locale is a lazy chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import enUS, { type Translation } from './en-US.js';

export type { Translation };

export const SOURCE_LOCALE = 'en-US';

/** Lazy loaders, one chunk per locale. */
const LOADERS: Record<string, () => Promise<{ default: Translation }>> = {
  'zh-CN': () => import('./zh-CN.js'),
};

export const SUPPORTED_LOCALES: readonly string[] = [SOURCE_LOCALE, ...Object.keys(LOADERS)];

const loaded = new Map<string, Translation>([[SOURCE_LOCALE, enUS]]);
const warned = new Set<string>();

/**
 * The supported locale for a BCP 47 tag: an exact match, else the first
 * supported locale of the same language, else en-US (with a warning once).
 */
export function resolveLocale(tag: string | undefined | null): string {
  const wanted = (tag ?? '').trim().toLowerCase();
  if (!wanted) return SOURCE_LOCALE;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  const sameLanguage = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
  if (sameLanguage) return sameLanguage;
  if (!warned.has(wanted)) {
    warned.add(wanted);
    console.warn(`<customer-register>: no translation for lang="${tag}"; showing ${SOURCE_LOCALE}. Supported: ${SUPPORTED_LOCALES.join(', ')}.`);
  }
  return SOURCE_LOCALE;
}

export async function loadTranslation(locale: string): Promise<Translation> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const load = LOADERS[locale];
  if (!load) return enUS;
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
  private current: Translation = enUS;
  private currentLocale = SOURCE_LOCALE;
  private requestedLocale = SOURCE_LOCALE;

  constructor(private readonly host: LocalizedHost) {
    host.addController(this);
  }

  /** The strings of the current locale. */
  get t(): Translation {
    return this.current;
  }

  /** The supported locale now shown. */
  get locale(): string {
    return this.currentLocale;
  }

  /** The language tag asked for, well-formed, for the gateway's `lang` header. */
  get requestedTag(): string {
    const tag = this.host.lang || document.documentElement.lang || navigator.language;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? this.requestedLocale;
    } catch {
      return this.requestedLocale;
    }
  }

  hostUpdate(): void {
    const locale = resolveLocale(this.requestedTag);
    if (locale === this.requestedLocale) return;
    this.requestedLocale = locale;
    const cached = loaded.get(locale);
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
      (error) => console.warn(`<customer-register>: could not load the ${locale} translation`, error),
    );
  }

  private apply(locale: string, translation: Translation) {
    this.current = translation;
    this.currentLocale = locale;
  }
}
