/**
 * MetaMask registration through the element, end to end: an injected EIP-1193
 * wallet (a real secp256k1 key, announced by EIP-6963) signs the element's
 * EIP-4361 message; the reference gateway verifies it and registers type 3.
 */
import { loadTranslation } from '../src/core/i18n/locale-catalog.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { alerts, embedded, mount, query } from './support/harness.js';
import { customersOf, gatewayUrl, requestsOf, uniqueCompanyId } from './support/reference-gateway.js';
import { acceptedProofs } from './support/identity-providers.js';
import { installTestWallet, type TestWallet, type TestWalletOptions } from './support/test-wallet.js';
import type { CustomerRegister } from '../src/customer-register.js';

let wallet: TestWallet | undefined;

afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
});

async function mountWithWallet(options: TestWalletOptions = {}, lang = 'en-US') {
  wallet = installTestWallet(options);
  const mounted = await mount({ companyId: uniqueCompanyId('metamask'), country: 'CN', lang, attributes: { providers: 'metamask' } });
  const button = await metamaskButton(mounted.el);
  return { ...mounted, button, wallet };
}

async function metamaskButton(el: CustomerRegister): Promise<HTMLButtonElement> {
  await waitUntil(
    () => query(el, 'button[data-provider="metamask"]') && query(el, '#country:not([disabled])'),
    'no MetaMask button',
  );
  return query<HTMLButtonElement>(el, 'button[data-provider="metamask"]')!;
}

async function errorShown(el: CustomerRegister): Promise<string> {
  await waitUntil(() => alerts(el).length > 0, 'no error was shown');
  return alerts(el).join(' ');
}

describe('MetaMask registration', () => {
  // First in the file: once a test has clicked MetaMask, the page has the module cached.
  it('never requests the MetaMask code (adapter or SDK) before MetaMask is clicked, nor the SDK with an injected wallet', async () => {
    const before = () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /metamask/i.test(new URL(name).pathname));
    performance.clearResourceTimings();
    const { el, button } = await mountWithWallet();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(before()).to.deep.equal([]);
    const registered = oneEvent(el, 'registered');
    button.click();
    await registered;
    const loaded = before().map((name) => new URL(name).pathname);
    expect(loaded.some((path) => path.endsWith('/adapters/metamask.ts'))).to.equal(true);
    expect(loaded.some((path) => path.includes('metamask-sdk'))).to.equal(false);
  });
  it('registers with a signed sign-in message naming this site, its chain and a fresh nonce', async () => {
    const { el, companyId, button, wallet } = await mountWithWallet();
    expect(button.textContent!.trim()).to.equal('Continue with MetaMask');
    const registered = oneEvent(el, 'registered');
    button.click();
    const event = await registered;
    expect(event.detail.customerNo).to.match(/^\d+$/);

    const [message] = wallet.signed;
    expect(message.split('\n')[0]).to.equal(`${location.host} wants you to sign in with your Ethereum account:`);
    expect(message).to.contain(`\n${wallet.account.address}\n`);
    expect(message).to.contain(`URI: ${location.origin}\n`);
    expect(message).to.contain('Chain ID: 1\n');
    expect(message).to.match(/\nNonce: [0-9a-f]{32}\n/);
    expect(message).to.match(/\nIssued At: \S+Z\nExpiration Time: \S+Z$/);

    // The nonce is the gateway's (red team F6): asked for once, right before the wallet signs.
    const calls = (await requestsOf(companyId)).map((request) => request.call).filter((call) => call.startsWith('metamask') || call === 'register');
    expect(calls).to.deep.equal(['metamaskNonce', 'metamaskVerify', 'register']);
    const [verify] = await requestsOf(companyId, 'metamaskVerify');
    const signature = await wallet.account.signMessage({ message });
    expect(verify.body).to.deep.equal({ address: wallet.account.address, message, signature });
    const [customer] = await customersOf(companyId);
    const nonce = /Nonce: (\w+)/.exec(message)![1];
    expect(customer.registerBody).to.include({
      type: 3,
      thirdServerSource: 'metamask',
      thirdServerCode: wallet.account.address,
      loginName: wallet.account.address,
      sendToken: nonce,
      verifyCode: (await acceptedProofs(companyId))[0].verifyTicket,
    });
    expect((await requestsOf(companyId, 'register'))[0].raw, 'the signature re-sent to register').to.not.include(signature);
  });

  it('signs a statement in the element\'s language', async () => {
    const { el, button, wallet } = await mountWithWallet({}, 'zh-CN');
    const registered = oneEvent(el, 'registered');
    button.click();
    await registered;
    const zh = await loadTranslation('zh-CN');
    expect(zh.walletStatement).to.match(/^请登录/);
    expect(wallet.signed[0].split('\n')[3]).to.equal(zh.walletStatement);
  });

  it('refuses a signature by another key than the account\'s, and registers nothing', async () => {
    const { el, companyId, button } = await mountWithWallet({ wrongSigner: true });
    button.click();
    expect(await errorShown(el)).to.equal((await loadTranslation('en-US')).providerRejected('MetaMask'));
    expect(await customersOf(companyId)).to.have.length(0);
    expect(await requestsOf(companyId, 'register')).to.have.length(0);
  });

  it('refuses a signature over a changed message, and registers nothing', async () => {
    const { el, companyId, button } = await mountWithWallet({ tamper: (message) => message.replace('Chain ID: 1', 'Chain ID: 5') });
    button.click();
    expect(await errorShown(el)).to.equal((await loadTranslation('en-US')).providerRejected('MetaMask'));
    expect(await customersOf(companyId)).to.have.length(0);
  });

  it('says calmly that the request was declined in the wallet, and stays usable', async () => {
    const { el, companyId, button } = await mountWithWallet({ behaviour: 'reject' });
    button.click();
    expect(await errorShown(el)).to.equal('You declined the request in your wallet. Nothing was registered.');
    expect(await requestsOf(companyId, 'metamaskVerify')).to.have.length(0);
    // The way back: the button works again, and the e-mail form is still there.
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
    expect(query(el, '#email')).to.not.equal(null);
  });

  it('asks to unlock a wallet that shares no account', async () => {
    const { el, companyId, button } = await mountWithWallet({ behaviour: 'locked' });
    button.click();
    expect(await errorShown(el)).to.contain('Unlock it');
    expect(await requestsOf(companyId, 'metamaskVerify')).to.have.length(0);
  });


  it('Cancel while the wallet has not answered ends the sign-in quietly and gives focus back to the button', async () => {
    const { el, companyId, button, wallet } = await mountWithWallet({ behaviour: 'hang' });
    button.click();
    await waitUntil(() => wallet.signed.length === 1 && query(el, '#wallet-cancel'), 'no Cancel while the wallet is asked');
    const cancel = query<HTMLButtonElement>(el, '#wallet-cancel')!;
    expect(cancel.textContent!.trim()).to.equal('Cancel');
    cancel.focus();
    cancel.click();
    await waitUntil(() => query(el, 'button[data-provider="metamask"]')?.getAttribute('aria-busy') === 'false', 'still busy after Cancel');
    expect(query(el, '#wallet-cancel')).to.equal(null);
    expect(alerts(el)).to.deep.equal([]);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-provider') === 'metamask', 'focus did not go back to the button');
    expect(await requestsOf(companyId, 'metamaskVerify')).to.have.length(0);
  });

  it('reset() while the wallet has not answered returns to the start, usable, without an error', async () => {
    const { el, companyId, button, wallet } = await mountWithWallet({ behaviour: 'hang' });
    button.click();
    await waitUntil(() => wallet.signed.length === 1, 'the wallet was never asked to sign');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    el.reset();
    await waitUntil(() => query(el, 'button[data-provider="metamask"]')?.getAttribute('aria-busy') === 'false', 'still busy after reset');
    expect(alerts(el)).to.deep.equal([]);
    expect(query(el, 'button[type=submit]')!.getAttribute('aria-disabled')).to.equal('false');
    expect(await requestsOf(companyId, 'metamaskVerify')).to.have.length(0);
  });
});

/**
 * The built element in a page of its own (a frame) with no wallet in it, so
 * that clicking MetaMask loads the SDK chunk. Its relay is the reference
 * gateway's stand-in (test/support/local-identity-providers.js), or `relay`;
 * the page's CSP (`offline-relays`) blocks the stand-in's ws:// unless `relay`
 * is given, which it then allows.
 */
async function sdkPage(options: { relay?: string; phone?: boolean; height?: number } = {}) {
  const companyId = uniqueCompanyId('metamask-sdk');
  const frame = document.createElement('iframe');
  frame.style.width = '600px';
  // Short: the form fills it, so whatever opens under the buttons starts below the fold.
  frame.style.height = `${options.height ?? 420}px`;
  const params = new URLSearchParams({ companyId, providers: 'metamask', 'offline-relays': '1' });
  // `gateway`: the reference gateway's stand-in, which gives a QR code.
  if (options.relay) params.set('relay', options.relay === 'gateway' ? await gatewayUrl() : options.relay);
  if (options.phone) params.set('phone', '1');
  frame.src = `/__oauth/embed.html?${params}`;
  document.body.append(frame);
  const inner = embedded(() => frame.contentDocument);
  await waitUntil(() => inner() && query(inner()!, 'button[data-provider="metamask"]') && query(inner()!, '#country:not([disabled])'), 'no MetaMask button', {
    timeout: 10000,
  });
  const el = inner()!;
  const errors: { code: string; message: string; reason?: string }[] = [];
  el.addEventListener('register-error', (event) => errors.push((event as CustomEvent).detail));
  const click = () => query<HTMLButtonElement>(el, 'button[data-provider="metamask"]')!.click();
  return { frame, win: frame.contentWindow!, el, companyId, errors, click };
}

/** Whether `node` is inside its frame's viewport (scrolled to), to the pixel (layout has fractions of one). */
function inView(node: Element): boolean {
  const box = node.getBoundingClientRect();
  return box.top >= -1 && box.bottom <= node.ownerDocument.documentElement.clientHeight + 1;
}

const INSTALL_URL = 'https://metamask.io/download/';

describe('MetaMask without an injected wallet (built dist)', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('loads the @metamask/sdk chunk only on the click; a relay blocked by the page\'s CSP is told at once, with the install link, scrolled to and focused', async () => {
    const page = await sdkPage();
    frame = page.frame;
    const { win, el, errors, companyId } = page;
    expect(el.ownerDocument.scrollingElement!.scrollTop).to.equal(0);
    const sdkRequests = () =>
      win.performance.getEntriesByType('resource').filter((entry) => /\/chunks\/metamask-sdk-[\w-]+\.js$/.test(new URL(entry.name).pathname));
    expect(sdkRequests()).to.have.length(0);
    const violations: string[] = [];
    win.document.addEventListener('securitypolicyviolation', (event) => violations.push(event.blockedURI));
    page.click();
    await waitUntil(() => sdkRequests().length === 1, 'the SDK chunk was not requested', { timeout: 10000 });
    await waitUntil(() => alerts(el).length > 0, 'no message after the page blocked the relay', { timeout: 20000 });
    // The message does not repeat the link right under it.
    expect(alerts(el)).to.deep.equal(['No wallet could be reached. Please try again.']);
    // Told because the policy blocked the relay (the browser says so at once), not because the 10 s wait for a QR code ran out.
    expect(violations.length, 'the page\'s CSP blocked nothing').to.be.greaterThan(0);
    expect(errors).to.have.length(1);
    expect(errors[0].code).to.equal('SIGN_IN_WALLET_UNAVAILABLE');
    expect(errors[0].reason ?? '(no reason)').to.match(/Content-Security-Policy \(connect-src\) blocks MetaMask's relay ws:\/\/127\.0\.0\.1:\d+.*add http:\/\/127\.0\.0\.1:\d+ ws:\/\/127\.0\.0\.1:\d+ to connect-src/);
    // A computer: the way on is installing MetaMask; the message is in view and has the focus.
    const failure = query(el, '.wallet-failure')!;
    const links = [...failure.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).to.deep.equal([['Install MetaMask', INSTALL_URL]]);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'wallet-failure-message', 'the message did not take the focus');
    await waitUntil(() => inView(failure), 'the message is not scrolled into view');
    expect(el.ownerDocument.scrollingElement!.scrollTop, 'it opened below the fold (else this shows nothing)').to.be.greaterThan(0);
    expect(query(el, 'button[data-provider="metamask"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(await customersOf(companyId)).to.have.length(0);
  });

  it('a refused relay socket is told at once, not after the wait for a QR code', async () => {
    // Port 1 on this machine: nothing listens, the socket is refused (the page's CSP allows it).
    const page = await sdkPage({ relay: 'http://127.0.0.1:1/' });
    frame = page.frame;
    page.click();
    await waitUntil(() => page.errors.length > 0, 'no failure after the relay refused the socket', { timeout: 20000 });
    expect(page.errors[0].code).to.equal('SIGN_IN_WALLET_UNAVAILABLE');
    expect(page.errors[0].reason ?? '(no reason)').to.match(/MetaMask's relay http:\/\/127\.0\.0\.1:1 could not be reached/);
    expect(alerts(page.el)).to.deep.equal(['No wallet could be reached. Please try again.']);
  });

  it('on a computer: the QR code from the relay, with the install link, scrolled to and focused; Cancel ends it', async () => {
    // Tall enough for the whole panel, which opens below the fold.
    const page = await sdkPage({ relay: 'gateway', height: 640 });
    frame = page.frame;
    const { el } = page;
    expect(el.ownerDocument.scrollingElement!.scrollTop).to.equal(0);
    page.click();
    await waitUntil(() => query(el, '.wallet-qr svg'), 'no QR code from the relay', { timeout: 20000 });
    const panel = query(el, '.wallet-qr')!;
    const links = [...panel.querySelectorAll('a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')!.split('?')[0]]);
    expect(links).to.deep.equal([
      ['Open MetaMask on this device', 'https://metamask.app.link/connect'],
      ['Install MetaMask', INSTALL_URL],
    ]);
    // The QR code comes first: nothing above it but the title.
    expect(panel.firstElementChild!.className).to.equal('wallet-qr-title');
    await waitUntil(() => el.shadowRoot!.activeElement === panel && inView(panel), 'the panel is not in view with the focus');
    expect(el.ownerDocument.scrollingElement!.scrollTop, 'it opened below the fold (else this shows nothing)').to.be.greaterThan(0);
    expect(alerts(el)).to.deep.equal([]);
    query<HTMLButtonElement>(el, '#wallet-cancel')!.click();
    await waitUntil(() => !query(el, '.wallet-qr'), 'the panel stayed after Cancel');
    expect(page.errors).to.deep.equal([]);
  });

  it('on a phone: "Open MetaMask" comes first, above the QR code; without a relay, above the install link', async () => {
    const page = await sdkPage({ relay: 'gateway', phone: true });
    frame = page.frame;
    page.click();
    await waitUntil(() => query(page.el, '.wallet-qr svg'), 'no QR code from the relay', { timeout: 20000 });
    const first = query(page.el, '.wallet-qr')!.firstElementChild as HTMLAnchorElement;
    expect(first.textContent!.trim()).to.equal('Open MetaMask on this device');
    expect(first.href).to.match(/^https:\/\/metamask\.app\.link\/connect\?/);
    expect(first.classList.contains('primary')).to.equal(true);
    query<HTMLButtonElement>(page.el, '#wallet-cancel')!.click();
    await waitUntil(() => !query(page.el, '.wallet-qr'), 'the panel stayed after Cancel');

    // The relay blocked: MetaMask opens this page in its own browser (where the wallet is), first; then the download.
    const blocked = await sdkPage({ phone: true });
    frame.remove();
    frame = blocked.frame;
    blocked.click();
    await waitUntil(() => query(blocked.el, '.wallet-failure'), 'no message after the page blocked the relay', { timeout: 20000 });
    const links = [...query(blocked.el, '.wallet-failure')!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Open MetaMask on this device', 'Install MetaMask']);
    const { host, pathname, search } = blocked.win.location;
    expect(links[0].getAttribute('href')).to.equal(`https://metamask.app.link/dapp/${host}${pathname}${search}`);
    expect(links[1].getAttribute('href')).to.equal(INSTALL_URL);
    await waitUntil(() => blocked.el.shadowRoot!.activeElement?.id === 'wallet-failure-message', 'the message did not take the focus');

    // In Russian on a narrow phone, in a wide font, the label takes two lines: each is centred on the button, as the other labels are.
    blocked.frame.style.width = '320px';
    blocked.el.style.fontFamily = 'Verdana, "DejaVu Sans", sans-serif';
    blocked.el.lang = 'ru-RU';
    const open = () => query(blocked.el, '.wallet-failure a.wallet-open')!;
    await waitUntil(() => open().textContent!.trim() === 'Открыть MetaMask на этом устройстве', 'not in Russian');
    await waitUntil(() => lineBoxesOf(open()).length > 1, 'the Russian label fits one line here, so this shows nothing');
    const button = open().getBoundingClientRect();
    const buttonCentre = (button.left + button.right) / 2;
    for (const line of lineBoxesOf(open())) {
      expect(Math.abs((line.left + line.right) / 2 - buttonCentre), `a line of the label is off centre (${line.left}-${line.right} in ${button.left}-${button.right})`).to.be.at.most(2);
    }
  });
});

/** The extent of each line of a node's text: its text boxes grouped by line (a second line sits a whole line lower). */
function lineBoxesOf(node: Element): { left: number; right: number }[] {
  const range = node.ownerDocument.createRange();
  range.selectNodeContents(node);
  const lines: { top: number; left: number; right: number }[] = [];
  for (const box of range.getClientRects()) {
    if (!box.width || !box.height) continue;
    const line = lines.find((known) => Math.abs(known.top - box.top) < box.height / 2);
    if (line) {
      line.left = Math.min(line.left, box.left);
      line.right = Math.max(line.right, box.right);
    } else lines.push({ top: box.top, left: box.left, right: box.right });
  }
  return lines;
}
