/**
 * The MetaMask Mobile panel, shown while the SDK waits for the phone app when
 * no wallet is in this browser. On a computer the QR code is the way on; on a
 * phone the app is on the same device, so opening it comes first and the QR
 * code (for a second phone) after.
 */
import { html, nothing } from 'lit';
import type { Translation } from '../core/i18n/localize.js';
import { renderQrCode } from './qr-code-view.js';

// A type only: no code of the SDK's chunk comes with it.
import type { ConnectionQrCode } from './metamask-sdk.js';

/** Where MetaMask is downloaded: the extension on a computer, the app (by store) on a phone. */
export const METAMASK_DOWNLOAD_URL = 'https://metamask.io/download/';

/** This page in MetaMask Mobile's own browser, where the wallet is in the page: MetaMask's universal link for sites. */
export function openInMetaMaskUrl(): string {
  return `https://metamask.app.link/dapp/${location.host}${location.pathname}${location.search}`;
}

function renderInstallLink(t: Translation) {
  return html`<a class="link" part="link" href=${METAMASK_DOWNLOAD_URL} target="_blank" rel="noopener noreferrer">${t.walletInstall}</a>`;
}

/**
 * No wallet could be reached (no extension, and MetaMask's relay is blocked
 * or unreachable): the message and the ways on. On a phone, MetaMask opens
 * this page in its own browser, where the wallet is present, first; anywhere,
 * the download page. Focused and scrolled to when it appears.
 */
export function renderWalletUnavailable(message: string, t: Translation, options: { onPhone: boolean }) {
  return html`
    <div class="wallet-failure" part="wallet-failure">
      <p class="form-error" part="error" role="alert" id="wallet-failure-message" tabindex="-1">${message}</p>
      ${options.onPhone
        ? html`<a class="wallet-open primary" part="link" href=${openInMetaMaskUrl()} rel="noopener noreferrer">${t.walletOpenApp}</a>`
        : nothing}
      ${renderInstallLink(t)}
    </div>
  `;
}

export function renderWalletPanel(connection: ConnectionQrCode, t: Translation, options: { onPhone: boolean; cancel: unknown }) {
  // Only MetaMask's own https link is offered as a link (never a javascript: or custom-scheme URL from the SDK).
  const open = connection.link.startsWith('https://')
    ? html`<a class=${options.onPhone ? 'wallet-open primary' : 'link'} part="link" href=${connection.link} target="_blank" rel="noopener noreferrer"
        >${t.walletOpenApp}</a
      >`
    : nothing;
  return html`
    <div class="wallet-qr" part="wallet-qr" role="group" aria-labelledby="wallet-qr-title" tabindex="-1">
      ${options.onPhone ? open : nothing}
      <p class="wallet-qr-title" id="wallet-qr-title">${t.walletScanTitle}</p>
      ${renderQrCode(connection.modules, t.walletQrLabel)}
      <p class="hint">${t.walletScanHint}</p>
      ${options.onPhone ? nothing : html`${open} ${renderInstallLink(t)}`} ${options.cancel}
    </div>
  `;
}
