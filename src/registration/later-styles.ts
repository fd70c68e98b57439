import { css } from 'lit';

/**
 * Styles of the parts that only the lazy registration chunk renders (code step,
 * outcome, password, account types, terms). The element adopts them when that
 * chunk arrives, so the first step's stylesheet stays small.
 */
export const laterStyles = css`
  /* First, the rules moved out of the entry's stylesheet (only what this chunk draws uses them), in the order they
     had there, so that they win and lose against every other rule as before. */
  select:focus-visible {
    outline: 3px solid var(--cr-color-accent);
    outline-offset: 2px;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--cr-color-error);
  }
  .hint {
    color: var(--cr-color-muted);
    /* A long address or number ("we sent a code to ...") breaks anywhere (the entry's overflow-wrap) rather than
       push the form sideways, and as a grid item may be narrower than that unbroken word (WebKit sizes it by the
       word otherwise). */
    min-inline-size: 0;
  }
  .form-error:empty {
    display: none;
  }
  .link[aria-disabled='true'] {
    color: var(--cr-color-muted);
    text-decoration: none;
  }
  /* "Did you mean …?" (email-suggestion.ts): a live region that is always there, taking no room (nor a grid gap)
     while it has nothing to say, so the first step keeps the shape the entry drew. */
  #email-suggestion:empty {
    position: absolute;
  }
  /* An existing account: a notice, not an error, and its way on takes Send's place. The country field steps
     aside too, so the notice stands right under the address or number it is about (drawn from this chunk,
     so the entry's stylesheet does not grow). */
  form:has(> .exists) > .primary,
  form:has(> .exists) .field:has(> #country) {
    display: none;
  }
  .exists {
    display: grid;
    gap: var(--cr-space);
  }
  .notice {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cr-color-border);
    border-inline-start: 4px solid var(--cr-color-accent);
    border-radius: var(--cr-radius);
    background: var(--cr-color-surface);
    color: var(--cr-color-text);
  }
  /* Focus comes to the notice only so that it is read out; the ring belongs to what can be pressed. */
  .notice:focus {
    outline: none;
  }
  .exists .primary {
    text-decoration: none;
  }
  .exists .primary:focus-visible {
    outline: 3px solid var(--cr-color-accent);
    outline-offset: 2px;
  }
  .exists .link {
    justify-self: center;
  }
  /* As wide as six spaced digits and the caret, not the form: the field's size says what to type (GOV.UK). */
  .code-input {
    inline-size: calc(6.5ch + 2.4em + 1.5rem + 2px);
    max-inline-size: 100%;
    justify-self: start;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.4em;
    direction: ltr;
  }
  /* The address the code went to: the one thing on this line to check. */
  .destination {
    color: var(--cr-color-text);
  }
  /* Show/hide is an eye inside the field, at its end: the field is as wide as every other one. A password is
     written left to right in every language, so its end (and the eye) is on the right in right-to-left forms too. */
  .password-row {
    position: relative;
    direction: ltr;
  }
  .password-row input {
    padding-inline-end: var(--cr-control-height);
  }
  .password-toggle {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: var(--cr-control-height);
    display: grid;
    place-items: center;
    padding: 0;
    border: none;
    border-radius: var(--cr-radius);
    background: none;
    color: var(--cr-color-muted);
    cursor: pointer;
  }
  .password-toggle[aria-pressed='true'] {
    color: var(--cr-color-text);
  }
  .rules {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--cr-color-muted);
  }
  .rules .met {
    color: var(--cr-color-success);
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cr-space);
    margin: 0;
    padding: 0;
    border: none;
  }
  .choice legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--cr-space) / 4);
  }
  .terms {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .choice label {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
  }
  .terms input,
  .choice input {
    inline-size: auto;
    min-block-size: auto;
    margin-block-start: 0.25rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .secondary {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--cr-space) / 2);
  }
  /* "Send a new code" with its countdown under it. */
  .resend {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .countdown {
    font-size: 0.875em;
  }
  .title {
    margin: 0;
    font-size: 1.25em;
  }
  /* The outcome panel takes focus only so screen readers land on it; it is not a control. */
  #outcome:focus {
    outline: none;
  }
  /* The panel's grid gap alone spaces its parts: no default margins on top of it. */
  .panel p,
  .panel ol {
    margin: 0;
  }
  .subtitle {
    margin: 0 0 calc(var(--cr-space) / -2);
    font-size: 1em;
  }
  .next-steps {
    padding-inline-start: 1.25em;
  }
  .success .title {
    color: var(--cr-color-success);
  }
  /* The outcome's Continue: a link drawn as the primary button. */
  a.primary {
    text-decoration: none;
  }
`;
