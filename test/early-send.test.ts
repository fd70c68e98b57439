/**
 * The first step works the moment it is painted: the entry draws it, and the
 * registration chunk (checks, gateway calls, later steps) arrives after. Here
 * that chunk is held back by the test server (heldChunkMiddleware in
 * web-test-runner.config.mjs), as on a slow network, while a person types and
 * presses Send.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { embedded } from './support/harness.js';
import { latestCode, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import type { CustomerRegister } from '../src/customer-register.js';

interface HeldPage {
  el: () => CustomerRegister | null;
  companyId: string;
  /** Lets the registration chunk through. */
  release: () => Promise<void>;
  /** Answers the registration chunk with a 503, until `release()`. */
  fail: () => Promise<void>;
  frame: HTMLIFrameElement;
}

/** A frame whose element's registration chunk waits until `release()`. */
async function openHeldPage(label: string): Promise<HeldPage> {
  const token = crypto.randomUUID();
  const companyId = uniqueCompanyId(label);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 480px; height: 640px';
  frame.src = `/__held/${token}/page.html?companyId=${encodeURIComponent(companyId)}`;
  document.body.append(frame);
  const el = embedded(() => frame.contentDocument);
  await waitUntil(() => el()?.shadowRoot?.querySelector('#email'), 'the first step was never drawn', { timeout: 10000 });
  return {
    el,
    companyId,
    frame,
    release: async () => void (await fetch(`/__held/${token}/release`)),
    fail: async () => void (await fetch(`/__held/${token}/fail`)),
  };
}

/** Types as a person does: a character at a time, each with its input event. */
function typeInto(input: HTMLInputElement, text: string) {
  const FrameInputEvent = (input.ownerDocument.defaultView as unknown as typeof globalThis).InputEvent;
  for (const character of text) {
    input.value += character;
    input.dispatchEvent(new FrameInputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }));
  }
}

const shadow = (page: HeldPage) => page.el()!.shadowRoot!;
const sessionOf = (el: CustomerRegister) => (el as unknown as { session?: unknown }).session;

describe('before the registration chunk arrives', () => {
  let page: HeldPage | undefined;
  afterEach(async () => {
    await page?.release();
    page?.frame.remove();
    page = undefined;
  });

  it('what is typed stays, with the focus, when the chunk arrives mid-word', async () => {
    page = await openHeldPage('early-typing');
    const input = shadow(page).querySelector<HTMLInputElement>('#email')!;
    input.focus();
    typeInto(input, 'early.bird');
    // Still the entry alone: the chunk is held.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sessionOf(page.el()!), 'the chunk arrived while held').to.equal(undefined);
    await page.release();
    await waitUntil(() => sessionOf(page!.el()!), 'the chunk never arrived');
    await waitUntil(() => shadow(page!).querySelector('#country:not([disabled])'), 'the country list never came');
    const after = shadow(page).querySelector<HTMLInputElement>('#email')!;
    expect(after, 'the field was replaced').to.equal(input);
    expect(after.value).to.equal('early.bird');
    expect(shadow(page).activeElement).to.equal(input);
    typeInto(after, '@example.com');
    expect(after.value).to.equal('early.bird@example.com');
  });

  it('the country list is asked for while it is still on its way (not after it), and only once', async () => {
    page = await openHeldPage('early-list');
    await waitUntil(
      async () => (await requestsOf(page!.companyId, 'countryList')).length > 0,
      'the country list waited for the registration chunk',
      { timeout: 10000 },
    );
    expect(sessionOf(page.el()!), 'the chunk arrived while held').to.equal(undefined);
    await page.release();
    await waitUntil(() => shadow(page!).querySelector('#country:not([disabled])'), 'the country list never came');
    expect(await requestsOf(page.companyId, 'countryList'), 'the chunk sent the list again').to.have.length(1);
  });

  it('the method tabs answer the arrow keys before it arrives', async () => {
    page = await openHeldPage('early-tabs');
    const tab = shadow(page).querySelector<HTMLElement>('#tab-email')!;
    tab.focus();
    const FrameKeyboardEvent = (tab.ownerDocument.defaultView as unknown as typeof globalThis).KeyboardEvent;
    tab.dispatchEvent(new FrameKeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => shadow(page!).querySelector('#tab-phone')?.getAttribute('aria-selected') === 'true', 'ArrowRight was lost');
    await waitUntil(() => shadow(page!).activeElement?.id === 'tab-phone', 'the focus stayed on the e-mail tab');
    expect(sessionOf(page.el()!), 'the chunk arrived while held').to.equal(undefined);
  });

  it('a chunk that does not arrive is said at the field waiting for it, with a Try again, and nothing typed is lost', async () => {
    page = await openHeldPage('chunk-fails');
    const input = shadow(page).querySelector<HTMLInputElement>('#email')!;
    input.focus();
    typeInto(input, 'kept@example.com');
    await page.fail();
    const country = () => shadow(page!).querySelector<HTMLSelectElement>('#country')!;
    await waitUntil(() => country().getAttribute('aria-busy') === 'false', 'the country list still says it is loading');
    const alerts = [...shadow(page).querySelectorAll('[role="alert"]')].map((alert) => alert.textContent!.trim());
    expect(alerts).to.deep.equal(['We could not reach the server. Please check your connection and try again.']);
    expect(country().textContent).to.not.match(/Loading/);
    const retry = [...shadow(page).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Try again');
    expect(retry, 'no Try again').to.not.equal(undefined);
    expect(input.value).to.equal('kept@example.com');
  });

  it('an address that is not one, sent before it arrives, is said as such, with nothing yet about the country', async () => {
    page = await openHeldPage('early-invalid');
    const input = shadow(page).querySelector<HTMLInputElement>('#email')!;
    input.focus();
    typeInto(input, 'not-an-address');
    shadow(page).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await page.release();
    const errorOf = (field: string) => shadow(page!).querySelector(`#${field}-error`)?.textContent?.trim();
    await waitUntil(() => errorOf('email'), 'the address was not refused');
    expect(errorOf('email')).to.equal('Enter a valid email address, like name@example.com.');
    expect(errorOf('country'), 'a country error while the list was on its way').to.equal('');
    expect(shadow(page).activeElement).to.equal(input);
    expect(await requestsOf(page.companyId, 'sendCode')).to.have.length(0);
  });

  const changes: [string, (el: CustomerRegister, companyId: string) => void][] = [
    ['a company-id change', (el, companyId) => el.setAttribute('company-id', `${companyId}-other`)],
    ['reset() and a company-id change', (el, companyId) => (el.reset(), el.setAttribute('company-id', `${companyId}-other`))],
    ['reset()', (el) => el.reset()],
  ];
  for (const [label, change] of changes) {
    it(`a Send pressed before it arrives is dropped by ${label} before it arrives (red team F5)`, async () => {
      page = await openHeldPage('early-change');
      const { companyId } = page;
      const input = shadow(page).querySelector<HTMLInputElement>('#email')!;
      input.focus();
      typeInto(input, uniqueEmail('early-change'));
      const send = shadow(page).querySelector<HTMLButtonElement>('button[type="submit"]')!;
      send.click();
      await waitUntil(() => send.getAttribute('aria-busy') === 'true', 'Send showed no progress');
      change(page.el()!, companyId);
      await page.release();
      // Either way the element settles: on the code step (the Send went), or idle on the first step with its chunk.
      await waitUntil(
        () => shadow(page!).querySelector('#code') || (sessionOf(page!.el()!) && shadow(page!).querySelector('button[type="submit"]')?.getAttribute('aria-busy') === 'false'),
        'the element never settled',
        { timeout: 15000 },
      );
      expect(!!shadow(page).querySelector('#code'), 'the Send pressed before the change went on').to.equal(false);
      for (const company of [companyId, `${companyId}-other`]) {
        const calls = (await requestsOf(company)).map((request) => request.call);
        expect(calls, company).to.not.include('sendCode');
        expect(calls, company).to.not.include('checkStatus');
      }
      expect(input.value, 'what was typed is kept').to.match(/^early-change\./);
    });
  }

  for (const busy of [false, true]) {
    it(`a Send pressed before it arrives shows progress at once and sends the code once the chunk is here${busy ? ', on a page kept busy by long tasks' : ''}`, async () => {
      page = await openHeldPage(busy ? 'early-send-busy' : 'early-send');
      const email = uniqueEmail('early');
      const input = shadow(page).querySelector<HTMLInputElement>('#email')!;
      input.focus();
      typeInto(input, email);
      const send = shadow(page).querySelector<HTMLButtonElement>('button[type="submit"]')!;
      send.click();
      await waitUntil(() => send.getAttribute('aria-busy') === 'true', 'Send showed no progress while the chunk was on its way');
      expect(send.textContent!.trim()).to.equal('Sending code…');
      // Pressing it again changes nothing: one request in the end.
      send.click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sessionOf(page.el()!), 'the chunk arrived while held').to.equal(undefined);
      expect(await requestsOf(page.companyId, 'sendCode')).to.have.length(0);

      // A busy page: long tasks back to back (ads, analytics) while the chunk, the country list and the code arrive.
      let blocking = busy;
      const block = () => {
        const until = performance.now() + 200;
        while (performance.now() < until);
        if (blocking) setTimeout(block, 5);
      };
      if (blocking) setTimeout(block, 0);
      try {
        await page.release();
        await waitUntil(() => shadow(page!).querySelector('#code'), 'the Send pressed early was lost', { timeout: 15000 });
      } finally {
        blocking = false;
      }
      const sent = await requestsOf(page.companyId, 'sendCode');
      expect(sent).to.have.length(1);
      expect(await latestCode(page.companyId, email)).to.match(/^\d+$/);
    });
  }
});
