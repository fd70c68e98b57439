import { css } from 'lit';

/**
 * Theming goes through `--cr-*` custom properties (documented in README.md);
 * the element inherits the page's font and sets nothing outside its shadow root.
 * Logical properties throughout, so right-to-left languages lay out by themselves.
 */
/**
 * The dark scheme's colours: for theme="dark", for theme="auto" on a visitor's
 * prefers-color-scheme: dark, and for an unset theme on a dark page. Only the
 * controls are coloured: the element stays transparent with no padding of its
 * own, so it sits on the partner's dark page as part of it, not as a foreign card.
 */
const darkScheme = css`
  --cr-color-accent: #93b4ff;
  --cr-color-on-accent: #0b1220;
  --cr-color-text: #e5e7eb;
  --cr-color-muted: #aeb6c2;
  --cr-color-border: #6b7280;
  --cr-color-surface: #111827;
  --cr-color-error: #fca5a5;
  --cr-color-success: #6ee7b7;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --cr-color-accent: #1d4ed8;
    --cr-color-on-accent: #fff;
    --cr-color-text: #1f2937;
    --cr-color-muted: #4b5563;
    /* 3.8:1 on white: a control whose border is its only edge needs 3:1 (WCAG 1.4.11). */
    --cr-color-border: #7c8493;
    --cr-color-surface: #fff;
    --cr-color-error: #b91c1c;
    --cr-color-success: #047857;
    --cr-radius: 0.5rem;
    --cr-space: 1rem;
    --cr-font: inherit;
    --cr-control-height: 2.75rem;
    --cr-color-background: transparent;
    --cr-padding: 0;

    display: block;
    box-sizing: border-box;
    max-inline-size: 28rem;
    padding: var(--cr-padding);
    border-radius: var(--cr-radius);
    background: var(--cr-color-background);
    color: var(--cr-color-text);
    font: var(--cr-font);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  .pending {
    visibility: hidden;
  }
  /* Unset, the element fits the page it is on: light, or dark on a dark page (the
     element reads the page's colours: its :state(page-dark)). theme="dark" and
     theme="light" say which; theme="auto" follows the visitor's preference. */
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkScheme}
    }
  }
  :host([theme='dark']) {
    ${darkScheme}
  }
  /* A rule of its own: a browser without custom states drops only this one. */
  /* (theme reflects: unset reads as theme="", or no attribute before the first update.) */
  :host(:not([theme]):state(page-dark)),
  :host([theme='']:state(page-dark)) {
    ${darkScheme}
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* [lang]: the shadow root's top box, so the header slot and the offline notice get the form's gaps too. */
  [lang],
  form,
  .panel {
    display: grid;
    gap: var(--cr-space);
    margin: 0;
  }
  .field {
    display: grid;
    gap: calc(var(--cr-space) / 4);
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    inline-size: 100%;
    min-block-size: var(--cr-control-height);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--cr-color-border);
    border-radius: var(--cr-radius);
    background: var(--cr-color-surface);
  }
  /* Entry-drawn controls only; what only the registration chunk draws (the country select, an invalid field,
     a disabled link) is styled in src/registration/later-styles.ts. */
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--cr-color-accent);
    outline-offset: 2px;
  }
  /* The offline notice is the entry's only hint (its colour is the notice's own); the rest of .hint is in later-styles.ts. */
  .hint {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--cr-color-error);
  }
  .field-error:empty {
    display: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--cr-radius);
  }
  .primary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: var(--cr-control-height);
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: none;
    background: var(--cr-color-accent);
    color: var(--cr-color-on-accent);
    font-weight: 600;
  }
  .primary:hover:not([aria-disabled='true']) {
    filter: brightness(0.9);
  }
  /* Empty, out of the grid (no gap for nothing); still there to announce. */
  [part='offline']:empty {
    position: absolute;
  }
  /* Offline: a notice, not a hint (every other control waits on it). */
  [part='offline']:not(:empty) {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--cr-color-border);
    border-inline-start: 4px solid var(--cr-color-error);
    border-radius: var(--cr-radius);
    background: var(--cr-color-surface);
    color: var(--cr-color-text);
  }
  .link {
    padding: 0.25rem 0;
    border: none;
    background: none;
    color: var(--cr-color-accent);
    text-decoration: underline;
    text-align: start;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    border-block-end: 1px solid var(--cr-color-border);
  }
  /* Half the form each: 0.5rem at the sides leaves a short label ("Эл. почта", "Telefon") one line at 320 px. */
  .tab {
    flex: 1;
    min-block-size: var(--cr-control-height);
    padding: 0.5rem;
    border: none;
    border-block-end: 3px solid transparent;
    /* Square lower corners: a rounded corner curls the ends of the selected tab's bar. */
    border-end-start-radius: 0;
    border-end-end-radius: 0;
    background: none;
    color: var(--cr-color-muted);
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--cr-color-accent);
    color: var(--cr-color-text);
    font-weight: 600;
  }
  .spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
