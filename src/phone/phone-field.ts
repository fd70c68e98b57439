/**
 * The phone-number field: intl-tel-input with its libphonenumber utils, inside
 * the element's shadow root. This module is a lazy chunk (with the utils as a
 * second one), imported only when phone entry is shown.
 *
 * intl-tel-input rewrites the DOM around its input, so the field owns a
 * container element that the view renders as a node: Lit never re-renders its
 * inside, and switching tabs away and back keeps the same input and number.
 */
import intlTelInput, { type Iti, type Iso2, type UiTranslations } from 'intl-tel-input';
import itiCss from 'virtual:iti-styles';
import type { Country } from '../core/gateway/country-list.js';
import { matchesMobilePattern, parseMobilePattern } from '../core/gateway/mobile-pattern.js';
import { pickerOrder, type PhoneCountry } from './country-order.js';

/** Why a number is refused before any request. */
export type PhoneProblem = 'required' | 'invalid' | 'too-short' | 'too-long' | 'not-mobile' | 'no-country';

export type PhoneCheck =
  | { ok: true; country: Country; nationalNumber: string; international: string }
  | { ok: false; problem: PhoneProblem };

export interface PhoneFieldOptions {
  /** The countries to offer, in the gateway's order. */
  countries: readonly PhoneCountry[];
  /** iso2 codes to list first; the first one is selected initially. */
  preferred: readonly string[];
  /** Locale for country names intl-tel-input derives (Intl.DisplayNames). */
  locale: string;
  /** intl-tel-input's own strings, from the element's translation. */
  uiTranslations: UiTranslations;
  /** Attributes for the input: id, aria-describedby and the like. */
  inputAttributes: Record<string, string>;
  onInput: () => void;
}

let sheet: CSSStyleSheet | undefined;

/** intl-tel-input's styles plus the flag sprites, resolved next to this chunk (no CDN). */
function phoneStyles(): CSSStyleSheet {
  if (!sheet) {
    const flags1x = new URL('../../node_modules/intl-tel-input/dist/img/flags.webp', import.meta.url).href;
    const flags2x = new URL('../../node_modules/intl-tel-input/dist/img/flags@2x.webp', import.meta.url).href;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${itiCss}
:host {
  --iti-path-flags-1x: url("${flags1x}");
  --iti-path-flags-2x: url("${flags2x}");
  --iti-border-color: var(--cr-color-border);
  --iti-dialcode-color: var(--cr-color-muted);
  --iti-dropdown-bg: var(--cr-color-surface);
  /* 29.x paints the open list with this one (not --iti-dropdown-bg): without it the
     dark scheme showed light text on white. */
  --iti-country-selector-bg: var(--cr-color-surface);
  --iti-icon-color: var(--cr-color-muted);
  --iti-hover-color: color-mix(in srgb, var(--cr-color-accent) 12%, transparent);
}
.iti__country-selector, .iti__search-input { color: var(--cr-color-text); }
/* The highlighted country is outlined in the accent colour, not only tinted
   (a tint alone is about 1.2:1 against the list). */
.iti__country.iti__highlight { outline: 2px solid var(--cr-color-accent); outline-offset: -2px; }
.iti { display: block; }
/* intl-tel-input measures its dropdown in document.body, where its styles do
   not reach inside a shadow root, and pins that (far too tall) height inline;
   it then also opens upwards for lack of room. Size and place it ourselves. */
.iti__country-selector { height: auto !important; top: 100% !important; bottom: auto !important; }
.iti__country-list { max-block-size: 15rem; overflow-y: auto; }
.iti__search-input { font: inherit; }
/* The number is written left to right and its flag button sits at its left in every language: flag, then caret,
   as one left-to-right control (right to left, the caret came before the flag). */
.iti__selected-country { direction: ltr; }
`);
  }
  return sheet;
}

/** Adopts the phone styles into a shadow root once. */
function adoptInto(root: ShadowRoot) {
  const styles = phoneStyles();
  if (!root.adoptedStyleSheets.includes(styles)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles];
}

/** Loads libphonenumber's utils (a chunk of its own) once for every field. */
const utilsReady: Promise<unknown> = intlTelInput.attachUtils(() => import('intl-tel-input/utils')) ?? Promise.resolve();

export class PhoneField {
  readonly element: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly iti: Iti;
  private readonly byIso2: Map<string, Country>;

  private constructor(root: ShadowRoot, options: PhoneFieldOptions) {
    adoptInto(root);
    this.byIso2 = new Map(options.countries.map((entry) => [entry.iso2, entry.country]));
    this.element = document.createElement('div');
    this.element.className = 'phone-field';
    this.input = document.createElement('input');
    this.input.type = 'tel';
    this.input.name = 'phone';
    this.input.autocomplete = 'tel';
    this.input.inputMode = 'tel';
    this.input.dir = 'ltr';
    for (const [name, value] of Object.entries(options.inputAttributes)) this.input.setAttribute(name, value);
    this.input.addEventListener('input', options.onInput);
    this.element.append(this.input);

    const overrides: Partial<Record<Iso2, string>> = {};
    for (const { iso2, country } of options.countries) {
      if (country.displayName) overrides[iso2 as Iso2] = country.displayName;
    }
    // The names the picker shows (the gateway's, else the browser's in the form's language), collated in that language:
    // intl-tel-input would sort them in the browser's language instead.
    const regionNames = new Intl.DisplayNames([options.locale], { type: 'region' });
    const nameOf = ({ iso2 }: PhoneCountry) => overrides[iso2 as Iso2] || regionNames.of(iso2.toUpperCase()) || iso2;
    this.iti = intlTelInput(this.input, {
      onlyCountries: options.countries.map((entry) => entry.iso2 as Iso2),
      countryOrder: pickerOrder(options.countries, options.preferred, nameOf, options.locale) as Iso2[],
      initialCountry: (options.preferred[0] ?? '') as Iso2 | '',
      // Inline dropdown: the fullscreen popup would be attached to document.body, outside our shadow root.
      countrySelectorMode: 'DROPDOWN',
      separateDialCode: false,
      countryNameLocale: options.locale,
      countryNameOverrides: overrides,
      uiTranslations: options.uiTranslations,
      formatAsYouType: true,
      strictMode: false,
      allowedNumberTypes: ['MOBILE', 'FIXED_LINE_OR_MOBILE'],
      containerClass: 'iti--full-width',
    });
    this.element.addEventListener('countrychange', options.onInput);
    this.completeSearchAccessibility(options.uiTranslations);
  }

  /**
   * intl-tel-input 29.5 builds its country search with an unnamed dialog and
   * a result-count element that is not a live region, and hides "no results"
   * from screen readers: name the dialog after the list, make the count polite
   * and live, and have it say "no results" when nothing matches.
   */
  private completeSearchAccessibility(strings: Partial<UiTranslations>): void {
    const selector = this.element.querySelector('.iti__country-selector');
    if (strings.countryListAriaLabel) selector?.setAttribute('aria-label', strings.countryListAriaLabel);
    const summary = selector?.querySelector('.iti__a11y-text');
    summary?.setAttribute('role', 'status');
    summary?.setAttribute('aria-live', 'polite');
    summary?.setAttribute('aria-atomic', 'true');
  }

  /** Creates a field once libphonenumber's utils are loaded, so nothing reformats a number being typed. */
  static async create(root: ShadowRoot, options: PhoneFieldOptions): Promise<PhoneField> {
    await utilsReady;
    return new PhoneField(root, options);
  }

  /** The selected country's iso2, lower case ('' when none). */
  get selectedIso2(): string {
    return this.iti.getSelectedCountry()?.iso2 ?? '';
  }

  /** The number as typed. */
  get rawValue(): string {
    return this.input.value;
  }

  set rawValue(value: string) {
    this.iti.setNumber(value);
  }

  /**
   * Checks the number with libphonenumber before any request, and says
   * precisely what is wrong: too short or too long for the country, a number
   * that cannot receive SMS, or simply not valid there.
   */
  check(): PhoneCheck {
    if (!this.input.value.trim()) return { ok: false, problem: 'required' };
    const iso2 = this.selectedIso2;
    const country = this.byIso2.get(iso2);
    if (!country) return { ok: false, problem: 'no-country' };
    const type = this.iti.getNumberType();
    if (this.iti.isValidNumberPrecise() && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE')) {
      // E.164 minus "+" and the dial code is the national significant number the gateway wants.
      const e164 = this.iti.getNumber('E164');
      const dialCode = this.iti.getSelectedCountry()?.dialCode ?? country.countryCode;
      const nationalNumber = e164.replace(/^\+/, '').slice(dialCode.length);
      // (observed) the gateway's own mobile pattern for the country, where its list gives one.
      if (country.extend && !matches(country.extend, nationalNumber)) return { ok: false, problem: 'invalid' };
      return { ok: true, country, nationalNumber, international: this.iti.getNumber('INTERNATIONAL') };
    }
    const error = this.iti.getValidationError();
    if (error === 'TOO_SHORT') return { ok: false, problem: 'too-short' };
    if (error === 'TOO_LONG') return { ok: false, problem: 'too-long' };
    if (error === 'INVALID_COUNTRY_CODE') return { ok: false, problem: 'no-country' };
    // A real number of a kind that cannot receive our SMS (a landline, where the country tells them apart).
    if (this.iti.isValidNumber() && type && type !== 'UNKNOWN') return { ok: false, problem: 'not-mobile' };
    // Possible for some kind of number but not a mobile one: measure it against the country's mobile numbers.
    const expected = this.mobileLength(iso2);
    const length = this.nationalDigits().length;
    if (expected && length < expected) return { ok: false, problem: 'too-short' };
    if (expected && length > expected) return { ok: false, problem: 'too-long' };
    return { ok: false, problem: 'invalid' };
  }

  /** Digits of the typed number without the dial code or a national trunk prefix. */
  private nationalDigits(): string {
    const utils = intlTelInput.utils;
    const iso2 = this.selectedIso2;
    const core = utils?.getCoreNumber(this.iti.getNumber(), iso2) ?? '';
    return core.replace(/\D/g, '');
  }

  /** Length of the country's example mobile number, national part only. */
  private mobileLength(iso2: string): number | undefined {
    const example = intlTelInput.utils?.getExampleNumber(iso2, 'MOBILE', 'E164');
    const dialCode = this.iti.getSelectedCountry()?.dialCode;
    if (!example || !dialCode) return undefined;
    return example.replace(/\D/g, '').length - dialCode.length;
  }

  /** Selects a country by iso2 if it is offered. */
  selectCountry(iso2: string): void {
    if (this.byIso2.has(iso2)) this.iti.setSelectedCountry(iso2 as Iso2);
  }

  destroy(): void {
    this.iti.destroy();
  }
}

/**
 * Whether a number matches the gateway's pattern. The pattern is read, never
 * compiled as a regular expression (see mobile-pattern.ts); the country list
 * keeps only patterns it can read, and any other is ignored.
 */
function matches(pattern: string, nationalNumber: string): boolean {
  const readable = parseMobilePattern(pattern);
  return !readable || matchesMobilePattern(readable, nationalNumber);
}
