/**
 * The first step, as drawn from the moment the element is defined: method
 * tabs, the e-mail field (or the phone field), the country of residence (on
 * both tabs: it may differ from a phone number's country), and Send. The
 * parts that need the gateway's country list or the page's settings come from
 * the lazy registration chunk once it is there; until then they are disabled
 * stand-ins, so the step never changes shape under the person's hands and the
 * e-mail field can be typed in at once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AccountChannel } from '../core/gateway/contract.js';
import type { Translation } from '../core/i18n/localize.js';
import type { FirstStepForm, RegistrationSession } from './registration-seam.js';
import { renderField, renderPrimary, renderRetry } from './templates.js';

export interface FirstStepProps {
  t: Translation;
  form: FirstStepForm;
  offered: AccountChannel[];
  /** Undefined until the registration chunk has arrived. */
  session?: RegistrationSession;
  /** Send was pressed and is under way (from before the chunk arrived, too). */
  sending: boolean;
  /** The registration chunk could not be loaded: said at the field waiting for it, with a way to try again. */
  loadFailed: boolean;
  onRetryLoad: () => void;
  /** The browser says it is offline (the chunk is fetched once it is back). */
  offline: boolean;
  onSubmit: (event: SubmitEvent) => void;
  /** Writing direction (the arrow keys follow it on the method tabs). */
  dir: 'ltr' | 'rtl';
  /** Shows a method; `focusTab` when chosen with the keyboard. */
  onSelectMethod: (method: AccountChannel, focusTab?: boolean) => void;
  onEmailInput: (event: InputEvent) => void;
}

export function renderFirstStep(props: FirstStepProps): TemplateResult {
  const { t, form, offered, session } = props;
  const tabbed = offered.length > 1;
  // Without the chunk there is no country list (nor phone field) on its way: say why, and offer to try again,
  // once, at the country field (on both tabs); the phone field only waits.
  const waiting = props.loadFailed || props.offline ? 'offline' : 'loading';
  const standIn: StandInState = props.loadFailed ? { message: t.network, onRetry: props.onRetryLoad } : waiting;
  return html`
    <form part="form" novalidate aria-label=${t.formLabel} @submit=${props.onSubmit}>
      ${tabbed ? renderMethodTabs(props) : nothing}
      <div class="panel" id="account-panel" role=${tabbed ? 'tabpanel' : nothing} aria-labelledby=${tabbed ? `tab-${form.method}` : nothing}>
        ${form.method === 'phone'
          ? renderField('phone', t.phoneLabel, session?.renderPhone() ?? renderPhoneStandIn(t, waiting), form.errors.phone)
          : renderEmailField(props)}
        ${renderField('country', t.countryLabel, session?.renderCountry() ?? renderCountryStandIn(t, standIn), form.errors.country)}
      </div>
      ${session?.renderPageOptions() ?? nothing}
      ${renderPrimary(props.sending, props.sending ? t.sendingCode : t.sendCode, props.sending || props.offline)} ${session?.renderProviders() ?? nothing}
    </form>
  `;
}

/**
 * The e-mail / phone switch (WAI-ARIA tabs). Its arrow keys are here, not in
 * the registration chunk: a key pressed before the chunk arrives is not lost.
 */
function renderMethodTabs(props: FirstStepProps) {
  const { t, form, offered, onSelectMethod } = props;
  const labels: Record<AccountChannel, string> = { email: t.methodEmail, phone: t.methodPhone };
  return html`
    <div class="tabs" part="tabs" role="tablist" aria-label=${t.methodLabel} @keydown=${(event: KeyboardEvent) => onTabKeydown(event, props)}>
      ${offered.map(
        (method) => html`
          <button
            type="button"
            class="tab"
            part="tab"
            role="tab"
            id="tab-${method}"
            aria-selected=${method === form.method ? 'true' : 'false'}
            aria-controls="account-panel"
            tabindex=${method === form.method ? 0 : -1}
            @click=${() => onSelectMethod(method)}
          >
            ${labels[method]}
          </button>
        `,
      )}
    </div>
  `;
}

/** Arrow keys, Home and End move between the method tabs. */
function onTabKeydown(event: KeyboardEvent, { offered, form, dir, onSelectMethod }: FirstStepProps) {
  const index = offered.indexOf(form.method);
  // Right moves forward in left-to-right text, backward in right-to-left.
  const forward = dir === 'rtl' ? -1 : 1;
  const next = { ArrowRight: index + forward, ArrowLeft: index - forward, Home: 0, End: offered.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  onSelectMethod(offered[(next + offered.length) % offered.length], true);
}

function renderEmailField({ t, form, session, onEmailInput }: FirstStepProps) {
  return renderField(
    'email',
    t.emailLabel,
    // The registration chunk's "Did you mean …?" comes right under the input.
    [
      html`<input
        id="email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        inputmode="email"
        spellcheck="false"
        maxlength="254"
        dir="ltr"
        required
        .value=${form.email}
        aria-invalid=${form.errors.email ? 'true' : 'false'}
        aria-describedby="email-error email-suggestion"
        @input=${onEmailInput}
      />`,
      session?.renderEmailHint(),
    ],
    form.errors.email,
  );
}

/**
 * Why a stand-in is there: its part is loading; the browser is offline (the
 * offline notice says so, and it loads once the network is back), or another
 * field says what failed (both read as 'offline': waiting, not busy); or it
 * failed (then with the reason and a retry).
 */
export type StandInState = 'loading' | 'offline' | { message: string; onRetry: () => void };

/** The country select until its list is there. */
export function renderCountryStandIn(t: Translation, state: StandInState = 'loading') {
  const loading = state === 'loading';
  // The field stays (its label keeps a control), disabled until the list is there.
  return html`
    <select id="country" part="input" name="country" disabled aria-busy=${loading ? 'true' : 'false'}>
      <option>${loading ? t.countriesLoading : t.countryPlaceholder}</option>
    </select>
    ${typeof state === 'object' ? renderRetry(state.message, t.retry, state.onRetry) : nothing}
  `;
}

/** The phone input until its field is there. */
export function renderPhoneStandIn(t: Translation, state: StandInState = 'loading') {
  const loading = state === 'loading';
  return html`<input
      id="phone"
      part="input"
      type="tel"
      disabled
      aria-busy=${loading ? 'true' : 'false'}
      placeholder=${loading ? t.phoneLoading : ''}
    />${typeof state === 'object' ? renderRetry(state.message, t.retry, state.onRetry) : nothing}`;
}
