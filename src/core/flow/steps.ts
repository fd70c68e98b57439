/**
 * The registration steps as a union, and the pure transitions between them.
 * Nothing here touches the DOM or the network, so every transition is tested
 * on its own (test/flow.test.ts).
 */
import type { Account, RegisteredAccount, ThirdPartyAccount } from '../gateway/account.js';
import type { ProofBinding } from '../gateway/provider-verify.js';
import type { Customer } from '../gateway/register.js';
import { ACCOUNT_EXISTS_CODES, DEAD_TICKET_CODES, RESEND_DELAY_MS, TICKET_TTL_MS } from '../gateway/contract.js';

export { RESEND_DELAY_MS };

export interface AccountStep {
  name: 'account';
}

export interface CodeStep {
  name: 'code';
  account: Account;
  sendToken: string;
  /** Epoch ms from which a new code may be requested. */
  resendAvailableAt: number;
  /** Epoch ms at which the gateway's ticket runs out (assumed TTL from when it was issued). */
  ticketExpiresAt: number;
  /** The gateway said this ticket is spent (expired, used, locked): only a new code helps. */
  ticketSpent: boolean;
  /** How many codes were sent for this account in this visit (1 for the first). */
  codesSent: number;
  /** This code's Send repeated one whose answer was lost: more than one code may have arrived. */
  codesMayDiffer?: boolean;
}

export interface RegisteringStep extends Omit<CodeStep, 'name'> {
  name: 'registering';
}

export interface UnderReviewStep {
  name: 'under-review';
  account: RegisteredAccount;
  /** The gateway's own words, if it gave any. */
  message: string;
}

export interface DoneStep {
  name: 'done';
  account: RegisteredAccount;
  /**
   * The customer the gateway answered with. Undefined when its answer was lost
   * and only the account's existence is known (checkStatus): registered, unconfirmed.
   */
  customer?: Customer;
}

/**
 * A provider account the gateway verified, waiting for a second action before it
 * is registered: only when the page is framed by another origin, where the one
 * click on the provider's button could have been a hidden one (clickjacking).
 */
export interface ConfirmStep {
  name: 'confirm';
  account: ThirdPartyAccount;
  /** What register carries for the proof the verify call accepted (not the proof itself). */
  binding: ProofBinding;
}

export type Step = AccountStep | CodeStep | RegisteringStep | ConfirmStep | UnderReviewStep | DoneStep;
export type StepName = Step['name'];

export const initialStep: AccountStep = { name: 'account' };

/** A first code went out to the account. */
export function codeSent(account: Account, sendToken: string, now: number): CodeStep {
  return {
    name: 'code',
    account,
    sendToken,
    resendAvailableAt: now + RESEND_DELAY_MS,
    ticketExpiresAt: now + TICKET_TTL_MS,
    ticketSpent: false,
    codesSent: 1,
  };
}

/** A new code replaced the old one: the old ticket is forgotten. */
export function codeResent(step: CodeStep, sendToken: string, now: number): CodeStep {
  return {
    ...step,
    sendToken,
    resendAvailableAt: now + RESEND_DELAY_MS,
    ticketExpiresAt: now + TICKET_TTL_MS,
    ticketSpent: false,
    codesSent: step.codesSent + 1,
  };
}

/**
 * A new code may be requested once the countdown has run out, and at once when
 * the ticket is spent (locked, expired, used): then a new code is the only way
 * on, and a message that says "request a new code" beside a button that waits
 * for a minute contradicts itself. (assumed) the gateway lets a spent ticket's
 * account ask again; if it does not, its own "wait a moment" is shown.
 */
export function canResend(step: CodeStep, now: number): boolean {
  return step.ticketSpent || now >= step.resendAvailableAt;
}

/** Whole seconds until a new code may be requested (0 when it may). */
export function secondsUntilResend(step: CodeStep, now: number): number {
  return canResend(step, now) ? 0 : Math.ceil((step.resendAvailableAt - now) / 1000);
}

export function registeringStarted(step: CodeStep): RegisteringStep {
  return { ...step, name: 'registering' };
}

/**
 * Register did not succeed: back to the code step. A refusal whose code says
 * the ticket is spent (or that the account exists by now) leaves only
 * "request a new code" or another account open.
 */
export function registrationFailed(step: RegisteringStep, refusalCode?: string): CodeStep {
  const spent = refusalCode !== undefined && (DEAD_TICKET_CODES.has(refusalCode) || ACCOUNT_EXISTS_CODES.has(refusalCode));
  return { ...step, name: 'code', ticketSpent: step.ticketSpent || spent };
}

export function registrationSucceeded(step: RegisteringStep, customer: Customer): DoneStep {
  return { name: 'done', account: step.account, customer };
}

/** Register's answer was lost, and the account exists now: registered, without the gateway's customer. */
export function registrationUnconfirmed(step: RegisteringStep): DoneStep {
  return { name: 'done', account: step.account };
}

export function registrationUnderReview(step: RegisteringStep, message: string): UnderReviewStep {
  return { name: 'under-review', account: step.account, message };
}
