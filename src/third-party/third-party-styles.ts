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
  .provider {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.6em;
    min-height: var(--cr-control-height);
    padding: 0 1em;
    border: 1px solid var(--cr-color-border);
    border-radius: var(--cr-radius);
    background: var(--cr-color-surface);
    color: var(--cr-color-text);
    font: inherit;
    cursor: pointer;
  }
  .provider:hover {
    border-color: var(--cr-color-accent);
  }
  .provider[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .mark {
    flex: none;
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
  .wallet-qr-title {
    margin: 0;
    font-weight: 600;
  }
  .qr {
    width: min(240px, 100%);
    height: auto;
  }
`;
