/**
 * The QR code the element shows for MetaMask Mobile (the SDK runs headless, so
 * the element draws the code itself): drawn as SVG, rasterised and read back
 * by a QR decoder, it must give the very link it encodes.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import encodeQR from '@paulmillr/qr';
import decodeQR from '@paulmillr/qr/decode.js';
import { qrPath, renderQrCode } from '../src/third-party/qr-code-view.js';
import { renderWalletPanel } from '../src/third-party/wallet-panel-view.js';

async function readBack(modules: boolean[][]): Promise<string> {
  const host = document.createElement('div');
  render(renderQrCode(modules, 'QR code'), host);
  const svgElement = host.querySelector('svg')!;
  expect(svgElement.getAttribute('aria-label')).to.equal('QR code');
  const markup = new XMLSerializer().serializeToString(svgElement);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const size = (modules.length + 8) * 8;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, size, size);
  const { data, width, height } = context.getImageData(0, 0, size, size);
  return decodeQR({ data, width, height });
}

describe('the MetaMask Mobile QR code', () => {
  it('reads back as the connection link it encodes', async () => {
    // A fixed link of the SDK's shape and length (a fixed code: the test is the same every run).
    const link = `https://metamask.app.link/connect?channelId=7f3c2a9e-4b1d-4e8a-9c6f-2d5b8e1a0c34&v=2&comm=socket&pubkey=${'ab12'.repeat(16)}&t=q`;
    expect(await readBack(encodeQR(link, 'raw', { ecc: 'medium', border: 0 }))).to.equal(link);
  });

  it('draws one rectangle per run of dark modules, and nothing for light ones', () => {
    expect(qrPath([[true, true, false, true], [false, false, false, false]])).to.equal('M0 0h2v1h-2zM3 0h1v1h-1z');
  });
});

describe('the MetaMask Mobile panel', () => {
  const connection = { link: 'https://metamask.app.link/connect?channelId=abc', modules: encodeQR('https://metamask.app.link/connect?channelId=abc', 'raw', { ecc: 'medium', border: 0 }) };

  async function panel(onPhone: boolean, link = connection.link) {
    const { default: t } = await import('../src/core/i18n/en-US.js');
    const host = document.createElement('div');
    render(renderWalletPanel({ ...connection, link }, t, { onPhone, cancel: html`<button id="wallet-cancel">${t.cancel}</button>` }), host);
    const order = [...host.querySelectorAll('a, svg.qr, button')].map((node) => node.tagName.toLowerCase());
    return { host, order, t };
  }

  it('on a computer: the QR code first, then the open-the-app link, Install MetaMask and Cancel', async () => {
    const { host, order, t } = await panel(false);
    expect(order).to.deep.equal(['svg', 'a', 'a', 'button']);
    const install = host.querySelectorAll('a')[1];
    expect(install.textContent!.trim()).to.equal(t.walletInstall);
    expect(install.getAttribute('href')).to.equal('https://metamask.io/download/');
  });

  it('on a phone: opening the app first, as the main action; the QR code (for another phone) after', async () => {
    const { host, order, t } = await panel(true);
    expect(order).to.deep.equal(['a', 'svg', 'button']);
    const open = host.querySelector('a')!;
    expect(open.textContent!.trim()).to.equal(t.walletOpenApp);
    expect(open.classList.contains('primary')).to.equal(true);
    expect(open.getAttribute('href')).to.equal(connection.link);
    expect(host.querySelector('.wallet-qr')!.getAttribute('tabindex'), 'focusable, so the element can move focus to it').to.equal('-1');
  });

  it('offers no link that is not https (only the QR code)', async () => {
    const { order } = await panel(true, 'javascript:alert(1)');
    expect(order).to.deep.equal(['svg', 'button']);
  });
});
