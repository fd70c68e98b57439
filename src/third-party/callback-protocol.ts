/**
 * What the callback page (src/oauth-callback.ts) and the element agree on: the
 * message a sign-in popup posts back, and the session keys of the full-page
 * redirect used when popups are blocked. Kept tiny: the callback page bundles it.
 */

/** `data.type` of the message the callback page posts to its opener. */
export const CALLBACK_MESSAGE = 'customer-register:sign-in-callback';

/**
 * `data.type` of the element's reply to the popup: the answer is in hand, the
 * popup may close. Until then the callback page stays open, so the popup can
 * never read as closed (cancelled) before its answer has been handled.
 */
export const CALLBACK_ACK = 'customer-register:sign-in-callback-received';

/**
 * `data.type` of the element's request to its popup: "I await the answer of
 * this attempt" (the popup name's suffix). The callback page posts its answer
 * only when asked so, once: if the page that opened the popup has gone on to
 * another page of the same origin, nobody asks, and the answer (a code, a
 * token) never reaches that page's scripts.
 */
export const CALLBACK_READY = 'customer-register:sign-in-callback-ready';

/**
 * `data.type` of the callback page's word to its opener once it has loaded:
 * "an answer waits here". It carries nothing (no code, token or attempt), so a
 * page the opener went on to learns nothing from it. The element asks at once
 * on it, not at its next check: timers run late in a hidden tab (on a phone the
 * popup is a tab of its own; Chrome runs a tab hidden for five minutes' timers
 * once a minute), messages do not.
 */
export const CALLBACK_WAITING = 'customer-register:sign-in-callback-waiting';

/** Start of the sign-in popup's window name (each attempt adds its own suffix). */
export const POPUP_NAME = 'customer-register-sign-in';

// The session keys live in a module of their own: the entry reads them on every page (redirect-records.ts).
export { PENDING_SIGN_IN_KEY, SIGN_IN_RESULT_KEY } from '../element/redirect-keys.js';

export interface CallbackMessage {
  type: typeof CALLBACK_MESSAGE;
  /** The query and fragment parameters the provider sent to the callback page. */
  params: Record<string, string>;
}

/** The parameters of a callback URL: its query, then its fragment (a provider uses one or the other). */
export function callbackParams(url: URL): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(url.search)) params[key] = value;
  for (const [key, value] of new URLSearchParams(url.hash.slice(1))) params[key] = value;
  return params;
}

export function isCallbackMessage(data: unknown): data is CallbackMessage {
  const message = data as CallbackMessage | null;
  return !!message && message.type === CALLBACK_MESSAGE && !!message.params && typeof message.params === 'object';
}

/** Whether `data` asks for the answer of `attempt`. */
export function isCallbackReady(data: unknown, attempt: string): boolean {
  const message = data as { type?: unknown; attempt?: unknown } | null;
  return !!message && message.type === CALLBACK_READY && message.attempt === attempt;
}

export function isCallbackWaiting(data: unknown): boolean {
  return !!data && (data as { type?: unknown }).type === CALLBACK_WAITING;
}

export function isCallbackAck(data: unknown): boolean {
  return !!data && (data as { type?: unknown }).type === CALLBACK_ACK;
}
