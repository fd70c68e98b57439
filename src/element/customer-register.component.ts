import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './customer-register.styles.js';
import type { CountryNamesOption } from '../core/embedding/country-names.js';
import { LocalizeController, loadSourceStrings, type StringOverrides } from '../core/i18n/localize.js';
import { Loadable } from '../core/loadable.js';
import type { AccountChannel } from '../core/gateway/contract.js';
import type { PasswordMode } from '../core/embedding/page-embedding.js';
import type { ProviderChoices, ProviderEndpoints } from '../core/providers/provider-options.js';
import type { FirstStepForm, RegistrationSession } from './registration-seam.js';
import { renderFirstStep } from './first-step-view.js';
import { focusById, renderFormError } from './templates.js';
import { startCountryList } from '../core/gateway/country-list-start.js';
import { configProblemOf, gatewayConfigOf, offeredMethodsOf } from '../core/gateway/gateway-options.js';

/**
 * A complete customer sign-up against the broker gateway, inside its own shadow root.
 *
 * @summary Registers a customer by e-mail or phone number with a verification code.
 *
 * @event registered - The customer was created (once). `detail.confirmed: true` with `detail.customerNo`, `detail.customer` (the gateway's whole `data`), `detail.token`; or `confirmed: false` with `detail.loginName` only, when register's answer was lost and the account is known to exist.
 * @event step-change - Another step is shown (for funnels). `detail.step`, `detail.method`.
 * @event register-error - A failure was shown to the person. `detail.code`, `detail.message`, `detail.call`.
 * @event account-exists - The account exists already, for every method (the notice offers to sign in). `detail.method` (`email`, `phone` or the provider), `detail.loginName`, `detail.loginUrl`.
 *
 * @slot header - Above every step (a title or logo).
 * @slot footer - Below every step (links, help).
 * @slot terms - Terms and conditions: when filled, the first step shows a required checkbox labelled by this content, above Send; no code is sent and no provider is asked until it is ticked.
 * @slot success - Replaces the default success message.
 * @slot review - Replaces the manual-review text (when and how the person will hear back).
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
 * @csspart next-steps - The list of what comes after registering (the register answer's levels).
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
 * @cssproperty --cr-color-background - Background of the whole element: transparent in every scheme; set it (with `--cr-padding`) for a card.
 * @cssproperty --cr-padding - Padding of the whole element: 0 in every scheme.
 * @cssproperty --cr-font - Font shorthand; inherits the page's font by default.
 */
export class CustomerRegister extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Reactive properties and internal state (declared here rather than with decorators: it builds smaller). */
  static override properties: PropertyDeclarations = {
    sendPending: { state: true },
    form: { state: true },
    offline: { state: true },
    companyId: { attribute: 'company-id' },
    // The global `lang`, made reactive so a live change re-renders in the new language.
    lang: { reflect: true },
    host: {},
    countryNames: { attribute: 'country-names' },
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
    providerEndpoints: { attribute: false },
    // Reactive so that a change mid-flow starts over (willUpdate).
    redirectUri: { attribute: 'redirect-uri' },
    loginUrl: { attribute: 'login-url' },
    continueUrl: { attribute: 'continue-url' },
    registerAnother: { attribute: 'register-another', type: Boolean },
    googleClientId: { attribute: 'google-client-id' },
    facebookAppId: { attribute: 'facebook-app-id' },
    twitterClientId: { attribute: 'twitter-client-id' },
    telegramBotId: { attribute: 'telegram-bot-id' },
    appleClientId: { attribute: 'apple-client-id' },
  };

  /** The package version this element was built from (semver), e.g. for a site's error reports. */
  static readonly version: string = __CUSTOMER_REGISTER_VERSION__;

  /** @internal The element's strings, language and direction. */
  private readonly i18n = new LocalizeController(this);

  /** @internal What the person has entered on the first step (the registration chunk keeps the rest). */
  private form: FirstStepForm = { method: 'email', email: '', errors: {} };

  /**
   * The lazy registration chunk's session for this element, loaded right after
   * the first render (its later strings come along: nothing from the chunk
   * renders without them). A failed load (offline?) is shown on the first step
   * and tried again on Send, on Try again and back online.
   */
  private readonly registration: Loadable<RegistrationSession> = new Loadable(this, () =>
    Promise.all([import('../registration/registration.js'), loadSourceStrings()]).then(([{ startRegistration }]) =>
      startRegistration({
        element: this,
        i18n: this.i18n,
        form: () => this.form,
        setForm: (change) => this.setForm(change),
      }),
    ),
  );

  /** The session, once the chunk has arrived. */
  private get session(): RegistrationSession | undefined {
    return this.registration.value;
  }
  /** Send is under way, from the press until the code is sent or refused (a press before the chunk arrived waits for it here). */
  private sendPending = false;
  /** The gateway and company a Send was pressed for; reset() (and so a change of either) drops it while it waits for the chunk. */
  private pressedFor?: [string];

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

  /**
   * The site's own names for countries, per language tag (exact, then language, then `*`) and country (ISO
   * alpha-2 or `ISO_3166_158`), in the residence and phone lists: `{"zh-CN": {"TW": "中国台湾"}}`; JSON as the attribute.
   */
  declare countryNames?: CountryNamesOption;

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

  /** Unset: fits the page (dark on a dark page, else light); `light`, `dark`, or `auto`: follows the visitor's `prefers-color-scheme`. */
  theme = '';

  /** Milliseconds a press (Send: the status check and the code together) may wait before the person is told and offered a retry (default 15000). */
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

  /** `icons`: the third-party buttons as one compact row of marks (each still named "Continue with …"); unset: full-width buttons with their text. */
  declare providerLayout?: string;

  /** The providers' authorization endpoints (and MetaMask's relay), where they differ from the real ones (a test or staging set-up): https, or http on this machine. */
  providerEndpoints?: ProviderEndpoints;

  /** The OAuth callback page providers return to: on the page's own origin; default `oauth-callback.html` next to the script. */
  declare redirectUri?: string;

  /** The site's sign-in page: offered when the account exists already, carrying what was typed, the visit's utm and the agent code (http(s) only). */
  declare loginUrl?: string;

  /** Where "Continue" leads once registered (the site's next step, e.g. identity verification): http(s) only. Unset: no Continue; `registered` lets the site route itself. */
  declare continueUrl?: string;

  /** Offer "Start another registration" on the outcome (an introducing broker registering several people). */
  declare registerAnother?: boolean;

  /** Google's OAuth client id, instead of the one the gateway's `config` gives. */
  declare googleClientId?: string;
  /** Facebook's app id, instead of the gateway's. */
  declare facebookAppId?: string;
  /** X (Twitter)'s OAuth 2.0 client id, instead of the gateway's. */
  declare twitterClientId?: string;
  /** The Telegram bot id, instead of the gateway's. */
  declare telegramBotId?: string;
  /** The Sign in with Apple services id, instead of the gateway's. */
  declare appleClientId?: string;

  /** @internal The browser says it has no network: shown, and the first step waits for it to come back. */
  private offline = false;
  private readonly onConnectivity = () => {
    this.offline = !navigator.onLine;
    if (this.offline) return;
    // Back online: pick up what failed for lack of a network.
    if (!this.session && this.hasUpdated) this.registration.start();
    this.session?.retryFailed();
  };

  /** Focuses the field the person fills next (the account field on the first step), not the method tabs. */
  override focus(options?: FocusOptions): void {
    const field = (this.session?.step.name ?? 'account') === 'account' ? this.renderRoot.querySelector<HTMLElement>(`#${this.form.method}`) : null;
    if (field) field.focus(options);
    else super.focus(options);
  }

  /** Returns the element to its first step; typed values (but the code) are kept. */
  reset(): void {
    this.pressedFor = undefined;
    this.sendPending = false;
    this.session?.reset();
  }


  protected override firstUpdated(): void {
    // The form first (it can be focused and typed in at once); in the next task
    // the rest of the registration is fetched.
    setTimeout(() => this.startEarlyLoads());
  }

  /**
   * Right after the first render: what Send needs is requested at once and side
   * by side (the registration chunk with the later strings; the country list with
   * its ISO table, from the entry), not one after the other. On a page in
   * another language the registration chunk waits for the translation, which
   * the form is hidden for (its bytes would slow the translation's on a slow
   * network, and nothing can be typed before it). Not for an element taken off
   * the page meanwhile.
   */
  private startEarlyLoads() {
    if (this.isConnected && !this.configProblem && !this.offline) startCountryList(gatewayConfigOf(this, this.i18n.requestedTag));
    if (this.i18n.pending) this.loadsDeferred = true;
    else this.startLoads();
  }

  /** The registration chunk waits for the page's first translation (startEarlyLoads). */
  private loadsDeferred = false;

  /**
   * The registration chunk, once the form is on screen; again when the element
   * is connected anew. Not for an element taken off the page, and not while
   * offline (a failed module fetch may stay failed for the page): coming back
   * online starts it.
   */
  private startLoads() {
    if (this.isConnected && !this.offline) this.registration.start();
  }

  /** The element's custom states, for its stylesheet: `page-dark` while the page around it is dark. */
  private readonly internals = this.attachInternals();

  /**
   * Reads whether the page around the element is dark, from the text colour its
   * parent passes down (light text: a dark page), so that an unset `theme` never
   * puts dark text on a dark page. Read when the element is connected.
   */
  private readPageScheme() {
    const parent = this.parentElement ?? (this.getRootNode() as ShadowRoot).host;
    // Computed colours are rgb(): its three channels, weighted as the eye weighs them.
    const [r = 0, g = 0, b = 0] = (parent ? getComputedStyle(parent).color : '0').match(/[\d.]+/g)!.map(Number);
    try {
      this.internals.states[0.3 * r + 0.59 * g + 0.11 * b > 140 ? 'add' : 'delete']('page-dark');
    } catch {
      // No custom states in this browser: the element stays light unless `theme` says otherwise.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readPageScheme();
    this.offline = !navigator.onLine;
    // Moved on the page before the deferred loads ran: they run now.
    if (this.hasUpdated && !this.session) this.startLoads();
    addEventListener('online', this.onConnectivity);
    addEventListener('offline', this.onConnectivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onConnectivity);
    removeEventListener('offline', this.onConnectivity);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A flow belongs to one gateway, company and callback page: a change once
    // it is on its way starts over, so no code or ticket goes to the new one.
    if (this.hasUpdated && (changed.has('companyId') || changed.has('host') || changed.has('redirectUri'))) this.reset();
    if (changed.has('methods') && !this.offeredMethods.includes(this.form.method)) this.setForm({ method: this.offeredMethods[0] });
  }

  protected override updated(): void {
    if (this.loadsDeferred && !this.i18n.pending) {
      this.loadsDeferred = false;
      this.startLoads();
    }
  }

  // ---- the form, the method and the options as the element reads them -------------------

  /** @internal */
  private setForm(change: Partial<FirstStepForm>): void {
    this.form = { ...this.form, ...change };
  }

  /** @internal */
  private selectMethod(method: AccountChannel, focusTab = false): void {
    if (method === this.form.method) return;
    this.setForm({ method, errors: {} });
    this.session?.dismissError();
    if (focusTab) focusById(this, `tab-${method}`);
  }

  /** @internal Which option keeps the element from working, or undefined (the registration chunk says why in the console). */
  private get configProblem(): 'company-id' | 'host' | undefined {
    return configProblemOf(this);
  }

  /** @internal The offered methods, valid ones only, in the site's order. */
  private get offeredMethods(): AccountChannel[] {
    return offeredMethodsOf(this.methods);
  }

  // ---- handlers ---------------------------------------------------------------

  private onEmailInput(event: InputEvent) {
    this.setForm({ email: (event.target as HTMLInputElement).value });
    this.session?.fieldEdited('email');
  }

  /**
   * Send: checked and sent by the registration chunk. Pressed before the chunk
   * has arrived, it shows progress at once and goes as soon as the chunk is
   * here (its load started with the first render).
   */
  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Offline, Send shows as unavailable; pressed, it takes the person to the notice that says why.
    if (this.offline) return this.renderRoot.querySelector<HTMLElement>('[part=offline]')!.focus();
    if (this.sendPending) return;
    this.sendPending = true;
    const pressedFor: [string] = (this.pressedFor = [this.host + '\n' + this.companyId]);
    try {
      const session = await this.registration.get();
      // Sent only to the gateway and company it was pressed for, unless reset() came between.
      if (pressedFor === this.pressedFor && pressedFor[0] === this.host + '\n' + this.companyId) await session.submit();
    } catch {
      // The failed load is on screen; the next Send tries again.
    } finally {
      if (pressedFor === this.pressedFor) this.sendPending = false;
    }
  }

  // ---- rendering ----------------------------------------------------------------

  protected override render(): TemplateResult {
    // Direction and language are set inside the shadow root, so an Arabic form lays
    // out right to left on any page (inputs that must stay left to right say so).
    // Hidden (its space kept) while a non-English page's first translation is on its way: no English first.
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.locale} class=${this.i18n.pending ? 'pending' : ''}>
      <slot name="header"></slot>
      <p class="hint" part="offline" role="status" tabindex="-1">${this.offline ? this.i18n.t.offline : ''}</p>
      ${this.renderStep()}<slot name="footer"></slot>
    </div>`;
  }

  /** One view per step: the first step is drawn here from the start, the later ones by the registration chunk. */
  private renderStep() {
    const { t } = this.i18n;
    if (this.configProblem) return renderFormError(t.notConfigured);
    const { session } = this;
    const step = session?.step ?? { name: 'account' as const };
    switch (step.name) {
      case 'account':
        return renderFirstStep({
          t,
          form: this.form,
          offered: this.offeredMethods,
          session,
          sending: this.sendPending || !!session?.sending,
          loadFailed: this.registration.status === 'failed',
          onRetryLoad: () => this.registration.start(),
          offline: this.offline,
          onSubmit: (event) => this.onSubmit(event),
          dir: this.i18n.dir,
          onSelectMethod: (method, focusTab) => this.selectMethod(method, focusTab),
          onEmailInput: (event) => this.onEmailInput(event),
        });
      case 'code':
      case 'registering':
        return session!.renderCode(step);
      case 'confirm':
        return session!.renderConfirm(step);
      case 'done':
      case 'under-review':
        return session!.renderOutcome(step);
    }
  }
}
