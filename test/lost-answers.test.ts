/**
 * Issue 24: answers the network loses, reloads mid-call, and waits that end
 * when promised. Driven through the element against the reference gateway,
 * whose `lost` fault does the work (sends the code, creates the customer) and
 * then loses the answer, and whose replay of a repeated `trace` can be turned
 * off to play a gateway that cannot say what it did.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { fill } from './support/keyboard.js';
import type { CustomerRegister } from '../src/customer-register.js';
import type { RegisteredDetail } from '../src/core/embedding/events.js';
import { alerts, countriesLoaded, mount, part, press, query, showPhone, typeInto, typeText, waitForStep } from './support/harness.js';
import { customersOf, gatewayUrl, injectFault, latestCode, requestsOf, setReplay, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';

/** Every `registered` the element fires, in order. */
function registeredEvents(el: CustomerRegister): RegisteredDetail[] {
  const seen: RegisteredDetail[] = [];
  el.addEventListener('registered', (event) => seen.push(event.detail));
  return seen;
}

async function flowReady(el: CustomerRegister) {
  await countriesLoaded(el);
  await waitUntil(() => (el as unknown as { session?: unknown }).session, 'the flow chunk never loaded');
}

/** A while for anything that should not happen to show that it does not. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** How many codes the gateway sent to `to` (its dev inbox). */
async function codesSentTo(companyId: string, to: string): Promise<number> {
  const response = await fetch(`${await gatewayUrl()}/__dev/inbox?companyId=${encodeURIComponent(companyId)}`);
  const inbox: { to: string }[] = await response.json();
  return inbox.filter((item) => item.to === to).length;
}

async function toCodeStep(el: CustomerRegister, email: string) {
  await flowReady(el);
  await typeInto(el, '#email', email);
  await press('Enter');
  await waitForStep(el, '#code');
}

describe('a register whose answer is lost', () => {
  it('with a gateway that replays: the repeat (same trace) brings the customer; registered fires once, confirmed', async () => {
    const { el, companyId } = await mount({ methods: 'email' });
    const email = uniqueEmail('lost-replay');
    const events = registeredEvents(el);
    await toCodeStep(el, email);
    await injectFault(companyId, 'register', 'lost');
    await typeInto(el, '#code', await latestCode(companyId, email));
    await waitUntil(() => events.length > 0, `never registered; showed ${JSON.stringify(alerts(el))}`, { timeout: 10000 });
    await waitForStep(el, '#outcome');
    await settle();

    const [customer] = await customersOf(companyId);
    expect(events).to.have.length(1);
    expect(events[0].confirmed).to.equal(true);
    expect(events[0].customerNo).to.equal(customer.customerNo);
    expect(part(el, '#outcome').textContent).to.contain(customer.customerNo);
    expect(await customersOf(companyId)).to.have.length(1);
    const registers = await requestsOf(companyId, 'register');
    expect(registers, 'the register, and its repeat').to.have.length(2);
    expect(registers[1].headers.trace, 'the repeat is recognisably the same request').to.equal(registers[0].headers.trace);
  });

  it('with a gateway that cannot say: the account exists, so registered fires once, unconfirmed, and the person is told to sign in', async () => {
    const loginUrl = `${location.origin}/sign-in`;
    const { el, companyId } = await mount({ methods: 'email', attributes: { 'login-url': loginUrl } });
    await setReplay(companyId, false);
    const email = uniqueEmail('lost-noreplay');
    const events = registeredEvents(el);
    await toCodeStep(el, email);
    await injectFault(companyId, 'register', 'lost');
    // The finding out is held a moment at the gateway, so it can be seen.
    await injectFault(companyId, 'checkStatus', 'delay', { delayMs: 1000 });
    await typeInto(el, '#code', await latestCode(companyId, email));
    await waitUntil(
      () => query(el, 'form > [role="status"]')?.textContent?.includes('Checking whether your registration went through'),
      'the check after the lost answer was not shown',
    );
    await waitUntil(() => events.length > 0, `never registered; showed ${JSON.stringify(alerts(el))}`, { timeout: 10000 });
    await waitForStep(el, '#outcome');
    await settle();

    expect(events).to.have.length(1);
    expect(events[0]).to.deep.equal({ confirmed: false, loginName: email });
    expect(part(el, '#outcome').textContent).to.contain('Your registration is complete. Please sign in to continue.');
    const link = part<HTMLAnchorElement>(el, '#sign-in');
    expect(link.textContent!.trim()).to.equal('Sign in');
    expect(new URL(link.href).searchParams.get('email')).to.equal(email);
    expect(el.shadowRoot!.textContent, 'no raw refusal of the spent ticket').not.to.match(/already been used|not valid/);
    expect(await customersOf(companyId)).to.have.length(1);
  });

  it('a refusal the element does not know keeps the typed code (it is still good)', async () => {
    const { el, companyId } = await mount({ methods: 'email' });
    const email = uniqueEmail('unknown-refusal');
    await toCodeStep(el, email);
    const code = await latestCode(companyId, email);
    await injectFault(companyId, 'register', 'refuse', { msg: 'Try again in a moment.' });
    await typeInto(el, '#code', code);
    await waitUntil(() => alerts(el).includes('Try again in a moment.'), 'the refusal was not shown');
    expect(part<HTMLInputElement>(el, '#code').value).to.equal(code);
  });
});

describe('a send-code whose answer is lost', () => {
  it('the code that did arrive can be used: the second Send is answered with its ticket, and the person is told to use the newest code', async () => {
    const { el, companyId } = await mount({ methods: 'email' });
    const email = uniqueEmail('lost-send');
    const events = registeredEvents(el);
    await flowReady(el);
    await injectFault(companyId, 'sendCode', 'lost');
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitUntil(() => alerts(el).some((text) => /could not read/.test(text)), `the lost answer was not shown; showed ${JSON.stringify(alerts(el))}`);
    expect(await codesSentTo(companyId, email), 'the gateway did send the code').to.equal(1);

    part(el, '#email').focus();
    await press('Enter'); // the person tries again
    await waitForStep(el, '#code');
    expect(part(el, 'form > [role="status"]').textContent).to.contain('If more than one code arrives, use the newest one');
    const sends = await requestsOf(companyId, 'sendCode');
    expect(sends).to.have.length(2);
    expect(sends[1].headers.trace, 'the second Send repeats the first').to.equal(sends[0].headers.trace);
    expect(await codesSentTo(companyId, email), 'no second code').to.equal(1);

    await typeInto(el, '#code', await latestCode(companyId, email));
    await waitUntil(() => events.length > 0, `never registered; showed ${JSON.stringify(alerts(el))}`);
    expect(events[0].confirmed).to.equal(true);
  });
});

describe('a reload', () => {
  it('mid-Send brings back what was typed on the first step, sends nothing again by itself, and the next Send repeats the one in flight', async () => {
    const companyId = uniqueCompanyId('reload-send');
    const attributes = { 'account-types': 'individual enterprise' };
    const before = await mount({ companyId, methods: 'email', attributes });
    const email = uniqueEmail('reload-send');
    await flowReady(before.el);
    await typeInto(before.el, '#email', email);
    const select = part<HTMLSelectElement>(before.el, '#country');
    const other = [...select.options].find((option) => option.value && !option.selected)!.value;
    select.value = other;
    select.dispatchEvent(new Event('change'));
    part<HTMLInputElement>(before.el, 'input[name="account-type"][value="enterprise"]').click();
    // The Send is held at the gateway: the page goes while it is in flight.
    await injectFault(companyId, 'sendCode', 'delay', { delayMs: 1500 });
    part(before.el, '#email').focus();
    await press('Enter');
    await waitUntil(async () => (await requestsOf(companyId, 'sendCode')).length === 1, 'the Send never went');
    before.el.remove();

    const after = await mount({ companyId, methods: 'email', attributes });
    await flowReady(after.el);
    await waitUntil(() => part<HTMLInputElement>(after.el, '#email').value === email, 'the address did not come back');
    expect(part<HTMLSelectElement>(after.el, '#country').value).to.equal(other);
    expect(part<HTMLInputElement>(after.el, 'input[name="account-type"][value="enterprise"]').checked).to.equal(true);
    // The held Send ends at the gateway (its code is sent); nothing is sent again by itself.
    await waitUntil(async () => (await codesSentTo(companyId, email)) === 1, 'the held Send never ended', { timeout: 8000 });
    await settle();
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(1);
    expect(query(after.el, '#code')).to.equal(null);
    for (const key of Object.keys(sessionStorage).filter((k) => k.includes(companyId))) {
      expect(sessionStorage.getItem(key)).not.to.contain('password');
    }

    // The person presses Send: the request in flight at the reload is repeated, and answered with its ticket.
    part(after.el, '#email').focus();
    await press('Enter');
    await waitForStep(after.el, '#code');
    const sends = await requestsOf(companyId, 'sendCode');
    expect(sends).to.have.length(2);
    expect(sends[1].headers.trace).to.equal(sends[0].headers.trace);
    const events = registeredEvents(after.el);
    await typeInto(after.el, '#code', await latestCode(companyId, email));
    await waitUntil(() => events.length > 0, `never registered; showed ${JSON.stringify(alerts(after.el))}`);
    const [customer] = await customersOf(companyId);
    expect(customer.registerBody).to.deep.include({ country: other, openAccountType: 1 });
    expect(Object.keys(sessionStorage).filter((k) => k.includes(companyId)), 'nothing kept once registered').to.deep.equal([]);
  });
});

describe('a reload on the phone tab', () => {
  it('brings back the number as typed and its country, before any Send', async () => {
    const companyId = uniqueCompanyId('reload-phone');
    const before = await mount({ companyId, country: 'CN', methods: 'email phone' });
    (await showPhone(before.el)).focus();
    // A country other than the preselected one, chosen by typing its dial code.
    await typeText('+44 7400 123456');
    await waitUntil(() => query(before.el, '.iti__selected-country')!.getAttribute('aria-label')!.includes('+44'));
    before.el.remove();

    const after = await mount({ companyId, country: 'CN', methods: 'email phone' });
    await waitUntil(() => part(after.el, '#tab-phone').getAttribute('aria-selected') === 'true', 'the phone tab did not come back');
    const input = await showPhone(after.el);
    await waitUntil(() => input.value.replace(/\D/g, '').endsWith('7400123456'), `the number is not back: "${input.value}"`);
    expect(query(after.el, '.iti__selected-country')!.getAttribute('aria-label')).to.contain('+44');
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
  });
});

describe('one press, one timeout', () => {
  it('Send (the check, then the code) ends by request-timeout, though each call alone would have been in time', async () => {
    // Each call takes 1.5 s, within a 2 s timeout alone; together they are not.
    const { el, companyId } = await mount({ methods: 'email', attributes: { 'request-timeout': '2000' } });
    await flowReady(el);
    await injectFault(companyId, 'checkStatus', 'delay', { delayMs: 1500 });
    await injectFault(companyId, 'sendCode', 'delay', { delayMs: 1500 });
    // Typed and sent in one task, so the press makes the check itself (no check started while typing,
    // which a slow machine's pauses between keys would start early).
    fill(part<HTMLInputElement>(el, '#email'), uniqueEmail('one-timeout'));
    part<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => alerts(el).some((text) => /took too long/.test(text)), `no timeout shown; showed ${JSON.stringify(alerts(el))}`, {
      timeout: 8000,
    });
    expect(query(el, '#code')).to.equal(null);
    expect(part(el, 'button[type=submit]').getAttribute('aria-busy')).to.equal('false');
    expect(await requestsOf(companyId, 'checkStatus')).to.have.length(1);
    expect((await requestsOf(companyId, 'sendCode')).length).to.be.at.most(1);

    // Trying again (the person's press) goes through once the gateway is quick again.
    part(el, '#email').focus();
    await press('Enter');
    await waitForStep(el, '#code');
  });
});
