/**
 * Everything from the first check of what was typed on, as one lazy chunk:
 * the flow and its gateway calls, the first step's work, the register fields a
 * page configures, the later steps' views, and (from a further chunk, once
 * `providers` names any) third-party sign-up. The element starts loading it
 * right after its first render, so it is there before anyone can finish
 * typing, and calls it only through the `RegistrationSession` it returns.
 * The element's four events are fired here, from the flow's steps and failures.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { Field, LaterStep, RegistrationDoor, RegistrationSession } from '../element/registration-seam.js';
import type { Step, StepName } from '../core/flow/steps.js';
import { registrationHost, type RegistrationHost } from './registration-host.js';
import { emit, type RegisteredDetail } from '../core/embedding/events.js';
import { RegistrationController } from './registration-controller.js';
import { AccountExistsError, ProviderAccountExistsError } from '../core/flow/registration-flow.js';
import { FirstStepController } from './first-step-controller.js';
import { loadCodeStep, rememberStep, resumeKey } from '../core/flow/session-resume.js';
import { clearDraft, DRAFT_PREFIX, loadDraft, saveDraft, type FirstStepDraft } from '../core/flow/first-step-draft.js';
import type { UnansweredSend } from '../core/flow/registration-flow.js';
import { errorCode, errorMessage, errorReason } from './error-message.js';
import { LaterStepsController } from './later-steps-controller.js';
import { laterStyles } from './later-styles.js';
import { firstTouch, utmFromUrl, type Utm } from '../core/embedding/attribution.js';
import { checkAttributes, collectRegisterExtras } from '../core/embedding/page-embedding.js';
import { accountExistsDetail, identifierOf, signInUrlFor } from '../core/embedding/sign-in-link.js';
import { GatewayError } from '../core/gateway/transport.js';
import { Loadable } from '../core/loadable.js';
import type { ThirdPartyPart } from './lazy-parts.js';
import { CodeSendGuard } from './challenge-guard.js';
import { EmailSuggestion } from './email-suggestion.js';

export type { RegistrationSession };

/** `registered`'s detail: the gateway's customer, or only that the account exists (its answer was lost). */
function registeredDetail({ customer, account }: Extract<Step, { name: 'done' }>): RegisteredDetail {
  if (customer) return { confirmed: true, customerNo: customer.customerNo, customer, token: customer.token };
  return { confirmed: false, loginName: account.channel === 'third-party' ? account.loginName : identifierOf(account) };
}

/** Starts the registration of one element: its flow, and what the element asks of it. */
export function startRegistration(door: RegistrationDoor): RegistrationSession {
  return new ElementSession(registrationHost(door));
}

class ElementSession implements RegistrationSession, ReactiveController {
  private readonly registration: RegistrationController;
  private readonly laterSteps: LaterStepsController;
  private readonly firstStep: FirstStepController;
  /** The third-party buttons and sign-in, from their own lazy chunk, once `providers` names any. */
  private readonly thirdParty: Loadable<ThirdPartyPart>;
  /** The campaign touch attributed to this visit (first touch, or this URL's). */
  private readonly touch: Utm;
  /** The gateway and company whose misconfiguration was last warned about. */
  private checkedConfig?: string;
  /** The gateway gave no answer at the last update (see firstStep.gatewayUnreachable). */
  private gatewayWasUnreachable = false;
  /** The first-step draft as last kept (first-step-draft.ts), and the Send it carries. */
  private draftText?: string;
  private unansweredSend?: UnansweredSend;
  /** The step last drawn (hostUpdated). */
  private shownStep: StepName = 'account';
  /** The challenge on code send, when the gateway asks for one (src/challenge/). */
  private readonly challenge: CodeSendGuard;
  /** "Did you mean …?" under the e-mail field. */
  private readonly emailSuggestion: EmailSuggestion;

  constructor(private readonly host: RegistrationHost) {
    const { element } = host;
    element.addController(this);
    // The first campaign touch is remembered now, whether or not this visitor registers.
    const fromUrl = utmFromUrl(location.search);
    this.touch = element.attribution === 'off' ? fromUrl : firstTouch(fromUrl, Date.now());
    this.challenge = new CodeSendGuard(host);
    const registration = (this.registration = new RegistrationController(element, {
      config: () => host.gatewayConfig(),
      sendGuard: this.challenge.guard,
      extras: () => {
        const { accountType, password } = this.firstStep.choices;
        return collectRegisterExtras(element, { touch: this.touch, lang: host.i18n.requestedTag, chosenAccountType: accountType, password }, host.warn);
      },
      onStepReached: (step) => this.stepReached(step),
      onError: (error) => this.failed(error),
      onUnansweredSend: (send) => {
        this.unansweredSend = send;
        this.keepDraft();
      },
    }));
    this.laterSteps = new LaterStepsController(host, registration, {
      onStartOver: () => {
        host.setForm({ email: '' });
        this.reset();
      },
      signInUrl: (account) => signInUrlFor(element, account, this.touch, host.warn),
    });
    host.adopt(laterStyles);
    checkAttributes(element, host.warn);
    // After a reload: what was typed on the first step, and the code step, if there was one and its ticket is still alive.
    const draft = loadDraft(this.draftKey());
    const resumed = loadCodeStep(this.resumeKey(), Date.now());
    const resumable = resumed && !host.configProblem() && host.offeredMethods().includes(resumed.account.channel) ? resumed : undefined;
    this.firstStep = new FirstStepController(
      host,
      registration,
      this.touch,
      resumable?.account.channel === 'phone' ? resumable.account : undefined,
      draft?.phone,
    );
    this.thirdParty = new Loadable(element, () =>
      import('../third-party/third-party-controller.js').then(({ ThirdPartyController, thirdPartyStyles }) => {
        host.adopt(thirdPartyStyles);
        return new ThirdPartyController(host, registration, {
          residence: () => this.firstStep.residence(),
          elementKey: () => this.resumeKey(),
          signInUrl: () => signInUrlFor(element, undefined, this.touch, host.warn),
          // The page left for the provider only with the first step complete, its terms ticked.
          backFromRedirect: () => this.firstStep.choose({ termsAccepted: true }),
        });
      }),
    );
    // Accepting the suggestion is an edit of the field, as if typed: its message goes and the status is checked.
    this.emailSuggestion = new EmailSuggestion(host, () => this.firstStep.fieldEdited('email'));
    if (draft) this.restoreDraft(draft);
    if (resumable) {
      const { account } = resumable;
      host.setForm({ method: account.channel, ...(account.channel === 'email' ? { email: account.email } : {}) });
      // The residence comes back as chosen; one that followed the number's country goes on following it.
      // A code is sent only once the site's terms are ticked: going back to the first step, they still are.
      if (account.channel !== 'phone' || account.country !== account.numberCountry) this.firstStep.choose({ selectedCountry: account.country });
      this.firstStep.choose({ termsAccepted: true });
      registration.flow.resume(resumable);
    }
    element.requestUpdate();
  }

  hostUpdate(): void {
    const { host } = this;
    const { element } = host;
    const config = `${element.companyId}|${element.host}`;
    if (config !== this.checkedConfig) {
      this.checkedConfig = config;
      const problem = host.configProblem();
      if (problem) console.warn(`<customer-register>: ${problem === 'host' ? `host="${element.host}" is not an http(s) URL` : 'the company-id attribute is required'}.`);
    }
    // Said in the console, so that buttons missing from a page are never a mystery; tried again with what else failed (retryFailed).
    if (element.providers && this.thirdParty.status === 'idle') this.loadThirdParty();
    // The country field's Try again reached the gateway again: the provider settings that failed with it load too.
    const unreachable = this.firstStep.gatewayUnreachable;
    if (this.gatewayWasUnreachable && !unreachable) this.thirdParty.value?.retryFailed();
    this.gatewayWasUnreachable = unreachable;
  }

  hostUpdated(): void {
    const { step } = this.registration;
    if (step.name !== this.shownStep) {
      this.shownStep = step.name;
      this.laterSteps.stepShown(step);
      // Focus moves to where the person continues, so keyboard and screen-reader users follow the step change.
      const target = step.name === 'code' ? 'code' : step.name === 'account' ? this.host.form().method : 'outcome';
      this.host.element.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
    }
    this.keepDraft();
  }

  /** Where this element's first-step draft is kept (per company, gateway and place, like the code step). */
  private draftKey(): string {
    return resumeKey(this.host.element, this.host.gatewayHost(), DRAFT_PREFIX);
  }

  /** Keeps what is typed on the first step, and the unanswered Send, for a reload (when it changed). */
  private keepDraft() {
    const { name } = this.registration.step;
    if (name === 'done' || name === 'under-review' || !this.host.element.isConnected) return;
    const { method, email } = this.host.form();
    const { selectedCountry, accountType } = this.firstStep.choices;
    const draft: FirstStepDraft = { method, email, selectedCountry, accountType, phone: this.firstStep?.phoneDraft(), unansweredSend: this.unansweredSend };
    if (JSON.stringify(draft) !== this.draftText) this.draftText = saveDraft(this.draftKey(), draft);
  }

  /** Brings back what the last page kept; what was typed here before the chunk arrived wins. */
  private restoreDraft(draft: FirstStepDraft) {
    const { host } = this;
    const form = host.form();
    // The chunk's own fields are empty still: only the e-mail address can have been typed before it arrived.
    host.setForm({
      method: !form.email && host.offeredMethods().includes(draft.method) ? draft.method : form.method,
      email: form.email || draft.email,
    });
    this.firstStep.choose({ selectedCountry: draft.selectedCountry, accountType: draft.accountType });
    if (draft.unansweredSend) {
      this.unansweredSend = draft.unansweredSend;
      this.registration.flow.restoreUnansweredSend(draft.unansweredSend);
    }
  }

  /** Tells this element apart from others on the page (a reload's resume, a redirect's return). */
  private resumeKey(): string {
    return resumeKey(this.host.element, this.host.gatewayHost());
  }

  /** Every step change: remembered for a reload, and told to the page. */
  private stepReached(step: Step) {
    const { host } = this;
    const { element } = host;
    if (step.name === 'done' || step.name === 'under-review') {
      this.firstStep.choose({ password: '' });
      // The registration ended: nothing typed is kept for a reload any more.
      clearDraft(this.draftKey());
      this.draftText = undefined;
      this.unansweredSend = undefined;
    }
    // Kept for a reload of the page this element is on; one taken off the page keeps nothing.
    if (element.isConnected) rememberStep(this.resumeKey(), step);
    // The method of a third-party registration is its provider.
    const account = 'account' in step ? step.account : undefined;
    emit(element, 'step-change', { step: step.name, method: account?.channel === 'third-party' ? account.provider : host.form().method });
    if (step.name === 'done') emit(element, 'registered', registeredDetail(step));
  }

  /** A failure the person is shown, told to the page too. */
  private failed(error: unknown) {
    const { host } = this;
    const { element } = host;
    const reason = errorReason(error);
    if (reason) console.warn(`<customer-register>: ${errorCode(error)}: ${reason}`);
    emit(element, 'register-error', {
      code: errorCode(error),
      message: errorMessage(error, host.i18n.t),
      call: error instanceof GatewayError ? error.call : undefined,
      ...(reason ? { reason } : {}),
    });
    // Every way of trying, providers too, tells the page the same way; a site without a sign-in page hears about it once.
    const tried = error instanceof AccountExistsError ? error.account : error instanceof ProviderAccountExistsError ? error : undefined;
    if (!tried) return;
    const detail = accountExistsDetail(element, tried, this.touch, host.warn);
    if (!detail.loginUrl) host.warn('an account exists already, and there is no sign-in page to send the person to: set login-url to your sign-in page (http or https)');
    emit(element, 'account-exists', detail);
  }

  private loadThirdParty() {
    this.thirdParty.get().catch((error) => this.host.warn(`the third-party sign-in buttons could not be loaded: ${error}`));
  }

  // ---- RegistrationSession ----------------------------------------------------------------

  get step(): Step {
    return this.registration.step;
  }

  get sending(): boolean {
    return this.firstStep.sending;
  }

  submit(): Promise<void> {
    this.challenge.prepare();
    // Offered, never in the way: the code goes to the address as typed.
    this.emailSuggestion.show();
    return this.firstStep.submit();
  }

  fieldEdited(field: Field): void {
    this.challenge.prepare();
    if (field === 'email') this.emailSuggestion.hide();
    this.firstStep.fieldEdited(field);
  }

  renderEmailHint() {
    return this.emailSuggestion.render();
  }

  dismissError(): void {
    this.registration.dismissError();
  }

  renderCountry() {
    return this.firstStep.renderCountry();
  }

  renderPhone() {
    return this.firstStep.renderPhone();
  }

  renderPageOptions() {
    return html`${this.firstStep.renderPageOptions()}${this.challenge.render()}`;
  }

  renderProviders() {
    // A gateway that cannot be reached is said once, at the country field, with its Try again: not again under the buttons.
    return this.firstStep.gatewayUnreachable ? nothing : this.thirdParty.value?.render();
  }

  renderCode(step: Extract<LaterStep, { name: 'code' | 'registering' }>) {
    return html`${this.laterSteps.renderCode(step)}${this.challenge.render()}`;
  }

  renderConfirm(step: Extract<LaterStep, { name: 'confirm' }>) {
    return this.laterSteps.renderConfirm(step);
  }

  renderOutcome(step: Extract<LaterStep, { name: 'done' | 'under-review' }>) {
    return this.laterSteps.renderOutcome(step);
  }

  retryFailed(): void {
    this.firstStep.retryFailed();
    if (this.thirdParty.status === 'failed') this.loadThirdParty();
  }

  reset(): void {
    this.registration.cancel();
    this.registration.flow.reset();
    this.laterSteps.clear();
    // Another registration (or another gateway or company) asks for the terms anew.
    this.firstStep.choose({ termsAccepted: false });
  }
}
