/**
 * The events `<customer-register>` fires, declared once. Each bubbles and is
 * composed, so a page can listen on any ancestor, across shadow roots.
 */
import type { Customer } from '../gateway/register.js';
import type { StepName } from '../flow/steps.js';
import type { AccountChannel, ThirdPartyProvider, GatewayCallName } from '../gateway/contract.js';

/**
 * `registered`'s detail: `confirmed: true` with the gateway's customer, or
 * `confirmed: false` when register's answer was lost and the element only
 * knows the account exists now (checkStatus): no customerNo then; the person
 * is told to sign in. Either way it fires once per registration.
 */
export type RegisteredDetail = ConfirmedRegistration | UnconfirmedRegistration;

export interface ConfirmedRegistration {
  /** The gateway answered with the new customer. */
  confirmed: true;
  /** The new customer's number (the gateway's `data.customerNo`). */
  customerNo: string;
  /** The gateway's whole `data` object. */
  customer: Customer;
  /** A login token, when the gateway issued one. The element never stores it. */
  token?: string;
}

export interface UnconfirmedRegistration {
  /** Register's answer was lost; the account exists now (checkStatus said so). */
  confirmed: false;
  /** What the account is known by: the e-mail address, or the phone number as `+8613800000000`. */
  loginName: string;
  customerNo?: undefined;
  customer?: undefined;
  token?: undefined;
}

export interface StepChangeDetail {
  /** The step now shown: `account`, `code`, `registering`, `under-review` or `done`. */
  step: StepName;
  /** `email` or `phone`, or the provider (`google`, `metamask`, ...) of a third-party registration. */
  method: AccountChannel | ThirdPartyProvider;
}

export interface RegisterErrorDetail {
  /** The gateway's refusal code, or for failures of our own: `timeout`, `network`, `http`, `bad-response`, `ACCOUNT_EXISTS`, `UNEXPECTED`. */
  code: string;
  /** The message shown to the person. */
  message: string;
  /** The gateway call that failed, when one did. */
  call?: GatewayCallName;
  /** The technical reason, for developers, when there is one (a provider's proof the gateway refused: its `failReason`); also logged to the console. Never shown to the person. */
  reason?: string;
}

export interface AccountExistsDetail {
  /** How the person tried to register: `email` or `phone`, or the provider (`google`, `metamask`, ...). */
  method: AccountChannel | ThirdPartyProvider;
  /** What they typed: the e-mail address, or the phone number as `+8613800000000`; for a provider, its account's e-mail, phone or user id. */
  loginName: string;
  /** The sign-in link the element offers (`login-url` with the identifier (not for a provider), utm and agent code), if the site set one. */
  loginUrl?: string;
}

export interface CustomerRegisterEventMap {
  registered: CustomEvent<RegisteredDetail>;
  'step-change': CustomEvent<StepChangeDetail>;
  'register-error': CustomEvent<RegisterErrorDetail>;
  'account-exists': CustomEvent<AccountExistsDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends CustomerRegisterEventMap {}
}

/** Dispatches one of the element's events with the defaults every one of them shares. */
export function emit<K extends keyof CustomerRegisterEventMap>(
  target: EventTarget,
  type: K,
  detail: CustomerRegisterEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }));
}
