/**
 * The callback page's script (dist/oauth-callback.html): where a provider
 * sends the person back after signing in. It hands the provider's answer to
 * the element and goes away:
 *  - in the sign-in popup: posted to the opener, to this page's own origin only
 *    (so the answer never reaches another site), and only once the opener asks
 *    for this attempt's answer (so it never reaches another page of this site
 *    that the opener went on to; that page is only told, with nothing in it,
 *    that an answer waits, on which the element asks); the popup closes when the
 *    element says it has the answer (or closes it), never before, so a busy
 *    page cannot take the closing for a cancel;
 *  - after a full-page redirect (a pending sign-in is in sessionStorage): the
 *    answer is kept there, and the page goes back to where the sign-in started
 *    (only if that is on this origin), whose element checks it.
 * The page must therefore be served from the origin of the pages that embed
 * the element. It checks nothing else: the element checks `state` and origin.
 */
import {
  CALLBACK_MESSAGE,
  CALLBACK_WAITING,
  callbackParams,
  isCallbackAck,
  isCallbackReady,
  PENDING_SIGN_IN_KEY,
  POPUP_NAME,
  SIGN_IN_RESULT_KEY,
  type CallbackMessage,
} from './third-party/callback-protocol.js';

/** How long the popup waits for the element's acknowledgement before closing anyway. */
const ACK_WAIT_MS = 60_000;

const message: CallbackMessage = { type: CALLBACK_MESSAGE, params: callbackParams(new URL(location.href)) };
// Tokens and codes leave the address bar and the history entry at once.
history.replaceState(null, '', location.pathname);

function pendingRedirect(): { state?: unknown; returnTo?: unknown } | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(PENDING_SIGN_IN_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

const pending = pendingRedirect();
const returnTo = typeof pending?.returnTo === 'string' && URL.canParse(pending.returnTo) ? new URL(pending.returnTo) : undefined;

const inPopup = !!opener && window.name.startsWith(POPUP_NAME);
// A popup answers its opener, unless the answer is the one a redirect in this
// very tab waits for (sessionStorage is copied into popups, so a stale record
// may be there). A tab with an opener of its own (a sign-up page opened by a
// link) is not named as a popup, so its redirect comes back here too.
if (inPopup && !(pending && pending.state === message.params.state)) {
  const openerWindow: Window = opener;
  // This attempt: the suffix the element gave the popup's name.
  const attempt = window.name.slice(POPUP_NAME.length);
  let answered = false;
  addEventListener('message', (event) => {
    if (event.source !== openerWindow || event.origin !== location.origin) return;
    if (isCallbackAck(event.data)) close();
    // The answer only to the element that asks for this attempt (it asks until it has it), once.
    else if (!answered && isCallbackReady(event.data, attempt)) {
      answered = true;
      openerWindow.postMessage(message, location.origin);
    }
  });
  // Tells the opener that an answer waits, and nothing more: its element asks at once.
  openerWindow.postMessage({ type: CALLBACK_WAITING }, location.origin);
  // An opener that never answers (its page went elsewhere) does not keep an
  // empty window open for ever.
  setTimeout(close, ACK_WAIT_MS);
} else if (returnTo?.origin === location.origin) {
  sessionStorage.setItem(SIGN_IN_RESULT_KEY, JSON.stringify({ params: message.params }));
  location.replace(returnTo.href);
} else {
  // Nowhere to return to: the sign-in is over, and its verifier and nonce go.
  sessionStorage.removeItem(PENDING_SIGN_IN_KEY);
}
