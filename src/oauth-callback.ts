/**
 * The callback page's script (dist/oauth-callback.html): where a provider
 * sends the person back after signing in. It hands the provider's answer to
 * the element and goes away:
 *  - in the sign-in popup: posted to the opener, to this page's own origin only
 *    (so the answer never reaches another site), then the popup closes;
 *  - in a popup whose opener link was cut: on a same-origin BroadcastChannel;
 *  - after a full-page redirect: kept in sessionStorage, then back to the page
 *    the sign-in started from (only if it is on this origin).
 * The page must therefore be served from the origin of the pages that embed
 * the element. It checks nothing itself: the element checks `state` and origin.
 */
import {
  CALLBACK_CHANNEL,
  CALLBACK_MESSAGE,
  callbackParams,
  PENDING_SIGN_IN_KEY,
  POPUP_NAME,
  SIGN_IN_RESULT_KEY,
  type CallbackMessage,
} from './third-party/callback-protocol.js';

const message: CallbackMessage = { type: CALLBACK_MESSAGE, params: callbackParams(new URL(location.href)) };
// Tokens and codes leave the address bar and the history entry at once.
history.replaceState(null, '', location.pathname);

if (opener && !opener.closed) {
  opener.postMessage(message, location.origin);
  close();
} else if (window.name === POPUP_NAME) {
  new BroadcastChannel(CALLBACK_CHANNEL).postMessage(message);
  close();
} else {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_SIGN_IN_KEY) ?? 'null') as { returnTo?: string } | null;
  const returnTo = pending?.returnTo && URL.canParse(pending.returnTo) ? new URL(pending.returnTo) : undefined;
  if (returnTo?.origin === location.origin) {
    sessionStorage.setItem(SIGN_IN_RESULT_KEY, JSON.stringify({ params: message.params }));
    location.replace(returnTo.href);
  }
}
