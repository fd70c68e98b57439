/**
 * The MetaMask Mobile panel, shown while the SDK waits for the phone app when
 * no wallet is in this browser. On a computer the QR code is the way on; on a
 * phone the app is on the same device, so opening it comes first and the QR
 * code (for a second phone) after.
 */
import { html, nothing } from 'lit';
import type { Translation } from '../core/i18n/localize.js';
import { renderQrCode } from './qr-code-view.js';

export interface WalletConnection {
  /** MetaMask's connection link (what the QR code encodes). */
  link: string;
  modules: boolean[][];
}

/** A phone or tablet, by User-Agent Client Hints where the browser has them. */
export function isPhone(): boolean {
  const data = (navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  return data?.mobile ?? /Android|iPhone|iPad|iPod|Mobi/i.test(navigator.userAgent);
}

export function renderWalletPanel(connection: WalletConnection, t: Translation, options: { onPhone: boolean; cancel: unknown }) {
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
      ${options.onPhone ? nothing : open} ${options.cancel}
    </div>
  `;
}
