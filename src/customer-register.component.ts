import { html, LitElement, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './customer-register.styles.js';
import { LocalizeController, loadSourceStrings, type StringOverrides } from './i18n/localize.js';
import { emit } from './events.js';
import { loadOnce } from './load-once.js';
import type { Country } from './gateway/country-list.js';
import { CountryListController } from './gateway/country-list-controller.js';
import type { Account, PhoneAccount } from './gateway/account.js';
import { GatewayError, type GatewayConfig } from './gateway/transport.js';
import type { AccountChannel } from './gateway/contract.js';
import { toGatewayCountry } from './gateway/iso-table.js';
import { validateEmail } from './flow/validation.js';
import { renderField, renderFormError, renderPrimary, renderRetry } from './views/common.js';
import type { PhoneController } from './phone/phone-controller.js';
import type { RegistrationController } from './flow/registration-controller.js';
import type { LaterStepsController } from './views/later-steps-controller.js';
import type { Step, StepName } from './flow/steps.js';
import type { Utm } from './embedding/attribution.js';
import type { AccountType } from './embedding/register-fields.js';
import type { PasswordMode } from './embedding/page-embedding.js';
import type { ProviderChoices, Residence, ThirdPartyController } from './third-party/third-party-controller.js';
import type { RedirectProvider } from './third-party/provider-endpoints.js';

/** The lazy registration chunk (flow, gateway calls after the first, later views). */
type RegistrationFeature = typeof import('./registration-feature.js');

type Field = 'email' | 'country' | 'phone' | 'password';

const ALL_METHODS: readonly AccountChannel[] = ['email', 'phone'];
const ACCOUNT_STEP: Step = { name: 'account' };

/**
 * A complete customer sign-up against the broker gateway, inside its own shadow root.
 *
 * @summary Registers a customer by e-mail or phone number with a verification code.
 *
 * @event registered - The customer was created. `detail.customerNo`, `detail.customer` (the gateway's whole `data`), `detail.token`.
 * @event step-change - Another step is shown (for funnels). `detail.step`, `detail.method`.
 * @event register-error - A failure was shown to the person. `detail.code`, `detail.message`, `detail.call`.
 *
 * @attr google-client-id - Google's OAuth client id, instead of the one the gateway's `config` gives.
 * @attr facebook-app-id - Facebook's app id, instead of the gateway's.
 * @attr twitter-client-id - X (Twitter)'s OAuth 2.0 client id, instead of the gateway's.
 * @attr telegram-bot-id - The Telegram bot id, instead of the gateway's.
 * @attr apple-client-id - The Sign in with Apple services id, instead of the gateway's.
 * @attr provider-layout - `icons`: the third-party buttons as one compact row of marks (each still named "Continue with …"). Default: full-width buttons with their text.
 * @attr redirect-uri - The OAuth callback page providers return to. Default: `oauth-callback.html` next to the script; it must be served from the page's own origin.
 *
 * @slot header - Above every step (a title or logo).
 * @slot footer - Below every step (links, help).
 * @slot terms - Terms and conditions: when filled, a required checkbox with this content gates the final step.
 * @slot success - Replaces the default success message.
 *
 * @csspart form - Each step's form.
 * @csspart field - A label, its control and its message.
 * @csspart field-error - The message under a field that is not filled in right.
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
 * @csspart panel - The manual-review outcome panel.
 * @csspart offline - The offline notice.
 * @csspart providers - The group of third-party sign-up buttons.
 * @csspart provider-button - One third-party button ("Continue with Google").
 * @csspart wallet-qr - The MetaMask Mobile panel (QR code, open-the-app link, cancel), shown when no wallet is in the browser.
 * @csspart qr-code - The QR code itself (an SVG).
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

  /** Reactive properties and internal state (declared here rather than with decorators: it builds smaller). */
  static override properties: PropertyDeclarations = {
    featureLoadFailed: { state: true },
    phoneLoadFailed: { state: true },
    method: { state: true },
    email: { state: true },
    selectedCountry: { state: true },
    passwordValue: { state: true },
    passwordVisible: { state: true },
    chosenAccountType: { state: true },
    fieldErrors: { state: true },
    offline: { state: true },
    companyId: { attribute: 'company-id' },
    // The global `lang`, made reactive so a live change re-renders in the new language.
    lang: { reflect: true },
    host: {},
    country: {},
    methods: {},
    utmSource: { attribute: 'utm-source' },
    utmMedium: { attribute: 'utm-medium' },
    utmCampaign: { attribute: 'utm-campaign' },
    utmContent: { attribute: 'utm-content' },
    utmTerm: { attribute: 'utm-term' },
    attribution: {},
    registerSource: { attribute: 'register-source' },
    customerGroupId: { attribute: 'customer-group-id' },
    agentSource: { attribute: 'agent-source' },
    agentCode: { attribute: 'agent-code' },
    agentParam: { attribute: 'agent-param' },
    accountType: { attribute: 'account-type' },
    accountTypes: { attribute: 'account-types' },
    password: {},
    theme: { reflect: true },
    requestTimeout: { attribute: 'request-timeout', type: Number },
    tradeTypeCurrencyList: { attribute: false },
    strings: { attribute: false },
    providers: {},
    providerLayout: { attribute: 'provider-layout' },
    // Read by the sign-in controller; reactive so that a change mid-flow starts over (willUpdate).
    redirectUri: { attribute: 'redirect-uri' },
  };

  private readonly i18n = new LocalizeController(this);

  /** The lazy registration chunk, once loaded (right after the first render). */
  private feature?: RegistrationFeature;
  /** The flow of this element; created when the registration chunk arrives. */
  private registration?: RegistrationController;
  /** The code step and the outcome, from the same chunk. */
  private laterSteps?: LaterStepsController;
  /** The registration chunk could not be loaded (offline?): shown on the first step, retried on submit. */
  private featureLoadFailed = false;

  // From the first update on (the list is fetched once the form is on screen), unless misconfigured.
  private readonly countryList = new CountryListController(this, () => (this.configProblem || !this.hasUpdated ? undefined : this.gatewayConfig()));

  /** The phone field's controller, created (from a small lazy module) when phone entry is first shown. */
  private phone?: PhoneController;
  private phoneLoadFailed = false;
  /** The number of a code step resumed after a reload: the phone field shows it, should the person go back. */
  private resumedPhone?: PhoneAccount;

  /** The registration method on screen. */
  private method: AccountChannel = 'email';
  /** What the person typed, kept across steps, method switches and failures. */
  private email = '';
  private selectedCountry = '';
  /** Kept only in memory, cleared once registered; only its MD5 digest is sent. */
  private passwordValue = '';
  private passwordVisible = false;
  private chosenAccountType?: AccountType;
  /** Inline validation messages, shown after a submit attempt. */
  private fieldErrors: Partial<Record<Field, string>> = {};

  /**
   * Language of the form and of the gateway's messages (BCP 47, e.g. `zh-CN`). Unset: the page's
   * `<html lang>`, then the browser's. Unknown tags fall back by language, then to en-US.
   */
  declare lang: string;

  /** The company id the gateway knows this site by (`companyId` header). Required. */
  companyId = '';

  /**
   * Origin of the gateway, e.g. `https://gateway.example.com`. Empty: the page's
   * own origin (a gateway behind the site's proxy).
   */
  host = '';

  /** Preselected country of residence: ISO alpha-2 (`CN`) or the gateway's `ISO_3166_156`. */
  country = '';

  /** The registration methods offered, in tab order: `email`, `phone` or both (the default). */
  methods = 'email phone';

  /** `utmSource` for this embed; wins over the URL's `utm_source` and the remembered first touch. */
  utmSource = '';
  /** `utmMedium`, like `utm-source`. */
  utmMedium = '';
  /** `utmCampaign`, like `utm-source`. */
  utmCampaign = '';
  /** `utmContent`, like `utm-source`. */
  utmContent = '';
  /** `utmTerm`, like `utm-source`. */
  utmTerm = '';

  /** `off`: do not remember the first campaign touch (localStorage, 30 days); use this page's URL only. */
  attribution: 'on' | 'off' = 'on';

  /** `registerSource`: 1-9 or a seed name (`H5`, `PC_Web`, `Android`, ...). Unset: H5 on phones and tablets, PC_Web on desktops. */
  registerSource = '';

  /** `customerGroupId`, an int64 kept as a string end to end. */
  customerGroupId = '';

  /** `thirdServerSource` of an agent referral (default `agent` when there is a code). */
  agentSource = '';
  /** The referring agent's code (`thirdServerCode`). */
  agentCode = '';
  /** Name of a URL parameter carrying the agent's code, e.g. `ref` for `?ref=AG123`. */
  agentParam = '';

  /** `openAccountType`: `individual` or `enterprise`. */
  accountType = '';
  /** Offer a choice, e.g. `individual enterprise` (the first, or `account-type`, preselected). */
  accountTypes = '';

  /** A password field: `none` (default), `optional` or `required`. Only its MD5 digest is sent. */
  password: PasswordMode = 'none';

  /** `light` (default), `dark`, or `auto`: follows the visitor's `prefers-color-scheme`. */
  theme = '';

  /** Milliseconds a gateway call may take before the person is told and offered a retry (default 15000). */
  requestTimeout = 15_000;

  /** `tradeTypeCurrencyList`, passed through to register. */
  tradeTypeCurrencyList?: { allCurrency: string; tradeType: string }[];

  /**
   * The site's own wording in place of single shipped strings, per locale tag
   * or language: `{ 'de-DE': { sendCode: 'Code anfordern' }, en: { createAccount: 'Open account' } }`.
   */
  strings?: StringOverrides;

  /**
   * Third-party sign-up buttons, in this order: `google facebook twitter telegram apple metamask`
   * (any of them). As a property it may also be an object, e.g. `{ google: { clientId: '...' }, apple: true }`.
   * A provider the gateway has no configuration for is left out (with a console warning).
   */
  providers: string | ProviderChoices = '';

  /** `provider-layout`: `icons` for a compact row of marks; unset for full-width buttons with their text. */
  declare providerLayout?: string;

  /** The providers' authorization endpoints, where they differ from the real ones (a test or staging set-up): https, or http on this machine. */
  declare providerEndpoints?: Partial<Record<RedirectProvider, string>>;

  /** The OAuth callback page (`redirect-uri`): on the page's own origin; default `oauth-callback.html` next to the script. */
  declare redirectUri?: string;

  /** The third-party buttons and sign-in, from their own lazy chunk, once `providers` names any. */
  private thirdParty?: ThirdPartyController;

  /** The campaign touch attributed to this visit (first touch, or this URL's). */
  private touch: Utm = {};
  private readonly warned = new Set<string>();

  /** The browser says it has no network: shown, and the first step waits for it to come back. */
  private offline = false;
  private readonly onConnectivity = () => {
    this.offline = !navigator.onLine;
    if (this.offline) return;
    // Back online: pick up what failed for lack of a network.
    if (this.countryList.failed) this.countryList.load(true);
    if (!this.feature && this.hasUpdated) this.loadFeature().catch(() => {});
    if (this.phoneLoadFailed || this.phone?.failed) this.retryPhone();
  };

  private lastStep: StepName = 'account';

  /** Focuses the field the person fills next (the account field on the first step), not the method tabs. */
  override focus(options?: FocusOptions): void {
    const field = this.step.name === 'account' ? this.renderRoot.querySelector<HTMLElement>(`#${this.method}`) : null;
    if (field) field.focus(options);
    else super.focus(options);
  }

  /** Returns the element to its first step; typed values (but the code) are kept. */
  reset(): void {
    this.registration?.cancel();
    this.registration?.flow.reset();
    this.laterSteps?.clear();
  }

  /** The step on screen: the first one until the registration chunk has arrived. */
  private get step(): Step {
    return this.registration?.step ?? ACCOUNT_STEP;
  }

  protected override firstUpdated(): void {
    // The form first (it can be focused and typed in at once); in the next task
    // the country list and the rest of the flow are fetched.
    setTimeout(() => this.startLoads());
  }

  /**
   * The country list (through willUpdate) and the registration chunk, once the
   * form is on screen; again when the element is connected anew. Not for an
   * element taken off the page, and not while offline (a failed module fetch
   * may stay failed for the page): coming back online starts it.
   */
  private startLoads() {
    if (!this.isConnected) return;
    this.requestUpdate();
    if (!this.offline) this.loadFeature().catch(() => {});
  }

  /** Loads the registration chunk once (again after a failure) and wires it to this element. */
  private readonly loadFeature = loadOnce(() =>
    // The later steps' strings come along: nothing from the chunk renders without them.
    Promise.all([import('./registration-feature.js'), loadSourceStrings()]).then(
      ([feature]) => {
        this.attachFeature(feature);
        return feature;
      },
      (error) => {
        this.featureLoadFailed = true;
        throw error;
      },
    ),
  );

  private attachFeature(feature: RegistrationFeature) {
    this.feature = feature;
    this.featureLoadFailed = false;
    this.registration = new feature.RegistrationController(this, {
      config: () => this.gatewayConfig(),
      extras: () =>
        feature.collectRegisterExtras(
          this,
          { touch: this.touch, lang: this.i18n.requestedTag, chosenAccountType: this.chosenAccountType, password: this.passwordValue },
          (message) => this.warn(message),
        ),
      onStep: (step) => {
        if (step.name === 'done' || step.name === 'under-review') this.passwordValue = '';
        feature.rememberStep(feature.resumeKey(this, this.gatewayHost), step);
        // The method of a third-party registration is its provider.
        const account = 'account' in step ? step.account : undefined;
        emit(this, 'step-change', { step: step.name, method: account?.channel === 'third-party' ? account.provider : this.method });
        if (step.name === 'done') emit(this, 'registered', { customerNo: step.customer.customerNo, customer: step.customer, token: step.customer.token });
      },
      onError: (error) => {
        emit(this, 'register-error', {
          code: feature.errorCode(error),
          message: feature.errorMessage(error, this.i18n.t),
          call: error instanceof GatewayError ? error.call : undefined,
        });
        if (error instanceof feature.AccountExistsError) emit(this, 'account-exists', feature.accountExistsDetail(this, error.account, this.touch));
      },
    });
    this.laterSteps = new feature.LaterStepsController(this, {
      t: () => this.i18n.t,
      registration: this.registration,
      hasTerms: () => !!this.querySelector(':scope > [slot="terms"]'),
      focus: (id) => this.focusById(id),
      onStartOver: () => this.onStartOver(),
    });
    this.adopt(feature.laterStyles);
    feature.checkAttributes(this, (message) => this.warn(message));
    // After a reload: back to the code step this element had reached, if its ticket is still alive.
    const resumed = feature.loadCodeStep(feature.resumeKey(this, this.gatewayHost), Date.now());
    if (resumed && !this.configProblem && this.offeredMethods.includes(resumed.account.channel)) {
      this.method = resumed.account.channel;
      if (resumed.account.channel === 'email') this.email = resumed.account.email;
      else this.resumedPhone = resumed.account;
      this.selectedCountry = resumed.account.country;
      this.registration.flow.resume(resumed);
    }
    // The first campaign touch is remembered now, whether or not this visitor registers.
    const fromUrl = feature.utmFromUrl(location.search);
    this.touch = this.attribution === 'off' ? fromUrl : feature.firstTouch(fromUrl, Date.now());
    this.requestUpdate();
  }

  /** Adds the styles of a lazy chunk to the shadow root. */
  private adopt({ styleSheet }: CSSResult) {
    const root = this.renderRoot as ShadowRoot;
    if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }

  /** Loads the third-party chunk once (again at a later update, if it failed) and wires it to this element. */
  private readonly loadThirdParty = loadOnce(() =>
    import('./third-party/third-party-controller.js').then(({ ThirdPartyController, thirdPartyStyles }) => {
      // Started only once the registration chunk is here (willUpdate).
      const feature = this.feature!;
      this.adopt(thirdPartyStyles);
      this.thirdParty = new ThirdPartyController(this, {
        t: () => this.i18n.t,
        lang: () => this.i18n.requestedTag,
        config: () => (this.configProblem ? undefined : this.gatewayConfig()),
        registration: this.registration!,
        residence: () => this.residence(),
        elementKey: () => feature.resumeKey(this, this.gatewayHost),
        offline: () => this.offline,
        warn: (message) => this.warn(message),
      });
      this.requestUpdate();
    }),
  );

  /**
   * The country of residence for a third-party registration, from the field on
   * screen, once the rest of the form (a password) is fine; else says what is missing.
   */
  private residence(): Residence | undefined {
    const { t } = this.i18n;
    const { feature } = this;
    const passwordProblem = feature?.passwordProblem(feature.passwordMode(this), this.passwordValue, t);
    if (passwordProblem) {
      this.showFieldErrors({ ...this.fieldErrors, password: passwordProblem });
      return undefined;
    }
    const countries = this.countryList.countries ?? [];
    const phone = this.method === 'phone';
    const iso2 = this.phone?.field?.selectedIso2;
    const code = phone ? iso2 && toGatewayCountry(iso2) : this.effectiveCountry(countries);
    const country = countries.find((c) => c.code === code);
    if (country) return { country: country.code, dialCode: country.countryCode };
    this.showFieldErrors(phone ? { phone: t.phoneNoCountry } : { country: t.countryRequired });
    return undefined;
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
    // URL.canParse and the protocol check in one: anything but http(s) is refused.
    return /^https?:\/\/[^/]/i.test(this.gatewayHost) && URL.canParse(this.gatewayHost)
      ? undefined
      : `host="${this.host}" is not an http(s) URL`;
  }

  private gatewayConfig(): GatewayConfig {
    const timeoutMs = this.requestTimeout > 0 ? this.requestTimeout : undefined;
    return { host: this.gatewayHost, companyId: this.companyId.trim(), lang: this.i18n.requestedTag, timeoutMs };
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
    // A flow belongs to one gateway, company and callback page: a change once
    // it is on its way starts over, so no code or ticket goes to the new one.
    if (this.hasUpdated && (changed.has('companyId') || changed.has('host') || changed.has('redirectUri'))) this.reset();
    if (changed.has('methods')) {
      const offered = this.offeredMethods;
      if (!offered.includes(this.method)) this.method = offered[0];
    }
    // After a failed load only the retry button tries again (no loop while offline).
    if (this.method === 'phone' && !this.phoneLoadFailed) this.loadPhone().catch(() => {});
    if (this.providers && this.feature && !this.thirdParty) this.loadThirdParty().catch(() => {});
  }

  /** Loads the phone field's controller once (again after a failure); it then loads the field itself. */
  private readonly loadPhone = loadOnce(() =>
    Promise.all([import('./phone/phone-controller.js'), loadSourceStrings()]).then(
      ([{ PhoneController }]) => {
        this.phoneLoadFailed = false;
        this.phone = new PhoneController(this, {
          root: () => this.renderRoot as ShadowRoot,
          countries: () => this.countryList.countries,
          preferred: () => this.preferredCountries(),
          locale: () => this.i18n.locale,
          t: () => this.i18n.t,
          onInput: () => {
            this.clearFieldError('phone');
            this.checkStatusSoon();
          },
          initial: () => this.resumedPhone,
        });
        this.requestUpdate();
      },
      (error) => {
        this.phoneLoadFailed = true;
        throw error;
      },
    ),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = !navigator.onLine;
    // Moved on the page before the deferred loads ran: they run now.
    if (this.hasUpdated && !this.feature) this.startLoads();
    addEventListener('online', this.onConnectivity);
    addEventListener('offline', this.onConnectivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onConnectivity);
    removeEventListener('offline', this.onConnectivity);
  }

  /** Once the person pauses typing a valid account, its status is checked ahead of the click. */
  private checkStatusSoon() {
    this.registration?.checkStatusSoon(() =>
      this.step.name === 'account' ? (this.method === 'phone' ? this.phoneAccount(false) : this.emailAccount(false)) : undefined,
    );
  }

  protected override updated(): void {
    const field = this.phone?.field;
    if (field) field.input.setAttribute('aria-invalid', this.fieldErrors.phone ? 'true' : 'false');
    const step = this.step.name;
    if (step !== this.lastStep) {
      this.lastStep = step;
      this.laterSteps?.stepChanged(this.step);
      // Move focus to where the person continues, so keyboard and screen-reader
      // users follow the step change.
      const target = this.renderRoot.querySelector<HTMLElement>(
        step === 'code' ? '#code' : step === 'account' ? `#${this.method}` : '#outcome',
      );
      target?.focus();
    }
  }

  // ---- handlers ---------------------------------------------------------------

  private selectMethod(method: AccountChannel, focusTab = false) {
    if (method === this.method) return;
    this.method = method;
    this.fieldErrors = {};
    this.registration?.dismissError();
    if (focusTab) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${method}`)?.focus());
  }

  /** Arrow keys, Home and End move between the method tabs (WAI-ARIA tabs pattern). */
  private onTabKeydown(event: KeyboardEvent) {
    const offered = this.offeredMethods;
    const index = offered.indexOf(this.method);
    // Right moves forward in left-to-right text, backward in right-to-left.
    const forward = this.i18n.dir === 'rtl' ? -1 : 1;
    const next = { ArrowRight: index + forward, ArrowLeft: index - forward, Home: 0, End: offered.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectMethod(offered[(next + offered.length) % offered.length], true);
  }

  private onEmailInput(event: InputEvent) {
    this.email = (event.target as HTMLInputElement).value;
    this.clearFieldError('email');
    this.checkStatusSoon();
  }

  private onCountryChange(event: Event) {
    this.selectedCountry = (event.target as HTMLSelectElement).value;
    this.clearFieldError('country');
    this.checkStatusSoon();
  }

  private clearFieldError(field: Field) {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    this.registration?.dismissError();
  }

  private onPasswordInput(event: InputEvent) {
    this.passwordValue = (event.target as HTMLInputElement).value;
    this.clearFieldError('password');
  }

  private async onSendCode(event: SubmitEvent) {
    event.preventDefault();
    const account = this.method === 'phone' ? this.phoneAccount() : this.emailAccount();
    if (!account || this.offline) return;
    let feature: RegistrationFeature;
    try {
      feature = await this.loadFeature();
    } catch {
      return; // featureLoadFailed is on screen; the next submit tries again.
    }
    const passwordProblem = feature.passwordProblem(feature.passwordMode(this), this.passwordValue, this.i18n.t);
    if (passwordProblem) {
      this.showFieldErrors({ ...this.fieldErrors, password: passwordProblem });
      return undefined;
    }
    const registration = this.registration!;
    void registration.run('send', (signal) => registration.flow.requestCode(account, signal)).then(() => {
      // An existing account: the message (and its Sign in link) is where the person goes on.
      if (registration.error instanceof this.feature!.AccountExistsError) this.focusById('send-error');
    });
  }

  /** The e-mail account from the form, or undefined (after showing what is wrong, when `report`). */
  private emailAccount(report = true): Account | undefined {
    const t = this.i18n.t;
    const countries = this.countryList.countries ?? [];
    const country = countries.find((c) => c.code === this.effectiveCountry(countries));
    const email = validateEmail(this.email);
    const errors: Partial<Record<Field, string>> = {};
    if (email.error) errors.email = email.error === 'required' ? t.emailRequired : t.emailInvalid;
    if (!country) errors.country = t.countryRequired;
    if (report) this.showFieldErrors(errors);
    if (email.error || !country) return undefined;
    return { channel: 'email', email: email.value, country: country.code, dialCode: country.countryCode };
  }

  /** The phone account from the field, checked with libphonenumber, or undefined (after showing what is wrong, when `report`). */
  private phoneAccount(report = true): Account | undefined {
    const result = this.phone?.account();
    if (report && result && 'problem' in result) this.showFieldErrors({ phone: result.problem });
    return result && 'account' in result ? result.account : undefined;
  }

  private showFieldErrors(errors: Partial<Record<Field, string>>) {
    this.fieldErrors = errors;
    this.focusFirstInvalid(errors);
  }

  private onStartOver() {
    this.email = '';
    this.reset();
  }

  private focusFirstInvalid(errors: Partial<Record<Field, string>>) {
    const first = (['email', 'country', 'phone', 'password'] as const).find((field) => errors[field]);
    if (first) this.focusById(first);
  }

  /** Focuses an element of the shadow root by id once the pending render is done. */
  private focusById(id: string) {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  /** Gateway codes of the likely countries of residence, most likely first. */
  private preferredCountries(): (string | undefined)[] {
    return [toGatewayCountry(this.country), regionOf(this.i18n.requestedTag), regionOf(navigator.language)];
  }

  /** The chosen country, else the most likely one the gateway offers. */
  private effectiveCountry(countries: Country[]): string {
    if (this.selectedCountry) return this.selectedCountry;
    if (!countries.length) return '';
    const offered = new Set(countries.map((c) => c.code));
    return this.preferredCountries().find((code) => code && offered.has(code)) ?? '';
  }

  // ---- rendering ----------------------------------------------------------------

  protected override render(): TemplateResult {
    // Direction and language are set inside the shadow root, so an Arabic form lays
    // out right to left on any page (inputs that must stay left to right say so).
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.locale}>
      <slot name="header"></slot>
      <p class="hint" part="offline" role="status">${this.offline ? this.i18n.t.offline : ''}</p>
      ${this.renderStep()}<slot name="footer"></slot>
    </div>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    if (this.configProblem) return renderFormError(t.notConfigured);
    const { step, laterSteps } = this;
    return step.name === 'account' || !laterSteps ? this.renderAccountStep() : laterSteps.render(step);
  }

  private renderAccountStep() {
    const t = this.i18n.t;
    const busy = this.registration?.busy === 'send';
    const offered = this.offeredMethods;
    const { feature } = this;
    const passwordMode = feature?.passwordMode(this) ?? 'none';
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
        ${feature && passwordMode !== 'none'
          ? feature.renderPasswordField({
              t,
              mode: passwordMode,
              value: this.passwordValue,
              visible: this.passwordVisible,
              error: this.fieldErrors.password,
              onInput: (event) => this.onPasswordInput(event),
              onToggle: () => (this.passwordVisible = !this.passwordVisible),
            })
          : nothing}
        ${feature?.renderAccountTypes({
          t,
          offered: feature.offeredAccountTypes(this),
          chosen: feature.effectiveAccountType(this, this.chosenAccountType),
          onChoose: (type) => (this.chosenAccountType = type),
        }) ?? nothing}
        ${this.featureLoadFailed ? renderFormError(t.network) : this.renderSendError()}
        ${renderPrimary(busy, busy ? t.sendingCode : t.sendCode)} ${this.thirdParty?.render() ?? nothing}
      </form>
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
      ${renderField(
        'email',
        t.emailLabel,
        html`<input
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
        />`,
        this.fieldErrors.email,
      )}
      ${renderField('country', t.countryLabel, this.renderCountrySelect(), this.fieldErrors.country)}
    `;
  }

  /** The phone field: a placeholder while its chunk loads, a retry if it (or the country list) failed. */
  private renderPhoneField() {
    const t = this.i18n.t;
    const field = this.phone?.field;
    const phoneFailed = this.phoneLoadFailed || !!this.phone?.failed;
    const failed = phoneFailed || this.countryList.failed;
    // Until the field is there, a disabled stand-in keeps the label's control (and says why when it failed).
    const control =
      field?.element ??
      html`<input id="phone" part="input" type="tel" disabled aria-busy=${failed ? 'false' : 'true'} placeholder=${failed ? '' : t.phoneLoading} />${failed
          ? renderRetry(phoneFailed ? t.phoneLoadFailed : this.countryList.refusal || t.countriesFailed, t.retry, () => this.retryPhone())
          : nothing}`;
    return renderField('phone', t.phoneLabel, control, this.fieldErrors.phone);
  }

  /** Retries whatever failed: the country list, the phone field, or both. */
  private retryPhone() {
    if (this.countryList.failed) this.countryList.load(true);
    if (this.phone?.failed) this.phone.retry();
    else if (this.phoneLoadFailed) this.loadPhone().catch(() => {});
  }

  private renderCountrySelect() {
    const t = this.i18n.t;
    const named = this.countryList.named(this.i18n.locale);
    const { failed } = this.countryList;
    const retry = failed ? renderRetry(this.countryList.refusal || t.countriesFailed, t.retry, () => this.countryList.load(true)) : nothing;
    if (!named) {
      // The field stays (its label keeps a control), disabled until the list is there.
      return html`
        <select id="country" part="input" name="country" disabled aria-busy=${failed ? 'false' : 'true'}>
          <option>${failed ? t.countryPlaceholder : t.countriesLoading}</option>
        </select>
        ${retry}
      `;
    }
    const selected = this.effectiveCountry(this.countryList.countries!);
    return html`
      <select
        id="country"
        part="input"
        name="country"
        autocomplete="country"
        required
        aria-invalid=${this.fieldErrors.country ? 'true' : 'false'}
        aria-describedby="country-error"
        @change=${this.onCountryChange}
      >
        <option value="" ?selected=${!selected}>${t.countryPlaceholder}</option>
        ${named.map(({ country, name }) => html`<option value=${country.code} ?selected=${country.code === selected}>${name}</option>`)}
      </select>
      ${retry}
    `;
  }

  /** The first step's failure, if its action failed; an existing account gets a way on (`login-url`). */
  private renderSendError() {
    const { registration, feature } = this;
    if (!registration || !feature || registration.failedAction !== 'send') return nothing;
    return feature.renderSendError(registration.error, this.i18n.t, (account) => feature.signInUrlFor(this, account, this.touch));
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

