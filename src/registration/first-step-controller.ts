/**
 * The first step's work, from the lazy registration chunk: the country list
 * and the phone field, checking what was typed, sending the code, and the parts of the step that depend on the page's
 * settings (password, account types, the site's terms, the send failure). The
 * element draws the step (element/first-step-view.ts) and keeps the method, the
 * e-mail address and the messages in its form; the country, password, account
 * type and terms answer this controller draws are kept here (`choices`).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Field } from '../element/registration-seam.js';
import type { RegistrationHost } from './registration-host.js';
import type { AccountType } from '../core/gateway/contract.js';
import type { Account, PhoneAccount, PhoneNumber } from '../core/gateway/account.js';
import type { Country } from '../core/gateway/country-list.js';
import { CountryListController } from './country-list-controller.js';
import { toGatewayCountry } from '../core/gateway/iso-table.js';
import { DEFAULT_TIMEOUT_MS } from '../core/gateway/contract.js';
import type { RegistrationController } from './registration-controller.js';
import { AccountExistsError } from '../core/flow/registration-flow.js';
import { validateEmail } from '../core/flow/validation.js';
import { Loadable } from '../core/loadable.js';
import type { PhonePart, Residence } from './lazy-parts.js';
import type { Utm } from '../core/embedding/attribution.js';
import { effectiveAccountType, offeredAccountTypes, passwordMode, passwordProblem } from '../core/embedding/page-embedding.js';
import { signInUrlFor } from '../core/embedding/sign-in-link.js';
import { ChallengeStopped } from './challenge-stopped.js';
import { renderAccountTypes, renderPasswordField, renderTerms } from './account-extras-view.js';
import { renderSendError } from './send-error-view.js';
import { renderCountryStandIn, renderPhoneStandIn } from '../element/first-step-view.js';
import { renderRetry } from '../element/templates.js';

/** What the first step holds beyond the element's form: the fields this controller draws. */
export interface FirstStepChoices {
  /**
   * The gateway code of the country of residence the person chose, the same on both tabs (empty: the most
   * likely one is preselected; on the phone tab, the number's country).
   */
  selectedCountry: string;
  /** Kept only in memory, cleared once registered; only its MD5 digest is sent. */
  password: string;
  passwordVisible: boolean;
  accountType?: AccountType;
  /**
   * The site's terms (the `terms` slot) are ticked: checked before any code is sent or
   * provider is asked, kept across method switches, cleared by a reset. In memory only.
   */
  termsAccepted: boolean;
}

export class FirstStepController implements ReactiveController {
  private current: FirstStepChoices = { selectedCountry: '', password: '', passwordVisible: false, termsAccepted: false };
  readonly countryList: CountryListController;
  /** The phone field's controller, created (from a small lazy module) when phone entry is first shown. */
  private readonly phone: Loadable<PhonePart>;
  /** A Send pressed before the country list arrived waits for it. */
  private awaitingList = false;

  constructor(
    private readonly host: RegistrationHost,
    private readonly registration: RegistrationController,
    /** The visit's campaign touch (for the sign-in link of an existing account). */
    private readonly touch: Utm,
    /** The number of a code step resumed after a reload: the phone field shows it, should the person go back. */
    private readonly resumedPhone?: PhoneAccount,
    /** The phone field as typed before a reload (first-step-draft.ts). */
    private readonly draftPhone?: { number: string; iso2: string },
  ) {
    host.element.addController(this);
    this.countryList = new CountryListController(host.element, () => (host.configProblem() ? undefined : host.gatewayConfig()));
    this.phone = new Loadable(host.element, () =>
      import('../phone/phone-controller.js').then(({ PhoneController }) => {
        const { element, i18n } = host;
        return new PhoneController(element, {
          root: () => element.renderRoot as ShadowRoot,
          countries: () => this.countryList.named(i18n.locale),
          preferred: () => this.preferredCountries(),
          locale: () => i18n.locale,
          t: () => i18n.t,
          onInput: () => this.fieldEdited('phone'),
          initial: () => this.resumedPhone ?? this.typedBeforeReload(),
        });
      }),
    );
  }

  /** The country, password and account type as chosen. */
  get choices(): Readonly<FirstStepChoices> {
    return this.current;
  }

  /** Changes them (and re-renders). */
  choose(change: Partial<FirstStepChoices>): void {
    this.current = { ...this.current, ...change };
    this.host.element.requestUpdate();
  }

  /** Send is under way: waiting for the country list, or the gateway's answer. */
  get sending(): boolean {
    return this.awaitingList || this.registration.busy === 'send';
  }

  hostUpdate(): void {
    // After a failed load only the retry button tries again (no loop while offline).
    if (this.host.form().method === 'phone' && this.phone.status === 'idle') this.phone.start();
  }

  hostUpdated(): void {
    const input = this.phone.value?.field?.input;
    if (input) input.setAttribute('aria-invalid', this.host.form().errors.phone ? 'true' : 'false');
  }

  // ---- sending the code ------------------------------------------------------------

  async submit(): Promise<void> {
    // One press, one timeout: whatever it waits for (the country list, the status check
    // started while typing, the check, the code) is answered by then, or the press fails.
    const deadline = Date.now() + (this.host.gatewayConfig().timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const account = await this.readAccount();
    // The terms are checked like a field, beside what readAccount said: nothing is sent before they are accepted.
    const unticked = this.termsRefused();
    if (!account || this.passwordRefused() || unticked) return;
    const { host, registration } = this;
    await registration.run('send', (signal) => registration.flow.requestCode(account, signal, deadline));
    // An existing account: the message (and its Sign in link) is where the person goes on; after a
    // challenge that did not end in a code, the message is where its panel was.
    if (registration.error instanceof AccountExistsError || registration.error instanceof ChallengeStopped) host.focus('send-error');
  }

  /** The account on screen, once checked; a Send pressed before the country list arrived waits for it. */
  private async readAccount(): Promise<Account | undefined> {
    if (this.host.form().method === 'phone') return this.phoneAccount();
    const list = this.countryList;
    if (!list.countries && !validateEmail(this.host.form().email).error) {
      // Send after the list failed is also its Try again.
      if (list.failed) list.load(true);
      this.awaitingList = true;
      this.host.element.requestUpdate();
      await list.settled();
      this.awaitingList = false;
    }
    return this.emailAccount();
  }

  /** The e-mail account from the form, or undefined (after showing what is wrong, when `report`). */
  private emailAccount(report = true): Account | undefined {
    const { t } = this.host.i18n;
    const country = this.residenceCountry();
    const email = validateEmail(this.host.form().email);
    const errors: Partial<Record<Field, string>> = {};
    if (email.error) errors.email = email.error === 'required' ? t.emailRequired : t.emailInvalid;
    // A list still on its way, or one that failed (its own message and Try again are
    // at the field), is no missing country: only what the person can fix is said.
    if (!country && this.countryList.countries) errors.country = t.countryRequired;
    if (report) this.showErrors(errors);
    if (email.error || !country) return undefined;
    return { channel: 'email', email: email.value, country: country.code, dialCode: country.countryCode };
  }

  /**
   * The phone account: the number from its field, checked with libphonenumber, and the residence from the
   * country field; or undefined (after showing what is wrong, when `report`). The number's own country
   * stays `numberCountry` (and its dial code `dialCode` / `phoneArea`); `country` is the residence.
   */
  private phoneAccount(report = true): Account | undefined {
    const { t } = this.host.i18n;
    const result = this.phone.value?.account();
    const residence = this.residenceCountry();
    const errors: Partial<Record<Field, string>> = {};
    if (result && 'problem' in result) errors.phone = result.problem;
    // With a number whose country is offered, residence defaults to it: missing only when the field was emptied.
    if (!residence && this.countryList.countries) errors.country = t.countryRequired;
    if (report && result) this.showErrors(errors);
    return result && 'account' in result && residence ? { ...result.account, country: residence.code } : undefined;
  }

  /** The password (when the page asks for one) does not meet the rules: says so, beside the other messages. */
  private passwordRefused(): boolean {
    const { host } = this;
    const problem = passwordProblem(passwordMode(host.element), this.current.password, host.i18n.t);
    if (problem) this.showErrors({ ...host.form().errors, password: problem });
    return !!problem;
  }

  /** The site has terms and they are not ticked: says so at the checkbox, beside the other messages. */
  private termsRefused(): boolean {
    const { host } = this;
    const refused = host.hasTerms() && !this.current.termsAccepted;
    if (refused) this.showErrors({ ...host.form().errors, terms: host.i18n.t.termsRequired });
    return refused;
  }

  private onTermsChange(event: Event) {
    this.choose({ termsAccepted: (event.target as HTMLInputElement).checked });
    const { errors } = this.host.form();
    if (errors.terms) this.host.setForm({ errors: { ...errors, terms: undefined } });
  }

  private showErrors(errors: Partial<Record<Field, string>>) {
    this.host.setForm({ errors });
    const first = (['email', 'phone', 'country', 'password', 'terms'] as const).find((field) => errors[field]);
    if (first) this.host.focus(first);
  }

  /** The person changed a field: its message goes, and the account's status is checked once they pause typing it. */
  fieldEdited(field: Field): void {
    const { errors } = this.host.form();
    if (errors[field]) this.host.setForm({ errors: { ...errors, [field]: undefined } });
    this.registration.dismissError();
    if (field === 'password') return;
    // The number lives in the phone field, not the form: an update keeps it for a reload (first-step-draft.ts).
    if (field === 'phone') this.host.element.requestUpdate();
    this.registration.checkStatusSoon(() =>
      this.registration.step.name === 'account' ? (this.host.form().method === 'phone' ? this.phoneAccount(false) : this.emailAccount(false)) : undefined,
    );
  }

  /**
   * The country of residence for a third-party registration, from the country
   * field (on either tab), once the rest of the form (a password, the site's
   * terms) is fine; else says what is missing. Runs in the button's click,
   * before any popup opens.
   */
  residence(): Residence | undefined {
    if (this.passwordRefused() || this.termsRefused()) return undefined;
    const country = this.residenceCountry();
    if (country) return { country: country.code, dialCode: country.countryCode };
    this.showErrors({ country: this.host.i18n.t.countryRequired });
    return undefined;
  }

  // ---- countries -----------------------------------------------------------------------

  /** Gateway codes of the likely countries of residence, most likely first. */
  private preferredCountries(): (string | undefined)[] {
    return [toGatewayCountry(this.host.element.country), regionOf(this.host.i18n.requestedTag), regionOf(navigator.language)];
  }

  /**
   * The chosen country of residence; until the person chooses one, on the phone tab the number's
   * country (it follows the flag as they pick one or type +44…), else the most likely one the gateway offers.
   */
  private effectiveCountry(countries: Country[]): string {
    const { selectedCountry } = this.current;
    if (selectedCountry) return selectedCountry;
    if (!countries.length) return '';
    const offered = new Set(countries.map((c) => c.code));
    const iso2 = this.host.form().method === 'phone' ? this.phone.value?.field?.selectedIso2 : undefined;
    return [iso2 && toGatewayCountry(iso2), ...this.preferredCountries()].find((code) => code && offered.has(code)) || '';
  }

  /** The list's entry for the country of residence on screen (either tab), once the list is there. */
  private residenceCountry(): Country | undefined {
    const countries = this.countryList.countries ?? [];
    const code = this.effectiveCountry(countries);
    return countries.find((c) => c.code === code);
  }

  private onCountryChange(event: Event) {
    this.choose({ selectedCountry: (event.target as HTMLSelectElement).value });
    this.fieldEdited('country');
  }

  renderCountry(): TemplateResult {
    const { t, locale } = this.host.i18n;
    const list = this.countryList;
    const named = list.named(locale);
    const failure = list.failed ? { message: this.countryListFailure(), onRetry: () => list.load(true) } : undefined;
    if (!named) return renderCountryStandIn(t, failure);
    const selected = this.effectiveCountry(list.countries!);
    return html`
      <select
        id="country"
        part="input"
        name="country"
        autocomplete="country"
        required
        aria-invalid=${this.host.form().errors.country ? 'true' : 'false'}
        aria-describedby="country-error"
        @change=${(event: Event) => this.onCountryChange(event)}
      >
        <option value="" ?selected=${!selected}>${t.countryPlaceholder}</option>
        ${named.map(({ country, name }) => html`<option value=${country.code} ?selected=${country.code === selected}>${name}</option>`)}
      </select>
      ${failure ? renderRetry(failure.message, t.retry, failure.onRetry) : nothing}
    `;
  }

  // ---- the phone field -------------------------------------------------------------------

  /** The country list got no answer at all: the gateway is down, or refuses this page (said at the country field). */
  get gatewayUnreachable(): boolean {
    return this.countryList.failed && this.countryList.unreachable;
  }

  /** Why the country list is missing: the gateway's words, else no answer at all (the network message), else ours. */
  private countryListFailure(): string {
    const { refusal, unreachable } = this.countryList;
    const { t } = this.host.i18n;
    return refusal || (unreachable ? t.network : t.countriesFailed);
  }

  /**
   * The phone field: a stand-in while its chunk loads, a retry if it failed. A failed country list is said
   * once, at the country field below (with its Try again): the phone field only waits for it.
   */
  renderPhone(): TemplateResult {
    const { t } = this.host.i18n;
    const field = this.phone.value?.field;
    if (field) return html`${field.element}`;
    const phoneFailed = this.phone.status === 'failed' || !!this.phone.value?.failed;
    if (phoneFailed) return renderPhoneStandIn(t, { message: t.phoneLoadFailed, onRetry: () => this.retryFailed() });
    return renderPhoneStandIn(t, this.countryList.failed ? 'offline' : 'loading');
  }

  /** The phone field as typed, for a reload (first-step-draft.ts). */
  phoneDraft(): { number: string; iso2: string } | undefined {
    const field = this.phone.value?.field;
    return field ? { number: field.rawValue, iso2: field.selectedIso2 } : this.draftPhone;
  }

  private draftPhoneAccount?: PhoneNumber;

  /** The number typed before a reload, as the phone field prefills it (once: the same object each time). */
  private typedBeforeReload(): PhoneNumber | undefined {
    const typed = this.draftPhone;
    if (!typed?.number.trim()) return undefined;
    this.draftPhoneAccount ??= {
      channel: 'phone',
      phoneArea: '',
      nationalNumber: typed.number.trim(),
      numberCountry: toGatewayCountry(typed.iso2),
      dialCode: '',
    };
    return this.draftPhoneAccount;
  }

  /** Retries whatever failed: the country list, the phone field, or both. */
  retryFailed(): void {
    if (this.countryList.failed) this.countryList.load(true);
    if (this.phone.value?.failed) this.phone.value.retry();
    else if (this.phone.status === 'failed') this.phone.start();
  }

  // ---- what the page's settings add --------------------------------------------------------

  /** The password field, the account types and the site's terms (when the page has them), and the send failure. */
  renderPageOptions(): unknown {
    const { host, registration } = this;
    const { element } = host;
    const { t } = host.i18n;
    const form = this.current;
    // While an existing account is said, only its way on is shown: no password, account type or terms to fill in.
    const exists = registration.failedAction === 'send' && registration.error instanceof AccountExistsError;
    const mode = exists ? 'none' : passwordMode(element);
    // The account type first: it changes what follows.
    return html`${exists ? nothing : renderAccountTypes({
      t,
      offered: offeredAccountTypes(element),
      chosen: effectiveAccountType(element, form.accountType),
      onChoose: (accountType) => this.choose({ accountType }),
    })}
    ${mode === 'none'
      ? nothing
      : renderPasswordField({
          t,
          mode,
          value: form.password,
          visible: form.passwordVisible,
          error: host.form().errors.password,
          onInput: (event) => {
            this.choose({ password: (event.target as HTMLInputElement).value });
            this.fieldEdited('password');
          },
          onToggle: () => this.choose({ passwordVisible: !form.passwordVisible }),
        })}
    ${exists || !host.hasTerms() ? nothing : renderTerms({
      accepted: form.termsAccepted,
      error: host.form().errors.terms,
      onChange: (event) => this.onTermsChange(event),
      onSlotChange: () => element.requestUpdate(),
    })}
    ${registration.failedAction === 'send'
      ? renderSendError(
          registration.error,
          t,
          (account) => signInUrlFor(element, account, this.touch, host.warn),
          () => this.useAnother(),
        )
      : nothing}`;
  }

  /** An account exists for what was typed: the identifier is emptied and focused, for another one. */
  private useAnother() {
    const phone = this.host.form().method === 'phone';
    const input = this.phone.value?.field?.input;
    if (!phone) this.host.setForm({ email: '' });
    else if (input) input.value = '';
    this.registration.dismissError();
    this.host.focus(phone ? 'phone' : 'email');
  }
}

/** The region subtag of a language tag as the gateway's country code (`zh-CN` -> `ISO_3166_156`). */
function regionOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    const region = new Intl.Locale(tag).region;
    return region ? toGatewayCountry(region) : undefined;
  } catch {
    return undefined;
  }
}
