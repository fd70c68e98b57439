/**
 * The steps after the account step: entering the code, and the outcome. Pure
 * template functions over explicit props: LaterStepsController owns the state
 * and the handlers.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../core/i18n/localize.js';
import type { ActionName } from './registration-controller.js';
import { secondsUntilResend, type CodeStep, type ConfirmStep, type RegisteringStep } from '../core/flow/steps.js';
import { renderField, renderFormError, renderPrimary } from '../element/templates.js';
import { renderWithAddress } from './address-sentence.js';

export interface CodeStepProps {
  t: Translation;
  step: CodeStep | RegisteringStep;
  code: string;
  busy?: ActionName;
  /** The message of the last failed action on this step, if any. */
  error?: string;
  /** The gateway refused the code itself (wrong, expired, too many tries): the field is marked and names the message. */
  codeRefused?: boolean;
  codeError?: string;
  /** The countdown's value when this code was sent or the step was shown (announced once). */
  countdownFrom?: number;
  /** Register's answer was lost: finding out whether it went through (said in the status region). */
  recovering?: boolean;
  onCodeInput: (event: InputEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  onResend: () => void;
  onChangeAccount: () => void;
}

export function renderCodeStep(props: CodeStepProps) {
  const { t, step, busy } = props;
  const seconds = step.name === 'code' ? secondsUntilResend(step, Date.now()) : 0;
  const resendBlocked = busy !== undefined || seconds > 0;
  const { account } = step;
  // The number as people read it (a step kept from before it was written down shows it as the gateway takes it),
  // with no-break spaces: a number read across two lines is misread.
  const destination =
    account.channel === 'email'
      ? account.email
      : (typeof account.international === 'string' ? account.international : `${account.phoneArea} ${account.nationalNumber}`).replace(/ /g, '\u00a0');
  // A spent ticket takes no code: the hints that ask for one go, and only "Send a new code" is left.
  // Otherwise the sixth digit submits the code, and the hint says so beforehand (WCAG 3.2.2).
  const hints = step.ticketSpent ? [] : ['code-hint', 'code-auto'];
  const describedBy = [...hints, 'code-error', ...(props.codeRefused ? ['code-refusal'] : [])].join(' ');
  return html`
    <form part="form" novalidate aria-label=${t.formLabel} @submit=${props.onSubmit}>
      ${hints.length
        ? html`<p class="hint" id="code-hint">${renderSentTo(t, destination)}</p>
            <p class="hint" id="code-auto">${t.codeAutoCheck}</p>`
        : nothing}
      ${renderField(
        'code',
        t.codeLabel,
        html`<input
          id="code"
          class="code-input"
          part="input code-input"
          type="text"
          name="code"
          autocomplete="one-time-code"
          inputmode="numeric"
          pattern="[0-9]*"
          dir="ltr"
          required
          ?readonly=${step.ticketSpent}
          .value=${live(props.code)}
          aria-invalid=${props.codeError || props.codeRefused ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${props.onCodeInput}
        />`,
        props.codeError,
      )}
      ${renderFormError(props.error ?? (step.ticketSpent ? t.requestNewCode : undefined), 'code-refusal')}
      ${step.ticketSpent ? nothing : renderPrimary(busy === 'register', busy === 'register' ? t.creatingAccount : t.createAccount)}
      ${account.channel === 'email' ? html`<p class="hint" id="code-spam">${t.codeCheckSpam}</p>` : nothing}
      <div class="secondary">
        <div class="resend">
        <button
          type="button"
          class="link"
          part="link"
          id="resend"
          aria-disabled=${resendBlocked ? 'true' : 'false'}
          aria-describedby="resend-wait"
          @click=${props.onResend}
        >
          ${busy === 'resend' ? t.resendingCode : t.resendCode}
        </button>
        <!-- The countdown ticks here, out of the button's name and out of the
             status region: a screen reader hears its start and its end, not every second. -->
        <span class="hint countdown" id="resend-wait" aria-hidden="true">${seconds > 0 ? t.resendIn(seconds) : ''}</span>
        </div>
        <button type="button" class="link" part="link" aria-disabled=${busy ? 'true' : 'false'} @click=${props.onChangeAccount}>
          ${account.channel === 'email' ? t.changeEmail : t.changePhone}
        </button>
      </div>
      <p class="hint" role="status">
        ${props.recovering ? t.checkingRegistration : progressNote(t, step, busy)}<span class="visually-hidden"
          >${busy === 'resend' ? '' : countdownAnnouncement(t, step, seconds, props.countdownFrom)}</span
        >
      </p>
    </form>
  `;
}

/**
 * "Enter the code we sent to <address>." with the address in bold, wherever
 * the language puts it, and isolated (FSI/PDI) so an address or number keeps
 * its order in right-to-left text.
 */
function renderSentTo(t: Translation, destination: string) {
  return renderWithAddress((address) => t.codeSentTo(address), `\u2068${destination}\u2069`, (address) => html`<strong class="destination">${address}</strong>`);
}

/** A new code on its way, said once it is: it replaces the earlier one (also when a lost answer may have brought two). */
function progressNote(t: Translation, step: CodeStep | RegisteringStep, busy: ActionName | undefined): string {
  if (busy === 'resend') return '';
  return step.codesMayDiffer ? t.useNewestCode : step.codesSent > 1 ? t.newCodeSent : '';
}

/**
 * What the status region tells a screen reader of the resend countdown (the
 * countdown itself is on screen under the button): when the next code can be
 * asked for, with the countdown's first value that stays put while it runs,
 * then that it can. Each changes once, so each is announced once.
 */
function countdownAnnouncement(t: Translation, step: CodeStep | RegisteringStep, seconds: number, countdownFrom: number | undefined): string {
  if (step.name !== 'code' || step.ticketSpent) return '';
  return ` ${seconds === 0 ? t.resendReady : t.resendIn(countdownFrom ?? seconds)}`;
}

export interface ConfirmStepProps {
  t: Translation;
  step: ConfirmStep;
  /** The provider's name as shown on its button. */
  providerName: string;
  busy?: ActionName;
  error?: string;
  onSubmit: (event: SubmitEvent) => void;
  onChangeAccount: () => void;
}

/**
 * A verified provider account waiting for a second action: the page is framed by
 * another origin, where one click could be a hidden one (clickjacking). The site's
 * terms were accepted on the first step, before the provider's button. The form
 * takes focus like an outcome panel does.
 */
export function renderConfirmStep(props: ConfirmStepProps) {
  const { t, step, busy } = props;
  return html`
    <form part="form" novalidate aria-label=${t.formLabel} id="outcome" tabindex="-1" @submit=${props.onSubmit}>
      <p class="hint">${t.providerSignedInAs(props.providerName, `\u2068${step.account.loginName}\u2069`)}</p>
      ${renderFormError(props.error)}
      ${renderPrimary(busy === 'register', busy === 'register' ? t.creatingAccount : t.createAccount)}
      <div class="secondary">
        <button type="button" class="link" part="link" aria-disabled=${busy ? 'true' : 'false'} @click=${props.onChangeAccount}>
          ${t.otherWay}
        </button>
      </div>
    </form>
  `;
}

export interface OutcomeProps {
  t: Translation;
  title: string;
  body: string;
  /** `success` offers the `success` slot and part; `panel` is the manual-review outcome (its text the `review` slot's). */
  kind: 'success' | 'panel';
  /** A link after the body (the site's sign-in page). */
  link?: { href: string; text: string };
  /** What follows registration, in the gateway's order and words (the register answer's `list` of levels). */
  nextSteps?: string[];
  /** Manual review: how the person will hear back. */
  contact?: string;
  /** The site's next page (`continue-url`), the outcome's one primary action. */
  continueHref?: string;
  /** "Start another registration", when the site offers it (`register-another`). */
  onStartOver?: () => void;
}

export function renderOutcome({ t, title, body, kind, link, nextSteps, contact, continueHref, onStartOver }: OutcomeProps) {
  const text = html`<p>${body}${link ? html` <a class="link" part="link" id="sign-in" href=${link.href}>${link.text}</a>` : nothing}</p>
    ${contact ? html`<p>${contact}</p>` : nothing}`;
  const next = nextSteps?.length
    ? html`<h3 class="subtitle" id="next-steps">${t.nextSteps}</h3>
        <ol class="next-steps" part="next-steps" aria-labelledby="next-steps">
          ${nextSteps.map((level) => html`<li>${level}</li>`)}
        </ol>`
    : nothing;
  const content = html`<h2 class="title">${title}</h2>
    ${kind === 'panel' ? html`<slot name="review">${text}</slot>` : html`${text}${next}`}`;
  // The panel itself takes focus (a site's own success content may replace the heading).
  return html`
    <div class="panel ${kind}" part=${kind} role="status" id="outcome" tabindex="-1">
      ${kind === 'success' ? html`<slot name="success">${content}</slot>` : content}
      ${continueHref ? html`<a class="primary" part="button continue" id="continue" href=${continueHref}>${t.continueLabel}</a>` : nothing}
      ${onStartOver ? html`<button type="button" class="link" part="link" @click=${onStartOver}>${t.startOver}</button>` : nothing}
    </div>
  `;
}
