/**
 * The first step's failure message. An account that exists already is told so
 * with a way on: a "Sign in" link to the site's sign-in page, when the site
 * gave one (`login-url`). The message can take focus (it is where the person
 * continues). Part of the lazy registration chunk.
 */
import { html, nothing } from 'lit';
import type { Translation } from '../core/i18n/localize.js';
import type { Account } from '../core/gateway/account.js';
import { errorMessage } from './error-message.js';
import { AccountExistsError } from '../core/flow/registration-flow.js';

export function renderSendError(error: unknown, t: Translation, signInUrl: (account: Account) => string | undefined) {
  if (error === undefined) return nothing;
  const href = error instanceof AccountExistsError ? signInUrl(error.account) : undefined;
  return html`<p class="form-error" part="error" role="alert" id="send-error" tabindex="-1">
    ${errorMessage(error, t)}${href ? html` <a class="link" part="link" href=${href}>${t.signIn}</a>` : nothing}
  </p>`;
}
