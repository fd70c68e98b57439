/**
 * MetaMask registration through the element, end to end: an injected EIP-1193
 * wallet (a real secp256k1 key, announced by EIP-6963) signs the element's
 * EIP-4361 message; the reference gateway verifies it and registers type 3.
 */
import { loadTranslation } from '../src/core/i18n/locale-catalog.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { alerts, embedded, mount, query } from './support/harness.js';
import { customersOf, requestsOf, uniqueCompanyId } from './support/reference-gateway.js';
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

describe('MetaMask without an injected wallet (built dist)', () => {
  it('loads the @metamask/sdk chunk only on the click; it runs, and without a relay the person is told', async () => {
    const companyId = uniqueCompanyId('metamask-sdk');
    const frame = document.createElement('iframe');
    frame.style.width = '600px';
    frame.style.height = '700px';
    // connect-src keeps MetaMask's relay (and its analytics) unreachable, network or not.
    frame.src = `/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=metamask&offline-relays=1`;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow!;
      const inner = embedded(() => frame.contentDocument);
      await waitUntil(() => inner() && query(inner()!, 'button[data-provider="metamask"]') && query(inner()!, '#country:not([disabled])'), 'no MetaMask button', {
        timeout: 10000,
      });
      const sdkRequests = () =>
        win()
          .performance.getEntriesByType('resource')
          .filter((entry) => /\/chunks\/metamask-sdk-[\w-]+\.js$/.test(new URL(entry.name).pathname));
      expect(sdkRequests()).to.have.length(0);
      query<HTMLButtonElement>(inner()!, 'button[data-provider="metamask"]')!.click();
      await waitUntil(() => sdkRequests().length === 1, 'the SDK chunk was not requested', { timeout: 10000 });
      // The SDK is evaluated and shows its own dialog (outside the element: it attaches to the page's body).
      // The SDK ran (no error from its chunk) and waits for MetaMask's relay, which
      // cannot be reached from here: after its QR timeout the person is told so,
      // calmly, and the element is usable again.
      await waitUntil(() => alerts(inner()!).length > 0, 'no message after the SDK found no relay', { timeout: 20000 });
      expect(alerts(inner()!)).to.deep.equal(['No wallet could be reached. Install MetaMask or try again.']);
      expect(query(inner()!, 'button[data-provider="metamask"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(await customersOf(companyId)).to.have.length(0);
    } finally {
      frame.remove();
    }
  });
});
