import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { styles } from './customer-register.styles.js';
import { LocalizeController } from './i18n/localize.js';
import { RegistrationController, type ActionName } from './flow/registration-controller.js';
import { errorCode, errorMessage } from './flow/error-message.js';
import { emit } from './events.js';
import { canResend, secondsUntilResend, type CodeStep, type StepName } from './flow/steps.js';
import { fetchCountryList, type Country } from './gateway/country-list.js';
import type { Account } from './gateway/account.js';
import type { RegisterExtras } from './gateway/register.js';
import type { GatewayConfig } from './gateway/transport.js';
import { phoneAreaOf, REGISTER_SOURCE, toGatewayCountry, type AccountChannel } from './gateway/contract.js';
import { GatewayError } from './gateway/transport.js';
import { firstTouch, utmFromUrl, type Utm } from './embedding/attribution.js';
import { registerExtras, OPEN_ACCOUNT_TYPE, type AccountType } from './embedding/register-fields.js';
import { describeDevice } from './embedding/device.js';
import { meetsPasswordRules, passwordDigest, passwordRuleResults, PASSWORD_RULES } from './embedding/password.js';
import { normalizeCode, validateEmail } from './flow/validation.js';
import { PhoneController } from './phone/phone-controller.js';
import type { PhoneProblem } from './phone/phone-field.js';
import { listenForSmsCode } from './flow/web-otp.js';

type Field = 'email' | 'country' | 'phone' | 'password' | 'code' | 'terms';
type PasswordMode = 'none' | 'optional' | 'required';

const ALL_METHODS: readonly AccountChannel[] = ['email', 'phone'];

/**
 * A complete customer sign-up against the broker gateway, inside its own shadow root.
 *
 * @summary Registers a customer by e-mail or phone number with a verification code.
 *
 * @event registered - The customer was created. `detail.customerNo`, `detail.customer` (the gateway's whole `data`), `detail.token`.
 * @event step-change - Another step is shown (for funnels). `detail.step`, `detail.method`.
 * @event register-error - A failure was shown to the person. `detail.code`, `detail.message`, `detail.call`.
 *
 * @slot header - Above every step (a title or logo).
 * @slot footer - Below every step (links, help).
 * @slot terms - Terms and conditions: when filled, a required checkbox with this content gates the final step.
 * @slot success - Replaces the default success message.
 *
 * @csspart form - Each step's form.
 * @csspart field - A label, its control and its message.
 * @csspart tabs - The e-mail / phone switch.
 * @csspart tab - One choice of the switch.
 * @csspart input - Every text input and select.
 * @csspart phone-input - The phone number input.
 * @csspart code-input - The verification code input.
 * @csspart password-input - The password input.
 * @csspart password-toggle - The show/hide password button.
 * @csspart password-rules - The list of password rules.
 * @csspart account-types - The individual / enterprise choice.
 * @csspart terms - The terms checkbox and its label.
 * @csspart button - The primary button of a step.
 * @csspart link - Secondary actions (resend, change address).
 * @csspart error - The message of a failed action.
 * @csspart success - The success panel.
 *
 * @cssproperty --cr-color-accent - Buttons, links and focus rings.
 * @cssproperty --cr-color-on-accent - Text on the accent colour.
 * @cssproperty --cr-color-text - Body text.
 * @cssproperty --cr-color-muted - Hints and inactive links.
 * @cssproperty --cr-color-border - Input borders.
 * @cssproperty --cr-color-surface - Input background.
 * @cssproperty --cr-color-error - Error text and invalid borders.
 * @cssproperty --cr-color-success - The success title.
 * @cssproperty --cr-radius - Corner radius of inputs and buttons.
 * @cssproperty --cr-space - The base gap between parts.
 * @cssproperty --cr-control-height - Height of inputs and buttons (density).
 * @cssproperty --cr-color-background - Background of the whole element (transparent in the light scheme).
 * @cssproperty --cr-padding - Padding of the whole element (0 in the light scheme).
 * @cssproperty --cr-font - Font shorthand; inherits the page's font by default.
 */
export class CustomerRegister extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private readonly i18n = new LocalizeController(this);

  private readonly registration = new RegistrationController(this, {
    config: () => this.gatewayConfig(),
    extras: () => this.collectRegisterExtras(),
    onStep: (step) => {
      if (step.name === 'done') this.passwordValue = '';
      emit(this, 'step-change', { step: step.name, method: this.method });
    },
    onError: (error) =>
      emit(this, 'register-error', {
        code: errorCode(error),
        message: errorMessage(error, this.i18n.t),
        call: error instanceof GatewayError ? error.call : undefined,
      }),
  });

  private readonly countries = new Task(this, {
    task: ([host, companyId, lang]) => fetchCountryList({ host, companyId, lang }),
    args: () => [this.gatewayHost, this.companyId, this.i18n.requestedTag] as const,
  });

  private readonly phone = new PhoneController(this, {
    root: () => this.renderRoot as ShadowRoot,
    wanted: () => this.phoneShown,
    countries: () => this.countries.value,
    preferred: () => this.preferredCountries(),
    locale: () => this.i18n.locale,
    t: () => this.i18n.t,
    onInput: () => this.clearFieldError('phone'),
  });

  /** The registration method on screen. */
  @state() private method: AccountChannel = 'email';
  /** Phone entry was shown once: its chunk is loaded from then on. */
  @state() private phoneShown = false;
  /** What the person typed, kept across steps, method switches and failures. */
  @state() private email = '';
  @state() private selectedCountry = '';
  @state() private code = '';
  /** Kept only in memory, cleared once registered; only its MD5 digest is sent. */
  @state() private passwordValue = '';
  @state() private passwordVisible = false;
  @state() private chosenAccountType?: AccountType;
  @state() private termsAccepted = false;
  /** Inline validation messages, shown after a submit attempt. */
  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  @query('#code') private codeInput?: HTMLInputElement;

  /** The company id the gateway knows this site by (`companyId` header). Required. */
  @property({ attribute: 'company-id' }) companyId = '';

  /**
   * Origin of the gateway, e.g. `https://gateway.example.com`. Empty: the page's
   * own origin (a gateway behind the site's proxy).
   */
  @property() host = '';

  /** Preselected country of residence: ISO alpha-2 (`CN`) or the gateway's `ISO_3166_156`. */
  @property() country = '';

  /** The registration methods offered, in tab order: `email`, `phone` or both (the default). */
  @property() methods = 'email phone';

  /** `utmSource` for this embed; wins over the URL's `utm_source` and the remembered first touch. */
  @property({ attribute: 'utm-source' }) utmSource = '';
  /** `utmMedium`, like `utm-source`. */
  @property({ attribute: 'utm-medium' }) utmMedium = '';
  /** `utmCampaign`, like `utm-source`. */
  @property({ attribute: 'utm-campaign' }) utmCampaign = '';
  /** `utmContent`, like `utm-source`. */
  @property({ attribute: 'utm-content' }) utmContent = '';
  /** `utmTerm`, like `utm-source`. */
  @property({ attribute: 'utm-term' }) utmTerm = '';

  /** `off`: do not remember the first campaign touch (localStorage, 30 days); use this page's URL only. */
  @property() attribution: 'on' | 'off' = 'on';

  /** `registerSource`: 1-9 or a seed name (`H5`, `PC_Web`, `Android`, ...). Unset: H5 on phones and tablets, PC_Web on desktops. */
  @property({ attribute: 'register-source' }) registerSource = '';

  /** `customerGroupId`, an int64 kept as a string end to end. */
  @property({ attribute: 'customer-group-id' }) customerGroupId = '';

  /** `thirdServerSource` of an agent referral (default `agent` when there is a code). */
  @property({ attribute: 'agent-source' }) agentSource = '';
  /** The referring agent's code (`thirdServerCode`). */
  @property({ attribute: 'agent-code' }) agentCode = '';
  /** Name of a URL parameter carrying the agent's code, e.g. `ref` for `?ref=AG123`. */
  @property({ attribute: 'agent-param' }) agentParam = '';

  /** `openAccountType`: `individual` or `enterprise`. */
  @property({ attribute: 'account-type' }) accountType = '';
  /** Offer a choice, e.g. `individual enterprise` (the first, or `account-type`, preselected). */
  @property({ attribute: 'account-types' }) accountTypes = '';

  /** A password field: `none` (default), `optional` or `required`. Only its MD5 digest is sent. */
  @property() password: PasswordMode = 'none';

  /** `light` or `dark`; unset follows the visitor's `prefers-color-scheme`. */
  @property({ reflect: true }) theme = '';

  /** `tradeTypeCurrencyList`, passed through to register. */
  @property({ attribute: false }) tradeTypeCurrencyList?: { allCurrency: string; tradeType: string }[];

  /** The campaign touch attributed to this visit (first touch, or this URL's). */
  private touch: Utm = {};
  private readonly warned = new Set<string>();

  private lastStep: StepName = 'account';
  private stopSmsListener?: () => void;

  /** Focuses the field the person fills next (the account field on the first step), not the method tabs. */
  override focus(options?: FocusOptions): void {
    const field = this.registration.step.name === 'account' ? this.renderRoot.querySelector<HTMLElement>(`#${this.method}`) : null;
    if (field) field.focus(options);
    else super.focus(options);
  }

  /** Returns the element to its first step; typed values (but the code) are kept. */
  reset(): void {
    this.registration.flow.reset();
    this.code = '';
    this.termsAccepted = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const fromUrl = utmFromUrl(location.search);
    this.touch = this.attribution === 'off' ? fromUrl : firstTouch(localStorageOrUndefined(), fromUrl, Date.now());
  }

  /** A console warning that says what to fix, once per message. */
  private warn(message: string) {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`<customer-register>: ${message}.`);
  }

  private get gatewayHost(): string {
    return this.host.trim() || location.origin;
  }

  /** Why the element cannot work as configured, or undefined. */
  private get configProblem(): string | undefined {
    if (!this.companyId.trim()) return 'the company-id attribute is required';
    try {
      const url = new URL(this.gatewayHost);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return `host="${this.host}" is not an http(s) URL`;
    } catch {
      return `host="${this.host}" is not a URL`;
    }
    return undefined;
  }

  private gatewayConfig(): GatewayConfig {
    return { host: this.gatewayHost, companyId: this.companyId.trim(), lang: this.i18n.requestedTag };
  }

  /** The offered account types, valid ones only. */
  private get offeredAccountTypes(): AccountType[] {
    const names = this.accountTypes.toLowerCase().split(/[\s,]+/).filter(Boolean);
    return [...new Set(names.filter((name): name is AccountType => name in OPEN_ACCOUNT_TYPE))];
  }

  /** The account type to register: the person's choice, else the site's. */
  private get effectiveAccountType(): AccountType | undefined {
    const fixed = this.accountType.toLowerCase();
    if (this.chosenAccountType) return this.chosenAccountType;
    if (fixed in OPEN_ACCOUNT_TYPE) return fixed as AccountType;
    return this.offeredAccountTypes[0];
  }

  private async collectRegisterExtras(): Promise<RegisterExtras> {
    const extras = registerExtras(
      {
        utmAttributes: {
          utmSource: this.utmSource,
          utmMedium: this.utmMedium,
          utmCampaign: this.utmCampaign,
          utmContent: this.utmContent,
          utmTerm: this.utmTerm,
        },
        touch: this.touch,
        registerSource: this.registerSource,
        detectedRegisterSource: detectRegisterSource(),
        registerDevice: await describeDevice(),
        customerGroupId: this.customerGroupId,
        agentSource: this.agentSource,
        agentCode: this.agentCode,
        agentParam: this.agentParam,
        search: location.search,
        accountType: this.effectiveAccountType,
        tradeTypeCurrencyList: this.tradeTypeCurrencyList,
        lang: this.i18n.requestedTag,
      },
      (message) => this.warn(message),
    );
    if (this.password !== 'none' && this.passwordValue) extras.pwd = await passwordDigest(this.passwordValue);
    return extras;
  }

  /** The offered methods, valid ones only, in the site's order; e-mail if none is valid. */
  private get offeredMethods(): AccountChannel[] {
    const names = this.methods.toLowerCase().split(/[\s,]+/).filter(Boolean);
    const valid = names.filter((name): name is AccountChannel => (ALL_METHODS as string[]).includes(name));
    return valid.length ? [...new Set(valid)] : ['email'];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('companyId') || changed.has('host')) {
      const problem = this.configProblem;
      if (problem) console.warn(`<customer-register>: ${problem}.`);
    }
    if (changed.has('accountType') && this.accountType && !(this.accountType.toLowerCase() in OPEN_ACCOUNT_TYPE)) {
      this.warn(`account-type="${this.accountType}" is not "individual" or "enterprise"; the gateway's default is used`);
    }
    if (changed.has('password') && !['none', 'optional', 'required'].includes(this.password)) {
      this.warn(`password="${this.password}" is not "none", "optional" or "required"; no password is asked`);
    }
    if (changed.has('methods')) {
      const unknown = this.methods.toLowerCase().split(/[\s,]+/).filter((name) => name && !(ALL_METHODS as string[]).includes(name));
      if (unknown.length) console.warn(`<customer-register>: unknown methods "${unknown.join(' ')}" ignored; use "email", "phone" or both.`);
      const offered = this.offeredMethods;
      if (!offered.includes(this.method)) this.method = offered[0];
    }
    if (this.method === 'phone') this.phoneShown = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSmsListener?.();
  }

  protected override updated(): void {
    const field = this.phone.field;
    if (field) field.input.setAttribute('aria-invalid', this.fieldErrors.phone ? 'true' : 'false');
    const step = this.registration.step.name;
    if (step !== this.lastStep) {
      this.lastStep = step;
      this.watchForSmsCode();
      // Move focus to where the person continues, so keyboard and screen-reader
      // users follow the step change.
      const target = this.renderRoot.querySelector<HTMLElement>(
        step === 'code' ? '#code' : step === 'account' ? `#${this.method}` : '.title',
      );
      target?.focus();
    }
  }

  // ---- handlers ---------------------------------------------------------------

  private selectMethod(method: AccountChannel, focusTab = false) {
    if (method === this.method) return;
    this.method = method;
    this.fieldErrors = {};
    this.registration.dismissError();
    if (focusTab) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${method}`)?.focus());
  }

  /** Arrow keys, Home and End move between the method tabs (WAI-ARIA tabs pattern). */
  private onTabKeydown(event: KeyboardEvent) {
    const offered = this.offeredMethods;
    const index = offered.indexOf(this.method);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next: Record<string, number> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: offered.length - 1,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    this.selectMethod(offered[(next[event.key] + offered.length) % offered.length], true);
  }

  /** On the code step of a phone registration, let the browser read the SMS (WebOTP) where it can. */
  private watchForSmsCode() {
    this.stopSmsListener?.();
    this.stopSmsListener = undefined;
    const step = this.registration.step;
    if (step.name !== 'code' || step.account.channel !== 'phone') return;
    this.stopSmsListener = listenForSmsCode((code) => {
      if (this.registration.step.name !== 'code') return;
      this.code = normalizeCode(code);
      this.submitCode();
    });
  }

  private onEmailInput(event: InputEvent) {
    this.email = (event.target as HTMLInputElement).value;
    this.clearFieldError('email');
  }

  private onCountryChange(event: Event) {
    this.selectedCountry = (event.target as HTMLSelectElement).value;
    this.clearFieldError('country');
  }

  private onCodeInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    const code = normalizeCode(input.value);
    // Keep the field showing digits only (a pasted "123 456" or "123-456" becomes "123456").
    if (input.value !== code) input.value = code;
    const completed = code.length === 6 && this.code.length !== 6;
    this.code = code;
    this.clearFieldError('code');
    if (completed) this.submitCode();
  }

  private clearFieldError(field: Field) {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    this.registration.dismissError();
  }

  private get passwordMode(): PasswordMode {
    return this.password === 'optional' || this.password === 'required' ? this.password : 'none';
  }

  private onPasswordInput(event: InputEvent) {
    this.passwordValue = (event.target as HTMLInputElement).value;
    this.clearFieldError('password');
  }

  /** The password problem to show, if any (checked with the account fields). */
  private passwordProblem(): string | undefined {
    const mode = this.passwordMode;
    if (mode === 'none') return undefined;
    if (!this.passwordValue) return mode === 'required' ? this.i18n.t.passwordRequired : undefined;
    return meetsPasswordRules(this.passwordValue) ? undefined : this.i18n.t.passwordWeak;
  }

  private onSendCode(event: SubmitEvent) {
    event.preventDefault();
    const account = this.method === 'phone' ? this.phoneAccount() : this.emailAccount();
    const passwordProblem = this.passwordProblem();
    if (passwordProblem) this.showFieldErrors({ ...this.fieldErrors, password: passwordProblem });
    if (!account || passwordProblem) return;
    this.code = '';
    void this.registration.run('send', (signal) => this.registration.flow.requestCode(account, signal));
  }

  /** The e-mail account from the form, or undefined after showing what is wrong. */
  private emailAccount(): Account | undefined {
    const t = this.i18n.t;
    const countries = this.countries.value ?? [];
    const country = countries.find((c) => c.code === this.effectiveCountry(countries));
    const email = validateEmail(this.email);
    const errors: Partial<Record<Field, string>> = {};
    if (email.error) errors.email = email.error === 'required' ? t.emailRequired : t.emailInvalid;
    if (!country) errors.country = t.countryRequired;
    this.showFieldErrors(errors);
    if (email.error || !country) return undefined;
    return { channel: 'email', email: email.value, country: country.code, dialCode: country.countryCode };
  }

  /** The phone account from the field, checked with libphonenumber, or undefined after showing what is wrong. */
  private phoneAccount(): Account | undefined {
    const field = this.phone.field;
    if (!field) return undefined;
    const check = field.check();
    if (!check.ok) {
      this.showFieldErrors({ phone: this.phoneProblemText(check.problem) });
      return undefined;
    }
    const { country, nationalNumber } = check;
    const dialCode = country.countryCode;
    return { channel: 'phone', nationalNumber, phoneArea: phoneAreaOf(dialCode), dialCode, country: country.code };
  }

  private phoneProblemText(problem: PhoneProblem): string {
    const t = this.i18n.t;
    const texts: Record<PhoneProblem, string> = {
      required: t.phoneRequired,
      invalid: t.phoneInvalid,
      'too-short': t.phoneTooShort,
      'too-long': t.phoneTooLong,
      'not-mobile': t.phoneNotMobile,
      'no-country': t.phoneNoCountry,
    };
    return texts[problem];
  }

  private showFieldErrors(errors: Partial<Record<Field, string>>) {
    this.fieldErrors = errors;
    this.focusFirstInvalid(errors);
  }

  private submitCode() {
    const t = this.i18n.t;
    const step = this.registration.step;
    if (step.name !== 'code' || step.ticketSpent) return;
    if (this.code.length !== 6) {
      this.showFieldErrors({ code: this.code ? t.codeInvalid : t.codeRequired });
      return;
    }
    if (this.hasTerms && !this.termsAccepted) {
      this.showFieldErrors({ terms: t.termsRequired });
      return;
    }
    const code = this.code;
    void this.registration.run('register', (signal) => this.registration.flow.submitCode(code, signal)).then(() => {
      // A refused code is cleared so the next one can be typed straight away.
      if (this.registration.step.name === 'code') {
        this.code = '';
        this.codeInput?.focus();
      }
    });
  }

  /** The site filled the `terms` slot. */
  private get hasTerms(): boolean {
    return !!this.querySelector(':scope > [slot="terms"]');
  }

  private onTermsChange(event: Event) {
    this.termsAccepted = (event.target as HTMLInputElement).checked;
    this.clearFieldError('terms');
  }

  private onSubmitCode(event: SubmitEvent) {
    event.preventDefault();
    this.submitCode();
  }

  private onResend() {
    const step = this.registration.step;
    if (step.name !== 'code' || !canResend(step, Date.now())) return;
    this.code = '';
    void this.registration.run('resend', (signal) => this.registration.flow.resendCode(signal)).then((ok) => {
      if (ok) this.codeInput?.focus();
    });
  }

  private onChangeAccount() {
    if (this.registration.busy) return;
    this.code = '';
    this.registration.flow.changeAccount();
  }

  private onStartOver() {
    this.email = '';
    this.reset();
  }

  private focusFirstInvalid(errors: Partial<Record<Field, string>>) {
    const first = (['email', 'country', 'phone', 'password', 'code', 'terms'] as const).find((field) => errors[field]);
    if (first) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
  }

  /** Gateway codes of the likely countries of residence, most likely first. */
  private preferredCountries(): (string | undefined)[] {
    return [toGatewayCountry(this.country), regionOf(this.i18n.requestedTag), regionOf(navigator.language)];
  }

  /** The chosen country, else the most likely one the gateway offers. */
  private effectiveCountry(countries: Country[]): string {
    if (this.selectedCountry) return this.selectedCountry;
    const offered = new Set(countries.map((c) => c.code));
    return this.preferredCountries().find((code) => code && offered.has(code)) ?? '';
  }

  // ---- rendering ----------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<slot name="header"></slot>${this.renderStep()}<slot name="footer"></slot>`;
  }

  private renderStep(): TemplateResult {
    const problem = this.configProblem;
    if (problem) return html`<p class="form-error" part="error" role="alert">${this.i18n.t.notConfigured}</p>`;
    const step = this.registration.step;
    switch (step.name) {
      case 'account':
        return this.renderAccountStep();
      case 'code':
      case 'registering':
        return this.renderCodeStep(step);
      case 'under-review':
        return this.renderPanel(this.i18n.t.reviewTitle, step.message || this.i18n.t.reviewBody);
      case 'done':
        return this.renderPanel(this.i18n.t.successTitle, this.i18n.t.successBody(step.customer.customerNo), 'success');
    }
  }

  private renderAccountStep() {
    const t = this.i18n.t;
    const busy = this.registration.busy === 'send';
    const offered = this.offeredMethods;
    return html`
      <form part="form" novalidate aria-label=${t.formLabel} @submit=${this.onSendCode}>
        ${offered.length > 1 ? this.renderMethodTabs(offered) : nothing}
        <div
          class="panel"
          id="account-panel"
          role=${offered.length > 1 ? 'tabpanel' : nothing}
          aria-labelledby=${offered.length > 1 ? `tab-${this.method}` : nothing}
        >
          ${this.method === 'phone' ? this.renderPhoneField() : this.renderEmailFields()}
        </div>
        ${this.renderPasswordField()} ${this.renderAccountTypes()} ${this.renderActionError('send')}
        ${this.renderPrimary(busy, busy ? t.sendingCode : t.sendCode)}
      </form>
    `;
  }

  private renderPasswordField() {
    const mode = this.passwordMode;
    if (mode === 'none') return nothing;
    const t = this.i18n.t;
    const results = passwordRuleResults(this.passwordValue);
    const ruleText = { length: t.passwordRuleLength, letter: t.passwordRuleLetter, digit: t.passwordRuleDigit };
    return html`
      <div class="field" part="field">
        <label for="password">${mode === 'optional' ? t.passwordOptionalLabel : t.passwordLabel}</label>
        <div class="password-row">
          <input
            id="password"
            part="input password-input"
            type=${this.passwordVisible ? 'text' : 'password'}
            name="new-password"
            autocomplete="new-password"
            spellcheck="false"
            maxlength="64"
            dir="ltr"
            ?required=${mode === 'required'}
            .value=${this.passwordValue}
            aria-invalid=${this.fieldErrors.password ? 'true' : 'false'}
            aria-describedby="password-rules password-error"
            @input=${this.onPasswordInput}
          />
          <button
            type="button"
            class="link"
            part="password-toggle"
            aria-pressed=${this.passwordVisible ? 'true' : 'false'}
            aria-controls="password"
            @click=${() => (this.passwordVisible = !this.passwordVisible)}
          >
            ${t.showPassword}
          </button>
        </div>
        <ul id="password-rules" class="rules" part="password-rules">
          ${PASSWORD_RULES.map(
            (rule) => html`<li class=${results[rule] ? 'met' : ''}>
              <span aria-hidden="true">${results[rule] ? '✓' : '•'}</span> ${ruleText[rule]}<span class="visually-hidden"
                >${results[rule] ? t.passwordRuleMet : ''}</span
              >
            </li>`,
          )}
        </ul>
        <p id="password-error" class="field-error" part="field-error">${this.fieldErrors.password ?? ''}</p>
      </div>
    `;
  }

  private renderAccountTypes() {
    const offered = this.offeredAccountTypes;
    if (offered.length < 2) return nothing;
    const t = this.i18n.t;
    const labels: Record<AccountType, string> = { individual: t.accountIndividual, enterprise: t.accountEnterprise };
    const chosen = this.effectiveAccountType;
    return html`
      <fieldset class="choice" part="account-types">
        <legend>${t.accountTypeLabel}</legend>
        ${offered.map(
          (type) => html`
            <label>
              <input
                type="radio"
                name="account-type"
                value=${type}
                .checked=${type === chosen}
                @change=${() => (this.chosenAccountType = type)}
              />
              ${labels[type]}
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private renderMethodTabs(offered: AccountChannel[]) {
    const t = this.i18n.t;
    const labels: Record<AccountChannel, string> = { email: t.methodEmail, phone: t.methodPhone };
    return html`
      <div class="tabs" part="tabs" role="tablist" aria-label=${t.methodLabel} @keydown=${this.onTabKeydown}>
        ${offered.map(
          (method) => html`
            <button
              type="button"
              class="tab"
              part="tab"
              role="tab"
              id="tab-${method}"
              aria-selected=${method === this.method ? 'true' : 'false'}
              aria-controls="account-panel"
              tabindex=${method === this.method ? 0 : -1}
              @click=${() => this.selectMethod(method)}
            >
              ${labels[method]}
            </button>
          `,
        )}
      </div>
    `;
  }

  private renderEmailFields() {
    const t = this.i18n.t;
    return html`
      <div class="field" part="field">
        <label for="email">${t.emailLabel}</label>
        <input
          id="email"
          part="input"
          type="email"
          name="email"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          maxlength="254"
          dir="ltr"
          required
          .value=${this.email}
          aria-invalid=${this.fieldErrors.email ? 'true' : 'false'}
          aria-describedby="email-error"
          @input=${this.onEmailInput}
        />
        <p id="email-error" class="field-error" part="field-error">${this.fieldErrors.email ?? ''}</p>
      </div>
      <div class="field" part="field">
        <label for="country">${t.countryLabel}</label>
        ${this.renderCountrySelect()}
        <p id="country-error" class="field-error" part="field-error">${this.fieldErrors.country ?? ''}</p>
      </div>
    `;
  }

  /** The phone field: a placeholder while its chunk loads, a retry if it (or the country list) failed. */
  private renderPhoneField() {
    const t = this.i18n.t;
    const field = this.phone.field;
    const failed = this.phone.failed || this.countries.status === TaskStatus.ERROR;
    let control;
    if (field) {
      control = field.element;
    } else if (failed) {
      control = html`
        <p class="form-error" part="error" role="alert">${this.phone.failed ? t.phoneLoadFailed : t.countriesFailed}</p>
        <button type="button" class="link" part="link" @click=${this.retryPhone}>${t.retry}</button>
      `;
    } else {
      control = html`<input id="phone" part="input" type="tel" disabled aria-busy="true" placeholder=${t.phoneLoading} />`;
    }
    return html`
      <div class="field" part="field">
        <label for="phone">${t.phoneLabel}</label>
        ${control}
        <p id="phone-error" class="field-error" part="field-error">${this.fieldErrors.phone ?? ''}</p>
      </div>
    `;
  }

  private retryPhone() {
    if (this.countries.status === TaskStatus.ERROR) void this.countries.run();
    else this.phone.retry();
  }

  private renderCountrySelect() {
    const t = this.i18n.t;
    const invalid = this.fieldErrors.country ? 'true' : 'false';
    return this.countries.render({
      initial: () => this.renderLoadingSelect(),
      pending: () => this.renderLoadingSelect(),
      complete: (countries) => {
        const selected = this.effectiveCountry(countries);
        const collator = new Intl.Collator(this.i18n.locale);
        const sorted = [...countries].sort((a, b) => collator.compare(a.displayName || a.name, b.displayName || b.name));
        return html`
          <select
            id="country"
            part="input"
            name="country"
            autocomplete="country"
            required
            aria-invalid=${invalid}
            aria-describedby="country-error"
            @change=${this.onCountryChange}
          >
            <option value="" ?selected=${!selected}>${t.countryPlaceholder}</option>
            ${sorted.map(
              (c) => html`<option value=${c.code} ?selected=${c.code === selected}>${c.displayName || c.name}</option>`,
            )}
          </select>
        `;
      },
      error: () => html`
        <p class="form-error" part="error" role="alert">${t.countriesFailed}</p>
        <button type="button" class="link" part="link" @click=${() => this.countries.run()}>${t.retry}</button>
      `,
    });
  }

  private renderLoadingSelect() {
    return html`
      <select id="country" part="input" name="country" disabled aria-busy="true">
        <option>${this.i18n.t.countriesLoading}</option>
      </select>
    `;
  }

  private renderCodeStep(step: CodeStep | (Omit<CodeStep, 'name'> & { name: 'registering' })) {
    const t = this.i18n.t;
    const busy = this.registration.busy;
    const now = Date.now();
    const seconds = step.name === 'code' ? secondsUntilResend(step, now) : 0;
    const resendBlocked = busy !== undefined || seconds > 0;
    const { account } = step;
    const destination = account.channel === 'email' ? account.email : `${account.phoneArea} ${account.nationalNumber}`;
    return html`
      <form part="form" novalidate aria-label=${t.formLabel} @submit=${this.onSubmitCode}>
        <p class="hint" id="code-hint">${t.codeSentTo(`\u2068${destination}\u2069`)}</p>
        <div class="field" part="field">
          <label for="code">${t.codeLabel}</label>
          <input
            id="code"
            class="code-input"
            part="input code-input"
            type="text"
            name="code"
            autocomplete="one-time-code"
            inputmode="numeric"
            pattern="[0-9]*"
            dir="ltr"
            required
            ?readonly=${step.ticketSpent}
            .value=${this.code}
            aria-invalid=${this.fieldErrors.code ? 'true' : 'false'}
            aria-describedby="code-hint code-error"
            @input=${this.onCodeInput}
          />
          <p id="code-error" class="field-error" part="field-error">${this.fieldErrors.code ?? ''}</p>
        </div>
        ${this.hasTerms ? this.renderTerms() : nothing}
        ${step.ticketSpent && !this.registration.error
          ? html`<p class="form-error" part="error" role="alert">${t.requestNewCode}</p>`
          : nothing}
        ${this.renderActionError('register')}${this.renderActionError('resend')}
        ${step.ticketSpent
          ? nothing
          : this.renderPrimary(busy === 'register', busy === 'register' ? t.creatingAccount : t.createAccount)}
        <div class="secondary">
          <button
            type="button"
            class="link"
            part="link"
            aria-disabled=${resendBlocked ? 'true' : 'false'}
            @click=${this.onResend}
          >
            ${busy === 'resend' ? t.resendingCode : seconds > 0 ? t.resendIn(seconds) : t.resendCode}
          </button>
          <button type="button" class="link" part="link" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onChangeAccount}>
            ${account.channel === 'email' ? t.changeEmail : t.changePhone}
          </button>
        </div>
        <p class="hint" role="status">${step.codesSent > 1 && busy !== 'resend' ? t.newCodeSent : ''}</p>
      </form>
    `;
  }

  private renderTerms() {
    return html`
      <div class="field" part="field">
        <div class="terms" part="terms">
          <input
            id="terms"
            type="checkbox"
            required
            .checked=${this.termsAccepted}
            aria-invalid=${this.fieldErrors.terms ? 'true' : 'false'}
            aria-describedby="terms-error"
            @change=${this.onTermsChange}
          />
          <label for="terms"><slot name="terms" @slotchange=${() => this.requestUpdate()}></slot></label>
        </div>
        <p id="terms-error" class="field-error" part="field-error">${this.fieldErrors.terms ?? ''}</p>
      </div>
    `;
  }

  private renderPanel(title: string, body: string, part: 'panel' | 'success' = 'panel') {
    const content = html`<h2 class="title" tabindex="-1">${title}</h2>
      <p>${body}</p>`;
    return html`
      <div class="panel ${part}" part=${part} role="status">
        ${part === 'success' ? html`<slot name="success">${content}</slot>` : content}
        <button type="button" class="link" part="link" @click=${this.onStartOver}>${this.i18n.t.startOver}</button>
      </div>
    `;
  }

  private renderPrimary(busy: boolean, label: string) {
    return html`
      <button class="primary" part="button" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span>${label}</span>
      </button>
    `;
  }

  /** The failure of `action`, if it was the last one to fail. Gateway text is rendered as text, never markup. */
  private renderActionError(action: ActionName) {
    const error = this.registration.error;
    if (error === undefined || this.registration.failedAction !== action) return nothing;
    return html`<p class="form-error" part="error" role="alert">${errorMessage(error, this.i18n.t)}</p>`;
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

/** (seed) registerSource: 1 H5 on phones and tablets, 2 PC_Web on desktops. */
function detectRegisterSource(): number {
  const hints = (navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  const mobile = hints?.mobile ?? /Mobi|Android|iPhone|iPad|iPod/i.test(navigator.userAgent);
  return mobile ? REGISTER_SOURCE.H5 : REGISTER_SOURCE.PC_Web;
}

/** The page's localStorage, or undefined where reading it throws (sandboxed frames, blocked storage). */
function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
