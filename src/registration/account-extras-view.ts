/**
 * The optional parts of the account step a site can switch on: a password
 * field with its rules, the individual / enterprise choice, and the site's
 * terms with their checkbox. Template functions over explicit props; part of
 * the lazy registration chunk, so a page that uses none of them never pays for them.
 */
import { html, nothing, svg } from 'lit';
import { renderField } from '../element/templates.js';
import type { Translation } from '../core/i18n/localize.js';
import type { AccountType } from '../core/gateway/contract.js';
import { PASSWORD_RULES, passwordRuleResults } from '../core/embedding/password.js';

/** An eye, struck through while the password is shown (the press hides it again). Decorative: the button is named. */
function eye(struck: boolean) {
  return svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>${struck ? svg`<path d="M4 4l16 16"/>` : nothing}
  </svg>`;
}

export interface PasswordFieldProps {
  t: Translation;
  mode: 'optional' | 'required';
  value: string;
  visible: boolean;
  error?: string;
  onInput: (event: InputEvent) => void;
  onToggle: () => void;
}

export function renderPasswordField({ t, mode, value, visible, error, onInput, onToggle }: PasswordFieldProps) {
  const results = passwordRuleResults(value);
  const ruleText = { length: t.passwordRuleLength, letter: t.passwordRuleLetter, digit: t.passwordRuleDigit };
  return renderField(
    'password',
    mode === 'optional' ? t.passwordOptionalLabel : t.passwordLabel,
    html`
      <div class="password-row">
        <input
          id="password"
          part="input password-input"
          type=${visible ? 'text' : 'password'}
          name="new-password"
          autocomplete="new-password"
          spellcheck="false"
          maxlength="64"
          dir="ltr"
          ?required=${mode === 'required'}
          .value=${value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="password-rules password-error"
          @input=${onInput}
        />
        <button
          type="button"
          class="password-toggle"
          part="password-toggle"
          aria-label=${t.showPassword}
          title=${t.showPassword}
          aria-pressed=${visible ? 'true' : 'false'}
          aria-controls="password"
          @click=${onToggle}
        >
          ${eye(visible)}
        </button>
      </div>
      <ul id="password-rules" class="rules" part="password-rules">
        ${PASSWORD_RULES.map(
          (rule) => html`<li class=${results[rule] ? 'met' : ''}>
            <span aria-hidden="true">${results[rule] ? '✓' : '•'}</span> ${ruleText[rule]}<span class="visually-hidden"
              >${results[rule] ? t.passwordRuleMet : ''}</span
            >
          </li>`,
        )}
      </ul>
    `,
    error,
  );
}

export interface AccountTypesProps {
  t: Translation;
  offered: AccountType[];
  chosen?: AccountType;
  onChoose: (type: AccountType) => void;
}

export function renderAccountTypes({ t, offered, chosen, onChoose }: AccountTypesProps) {
  if (offered.length < 2) return nothing;
  const labels: Record<AccountType, string> = { individual: t.accountIndividual, enterprise: t.accountEnterprise };
  return html`
    <fieldset class="choice" part="account-types">
      <legend>${t.accountTypeLabel}</legend>
      ${offered.map(
        (type) => html`
          <label>
            <input type="radio" name="account-type" value=${type} .checked=${type === chosen} @change=${() => onChoose(type)} />
            ${labels[type]}
          </label>
        `,
      )}
    </fieldset>
  `;
}

export interface TermsProps {
  accepted: boolean;
  error?: string;
  onChange: (event: Event) => void;
  /** The site changed the slotted terms: drawn again. */
  onSlotChange: () => void;
}

/**
 * The site's terms (the `terms` slot) with the checkbox that names them: checked on
 * Send and at a provider's button like a field, so nothing is sent before they are
 * accepted and nothing typed later is refused for them.
 */
export function renderTerms({ accepted, error, onChange, onSlotChange }: TermsProps) {
  return html`
    <div class="field" part="field">
      <div class="terms" part="terms">
        <input
          id="terms"
          type="checkbox"
          required
          .checked=${accepted}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="terms-error"
          @change=${onChange}
        />
        <label for="terms"><slot name="terms" @slotchange=${onSlotChange}></slot></label>
      </div>
      <p id="terms-error" class="field-error" part="field-error">${error ?? ''}</p>
    </div>
  `;
}
