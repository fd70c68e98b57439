// The element as a partner puts it on their own site: README's page and policy
// (built from README.md by test/support/partner-site-plugin.mjs), the build from
// a CDN on another origin with integrity on the tag and an import map pinning the
// lazy chunks, against the reference gateway. And a gateway that refuses the page.
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { fill } from './support/keyboard.js';
import { warningsDuring } from './support/harness.js';
import { customersOf, latestCode, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import type { CustomerRegister } from '../src/element/customer-register.component.js';

interface PartnerWindow extends Window {
  __violations: string[];
}

interface PartnerEnv {
  cdnOrigin: string;
  refusingGatewayUrl: string;
  version: string;
}

const partnerEnv = async (): Promise<PartnerEnv> => (await fetch('/__partner/env')).json();


async function openPartnerPage(query: Record<string, string>) {
  const response = await fetch(`/__partner/site.html?${new URLSearchParams(query)}`);
  expect(response.status, await response.clone().text()).to.equal(200);
  const iframe = document.createElement('iframe');
  iframe.src = `/__partner/site.html?${new URLSearchParams(query)}`;
  iframe.style.width = '480px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  const win = iframe.contentWindow as PartnerWindow;
  await waitUntil(() => iframe.contentDocument!.querySelector('customer-register')?.shadowRoot?.querySelector('#email'), 'the element never rendered', {
    timeout: 10_000,
  });
  const el = iframe.contentDocument!.querySelector('customer-register') as CustomerRegister;
  return { iframe, win, el, root: () => el.shadowRoot! };
}


const scriptsFetched = (win: Window, origin: string) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(origin) && url.endsWith('.js'));

describe('on a partner site, as README says to put it there', () => {
  it('registers by e-mail with the build from a CDN origin, integrity on the tag and the chunks, under the policy', async () => {
    const { cdnOrigin, version } = await partnerEnv();
    const companyId = uniqueCompanyId('partner');
    const { win, el, root, iframe } = await openPartnerPage({ companyId });
    try {
      // The build really came from the CDN, at the versioned path, and the tag carries integrity.
      const entry = iframe.contentDocument!.querySelector<HTMLScriptElement>('script[type="module"][src]')!;
      expect(entry.src).to.equal(`${cdnOrigin}/customer-register@${version}/dist/customer-register.js`);
      expect(entry.integrity).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
      expect((el.constructor as typeof CustomerRegister).version).to.equal(version);

      await waitUntil(() => root().querySelector('select#country:not([disabled])'), 'the country list never loaded', { timeout: 10_000 });
      expect(scriptsFetched(win, cdnOrigin).some((url) => url.includes('/chunks/registration-')), 'the registration chunk came from the CDN').to.equal(true);

      const email = uniqueEmail('partner');
      const registered = new Promise<CustomEvent>((resolve) => el.addEventListener('registered', resolve as EventListener, { once: true }));
      fill(root().querySelector<HTMLInputElement>('#email')!, email);
      root().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => root().querySelector('#code'), 'no code step', { timeout: 10_000 });
      fill(root().querySelector<HTMLInputElement>('#code')!, await latestCode(companyId, email));
      const event = await registered;
      const [stored] = await customersOf(companyId);
      expect(event.detail.customerNo).to.equal(stored.customerNo);
      expect(win.__violations, 'no Content-Security-Policy violation').to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  it('a chunk altered on the CDN is refused (the import map pins it), and the person is told at the field', async () => {
    const { iframe, root } = await openPartnerPage({ companyId: uniqueCompanyId('tampered'), tampered: '1' });
    try {
      // Refused: the chunk's load fails, said at the field with Try again. Unchecked, the form would work.
      const outcome = () =>
        root().querySelector('select#country:not([disabled])') ? 'loaded' : root().querySelector('#country ~ button.link') ? 'refused' : undefined;
      await waitUntil(outcome, 'the registration chunk neither loaded nor failed', { timeout: 10_000 });
      expect(outcome()).to.equal('refused');
    } finally {
      iframe.remove();
    }
  });
});

describe('a gateway that refuses the page (origin not allowed)', () => {
  it('shows the person one calm message with Try again, and tells the developer once on the console where to look', async () => {
    const { refusingGatewayUrl } = await partnerEnv();
    const el = document.createElement('customer-register') as CustomerRegister;
    el.setAttribute('company-id', uniqueCompanyId('refused'));
    el.setAttribute('host', refusingGatewayUrl);
    el.setAttribute('lang', 'en-US');
    el.setAttribute('methods', 'email');
    // Provider buttons too: their settings fail for the same reason, and that is not said twice.
    el.setAttribute('providers', 'google apple');
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      await warningsDuring(async () => {
        document.body.append(el);
        await waitUntil(() => el.shadowRoot?.querySelector('#email'));
        await waitUntil(() => el.shadowRoot!.querySelector('#country ~ button.link'), 'no Try again at the country field', { timeout: 10_000 });
        const root = el.shadowRoot!;
        fill(root.querySelector<HTMLInputElement>('#email')!, uniqueEmail('refused'));
        // Send shows progress while it tries the list again (however briefly), then settles.
        let sawBusy = false;
        const watcher = new MutationObserver(() => (sawBusy ||= !!root.querySelector('button[type=submit][aria-busy="true"]')));
        watcher.observe(root, { subtree: true, attributes: true, childList: true });
        root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => sawBusy && !root.querySelector('button[type=submit][aria-busy="true"]') && root.querySelector('#country ~ button.link'), 'Send never settled', {
          timeout: 10_000,
        });
        watcher.disconnect();
        // The provider settings have failed too (their requests go to the same gateway).
        type Internals = { session?: { thirdParty: { value?: { clientIds: Map<string, { status: string }> } } } };
        await waitUntil(() => {
          const loads = (el as unknown as Internals).session?.thirdParty.value?.clientIds;
          return loads?.size === 2 && [...loads.values()].every((load) => load.status === 'failed');
        }, 'the provider settings never failed');
        await el.updateComplete;
        const shown = [...root.querySelectorAll<HTMLElement>('.form-error, .field-error')]
          .map((node) => node.textContent!.trim())
          .filter(Boolean);
        expect(shown, 'one message, in the person\'s words').to.deep.equal(['We could not reach the server. Please check your connection and try again.']);
      });
    } finally {
      console.error = consoleError;
      el.remove();
    }
    const reports = errors.filter((line) => line.includes(refusingGatewayUrl));
    expect(reports, 'one console error naming the gateway').to.have.length(1);
    expect(reports[0]).to.include(location.origin).and.to.match(/CORS/).and.to.match(/host/).and.to.match(/down/);
  });
});
