/**
 * The first step's failure message. An account that exists already is no
 * error: a neutral notice right under the identifier (the country field and
 * Send step aside, laterStyles), with "Sign in" as the primary action when the
 * site gave its sign-in page (`login-url`), and a way back to try another
 * address or number. Without `login-url` the notice itself says where to go.
 * The message takes focus (it is where the person continues). Part of the lazy
 * registration chunk.
 */
import { html, nothing } from 'lit';
import type { Translation } from '../core/i18n/localize.js';
import type { Account } from '../core/gateway/account.js';
import { errorMessage } from './error-message.js';
import { AccountExistsError } from '../core/flow/registration-flow.js';

/**
 * "You have an account already" as a notice, not an error: the message, then
 * "Sign in" as the primary action to the site's sign-in page, or, without one,
 * where to sign in (said once: the message already asks for it), then what
 * else there is to do. The e-mail/phone step and the provider buttons draw the
 * same notice.
 */
export function renderAccountExists(message: string, t: Translation, href: string | undefined, noticeId: string, more: unknown = nothing) {
  return html`<div class="exists" part="account-exists">
    <p class="notice" part="notice" role="status" id=${noticeId} tabindex="-1">${message}${href ? nothing : html` ${t.accountExistsNoLink}`}</p>
    ${href ? html`<a class="primary" part="button sign-in" id="sign-in" href=${href}>${t.signIn}</a>` : nothing}${more}
  </div>`;
}

export function renderSendError(
  error: unknown,
  t: Translation,
  signInUrl: (account: Account) => string | undefined,
  onUseAnother: () => void,
) {
  if (error === undefined) return nothing;
  if (!(error instanceof AccountExistsError)) {
    return html`<p class="form-error" part="error" role="alert" id="send-error" tabindex="-1">${errorMessage(error, t)}</p>`;
  }
  const email = error.account.channel === 'email';
  return renderAccountExists(
    errorMessage(error, t),
    t,
    signInUrl(error.account),
    'send-error',
    html`<button type="button" class="link" part="link" id="use-another" @click=${onUseAnother}>
      ${email ? t.useAnotherEmail : t.useAnotherPhone}
    </button>`,
  );
}
