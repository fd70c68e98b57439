/**
 * Getting the provider's answer back: through a popup (the callback page posts
 * it to this window), or, when the browser blocks popups, through a full-page
 * redirect whose answer the callback page leaves in sessionStorage for the
 * element to pick up after the page loads again.
 */
import {
  CALLBACK_ACK,
  CALLBACK_READY,
  isCallbackMessage,
  isCallbackWaiting,
  PENDING_SIGN_IN_KEY,
  POPUP_NAME,
  SIGN_IN_RESULT_KEY,
} from './callback-protocol.js';
import { redirectRecords } from '../element/redirect-records.js';
import type { PendingAuthorization } from './adapters/adapter.js';
import { SignInError } from '../core/providers/sign-in-error.js';
import { DEFAULT_AUTHORIZATION_ENDPOINTS } from './provider-endpoints.js';
import type { RedirectProvider } from '../core/providers/provider-options.js';
import { randomToken } from './oauth-crypto.js';

/** Each popup's attempt (its name's suffix), which the element asks the callback page for. */
const popupAttempts = new WeakMap<Window, string>();

/**
 * Opens the sign-in popup, empty, centred over the page. Must run in the
 * click's own task (a popup needs the user's gesture); it is sent to the
 * provider once the request is ready. Each attempt gets a window of its own
 * name, so two elements on a page never share one. Null when the browser
 * blocked it or the page may not open one.
 */
export function openSignInPopup(): Window | null {
  const attempt = `:${randomToken(9)}`;
  const width = 500;
  const height = 640;
  const left = Math.max(0, screenX + (outerWidth - width) / 2);
  const top = Math.max(0, screenY + (outerHeight - height) / 2);
  try {
    const popup = open('about:blank', `${POPUP_NAME}${attempt}`, `popup,width=${width},height=${height},left=${left},top=${top}`);
    if (popup) popupAttempts.set(popup, attempt);
    return popup;
  } catch {
    // Firefox throws (InvalidAccessError) where a sandboxed frame may not open
    // popups; the others answer null. Either way: no popup.
    return null;
  }
}

/**
 * Closes the popup, and once more a moment later: a close() that lands while
 * the popup is still navigating (about:blank to the provider) can be dropped.
 */
export function closePopup(popup: Window): void {
  const close = () => popup.closed || popup.close();
  close();
  setTimeout(close, 300);
}

/** How often a popup is checked for having been closed, and asked for its answer. */
const CLOSED_POLL_MS = 200;

/**
 * How long an answer may still arrive after the popup reads as closed. The
 * callback page stays open until the element acknowledges its answer, so a
 * closed popup is normally a person who closed it; this covers the rest (a
 * callback page that gave up waiting, an engine that reports a closing window
 * early) on a page whose main thread is busy with other scripts.
 */
const CLOSED_GRACE_MS = 1500;

/**
 * Waits for the callback page in `popup` to post the provider's answer, and
 * acknowledges it (the callback page closes only then).
 * Only messages from this attempt's popup count: one from the callback page's
 * origin is the answer; a sign-in answer from any other origin (the popup at
 * the provider, or somewhere else) is refused and ends the attempt. A message
 * from any other window (an ad's frame, another element's popup) is ignored,
 * whatever it holds. A popup closed without an answer ends the attempt quietly
 * ('cancelled'), after a grace period in which no answer came.
 */
export function awaitPopupAnswer(
  popup: Window,
  provider: RedirectProvider,
  callbackOrigin: string,
  signal: AbortSignal,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let closedSince: number | undefined;
    const finish = (outcome: () => void) => {
      removeEventListener('message', onMessage);
      clearInterval(poll);
      signal.removeEventListener('abort', onAbort);
      closePopup(popup);
      outcome();
    };
    // Asks the callback page for this attempt's answer: when it says it has
    // loaded, and at every check until the answer comes (while the popup is at
    // the provider, the browser drops the request: another origin).
    const ask = () => popup.closed || popup.postMessage({ type: CALLBACK_READY, attempt: popupAttempts.get(popup) }, callbackOrigin);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== popup) return;
      if (isCallbackWaiting(event.data)) {
        if (event.origin === callbackOrigin) ask();
        return;
      }
      if (!isCallbackMessage(event.data)) return;
      if (event.origin !== callbackOrigin) {
        finish(() => reject(new SignInError(provider, 'foreign-origin', event.origin)));
        return;
      }
      popup.postMessage({ type: CALLBACK_ACK }, callbackOrigin);
      finish(() => resolve(event.data.params));
    };
    const onAbort = () => finish(() => reject(signal.reason));
    addEventListener('message', onMessage);
    signal.addEventListener('abort', onAbort);
    // A provider page that cuts the opener link (Cross-Origin-Opener-Policy)
    // also reads as closed here: such a provider needs the redirect instead.
    const poll = setInterval(() => {
      ask();
      if (!popup.closed) return;
      closedSince ??= Date.now();
      if (Date.now() - closedSince >= CLOSED_GRACE_MS) finish(() => reject(new SignInError(provider, 'cancelled')));
    }, CLOSED_POLL_MS);
  });
}

/** A sign-in that left the page, as kept for its return. */
interface PendingRedirect extends PendingAuthorization {
  /** The element that started it (its resume key), so only that one picks the answer up. */
  elementKey: string;
  /** The page to come back to (the callback page only returns to its own origin). */
  returnTo: string;
  startedAt: number;
  /** The country of residence chosen before leaving (the form is gone when the page comes back). */
  residence: { country: string; dialCode: string };
}

/**
 * Sends the whole page to the provider, remembering what to check its answer
 * against. Resolves never (the page leaves), except when the person comes back
 * with the browser's Back button to the page as it was (back/forward cache):
 * then the sign-in is over, quietly.
 */
export function redirectToProvider(
  url: string,
  pending: PendingAuthorization,
  elementKey: string,
  residence: PendingRedirect['residence'],
  signal: AbortSignal,
): Promise<never> {
  const record: PendingRedirect = { ...pending, elementKey, residence, returnTo: location.href, startedAt: Date.now() };
  sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(record));
  sessionStorage.removeItem(SIGN_IN_RESULT_KEY);
  return new Promise((_, reject) => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      removeEventListener('pageshow', onPageShow);
      sessionStorage.removeItem(PENDING_SIGN_IN_KEY);
      reject(new SignInError(pending.provider, 'cancelled', 'came back without an answer'));
    };
    addEventListener('pageshow', onPageShow);
    signal.addEventListener('abort', () => {
      removeEventListener('pageshow', onPageShow);
      reject(signal.reason);
    });
    location.assign(url);
  });
}

/** How long a redirect may take before its answer is ignored. */
const REDIRECT_TTL_MS = 15 * 60_000;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A pending record as this element wrote it, or undefined (anything else in the slot is not trusted). */
function readPending(text: string | null): PendingRedirect | undefined {
  try {
    const record = JSON.parse(text ?? 'null') as Partial<PendingRedirect> | null;
    const valid =
      !!record &&
      Object.hasOwn(DEFAULT_AUTHORIZATION_ENDPOINTS, record.provider ?? '') &&
      isText(record.state) &&
      isText(record.redirectUri) &&
      isText(record.elementKey) &&
      typeof record.startedAt === 'number' &&
      isText(record.residence?.country) &&
      isText(record.residence?.dialCode) &&
      (record.nonce === undefined || isText(record.nonce)) &&
      (record.codeVerifier === undefined || isText(record.codeVerifier));
    return valid ? (record as PendingRedirect) : undefined;
  } catch {
    return undefined;
  }
}

/** The callback's answer: string parameters only. */
function readAnswer(text: string | null): Record<string, string> | undefined {
  try {
    const params = (JSON.parse(text ?? 'null') as { params?: unknown } | null)?.params;
    if (!params || typeof params !== 'object') return undefined;
    return Object.values(params).every((value) => typeof value === 'string') ? (params as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** What a full-page redirect left for the elements of this page, once taken out of sessionStorage. */
let returned: { pending?: PendingRedirect; params?: Record<string, string> } | undefined;

/**
 * After a full-page redirect: the answer for this element, with the request it
 * answers. The entry took both records out of sessionStorage when the page
 * loaded, whoever they are for, so no code, token or PKCE verifier stays there
 * once the page has come back, even on a page whose elements have no providers (an element of another key
 * finds its answer in this module's memory). An answer is used at most once;
 * one that is unreadable, unanswered or too old is dropped.
 */
export function takeRedirectAnswer(
  elementKey: string,
): { pending: PendingAuthorization; params: Record<string, string>; residence: PendingRedirect['residence'] } | undefined {
  if (!returned) {
    // Taken out of sessionStorage by the entry, on load (redirect-records.ts).
    const [pendingText, resultText] = redirectRecords.splice(0);
    returned = { pending: readPending(pendingText ?? null), params: readAnswer(resultText ?? null) };
  }
  const { pending, params } = returned;
  if (!pending || !params || pending.elementKey !== elementKey) return undefined;
  returned = {};
  if (Date.now() - pending.startedAt > REDIRECT_TTL_MS) return undefined;
  const { provider, state, nonce, codeVerifier, redirectUri, residence } = pending;
  return { pending: { provider, state, nonce, codeVerifier, redirectUri }, params, residence };
}
