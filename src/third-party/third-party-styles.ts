import { css } from 'lit';

/** The provider buttons: adopted by the element when the third-party chunk arrives. */
export const thirdPartyStyles = css`
  .providers {
    display: grid;
    gap: calc(var(--cr-space) * 0.75);
    margin-top: var(--cr-space);
  }
  .providers-label {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: 0;
    color: var(--cr-color-muted);
    font-size: 0.875em;
  }
  .providers-label::before,
  .providers-label::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--cr-color-border);
  }
  .provider-list {
    display: grid;
    gap: calc(var(--cr-space) * 0.75);
  }
  /* Compact: square buttons in rows, as many as fit. */
  .provider-list.icons {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: calc(var(--cr-space) * 0.375);
  }
  /* Square where there is room; down to 40 px wide so six fit one row at 320 px. */
  .icons .provider {
    flex: 1 1 0;
    min-inline-size: 40px;
    max-inline-size: var(--cr-control-height);
  }
  /*
   * Mark, label, and an empty column as wide as the mark: every mark sits in
   * one column at the start, and the label is centred on the button. The
   * padding and gaps leave the label 238 px of a 320 px form: one line for
   * "Continue with MetaMask" in every shipped language.
   */
  .provider {
    display: grid;
    grid-template-columns: 20px minmax(0, 1fr) 20px;
    align-items: center;
    gap: 0.5em;
    min-height: var(--cr-control-height);
    padding: 0 0.75em;
    border: 1px solid var(--cr-color-border);
    border-radius: var(--cr-radius);
    background: var(--cr-color-surface);
    color: var(--cr-color-text);
    font: inherit;
    cursor: pointer;
  }
  .icons .provider {
    grid-template-columns: 20px;
    justify-content: center;
    padding: 0;
  }
  .provider-text {
    text-align: center;
  }
  .provider:hover {
    border-color: var(--cr-color-accent);
  }
  .provider[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .mark {
    inline-size: 20px;
    block-size: 20px;
    box-sizing: border-box;
  }
  .wallet-qr {
    display: grid;
    justify-items: center;
    gap: calc(var(--cr-space) * 0.5);
    padding: var(--cr-space);
    border: 1px solid var(--cr-color-border);
    border-radius: var(--cr-radius);
    text-align: center;
  }
  .wallet-qr:focus {
    outline: none;
  }
  .wallet-qr:focus-visible {
    outline: 2px solid var(--cr-color-accent);
    outline-offset: 2px;
  }
  .wallet-failure {
    display: grid;
    justify-items: start;
    gap: calc(var(--cr-space) * 0.5);
  }
  .wallet-failure .form-error:focus {
    outline: none;
  }
  .wallet-failure .form-error:focus-visible {
    outline: 2px solid var(--cr-color-accent);
    outline-offset: 2px;
  }
  /* On a phone, opening the app is the main action. */
  .wallet-open.primary {
    display: flex;
    align-items: center;
    justify-content: center;
    justify-self: stretch;
    min-height: var(--cr-control-height);
    /* A label that wraps (ru, uk at 360 px) stays centred and off the edges. */
    padding: calc(var(--cr-space) * 0.25) var(--cr-space);
    box-sizing: border-box;
    text-align: center;
    border-radius: var(--cr-radius);
    background: var(--cr-color-accent);
    color: var(--cr-color-on-accent);
    font-weight: 600;
    text-decoration: none;
  }
  .wallet-qr-title {
    margin: 0;
    font-weight: 600;
  }
  .qr {
    width: min(240px, 100%);
    height: auto;
  }
`;
