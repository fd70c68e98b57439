/**
 * Everything from the first check of what was typed on, as one lazy chunk:
 * the flow and its gateway calls, the first step's work, the register fields a
 * page configures, the later steps' views, and (from a further chunk, once
 * `providers` names any) third-party sign-up. The element starts loading it
 * right after its first render, so it is there before anyone can finish
 * typing, and calls it only through the `RegistrationSession` it returns.
 * The element's three events are fired here, from the flow's steps and failures.
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { LaterStep, RegistrationElement, RegistrationSession } from './registration-session.js';
import type { Step } from './flow/steps.js';
import { emit, type RegisteredDetail } from './events.js';
import { RegistrationController } from './flow/registration-controller.js';
import { AccountExistsError } from './flow/registration-flow.js';
import { FirstStepController } from './views/first-step-controller.js';
import { loadCodeStep, rememberStep, resumeKey } from './flow/session-resume.js';
import { clearDraft, DRAFT_PREFIX, loadDraft, saveDraft, type FirstStepDraft } from './flow/first-step-draft.js';
import type { UnansweredSend } from './flow/registration-flow.js';
import { errorCode, errorMessage, errorReason } from './views/error-message.js';
import { LaterStepsController } from './views/later-steps-controller.js';
import { laterStyles } from './views/later-styles.js';
import { firstTouch, utmFromUrl, type Utm } from './embedding/attribution.js';
import { checkAttributes, collectRegisterExtras } from './embedding/page-embedding.js';
import { accountExistsDetail, identifierOf, signInUrlFor } from './embedding/sign-in-link.js';
import { GatewayError } from './gateway/transport.js';
import { loadOnce } from './load-once.js';
import type { ThirdPartyController } from './third-party/third-party-controller.js';
import { CodeSendGuard } from './challenge/send-guard.js';

export type { RegistrationSession };

/** `registered`'s detail: the gateway's customer, or only that the account exists (its answer was lost). */
function registeredDetail({ customer, account }: Extract<Step, { name: 'done' }>): RegisteredDetail {
  if (customer) return { confirmed: true, customerNo: customer.customerNo, customer, token: customer.token };
  return { confirmed: false, loginName: account.channel === 'third-party' ? account.loginName : identifierOf(account) };
}

/** Starts the registration of one element: its flow, and what the element asks of it. */
export function startRegistration(element: RegistrationElement): RegistrationSession {
  return new ElementRegistration(element);
}

class ElementRegistration implements RegistrationSession, ReactiveController {
  private readonly registration: RegistrationController;
  private readonly laterSteps: LaterStepsController;
  private readonly firstStep: FirstStepController;
  /** The third-party buttons and sign-in, from their own lazy chunk, once `providers` names any. */
  private thirdParty?: ThirdPartyController;
  /** The campaign touch attributed to this visit (first touch, or this URL's). */
  private readonly touch: Utm;
  /** The gateway and company whose misconfiguration was last warned about. */
  private checkedConfig?: string;
  /** The gateway gave no answer at the last update (see firstStep.gatewayUnreachable). */
  private gatewayWasUnreachable = false;
  /** The first-step draft as last kept (first-step-draft.ts), and the Send it carries. */
  private draftText?: string;
  private unansweredSend?: UnansweredSend;
  /** The challenge on code send, when the gateway asks for one (src/challenge/). */
  private readonly challenge: CodeSendGuard;

  constructor(private readonly element: RegistrationElement) {
    element.addController(this);
    // The first campaign touch is remembered now, whether or not this visitor registers.
    const fromUrl = utmFromUrl(location.search);
    this.touch = element.attribution === 'off' ? fromUrl : firstTouch(fromUrl, Date.now());
    this.challenge = new CodeSendGuard(element);
    const registration = (this.registration = new RegistrationController(element, {
      config: () => element.gatewayConfig(),
      sendGuard: this.challenge.guard,
      extras: () =>
        collectRegisterExtras(
          element,
          { touch: this.touch, lang: element.i18n.requestedTag, chosenAccountType: element.form.accountType, password: element.form.password },
          (message) => element.warn(message),
        ),
      onStep: (step) => this.stepReached(step),
      onError: (error) => this.failed(error),
      onUnansweredSend: (send) => {
        this.unansweredSend = send;
        this.keepDraft();
      },
    }));
    this.laterSteps = new LaterStepsController(element, {
      t: () => element.i18n.t,
      registration,
      hasTerms: () => !!element.querySelector(':scope > [slot="terms"]'),
      focus: (id) => element.focusById(id),
      onStartOver: () => {
        element.setForm({ email: '' });
        this.reset();
      },
      signInUrl: (account) => signInUrlFor(element, account, this.touch),
    });
    element.adopt(laterStyles);
    checkAttributes(element, (message) => element.warn(message));
    // After a reload: what was typed on the first step, and (below) the code step, if there was one.
    const draft = loadDraft(this.draftKey());
    if (draft) this.restoreDraft(draft);
    // After a reload: back to the code step this element had reached, if its ticket is still alive.
    const resumed = loadCodeStep(this.resumeKey(), Date.now());
    const resumable = resumed && !element.configProblem && element.offeredMethods.includes(resumed.account.channel) ? resumed : undefined;
    if (resumable) {
      const { account } = resumable;
      element.setForm({ method: account.channel, selectedCountry: account.country, ...(account.channel === 'email' ? { email: account.email } : {}) });
      registration.flow.resume(resumable);
    }
    this.firstStep = new FirstStepController(
      element,
      registration,
      this.touch,
      resumable?.account.channel === 'phone' ? resumable.account : undefined,
      draft?.phone,
    );
    element.requestUpdate();
  }

  hostUpdate(): void {
    const { element } = this;
    const config = `${element.companyId}|${element.host}`;
    if (config !== this.checkedConfig) {
      this.checkedConfig = config;
      const problem = element.configProblem;
      if (problem) console.warn(`<customer-register>: ${problem === 'host' ? `host="${element.host}" is not an http(s) URL` : 'the company-id attribute is required'}.`);
    }
    // Tried again at the next update; said in the console, so that buttons missing from a page are never a mystery.
    if (element.providers && !this.thirdParty) this.loadThirdParty().catch((error) => element.warn(`the third-party sign-in buttons could not be loaded: ${error}`));
    // The country field's Try again reached the gateway again: the provider settings that failed with it load too.
    const unreachable = this.firstStep.gatewayUnreachable;
    if (this.gatewayWasUnreachable && !unreachable) this.thirdParty?.retryFailed();
    this.gatewayWasUnreachable = unreachable;
  }

  hostUpdated(): void {
    this.keepDraft();
  }

  /** Where this element's first-step draft is kept (per company, gateway and place, like the code step). */
  private draftKey(): string {
    return resumeKey(this.element, this.element.gatewayHost, DRAFT_PREFIX);
  }

  /** Keeps what is typed on the first step, and the unanswered Send, for a reload (when it changed). */
  private keepDraft() {
    const { name } = this.registration.step;
    if (name === 'done' || name === 'under-review' || !this.element.isConnected) return;
    const { method, email, selectedCountry, accountType } = this.element.form;
    const draft: FirstStepDraft = { method, email, selectedCountry, accountType, phone: this.firstStep?.phoneDraft(), unansweredSend: this.unansweredSend };
    if (JSON.stringify(draft) !== this.draftText) this.draftText = saveDraft(this.draftKey(), draft);
  }

  /** Brings back what the last page kept; what was typed here before the chunk arrived wins. */
  private restoreDraft(draft: FirstStepDraft) {
    const { element } = this;
    const { form } = element;
    const pristine = !form.email && !form.selectedCountry;
    element.setForm({
      method: pristine && element.offeredMethods.includes(draft.method) ? draft.method : form.method,
      email: form.email || draft.email,
      selectedCountry: form.selectedCountry || draft.selectedCountry,
      accountType: form.accountType ?? draft.accountType,
    });
    if (draft.unansweredSend) {
      this.unansweredSend = draft.unansweredSend;
      this.registration.flow.restoreUnansweredSend(draft.unansweredSend);
    }
  }

  /** Tells this element apart from others on the page (a reload's resume, a redirect's return). */
  private resumeKey(): string {
    return resumeKey(this.element, this.element.gatewayHost);
  }

  /** Every step change: remembered for a reload, and told to the page. */
  private stepReached(step: Step) {
    const { element } = this;
    if (step.name === 'done' || step.name === 'under-review') {
      element.setForm({ password: '' });
      // The registration ended: nothing typed is kept for a reload any more.
      clearDraft(this.draftKey());
      this.draftText = undefined;
      this.unansweredSend = undefined;
    }
    // Kept for a reload of the page this element is on; one taken off the page keeps nothing.
    if (element.isConnected) rememberStep(this.resumeKey(), step);
    // The method of a third-party registration is its provider.
    const account = 'account' in step ? step.account : undefined;
    emit(element, 'step-change', { step: step.name, method: account?.channel === 'third-party' ? account.provider : element.form.method });
    if (step.name === 'done') emit(element, 'registered', registeredDetail(step));
  }

  /** A failure the person is shown, told to the page too. */
  private failed(error: unknown) {
    const { element } = this;
    const reason = errorReason(error);
    if (reason) console.warn(`<customer-register>: ${errorCode(error)}: ${reason}`);
    emit(element, 'register-error', {
      code: errorCode(error),
      message: errorMessage(error, element.i18n.t),
      call: error instanceof GatewayError ? error.call : undefined,
      ...(reason ? { reason } : {}),
    });
    if (error instanceof AccountExistsError) emit(element, 'account-exists', accountExistsDetail(element, error.account, this.touch));
  }

  /** Loads the third-party chunk once (again at a later update, if it failed) and wires it to this element. */
  private readonly loadThirdParty = loadOnce(() =>
    import('./third-party/third-party-controller.js').then(({ ThirdPartyController, thirdPartyStyles }) => {
      const { element } = this;
      element.adopt(thirdPartyStyles);
      this.thirdParty = new ThirdPartyController(element, {
        t: () => element.i18n.t,
        lang: () => element.i18n.requestedTag,
        config: () => (element.configProblem ? undefined : element.gatewayConfig()),
        registration: this.registration,
        residence: () => this.firstStep.residence(),
        elementKey: () => this.resumeKey(),
        offline: () => element.offline,
        warn: (message) => element.warn(message),
      });
      element.requestUpdate();
    }),
  );

  // ---- RegistrationSession ----------------------------------------------------------------

  get step(): Step {
    return this.registration.step;
  }

  get sending(): boolean {
    return this.firstStep.sending;
  }

  submit(): Promise<void> {
    this.challenge.prepare();
    return this.firstStep.submit();
  }

  fieldEdited(field: Parameters<RegistrationSession['fieldEdited']>[0]): void {
    this.challenge.prepare();
    this.firstStep.fieldEdited(field);
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

  renderExtras() {
    return html`${this.firstStep.renderExtras()}${this.challenge.render()}`;
  }

  renderProviders() {
    // A gateway that cannot be reached is said once, at the country field, with its Try again: not again under the buttons.
    return this.firstStep.gatewayUnreachable ? nothing : this.thirdParty?.render();
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

  stepShown(step: Step): void {
    this.laterSteps.stepChanged(step);
  }

  retryFailed(): void {
    this.firstStep.retryFailed();
  }

  reset(): void {
    this.registration.cancel();
    this.registration.flow.reset();
    this.laterSteps.clear();
  }
}
