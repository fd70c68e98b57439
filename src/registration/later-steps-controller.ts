/**
 * The steps after the account step, as one controller of the lazy registration
 * chunk: it owns what the person types there (the code), its handlers, the
 * WebOTP listener, and renders the code step, the confirm step and the
 * outcome. The element's render switch asks it for the step on screen.
 */
import type { ReactiveController, TemplateResult } from 'lit';
import type { RegistrationHost } from './registration-host.js';
import type { RegistrationController } from './registration-controller.js';
import { canResend, secondsUntilResend, type Step } from '../core/flow/steps.js';
import { errorMessage } from './error-message.js';
import { normalizeCode } from '../core/flow/validation.js';
import { listenForSmsCode } from '../core/flow/web-otp.js';
import { GatewayRefusal } from '../core/gateway/transport.js';
import { CODE_SPENT_CODES } from '../core/gateway/contract.js';
import type { Account, RegisteredAccount } from '../core/gateway/account.js';
import type { Customer } from '../core/gateway/register.js';
import { AccountExistsError } from '../core/flow/registration-flow.js';
import { renderCodeStep, renderConfirmStep, renderOutcome } from './verification-view.js';
import { PROVIDER_NAMES } from '../core/providers/provider-names.js';

export interface LaterStepsSetup {
  /** "Register another account": back to the first step with a fresh form. */
  onStartOver: () => void;
  /** The site's sign-in link for an account (`login-url`), if it set one. */
  signInUrl: (account: Account) => string | undefined;
}

export class LaterStepsController implements ReactiveController {
  private code = '';
  /** The code field's own message (empty, or not six digits). */
  private codeError?: string;
  private stopSmsListener?: () => void;
  /** The code the gateway last refused as wrong: pressing Register on it again keeps the refusal (the person has not typed). */
  private refusedCode?: string;
  /** The resend countdown's first value for the code on screen (the status region says it once). */
  private countdownFrom?: number;

  constructor(
    private readonly host: RegistrationHost,
    private readonly registration: RegistrationController,
    private readonly setup: LaterStepsSetup,
  ) {
    host.element.addController(this);
  }

  /** Forgets the code (a new code, a reset, another account). */
  clear(): void {
    this.code = '';
    this.refusedCode = undefined;
    this.codeError = undefined;
    this.host.element.requestUpdate();
  }

  /** Another step is drawn (the registration's hostUpdated): the code step's listener and countdown start or stop. */
  stepShown(step: Step): void {
    this.stopSmsListener?.();
    this.stopSmsListener = undefined;
    if (step.name === 'account') this.clear();
    if (step.name === 'code') this.countdownFrom = secondsUntilResend(step, Date.now());
    // On the code step of a phone registration, let the browser read the SMS (WebOTP) where it can.
    if (step.name === 'code' && step.account.channel === 'phone') {
      this.stopSmsListener = listenForSmsCode((code) => {
        if (this.registration.step.name !== 'code') return;
        this.code = normalizeCode(code);
        this.submit();
      });
    }
  }

  hostDisconnected(): void {
    this.stopSmsListener?.();
  }

  /** The code step, and the same while the code is being checked. */
  renderCode(step: Extract<Step, { name: 'code' | 'registering' }>): TemplateResult {
    const t = this.host.i18n.t;
    const { registration } = this;
    const registerError = this.actionError('register');
    return renderCodeStep({
      t,
      step,
      code: this.code,
      busy: registration.busy,
      error: registerError ?? this.actionError('resend'),
      codeRefused: registerError !== undefined && codeSpent(registration.error),
      recovering: registration.busy === 'register' && registration.flow.recovering,
      codeError: this.codeError,
      countdownFrom: this.countdownFrom,
      onCodeInput: (event) => this.onCodeInput(event),
      onSubmit: (event) => {
        event.preventDefault();
        this.submit();
      },
      onResend: () => this.onResend(),
      onChangeAccount: () => this.onChangeAccount(),
    });
  }

  /** A verified provider account waiting for a second action (the page is framed by another origin). */
  renderConfirm(step: Extract<Step, { name: 'confirm' }>): TemplateResult {
    return renderConfirmStep({
      t: this.host.i18n.t,
      step,
      providerName: PROVIDER_NAMES[step.account.provider],
      busy: this.registration.busy,
      error: this.actionError('register'),
      onSubmit: (event) => {
        event.preventDefault();
        this.confirm();
      },
      onChangeAccount: () => this.onChangeAccount(),
    });
  }

  /** Registered, or waiting for the broker's review. */
  renderOutcome(step: Extract<Step, { name: 'done' | 'under-review' }>): TemplateResult {
    const t = this.host.i18n.t;
    const { element } = this.host;
    // The site chooses the ways on: its next page, and (for an introducing broker) another registration.
    const continueHref = httpUrl(element.continueUrl);
    if (element.continueUrl && !continueHref) this.host.warn(`continue-url "${element.continueUrl}" is not an http(s) URL, so no Continue is offered`);
    const ways = { continueHref, onStartOver: element.registerAnother ? this.setup.onStartOver : undefined };
    if (step.name === 'under-review') {
      const contact = t.reviewContact(`\u2068${destinationOf(step.account)}\u2069`);
      return renderOutcome({ t, kind: 'panel', title: t.reviewTitle, body: step.message || t.reviewBody, contact, ...ways });
    }
    if (step.customer) {
      const body = t.successBody(step.customer.customerNo);
      return renderOutcome({ t, kind: 'success', title: t.successTitle, body, nextSteps: nextStepsOf(step.customer), ...ways });
    }
    // Registered, but the gateway's answer was lost: the account exists, so signing in is the way on.
    const href = step.account.channel === 'third-party' ? undefined : this.setup.signInUrl(step.account);
    return renderOutcome({ t, kind: 'success', title: t.successTitle, body: t.registeredSignIn, link: href ? { href, text: t.signIn } : undefined, ...ways });
  }

  /** Confirm step: the second action registers the verified provider account (the site's terms were accepted before its button). */
  private confirm() {
    const { registration } = this;
    if (registration.step.name !== 'confirm') return;
    void registration.run('register', (signal) => registration.flow.confirmProvider(signal));
  }

  private actionError(action: 'register' | 'resend'): string | undefined {
    const { registration } = this;
    if (registration.error === undefined || registration.failedAction !== action) return undefined;
    return errorMessage(registration.error, this.host.i18n.t);
  }

  private setCodeError(message: string | undefined) {
    this.codeError = message;
    this.host.element.requestUpdate();
    if (message) this.host.focus('code');
  }

  private onCodeInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    const code = normalizeCode(input.value);
    // Keep the field showing digits only (a pasted "123 456" or "123-456" becomes "123456").
    if (input.value !== code) input.value = code;
    const completed = code.length === 6 && this.code.length !== 6;
    if (code === this.code) return; // a seventh digit, or a key that adds nothing: not a new code
    this.code = code;
    this.refusedCode = undefined;
    if (this.codeError) this.setCodeError(undefined);
    this.registration.dismissError();
    // The sixth digit checks the code, as the hint above the field says beforehand (WCAG 3.2.2).
    if (completed) this.submit();
  }

  private submit() {
    const t = this.host.i18n.t;
    const { registration } = this;
    const step = registration.step;
    if (step.name !== 'code' || step.ticketSpent) return;
    // Register again on the code just refused: the refusal stays (the same code would only be refused
    // again, and cost one of the five tries); the field, its text selected, takes the next one.
    if (this.refusedCode !== undefined && this.code === this.refusedCode) return this.focusCode();
    if (this.code.length !== 6) {
      // One message at a time: a check of what the person changed since replaces the last refusal.
      registration.dismissError();
      return this.setCodeError(this.code ? t.codeInvalid : t.codeRequired);
    }
    const code = this.code;
    void registration.run('register', (signal) => registration.flow.submitCode(code, signal)).then(() => {
      if (registration.step.name !== 'code') return;
      // A spent ticket (locked, expired, the account exists) takes no code: the field is
      // emptied and only a new code (or another account) is left, so go there. A code
      // refused as wrong stays, selected: "check it" has something to check (one digit
      // mistyped is one keypress), and a fresh code typed over it replaces it whole.
      // After any other failure (a refusal we do not know, a transport failure) it stays too.
      if (registration.step.ticketSpent) {
        this.code = '';
        this.host.element.requestUpdate();
        return this.host.focus('resend');
      }
      if (codeSpent(registration.error)) this.refusedCode = code;
      this.host.element.requestUpdate();
      this.focusCode();
    });
  }

  /** Focuses the code field with its text selected, so what is typed next replaces it. */
  private focusCode() {
    const { element } = this.host;
    void element.updateComplete.then(() => {
      const input = element.renderRoot.querySelector<HTMLInputElement>('#code');
      input?.focus();
      input?.select();
    });
  }

  private onResend() {
    const { registration } = this;
    const step = registration.step;
    if (step.name !== 'code' || !canResend(step, Date.now())) return;
    this.code = '';
    this.refusedCode = undefined;
    void registration.run('resend', (signal) => registration.flow.resendCode(signal)).then((ok) => {
      if (!ok) return;
      const next = registration.step;
      if (next.name === 'code') this.countdownFrom = secondsUntilResend(next, Date.now());
      this.host.focus('code');
    });
  }

  private onChangeAccount() {
    const { registration } = this;
    if (registration.busy) return;
    this.code = '';
    registration.flow.changeAccount();
  }
}

/** Where the person registered: the address or number a reviewer answers at. */
function destinationOf(account: RegisteredAccount): string {
  return account.channel === 'email' ? account.email : account.channel === 'phone' ? `${account.phoneArea} ${account.nationalNumber}` : account.loginName;
}

/**
 * The account-opening levels the register answer lists (`list`: identity checks and the like),
 * in its order and in its words ("Basic information (Individual)"): what the person does next.
 * Anything not shaped like a level is skipped; a gateway without the list shows none.
 */
export function nextStepsOf(customer: Customer): string[] {
  const levels = Array.isArray(customer.list) ? (customer.list as unknown[]) : [];
  const steps: string[] = [];
  for (const level of levels) {
    if (!level || typeof level !== 'object') continue;
    const { levelName, pathName } = level as { levelName?: unknown; pathName?: unknown };
    if (typeof levelName !== 'string' || !levelName.trim()) continue;
    const path = typeof pathName === 'string' && pathName.trim() && pathName.trim() !== levelName.trim() ? ` (${pathName.trim()})` : '';
    const step = `${levelName.trim()}${path}`;
    if (!steps.includes(step)) steps.push(step);
  }
  return steps;
}

/** The gateway refused the code as wrong or its ticket as spent, or the account exists: this code is of no more use. */
function codeSpent(error: unknown): boolean {
  return error instanceof AccountExistsError || (error instanceof GatewayRefusal && CODE_SPENT_CODES.has(error.code));
}

/** An http(s) address (relative ones resolved against the page), else undefined. */
function httpUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  const url = text && URL.canParse(text, location.href) ? new URL(text, location.href) : undefined;
  return url && /^https?:$/.test(url.protocol) ? url.href : undefined;
}
