import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { FIRST_TOUCH_KEY, FIRST_TOUCH_TTL_MS, firstTouch, resolveUtm, utmFromUrl } from '../src/core/embedding/attribution.js';
import { agentReferral, parseCustomerGroupId, registerExtras } from '../src/core/embedding/register-fields.js';
import { meetsPasswordRules, passwordDigest, passwordRuleResults } from '../src/core/embedding/password.js';
import { parseRegisterSource } from '../src/core/gateway/contract.js';
import { encodeRegisterBody } from '../src/core/gateway/register.js';
import {
  countriesLoaded,
  enterCodeAndRegister,
  focused,
  mount,
  part,
  press,
  query,
  registerByEmail,
  requestCodeFor,
  typeInto,
  typeText,
  waitForStep,
} from './support/harness.js';
import { latestCode, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';

/** The site's terms, as a page slots them. */
function siteTerms(): HTMLElement {
  const terms = document.createElement('span');
  terms.slot = 'terms';
  terms.textContent = 'I accept the terms of business';
  return terms;
}

/** A Storage in memory, for attribution without touching the test page's own. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

/**
 * Runs `body` with the page URL also carrying the parameters of `search`, then
 * puts the URL back. The runner's own parameters (its session id) stay in place.
 */
async function withUrl<T>(search: string, body: () => Promise<T>): Promise<T> {
  const original = location.href;
  const url = new URL(original);
  for (const [name, value] of new URLSearchParams(search)) url.searchParams.set(name, value);
  history.replaceState(null, '', url);
  try {
    return await body();
  } finally {
    history.replaceState(null, '', original);
  }
}

describe('register fields from the page (pure)', () => {
  it('reads utm_* from the URL, cleaning control characters and capping length', () => {
    expect(utmFromUrl('?utm_source=news%0Aletter&utm_medium=email&utm_term=' + 'x'.repeat(300) + '&other=1')).to.deep.equal({
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmTerm: 'x'.repeat(256),
    });
  });

  it('remembers the first touch for 30 days, then lets a new one in', () => {
    const storage = memoryStorage();
    const t0 = 1_700_000_000_000;
    expect(firstTouch({ utmSource: 'first' }, t0, storage)).to.deep.equal({ utmSource: 'first' });
    expect(firstTouch({ utmSource: 'second' }, t0 + 1000, storage)).to.deep.equal({ utmSource: 'first' });
    expect(firstTouch({}, t0 + 2000, storage)).to.deep.equal({ utmSource: 'first' });
    expect(firstTouch({ utmSource: 'later' }, t0 + FIRST_TOUCH_TTL_MS, storage)).to.deep.equal({ utmSource: 'later' });
    storage.setItem(FIRST_TOUCH_KEY, '{not json');
    expect(firstTouch({}, t0, storage)).to.deep.equal({});
    expect(firstTouch({ utmSource: 'no storage' }, t0, null)).to.deep.equal({ utmSource: 'no storage' });
  });

  it('attributes win field by field; otherwise one touch\'s whole set', () => {
    expect(resolveUtm({ utmSource: 'partner', utmMedium: ' ' }, { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'spring' })).to.deep.equal({
      utmSource: 'partner',
      utmMedium: 'cpc',
      utmCampaign: 'spring',
    });
  });

  it('register source by number or seed name; unknown ones warn and fall back', () => {
    expect(parseRegisterSource('7')).to.equal(7);
    expect(parseRegisterSource('pc_web')).to.equal(2);
    expect(parseRegisterSource('H5')).to.equal(1);
    expect(parseRegisterSource('HOS')).to.equal(6);
    expect(parseRegisterSource('Fax')).to.equal(undefined);
    const warnings: string[] = [];
    const extras = registerExtras({ utmAttributes: {}, touch: {}, registerSource: 'Fax', detectedRegisterSource: 2, search: '', lang: 'en-US' }, (w) => warnings.push(w));
    expect(extras.registerSource).to.equal(2);
    expect(warnings[0]).to.contain('register-source="Fax"');
  });

  it('customer group id stays an exact int64 string, written as a bare JSON integer', () => {
    const warnings: string[] = [];
    expect(parseCustomerGroupId('9007199254740993', (w) => warnings.push(w))).to.equal('9007199254740993');
    expect(parseCustomerGroupId('9223372036854775808', (w) => warnings.push(w))).to.equal(undefined);
    expect(parseCustomerGroupId('12abc', (w) => warnings.push(w))).to.equal(undefined);
    expect(warnings).to.have.length(2);
    expect(encodeRegisterBody({ type: 1, customerGroupId: '9007199254740993' })).to.equal('{"type":1,"customerGroupId":9007199254740993}');
    expect(encodeRegisterBody({ customerGroupId: '5' })).to.equal('{"customerGroupId":5}');
    expect(encodeRegisterBody({ type: 1 })).to.equal('{"type":1}');
  });

  it('agent referral from attributes, or from the URL parameter agent-param names', () => {
    expect(agentReferral({ agentCode: 'AG1', search: '' })).to.deep.equal({ thirdServerSource: 'agent', thirdServerCode: 'AG1' });
    expect(agentReferral({ agentParam: 'ref', search: '?ref=AG2' })).to.deep.equal({ thirdServerSource: 'agent', thirdServerCode: 'AG2' });
    expect(agentReferral({ agentSource: 'ib', agentCode: 'AG3', agentParam: 'ref', search: '?ref=AG2' })).to.deep.equal({ thirdServerSource: 'ib', thirdServerCode: 'AG3' });
    expect(agentReferral({ agentParam: 'ref', search: '?other=1' })).to.deep.equal({});
  });

  it('password rules and the MD5 digest (RFC 1321 test vector)', async () => {
    expect(passwordRuleResults('short1')).to.deep.equal({ length: false, letter: true, digit: true });
    expect(meetsPasswordRules('longenough')).to.equal(false);
    expect(meetsPasswordRules('longenough1')).to.equal(true);
    expect(await passwordDigest('abc')).to.equal('900150983cd24fb0d6963f7d28e17f72');
  });
});

describe('register fields reach the gateway (end to end)', () => {
  it('utm from the URL, remembered as the first touch for a later page without utm', async () => {
    localStorage.removeItem(FIRST_TOUCH_KEY);
    const first = await withUrl('?utm_source=newsletter&utm_medium=email&utm_campaign=spring', async () => {
      const mounted = await mount();
      return registerByEmail(mounted);
    });
    expect(first.request.body).to.deep.include({ utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'spring' });

    // Two pages later, no utm in the URL: still attributed to the first touch.
    const later = await withUrl('?page=pricing', async () => registerByEmail(await mount()));
    expect(later.request.body).to.deep.include({ utmSource: 'newsletter', utmCampaign: 'spring' });
    localStorage.removeItem(FIRST_TOUCH_KEY);
  });

  it('utm attributes override; attribution="off" neither reads nor writes the first touch', async () => {
    localStorage.setItem(FIRST_TOUCH_KEY, JSON.stringify({ utm: { utmSource: 'old', utmCampaign: 'old' }, at: Date.now() }));
    const { request } = await withUrl('?utm_source=url&utm_campaign=url-campaign', async () =>
      registerByEmail(await mount({ attributes: { attribution: 'off', 'utm-source': 'partner-site' } })),
    );
    expect(request.body).to.deep.include({ utmSource: 'partner-site', utmCampaign: 'url-campaign' });
    expect(JSON.parse(localStorage.getItem(FIRST_TOUCH_KEY)!).utm.utmSource).to.equal('old');
    localStorage.removeItem(FIRST_TOUCH_KEY);
  });

  it('registerSource detected (PC_Web on desktop) or set by name; registerDevice from client hints', async () => {
    const detected = await registerByEmail(await mount());
    expect(detected.request.body!.registerSource).to.equal(2);
    const device = detected.request.body!.registerDevice as string;
    expect(device).to.be.a('string').and.match(/\S/);
    expect(device.length).to.be.at.most(200);
    const named = await registerByEmail(await mount({ attributes: { 'register-source': 'PC_Win' } }));
    expect(named.request.body!.registerSource).to.equal(7);
  });

  it('customerGroupId 9007199254740993 reaches the gateway unchanged', async () => {
    const { request } = await registerByEmail(await mount({ attributes: { 'customer-group-id': '9007199254740993' } }));
    expect(request.raw).to.contain('"customerGroupId":9007199254740993');
    expect(request.body!.customerGroupId).to.equal('9007199254740993');
  });

  it('agent referral from attributes and from the URL parameter', async () => {
    const fromAttributes = await registerByEmail(await mount({ attributes: { 'agent-code': 'AG-7', 'agent-source': 'agent' } }));
    expect(fromAttributes.request.body).to.deep.include({ thirdServerSource: 'agent', thirdServerCode: 'AG-7' });
    const fromUrl = await withUrl('?ref=AG-9', async () => registerByEmail(await mount({ attributes: { 'agent-param': 'ref' } })));
    expect(fromUrl.request.body).to.deep.include({ thirdServerSource: 'agent', thirdServerCode: 'AG-9' });
  });

  it('openAccountType from account-type, or from the person\'s choice', async () => {
    const fixed = await registerByEmail(await mount({ attributes: { 'account-type': 'enterprise' } }));
    expect(fixed.request.body!.openAccountType).to.equal(1);

    const mounted = await mount({ attributes: { 'account-types': 'individual enterprise' } });
    await countriesLoaded(mounted.el);
    const radios = [...mounted.el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=account-type]')];
    expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([['individual', true], ['enterprise', false]]);
    await expect(mounted.el).to.be.accessible();
    radios[1].click();
    const chosen = await registerByEmail(mounted);
    expect(chosen.request.body!.openAccountType).to.equal(1);
  });

  it('tradeTypeCurrencyList is passed through from the JS property', async () => {
    const mounted = await mount();
    const list = [{ allCurrency: 'USD,HKD', tradeType: 'STOCK' }];
    mounted.el.tradeTypeCurrencyList = list;
    const { request } = await registerByEmail(mounted);
    expect(request.body!.tradeTypeCurrencyList).to.deep.equal(list);
  });

  it('password="required": rules shown as you type, weak refused, only the MD5 digest sent', async () => {
    const mounted = await mount({ attributes: { password: 'required' } });
    const { el, companyId } = mounted;
    await countriesLoaded(el);
    await expect(el).to.be.accessible();
    const email = uniqueEmail('pwd');
    await typeInto(el, '#email', email);
    await typeInto(el, '#password', 'short');
    expect([...el.shadowRoot!.querySelectorAll('#password-rules li.met')]).to.have.length(1);
    await press('Enter');
    await waitUntil(() => part(el, '#password-error').textContent!.trim(), 'no password message');
    expect(query(el, '#code')).to.equal(null);
    part(el, '[part~=password-toggle]').click();
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, '#password').type).to.equal('text');
    await typeInto(el, '#password', '123'); // "short123": letters, digits, 8 characters
    expect([...el.shadowRoot!.querySelectorAll('#password-rules li.met')]).to.have.length(3);
    await press('Enter');
    await waitForStep(el, '#code');
    const event = await enterCodeAndRegister(mounted, email);
    expect(event.detail.customerNo).to.match(/^\d+$/);
    const [register] = await requestsOf(companyId, 'register');
    // md5("short123") as Node's crypto computes it: a second implementation to check ours against.
    expect(register.body!.pwd).to.equal('f2a62775e76f78da63e2ac7ea5503b1f');
    expect(register.raw).not.to.contain('short123');
  });

  it('a terms slot adds a required checkbox to the first step, above Send; unticked, Send sends nothing and says so at the checkbox', async () => {
    const mounted = await mount({ children: [siteTerms()] });
    const { el, companyId } = mounted;
    await countriesLoaded(el);
    await waitUntil(() => query(el, '#terms'), 'no terms on the first step');
    const checkbox = part<HTMLInputElement>(el, '#terms');
    const send = part<HTMLButtonElement>(el, 'button[type=submit]');
    expect(checkbox.required).to.equal(true);
    expect(checkbox.compareDocumentPosition(send) & Node.DOCUMENT_POSITION_FOLLOWING, 'the terms come before Send').to.not.equal(0);
    expect(checkbox.getAttribute('aria-describedby')).to.equal('terms-error');
    // Labelled by the site's own words (slotted into its label).
    expect(part<HTMLLabelElement>(el, 'label[for=terms]').querySelector('slot')!.assignedNodes()[0].textContent).to.equal('I accept the terms of business');
    const email = uniqueEmail('terms');
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitUntil(() => part(el, '#terms-error').textContent!.trim(), 'no terms message');
    expect(part(el, '#terms-error').textContent).to.contain('Please accept the terms to continue.');
    expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused(el)?.id === 'terms', 'focus never went to the terms');
    await expect(el).to.be.accessible();
    // Nothing went to the gateway: no code sent, the inbox is empty.
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
    let sent = true;
    await latestCode(companyId, email).catch(() => (sent = false));
    expect(sent, 'a code was sent with the terms unticked').to.equal(false);
    expect(query(el, '#code')).to.equal(null);

    // Ticking clears the message; Send then sends, and the code step has no terms: the sixth digit registers.
    checkbox.click();
    await waitUntil(() => !part(el, '#terms-error').textContent!.trim(), 'the terms message stayed after ticking');
    expect(checkbox.getAttribute('aria-invalid')).to.equal('false');
    send.click();
    await waitForStep(el, '#code');
    expect(query(el, '#terms'), 'terms on the code step').to.equal(null);
    expect(part(el, '#code').getAttribute('aria-describedby')!.split(' ')).to.include('code-auto');
    const event = await enterCodeAndRegister(mounted, email);
    expect(event.detail.customerNo).to.match(/^\d+$/);
  });

  it('the terms answer is kept across method switches and a reload on the code step, and another registration asks anew', async () => {
    const companyId = uniqueCompanyId('terms-kept');
    const before = await mount({ companyId, children: [siteTerms()], attributes: { 'register-another': '' } });
    await countriesLoaded(before.el);
    await waitUntil(() => query(before.el, '#terms'), 'no terms on the first step');
    part<HTMLInputElement>(before.el, '#terms').click();
    part(before.el, '#tab-phone').click();
    await before.el.updateComplete;
    part(before.el, '#tab-email').click();
    await before.el.updateComplete;
    expect(part<HTMLInputElement>(before.el, '#terms').checked, 'the tick is lost on a method switch').to.equal(true);
    const email = uniqueEmail('terms-reload');
    await requestCodeFor(before.el, email);
    before.el.remove(); // the page goes away on the code step...

    const after = await mount({ companyId, children: [siteTerms()], attributes: { 'register-another': '' } }); // ...and comes back
    await waitForStep(after.el, '#code');
    expect(query(after.el, '#terms'), 'terms on the resumed code step').to.equal(null);
    // Back to the first step for another address: the terms were accepted before the code was sent, and still are.
    [...after.el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Use a different email address')!.click();
    await waitForStep(after.el, '#email');
    await waitUntil(() => query(after.el, '#terms'), 'no terms on the first step after going back');
    expect(part<HTMLInputElement>(after.el, '#terms').checked, 'the tick is lost over a reload').to.equal(true);
    const other = uniqueEmail('terms-other');
    const field = part<HTMLInputElement>(after.el, '#email');
    field.focus();
    field.select();
    await typeText(other);
    await press('Enter');
    await waitForStep(after.el, '#code');
    const registered = oneEvent(after.el, 'registered');
    await typeInto(after.el, '#code', await latestCode(companyId, other));
    expect((await registered).detail.customerNo).to.match(/^\d+$/);

    await waitForStep(after.el, '#outcome');
    const another = [...part(after.el, '#outcome').querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Start another registration');
    another!.click();
    await waitUntil(() => query(after.el, '#terms'), 'no terms on the first step again');
    expect(part<HTMLInputElement>(after.el, '#terms').checked, 'another registration starts with the terms unticked').to.equal(false);
  });
});
