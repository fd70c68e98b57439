/**
 * Owns the lazy phone field of one element. The first step's controller
 * creates it (itself a small lazy module) the first time phone entry is shown, so an e-mail-only
 * page never downloads any of the phone code. It imports the phone chunk, creates
 * the field for the gateway's countries, and re-creates it, keeping the typed
 * number, when the language or the country list changes.
 */
import type { PhonePart } from '../registration/lazy-parts.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { NamedCountry } from '../core/embedding/country-names.js';
import type { Translation } from '../core/i18n/localize.js';
import type { PhoneField, PhoneProblem } from './phone-field.js';
import type { PhoneNumber } from '../core/gateway/account.js';
import { phoneAreaOf } from '../core/gateway/contract.js';
import { alpha2Of } from '../core/gateway/iso-table.js';
import { phoneCountries, preferredOrder } from './country-order.js';

export interface PhoneSetup {
  /** The element's shadow root, where the field's styles are adopted. */
  root: () => ShadowRoot;
  /** The gateway's countries as the residence list names them (the same names, so the same order and search). */
  countries: () => readonly NamedCountry[] | undefined;
  /** Gateway codes of the likely countries, most likely first. */
  preferred: () => (string | undefined)[];
  locale: () => string;
  t: () => Translation;
  onInput: () => void;
  /** A number to show once the field is there (the account of a code step resumed after a reload). */
  initial?: () => PhoneNumber | undefined;
}

export class PhoneController implements ReactiveController, PhonePart {
  private readonly task: Task<[readonly NamedCountry[] | undefined, string], PhoneField | undefined>;
  private current?: PhoneField;

  /** The initial number last put in the field (it is put there once). */
  private prefilled?: PhoneNumber;

  constructor(element: ReactiveControllerHost, private readonly setup: PhoneSetup) {
    element.addController(this);
    this.task = new Task(element, {
      task: ([countries, locale]) => (countries ? this.createField(countries, locale) : Promise.resolve(this.current)),
      args: () => [this.setup.countries(), this.setup.locale()],
    });
  }

  /** The field, once loaded. */
  get field(): PhoneField | undefined {
    return this.current;
  }

  /**
   * The number typed in the field, checked with libphonenumber, or what is wrong with it (translated).
   * Its country (`numberCountry`) is the picker's, never taken for the residence here.
   */
  account(): { account: PhoneNumber } | { problem: string } | undefined {
    const check = this.current?.check();
    if (!check) return undefined;
    if (!check.ok) return { problem: this.problemText(check.problem) };
    const { country, nationalNumber, international } = check;
    const dialCode = country.countryCode;
    return { account: { channel: 'phone', nationalNumber, phoneArea: phoneAreaOf(dialCode), dialCode, numberCountry: country.code, international } };
  }

  private problemText(problem: PhoneProblem): string {
    const t = this.setup.t();
    const texts: Record<PhoneProblem, string> = {
      required: t.phoneRequired,
      // Isolated: a number's digit groups must not swap places in a right-to-left sentence.
      invalid: t.phoneInvalid(`\u2066${this.current?.exampleNumber() ?? ''}\u2069`),
      'too-short': t.phoneTooShort,
      'too-long': t.phoneTooLong,
      'not-mobile': t.phoneNotMobile,
      'no-country': t.phoneNoCountry,
    };
    return texts[problem];
  }

  /** After a reload on the code step: the field shows the number the code went to, should the person go back to it. */
  hostUpdated(): void {
    const initial = this.setup.initial?.();
    const field = this.current;
    if (!initial || initial === this.prefilled || !field) return;
    // Once only, and never over a number typed meanwhile (nor back after it is cleared).
    this.prefilled = initial;
    if (field.rawValue) return;
    field.rawValue = `${initial.phoneArea} ${initial.nationalNumber}`;
    const iso2 = initial.numberCountry && alpha2Of(initial.numberCountry);
    if (iso2) field.selectCountry(iso2.toLowerCase());
  }

  get failed(): boolean {
    return this.task.status === TaskStatus.ERROR;
  }

  retry(): void {
    void this.task.run();
  }

  private async createField(named: readonly NamedCountry[], locale: string): Promise<PhoneField> {
    const { PhoneField } = await import('./phone-field.js');
    const offered = phoneCountries(named.map((entry) => entry.country));
    const previous = this.current;
    const t = this.setup.t();
    const field = await PhoneField.create(this.setup.root(), {
      countries: offered,
      names: new Map(named.map((entry) => [entry.country.code, entry.name])),
      preferred: preferredOrder(offered, this.setup.preferred()),
      locale,
      inputAttributes: { id: 'phone', part: 'input phone-input', 'aria-describedby': 'phone-error', required: '' },
      uiTranslations: {
        selectedCountryAriaLabel: t.phoneSelectedCountry,
        searchPlaceholder: t.phoneSearch,
        clearSearchAriaLabel: t.phoneClearSearch,
        closeCountrySelectorAriaLabel: t.phoneCloseList,
        countryListAriaLabel: t.phoneCountryList,
        noCountrySelected: t.phoneNoCountrySelected,
        searchEmptyState: t.phoneNoResults,
        // The live count says "no results" in words when nothing matches.
        searchSummaryAria: (count: number) => (count ? t.phoneSearchResults(count) : t.phoneNoResults),
      },
      onInput: this.setup.onInput,
    });
    if (previous) {
      // Same person, new language or list: carry the number and country over.
      const iso2 = previous.selectedIso2;
      if (previous.rawValue) field.rawValue = previous.rawValue;
      if (iso2 && !previous.rawValue.startsWith('+')) field.selectCountry(iso2);
      previous.destroy();
    }
    this.current = field;
    return field;
  }
}
