/**
 * The events `<customer-register>` fires, declared once. Each bubbles and is
 * composed, so a page can listen on any ancestor, across shadow roots.
 */
import type { Customer } from './gateway/register.js';

export interface RegisteredDetail {
  /** The new customer's number (the gateway's `data.customerNo`). */
  customerNo: string;
  /** The gateway's whole `data` object. */
  customer: Customer;
  /** A login token, when the gateway issued one. The element never stores it. */
  token?: string;
}

export interface CustomerRegisterEventMap {
  registered: CustomEvent<RegisteredDetail>;
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
