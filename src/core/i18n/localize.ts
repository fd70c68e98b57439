/**
 * The i18n layer: every string the element shows comes from a `Translation`.
 * Each element has its own language (a page may show a `zh-CN` element beside
 * an `en-US` one), so this is a per-element controller rather than a global
 * locale. The entry ships only the first step's en-US strings; the rest of
 * en-US and every other locale are lazy chunks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation } from './en-US.js';
import { SOURCE_LOCALE, sourceStrings } from './source-strings.js';

export type { Translation };

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
    const base = this.current ?? sourceStrings();
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

// The entry carries `counted` (plural.ts) for the translations: see there.
export { counted, type Counted, type PluralForms } from './plural.js';
export { SOURCE_LOCALE, loadSourceStrings } from './source-strings.js';
