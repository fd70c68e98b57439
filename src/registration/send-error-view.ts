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
  const href = signInUrl(error.account);
  const email = error.account.channel === 'email';
  return html`<div class="exists" part="account-exists">
    <p class="notice" part="notice" role="status" id="send-error" tabindex="-1">
      ${errorMessage(error, t)}${href ? nothing : html` ${t.accountExistsNoLink}`}
    </p>
    ${href ? html`<a class="primary" part="button sign-in" id="sign-in" href=${href}>${t.signIn}</a>` : nothing}
    <button type="button" class="link" part="link" id="use-another" @click=${onUseAnother}>
      ${email ? t.useAnotherEmail : t.useAnotherPhone}
    </button>
  </div>`;
}
