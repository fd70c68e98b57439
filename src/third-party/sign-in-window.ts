/**
 * Getting the provider's answer back: through a popup (the callback page posts
 * it to this window), or, when the browser blocks popups, through a full-page
 * redirect whose answer the callback page leaves in sessionStorage for the
 * element to pick up after the page loads again.
 */
import {
  CALLBACK_CHANNEL,
  isCallbackMessage,
  PENDING_SIGN_IN_KEY,
  POPUP_NAME,
  SIGN_IN_RESULT_KEY,
} from './callback-protocol.js';
import type { PendingAuthorization } from './adapters/adapter.js';
import { SignInError } from './sign-in-error.js';
import type { RedirectProvider } from './provider-endpoints.js';

/**
 * Opens the sign-in popup, empty, centred over the page. Must run in the
 * click's own task (a popup needs the user's gesture); it is sent to the
 * provider once the request is ready. Null when the browser blocked it.
 */
export function openSignInPopup(): Window | null {
  const width = 500;
  const height = 640;
  const left = Math.max(0, screenX + (outerWidth - width) / 2);
  const top = Math.max(0, screenY + (outerHeight - height) / 2);
  return open('about:blank', POPUP_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`);
}

/** How often a popup is checked for having been closed. */
const CLOSED_POLL_MS = 400;

/**
 * Waits for the callback page in `popup` to post the provider's answer.
 * Only a message from the callback page's origin and from this popup counts;
 * a sign-in answer from any other origin is refused outright (and ends the
 * attempt), as is a popup closed without an answer (quietly: 'cancelled').
 */
export function awaitPopupAnswer(
  popup: Window,
  provider: RedirectProvider,
  callbackOrigin: string,
  signal: AbortSignal,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    // A popup whose opener link a provider page cut (Cross-Origin-Opener-Policy)
    // answers on a same-origin channel instead.
    const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel(CALLBACK_CHANNEL) : undefined;
    const finish = (outcome: () => void) => {
      removeEventListener('message', onMessage);
      channel?.close();
      clearInterval(poll);
      signal.removeEventListener('abort', onAbort);
      if (!popup.closed) popup.close();
      outcome();
    };
    const onMessage = (event: MessageEvent) => {
      if (!isCallbackMessage(event.data)) return;
      if (event.origin !== callbackOrigin) {
        finish(() => reject(new SignInError(provider, 'foreign-origin', event.origin)));
        return;
      }
      // Another element's popup on the same page: not ours.
      if (event.source !== popup) return;
      finish(() => resolve(event.data.params));
    };
    const onChannel = (event: MessageEvent) => {
      if (isCallbackMessage(event.data)) finish(() => resolve(event.data.params));
    };
    const onAbort = () => finish(() => reject(signal.reason));
    addEventListener('message', onMessage);
    channel?.addEventListener('message', onChannel);
    signal.addEventListener('abort', onAbort);
    const poll = setInterval(() => {
      if (popup.closed) finish(() => reject(new SignInError(provider, 'cancelled')));
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

/** Sends the whole page to the provider, remembering what to check its answer against. */
export function redirectToProvider(
  url: string,
  pending: PendingAuthorization,
  elementKey: string,
  residence: PendingRedirect['residence'],
): void {
  const record: PendingRedirect = { ...pending, elementKey, residence, returnTo: location.href, startedAt: Date.now() };
  sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(record));
  sessionStorage.removeItem(SIGN_IN_RESULT_KEY);
  location.assign(url);
}

/** How long a redirect may take before its answer is ignored. */
const REDIRECT_TTL_MS = 15 * 60_000;

/**
 * After a full-page redirect: the answer for this element, with the request it
 * answers. Both records are removed as they are read, so an answer is used at
 * most once; one left by another element is left alone.
 */
export function takeRedirectAnswer(
  elementKey: string,
): { pending: PendingAuthorization; params: Record<string, string>; residence: PendingRedirect['residence'] } | undefined {
  let pending: PendingRedirect | undefined;
  let answer: { params?: unknown } | undefined;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING_SIGN_IN_KEY) ?? 'null') ?? undefined;
    answer = JSON.parse(sessionStorage.getItem(SIGN_IN_RESULT_KEY) ?? 'null') ?? undefined;
  } catch {
    pending = undefined;
  }
  if (!pending || pending.elementKey !== elementKey) return undefined;
  sessionStorage.removeItem(PENDING_SIGN_IN_KEY);
  sessionStorage.removeItem(SIGN_IN_RESULT_KEY);
  if (!answer || !isCallbackMessage({ type: 'customer-register:sign-in-callback', params: answer.params })) return undefined;
  if (Date.now() - pending.startedAt > REDIRECT_TTL_MS) return undefined;
  const { provider, state, nonce, codeVerifier, redirectUri, residence } = pending;
  return { pending: { provider, state, nonce, codeVerifier, redirectUri }, params: answer.params as Record<string, string>, residence };
}
