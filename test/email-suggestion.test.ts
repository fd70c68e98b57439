// "Did you mean ann@gmail.com?" under the e-mail field (src/registration/email-suggestion.ts):
// offered when the person leaves the field or presses Send, taken with one press,
// never in Send's way, in every language. suggestEmail itself: test/email-typo.test.ts.
import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from './support/wait.js';
import { alerts, countriesLoaded, focused, mount, part, press, query, typeInto, waitForStep } from './support/harness.js';
import { bringToFront } from './support/keyboard.js';
import { injectFault, latestCode, requestsOf, uniqueCompanyId } from './support/reference-gateway.js';
import type { CustomerRegister } from '../src/customer-register.js';

const suggestion = (el: CustomerRegister) => query<HTMLButtonElement>(el, '#email-suggestion button');

async function suggestionShown(el: CustomerRegister): Promise<HTMLButtonElement> {
  await waitUntil(() => suggestion(el), 'no suggestion under the e-mail field');
  return suggestion(el)!;
}

/**
 * Everything the element does after the field is left has run: it offers in a task
 * of its own (setTimeout), queued before this one, and then renders.
 */
async function settled(el: CustomerRegister) {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** The loginName of every status check the gateway was asked for. */
async function statusChecksOf(companyId: string): Promise<unknown[]> {
  return (await requestsOf(companyId, 'checkStatus')).map((request) => request.body?.loginName);
}

/** The toUser of every code the gateway was asked to send. */
async function codesSentTo(companyId: string): Promise<unknown[]> {
  return (await requestsOf(companyId, 'sendCode')).map((request) => request.body?.toUser);
}

describe('e-mail typo suggestion', () => {
  // Leaving the field is a focus event: the page must be the one in front (Firefox runs two files side by side).
  beforeEach(() => bringToFront());
  afterEach(() => resetMouse());

  it('leaving ann@gmial.com offers ann@gmail.com; one press takes it, and the code and the registration go to it', async () => {
    const { el, companyId } = await mount({});
    await countriesLoaded(el);
    await typeInto(el, '#email', 'ann@gmial.com');
    await press('Tab');
    const button = await suggestionShown(el);
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Did you mean ann@gmail.com?');
    expect(part(el, '#email-suggestion strong').textContent).to.equal('ann@gmail.com');
    // Said politely (a status, not an alert), and part of the field's description.
    expect(part(el, '#email-suggestion').getAttribute('role')).to.equal('status');
    expect(part(el, '#email').getAttribute('aria-describedby')!.split(' ')).to.include('email-suggestion');
    expect(alerts(el)).to.deep.equal([]);
    // The check started by the typing is done, so the one below can only come from taking the suggestion.
    await waitUntil(async () => (await statusChecksOf(companyId)).includes('ann@gmial.com'), 'no status check while typing', { timeout: 10_000 });

    button.click();
    await el.updateComplete;
    const input = part<HTMLInputElement>(el, '#email');
    expect(input.value).to.equal('ann@gmail.com');
    expect(suggestion(el), 'the suggestion stays after it was taken').to.equal(null);
    await waitUntil(() => focused(el) === input, 'the focus did not go back to the e-mail field');
    // The usual path of an edited field: the account's status is checked for the new address ahead of Send.
    await waitUntil(async () => (await statusChecksOf(companyId)).includes('ann@gmail.com'), 'no status check for the address taken', {
      timeout: 10_000,
    });

    await press('Enter');
    await waitForStep(el, '#code');
    expect(await codesSentTo(companyId)).to.deep.equal(['ann@gmail.com']);
    const registered = oneEvent(el, 'registered');
    await typeInto(el, '#code', await latestCode(companyId, 'ann@gmail.com'));
    const event = await registered;
    const [register] = await requestsOf(companyId, 'register');
    expect(register.body?.loginName).to.equal('ann@gmail.com');
    expect(event.detail.confirmed).to.equal(true);
  });

  it('offers nothing for an address that looks intended (ann@example.com), and hides while the person types again', async () => {
    const { el } = await mount({});
    await countriesLoaded(el);
    await typeInto(el, '#email', 'ann@example.com');
    await press('Tab');
    await settled(el);
    expect(suggestion(el)).to.equal(null);
    expect(part(el, '#email-suggestion').textContent!.trim()).to.equal('');
    // Empty, it takes no room: the field is as tall as before the registration chunk drew it.
    expect(getComputedStyle(part(el, '#email-suggestion')).position).to.equal('absolute');

    await typeInto(el, '#email', 'x');
    await press('Tab');
    await settled(el);
    expect(suggestion(el), 'ann@example.comx is no known misspelling').to.equal(null);
    const input = part<HTMLInputElement>(el, '#email');
    input.select();
    await typeInto(el, '#email', 'ann@hotmial.com');
    await press('Tab');
    await suggestionShown(el);
    await typeInto(el, '#email', 'x');
    expect(suggestion(el), 'still offered while the person types').to.equal(null);
  });

  it('Send with the suggestion showing sends the code to the address as typed', async () => {
    const { el, companyId } = await mount({});
    await countriesLoaded(el);
    await typeInto(el, '#email', 'ann@gmial.com');
    await press('Tab');
    await suggestionShown(el);
    part(el, 'button[type=submit]').click();
    await waitForStep(el, '#code');
    expect(await codesSentTo(companyId)).to.deep.equal(['ann@gmial.com']);
  });

  it('Send pressed in the field (no leaving it) offers the suggestion too, and still sends as typed', async () => {
    const companyId = uniqueCompanyId('typo-send');
    // The send fails, so the first step stays on screen with what it showed.
    await injectFault(companyId, 'sendCode', 'http', { status: 503 });
    const { el } = await mount({ companyId });
    await countriesLoaded(el);
    await typeInto(el, '#email', 'ann@outlok.com');
    await press('Enter');
    await waitUntil(async () => (await codesSentTo(companyId)).length > 0, 'no code was asked for', { timeout: 10_000 });
    expect(await codesSentTo(companyId)).to.deep.equal(['ann@outlok.com']);
    const button = await suggestionShown(el);
    expect(part(el, '#email-suggestion strong').textContent).to.equal('ann@outlook.com');
    expect(button.isConnected).to.equal(true);
  });

  it('a mouse press on Send that takes the focus out of the field still lands on Send', async () => {
    const { el, companyId } = await mount({});
    await countriesLoaded(el);
    await typeInto(el, '#email', 'ann@gmial.com');
    const send = part(el, 'button[type=submit]');
    const before = send.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(before.left + before.width / 2), Math.round(before.top + before.height / 2)] });
    await sendMouse({ type: 'down' });
    await settled(el);
    // While the button is held, nothing moves under it (the suggestion would push Send down).
    expect(send.getBoundingClientRect().top, 'Send moved under the pointer').to.equal(before.top);
    await sendMouse({ type: 'up' });
    await waitForStep(el, '#code');
    expect(await codesSentTo(companyId)).to.deep.equal(['ann@gmial.com']);
  });

  it('ar: the suggestion is in Arabic, right to left, with the address left to right in its own isolate', async () => {
    const { el } = await mount({ lang: 'ar' });
    await countriesLoaded(el);
    await waitUntil(() => part(el, 'div[dir]').getAttribute('dir') === 'rtl', 'not right to left');
    await typeInto(el, '#email', 'ann@gmial.com');
    await press('Tab');
    const button = await suggestionShown(el);
    const address = part(el, '#email-suggestion strong');
    expect(address.textContent).to.equal('ann@gmail.com');
    expect(address.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(address).direction).to.equal('ltr');
    expect(getComputedStyle(address).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle(button).direction).to.equal('rtl');
    expect(button.textContent).to.match(/\p{Script=Arabic}/u);
  });
});
