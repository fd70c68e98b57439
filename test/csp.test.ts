// The built element on a page with a strict Content-Security-Policy (no inline
// script or style, Trusted Types required): the whole e-mail flow, then the
// phone field, with zero `securitypolicyviolation` events.
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { fill } from './support/keyboard.js';
import { customersOf, latestCode, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { setIdpBehaviour } from './support/identity-providers.js';

interface StrictWindow extends Window {
  __violations: string[];
}

async function openStrictPage(companyId: string, providers = '') {
  const iframe = document.createElement('iframe');
  iframe.src = `/__csp/page.html?companyId=${encodeURIComponent(companyId)}&providers=${encodeURIComponent(providers)}`;
  iframe.style.width = '480px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  const win = iframe.contentWindow as StrictWindow;
  const el = iframe.contentDocument!.querySelector('customer-register')!;
  await waitUntil(() => el.shadowRoot?.querySelector('select#country:not([disabled])'), 'the form never became usable', { timeout: 5000 });
  return { iframe, win, el, root: () => el.shadowRoot! };
}


describe('strict Content-Security-Policy', () => {
  it('the policy is really in force on the page (the checks below can fail)', async () => {
    const { win, iframe } = await openStrictPage(uniqueCompanyId('csp'));
    const doc = iframe.contentDocument!;
    // Trusted Types: a script's text from a plain string is refused outright.
    const script = doc.createElement('script');
    // (Chromium names TrustedScript; Firefox says "sink type mismatch".)
    expect(() => (script.textContent = 'window.inlineRan = true')).to.throw(/TrustedScript|sink type mismatch/i);
    // style-src 'self': an inline <style> is blocked and reported.
    const style = doc.createElement('style');
    style.textContent = 'body { background: red; }';
    doc.head.append(style);
    await waitUntil(() => win.__violations.some((v) => v.startsWith('style-src')), 'an inline style raised no violation');
    expect(win.__violations.some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true);
    iframe.remove();
  });

  it('registers by e-mail and shows the phone field with zero violations', async () => {
    const companyId = uniqueCompanyId('csp');
    const { win, el, root, iframe } = await openStrictPage(companyId);
    el.setAttribute('register-another', ''); // the outcome offers another registration, which this test goes on to
    const email = uniqueEmail('csp');
    const registered = new Promise<CustomEvent>((resolve) => el.addEventListener('registered', resolve as EventListener, { once: true }));

    fill(root().querySelector<HTMLInputElement>('#email')!, email);
    root().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root().querySelector('#code'), 'no code step', { timeout: 5000 });
    fill(root().querySelector<HTMLInputElement>('#code')!, await latestCode(companyId, email));
    const event = await registered;
    const [stored] = await customersOf(companyId);
    expect(event.detail.customerNo).to.equal(stored.customerNo);
    await waitUntil(() => root().querySelector('.success'), 'no success view');

    // The phone field: intl-tel-input, its styles and flag sprites under the same policy.
    root().querySelector<HTMLButtonElement>('button.link')!.click(); // register another account
    await waitUntil(() => root().querySelector('#tab-phone'));
    root().querySelector<HTMLButtonElement>('#tab-phone')!.click();
    await waitUntil(() => root().querySelector('.iti input#phone'), 'the phone field never loaded', { timeout: 8000 });
    root().querySelector<HTMLElement>('.iti__selected-country')!.click();
    await waitUntil(() => !root().querySelector('.iti__country-selector')!.classList.contains('iti__hide'));

    expect(win.__violations).to.deep.equal([]);
    iframe.remove();
  });

  it('registers through a provider popup (buttons, popup, callback page) with zero violations', async () => {
    const companyId = uniqueCompanyId('csp-3p');
    await setIdpBehaviour(companyId, { autoApprove: true, user: null, tamper: null });
    const { win, el, root, iframe } = await openStrictPage(companyId, 'google telegram');
    await waitUntil(() => root().querySelector('button[data-provider="telegram"]'), 'no provider buttons');
    const registered = new Promise<CustomEvent>((resolve) => el.addEventListener('registered', resolve as EventListener, { once: true }));
    root().querySelector<HTMLButtonElement>('button[data-provider="google"]')!.click();
    await registered;
    const [stored] = await customersOf(companyId);
    expect(stored.registerBody).to.include({ type: 3, thirdServerSource: 'google' });
    expect(win.__violations).to.deep.equal([]);
    iframe.remove();
  });
});
