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
import { loadOnce } from '../load-once.js';

export type { Translation };

export const SOURCE_LOCALE = 'en-US';

/**
 * The en-US strings: the first step's until `loadSourceStrings()` has added the
 * rest. Only lazy chunks show the rest, and the element loads each of them
 * together with these (see the element's loadFeature and loadPhone).
 */
let source = enUSFirstStep as Translation;

/** Completes the en-US strings (once; again after a failed load). */
export const loadSourceStrings: () => Promise<Translation> = loadOnce(() =>
  import('./en-US-later.js').then(({ enUSLater }) => (source = { ...enUSFirstStep, ...enUSLater })),
);

/** English of any region is the source language: shown at once, with no chunk. */
const isSource = (tag: string) => /^en(-|$)/i.test(tag);

/** Strings a site sets in place of the shipped ones, per locale tag (or language). */
export type StringOverrides = Record<string, Partial<Translation>>;

interface LocalizedElement extends ReactiveControllerHost, HTMLElement {
  strings?: StringOverrides;
}

/**
 * Follows the element's `lang` (then the page's `<html lang>`, then the browser),
 * loads that translation and re-renders the element when it arrives. Until then it
 * renders in the locale it had, so a switch never blanks the view.
 */
export class LocalizeController implements ReactiveController {
  /** The strings of a non-source locale; undefined while en-US is shown. */
  private current?: Translation;
  private currentLocale = SOURCE_LOCALE;
  private currentDir: 'ltr' | 'rtl' = 'ltr';
  /** The tag last acted on, so an update that changes no language costs nothing. */
  private handledTag = '';
  private merged?: { base: Translation; overrides: Partial<Translation>; strings: Translation };

  constructor(private readonly element: LocalizedElement) {
    element.addController(this);
  }

  /** The strings of the current locale, with the site's own in place of any it overrides. */
  get t(): Translation {
    const base = this.current ?? source;
    const all = this.element.strings;
    // The site's own entries only: nothing inherited (a polluted Object.prototype) stands for a locale or a string.
    const own = (tag: string) => (all && Object.hasOwn(all, tag) ? all[tag] : undefined);
    const overrides = own(this.currentLocale) ?? own(this.currentLocale.split('-')[0]);
    if (!overrides || typeof overrides != 'object') return base;
    if (this.merged?.base !== base || this.merged.overrides !== overrides) {
      const strings: Record<string, unknown> = { ...base };
      // Each of the type of the string it replaces (text for text, a function where the string takes values), else ignored.
      for (const [key, value] of Object.entries(overrides)) {
        if (!Object.hasOwn(base, key)) continue;
        if (typeof value == typeof strings[key]) strings[key] = value;
        else console.warn(`<customer-register>: strings.${key} ignored: not a ${typeof strings[key]}`);
      }
      this.merged = { base, overrides, strings: strings as Translation };
    }
    return this.merged.strings;
  }

  /** The supported locale now shown. */
  get locale(): string {
    return this.currentLocale;
  }

  /** Writing direction of the locale now shown (from the locale catalog). */
  get dir(): 'ltr' | 'rtl' {
    return this.currentDir;
  }

  /** The language tag asked for, well-formed, for the gateway's `lang` header. */
  get requestedTag(): string {
    const tag = this.element.lang || document.documentElement.lang || navigator.language;
    try {
      // Canonical, without extensions (`th-TH-u-nu-thai` -> `th-TH`): what the gateway's `lang` expects.
      return new Intl.Locale(tag).baseName;
    } catch {
      return this.currentLocale;
    }
  }

  /**
   * The page's first translation is on its way: nothing of the element is
   * shown until it is here (or could not be loaded), so a person never reads
   * English first. A later change of language keeps the words on screen instead.
   */
  get pending(): boolean {
    return this.firstLoad;
  }

  private firstLoad = false;

  /** A locale has been shown (English counts): from then on a switch never hides the view. */
  private shown = false;

  hostUpdate(): void {
    const tag = this.requestedTag;
    if (tag === this.handledTag) return;
    this.handledTag = tag;
    // English of any region is the source: no chunk at all.
    if (isSource(tag)) {
      this.apply(SOURCE_LOCALE, 'ltr');
      return;
    }
    this.firstLoad = !this.shown;
    import('./locale-catalog.js')
      .then((catalog) => catalog.localeFor(tag))
      .then(
        ({ locale, dir, translation }) => {
          if (this.handledTag !== tag) return;
          this.apply(locale, dir, translation);
          this.element.requestUpdate();
        },
        (error) => {
          // Try again at the next render (the network may be back by then).
          if (this.handledTag === tag) this.handledTag = '';
          console.warn(`<customer-register>: could not load the translation for ${tag}`, error);
          // Nothing came: English after all, rather than nothing.
          if (this.firstLoad) {
            this.firstLoad = false;
            this.shown = true;
            this.element.requestUpdate();
          }
        },
      );
  }

  private apply(locale: string, dir: 'ltr' | 'rtl', translation?: Translation) {
    this.firstLoad = false;
    this.shown = true;
    this.current = locale === SOURCE_LOCALE ? undefined : translation;
    this.currentLocale = locale;
    this.currentDir = dir;
  }
}

/**
 * Counted strings: the form for a number by the locale's own plural rules
 * (CLDR, through Intl.PluralRules), with the number written in the locale's
 * own digits (Intl.NumberFormat: Persian in `fa-IR`, Bengali in `bn-BD`;
 * Latin in `ar` by current CLDR, Arabic-Indic in `ar-SA`). English has two forms, Polish and Russian four, Arabic six;
 * Chinese, Japanese, Korean, Thai, Vietnamese and Indonesian one.
 * Only the translations (lazy chunks) use it, but it is defined here, in the
 * entry: as a chunk of its own (a few hundred bytes) it cost one more round trip
 * after en-US-later and after every translation, on the way to Send and to the
 * person's language. The translations import it through plural.ts.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A counted string: call it with the count. Its forms stay readable so the
 * tests can check each locale has every form it needs.
 */
export interface Counted {
  (count: number): string;
  readonly locale: string;
  readonly forms: PluralForms;
}

/** `{n}` in each form is replaced by the count, formatted for the locale. */
export function counted(locale: string, forms: PluralForms): Counted {
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  const format = (count: number): string => {
    rules ??= new Intl.PluralRules(locale);
    numbers ??= new Intl.NumberFormat(locale);
    return (forms[rules.select(count)] ?? forms.other).replace('{n}', numbers.format(count));
  };
  return Object.assign(format, { locale, forms });
}
