import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { backgroundBehind, contrastRatio } from './support/contrast.js';
import { alerts, focused, mount, part, phoneCountryOrder, press, query, showPhone, typeText, waitForStep } from './support/harness.js';
import { customersOf, injectFault, latestCode, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { phoneCountries, pickerOrder, preferredOrder } from '../src/phone/country-order.js';
import { loadIsoTable } from '../src/core/gateway/iso-table.js';
import type { CustomerRegister } from '../src/customer-register.js';

/** `shown`: the number as the code step writes it (international format, in bold); no spam-folder line for an SMS. */
async function registerByPhone(options: { country: string; typed: string; toUser: string; shown: string }) {
  const mounted = await mount({ country: options.country });
  const { el, companyId } = mounted;
  const input = await showPhone(el);
  input.focus();
  await typeText(options.typed);
  await press('Enter');
  await waitForStep(el, '#code');
  expect(focused(el)?.id).to.equal('code');
  // Shown with no-break spaces, so the number never breaks across lines.
  expect(part(el, '#code-hint strong').textContent!.replace(/[\u2068\u2069]/g, '')).to.equal(options.shown.replace(/ /g, '\u00a0'));
  expect(query(el, '#code-spam'), 'no spam folder for an SMS').to.equal(null);
  const registered = oneEvent(el, 'registered');
  const code = await latestCode(companyId, options.toUser);
  part<HTMLInputElement>(el, '#code').focus();
  await typeText(code);
  const event = await registered;
  const [stored] = await customersOf(companyId);
  expect(event.detail.customerNo).to.equal(stored.customerNo);
  const [sent] = await requestsOf(companyId, 'sendCode');
  expect(sent.body).to.deep.include({ bizType: 'SMS_REGISTER_VERIFICATION_CODE', toUser: options.toUser });
  return stored.registerBody;
}

describe('phone registration, end to end', () => {
  it('China (+86): the national number is the login name, +86 the phoneArea', async () => {
    const body = await registerByPhone({ country: 'CN', typed: '131 2345 6789', toUser: '86 13123456789', shown: '+86 131 2345 6789' });
    expect(body).to.deep.include({ loginName: '13123456789', phoneArea: '+86', type: 2, country: 'ISO_3166_156' });
  });

  it('United Kingdom (+44), typed in national format with its trunk 0', async () => {
    const body = await registerByPhone({ country: 'GB', typed: '07400 123456', toUser: '44 7400123456', shown: '+44 7400 123456' });
    expect(body).to.deep.include({ loginName: '7400123456', phoneArea: '+44', type: 2, country: 'ISO_3166_826' });
  });

  it('an international number switches the country (+1 from a Chinese default)', async () => {
    const body = await registerByPhone({ country: 'CN', typed: '+1 201-555-0123', toUser: '1 2015550123', shown: '+1 201-555-0123' });
    expect(body).to.deep.include({ loginName: '2015550123', phoneArea: '+1', type: 2, country: 'ISO_3166_840' });
  });
});

describe('phone entry', () => {
  it('after a reload on the code step, going back shows the number the code went to', async () => {
    const companyId = uniqueCompanyId('phone-reload');
    const before = await mount({ companyId, country: 'GB', methods: 'phone' });
    (await showPhone(before.el)).focus();
    await typeText('07400 123456');
    await press('Enter');
    await waitForStep(before.el, '#code');
    before.el.remove(); // the page goes away and comes back

    const after = await mount({ companyId, country: 'CN', methods: 'phone' });
    await waitForStep(after.el, '#code');
    expect(part(after.el, '#code-hint strong').textContent, 'still formatted after the reload').to.contain('+44\u00a07400\u00a0123456');
    const back = [...after.el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.textContent!.includes('different mobile number'))!;
    back.click();
    const input = await showPhone(after.el);
    await waitUntil(() => input.value.replace(/\D/g, '').endsWith('7400123456'), `the number is not back: "${input.value}"`);
    expect(query(after.el, '.iti__selected-country')!.getAttribute('aria-label')).to.contain('+44');
  });

  it('a number that has an account: the notice at the phone field, and "Use another number" empties and focuses it', async () => {
    const companyId = uniqueCompanyId('phone-exists');
    const first = await mount({ companyId, country: 'GB', methods: 'phone' });
    (await showPhone(first.el)).focus();
    await typeText('07400 123456');
    await press('Enter');
    await waitForStep(first.el, '#code');
    const registered = oneEvent(first.el, 'registered');
    part<HTMLInputElement>(first.el, '#code').focus();
    await typeText(await latestCode(companyId, '44 7400123456'));
    await registered;
    first.el.remove();

    const second = await mount({ companyId, country: 'GB', methods: 'phone', attributes: { 'login-url': '/signin' } });
    const exists = oneEvent(second.el, 'account-exists');
    (await showPhone(second.el)).focus();
    await typeText('07400 123456');
    await press('Enter');
    expect((await exists).detail.method).to.equal('phone');
    await waitUntil(() => query(second.el, '#send-error'), 'no notice');
    expect(part(second.el, '#send-error').getAttribute('role')).to.equal('status');
    // The next thing drawn after the phone field's own parts is the notice.
    const phoneField = part(second.el, '#phone').closest('.field')!;
    const after = [...second.el.shadowRoot!.querySelectorAll<HTMLElement>('form *')].filter(
      (node) => node.getBoundingClientRect().height > 0 && phoneField.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !phoneField.contains(node),
    );
    expect(after[0]?.closest('.exists'), 'the notice comes right after the phone field').to.not.equal(null);
    expect(new URL(part<HTMLAnchorElement>(second.el, '#sign-in').href).searchParams.get('phone')).to.equal('+447400123456');
    const another = part<HTMLButtonElement>(second.el, '#use-another');
    expect(another.textContent!.trim()).to.equal('Use another number');
    another.click();
    await waitUntil(() => focused(second.el)?.id === 'phone', 'focus did not go to the phone field');
    expect(part<HTMLInputElement>(second.el, '#phone').value).to.equal('');
    expect(query(second.el, '#send-error'), 'the notice goes').to.equal(null);
  });

  it('is accessible, labelled, and its country button names the visible dial code', async () => {
    const { el } = await mount({ country: 'CN' });
    await showPhone(el);
    await expect(el).to.be.accessible();
    const countryButton = part(el, '.iti__selected-country');
    expect(countryButton.getAttribute('aria-label')).to.contain('+86');
  });

  const badNumbers: [string, string, string][] = [
    ['GB', '07400 1234', 'too short'],
    ['GB', '07400 1234567890', 'too long'],
    ['GB', '13123456789', 'too long'],
    ['GB', '06123 456789', 'not valid'],
    ['GB', '020 7946 0018', 'mobile number'],
    ['CN', '', 'Enter your mobile number'],
  ];
  for (const [country, typed, message] of badNumbers) {
    it(`"${typed}" in ${country} is refused before any request: "${message}"`, async () => {
      const { el, companyId } = await mount({ country });
      const input = await showPhone(el);
      input.focus();
      if (typed) await typeText(typed);
      await press('Enter');
      await waitUntil(() => part(el, '#phone-error').textContent!.trim(), 'no inline message');
      expect(part(el, '#phone-error').textContent).to.contain(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(focused(el)?.id).to.equal('phone');
      expect(await requestsOf(companyId, 'checkStatus')).to.have.length(0);
      expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
    });
  }

  it('an invalid number (the UK\'s drama range) is answered with an example of the country, the placeholder\'s as dialled at home', async () => {
    const { el, companyId } = await mount({ country: 'GB' });
    const input = await showPhone(el);
    input.focus();
    await typeText('07700 900123');
    await press('Enter');
    await waitUntil(() => part(el, '#phone-error').textContent!.trim(), 'no inline message');
    const message = part(el, '#phone-error').textContent!;
    expect(message).to.contain('not valid');
    expect(input.placeholder).to.equal('+44 7400 123456');
    // Isolated, so a right-to-left sentence keeps the digit groups in order.
    expect(message).to.contain('For example: \u206607400 123456\u2069');
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
  });

  it('offers exactly the gateway\'s countries, the site\'s country first, then the language\'s and the browser\'s regions', async () => {
    const { el } = await mount({ country: 'GB', lang: 'zh-CN' });
    await showPhone(el);
    const order = phoneCountryOrder(el);
    expect(order.slice(0, 3)).to.deep.equal(['gb', 'cn', 'us']);
    // Every listed country is the gateway's, and every one of the gateway's is listed once.
    const countryList = (await requestsOf((el as unknown as { companyId: string }).companyId, 'countryList')).length;
    expect(countryList).to.equal(1);
    const expected = await fetchGatewayIso2('zh-CN');
    expect([...order].sort()).to.deep.equal([...expected].sort());
    // After the preferred ones, the names as shown, in Chinese collation (pinyin), as the residence list beside it
    // (once the Chinese strings are in: until then the field is the one built while they loaded).
    const names = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.iti__country .iti__country-name')].slice(3).map((n) => n.textContent!.trim());
    const collated = () => JSON.stringify([...names()].sort(new Intl.Collator('zh-CN').compare));
    await waitUntil(() => names().length >= 10 && JSON.stringify(names()) === collated(), `not in Chinese order: ${names().slice(0, 8)}`);
  });

  it('keeps the method and what was typed while switching back and forth, by keyboard', async () => {
    const { el } = await mount({ country: 'CN' });
    const email = uniqueEmail('switch');
    part<HTMLInputElement>(el, '#email').focus();
    await typeText(email);
    part(el, '#tab-email').focus();
    await press('ArrowRight');
    expect(focused(el)?.id).to.equal('tab-phone');
    expect(part(el, '#tab-phone').getAttribute('aria-selected')).to.equal('true');
    const input = await showPhone(el);
    input.focus();
    await typeText('131 2345 6789');
    part(el, '#tab-phone').focus();
    await press('ArrowLeft');
    await waitUntil(() => query(el, '#email'));
    expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
    await press('End');
    const again = await showPhone(el);
    expect(again.value.replace(/\D/g, '')).to.equal('13123456789');
  });

  it('opens its country list inside the shadow root, sized and below the field, leaking no style into the page', async () => {
    const stylesBefore = document.querySelectorAll('style, link[rel=stylesheet]').length;
    const { el } = await mount({ country: 'GB' });
    const input = await showPhone(el);
    part(el, '.iti__selected-country').click();
    const list = part(el, '.iti__country-selector');
    await waitUntil(() => !list.classList.contains('iti__hide'), 'the list never opened');
    const listBox = list.getBoundingClientRect();
    expect(listBox.height).to.be.greaterThan(100).and.lessThan(400);
    expect(listBox.top).to.be.at.least(input.getBoundingClientRect().bottom - 1);
    expect(getComputedStyle(part(el, '.iti__flag')).backgroundImage, 'flag sprite served next to the chunk').to.contain('flags');
    expect(document.adoptedStyleSheets).to.have.length(0);
    expect(document.querySelectorAll('style, link[rel=stylesheet]').length).to.equal(stylesBefore);
    expect(document.querySelector('.iti, .iti__country-selector'), 'nothing of it outside the shadow root').to.equal(null);
    await press('Escape');
  });

  it('the country search speaks: a named dialog, a live count, "no results" in words, and axe finds nothing with it open', async () => {
    const { el } = await mount({ country: 'GB' });
    await showPhone(el);
    part(el, '.iti__selected-country').click();
    const list = part(el, '.iti__country-selector');
    await waitUntil(() => !list.classList.contains('iti__hide'), 'the list never opened');
    expect(list.getAttribute('role')).to.equal('dialog');
    expect(list.getAttribute('aria-label'), 'the dialog is named').to.equal('Countries and regions');
    const summary = part(el, '.iti__a11y-text');
    expect(summary.getAttribute('aria-live')).to.equal('polite');
    expect(summary.getAttribute('role')).to.equal('status');
    expect(summary.textContent).to.match(/^\d+ countries and regions found$/);
    await expect(el).to.be.accessible();
    await typeText('Zzqx');
    await waitUntil(() => summary.textContent === 'No matching country or region', `said "${summary.textContent}"`);
    await press('Backspace');
    await press('Backspace');
    await press('Backspace');
    await press('Backspace');
    await typeText('united');
    await waitUntil(() => /^\d+ countr/.test(summary.textContent ?? ''), `said "${summary.textContent}"`);
    await press('Escape');
  });

  for (const theme of ['light', 'dark']) {
    it(`${theme}: the open country list is readable (text 4.5:1 on its background) and its highlighted country outlined`, async () => {
      const { el } = await mount({ country: 'GB', attributes: { theme } });
      await showPhone(el);
      part(el, '.iti__selected-country').click();
      const list = part(el, '.iti__country-selector');
      await waitUntil(() => !list.classList.contains('iti__hide'), 'the list never opened');
      await press('ArrowDown');
      const name = part(el, '.iti__country .iti__country-name');
      const ratio = contrastRatio(getComputedStyle(name).color, backgroundBehind(name));
      expect(ratio, `country name on the list (${getComputedStyle(name).color} on ${backgroundBehind(name)})`).to.be.at.least(4.5);
      const search = part(el, '.iti__search-input');
      expect(contrastRatio(getComputedStyle(search).color, backgroundBehind(search)), 'search text').to.be.at.least(4.5);
      const highlighted = part(el, '.iti__country.iti__highlight');
      expect(getComputedStyle(highlighted).outlineStyle).to.equal('solid');
      const outline = contrastRatio(getComputedStyle(highlighted).outlineColor, backgroundBehind(list));
      expect(outline, 'highlight outline against the list').to.be.at.least(3);
      await press('Escape');
    });
  }

  it('a failing country list shows a retry; the field then loads', async () => {
    const companyId = uniqueCompanyId('phone-list');
    await injectFault(companyId, 'countryList', 'http', { status: 500 });
    const { el } = await mount({ companyId, methods: 'phone' });
    await waitUntil(() => alerts(el).length > 0, 'no message shown');
    expect(query<HTMLInputElement>(el, 'label[for="phone"] ~ input#phone')!.disabled).to.equal(true);
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again');
    retry!.click();
    await showPhone(el);
    expect(query(el, '#tab-email'), 'phone only: no tabs').to.equal(null);
  });

  it('the reference gateway keeps e-mail and phone accounts apart and validates numbers itself', async () => {
    const companyId = uniqueCompanyId('gw-phone');
    const { gatewayUrl } = await import('./support/reference-gateway.js');
    const post = async (path: string, body: object) => {
      const response = await fetch(`${await gatewayUrl()}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', version: '0.0.1', companyId, trace: crypto.randomUUID(), lang: 'en-US' },
        body: JSON.stringify(body),
      });
      return response.json();
    };
    const send = '/global/message.app.VerificationApiService.verifyCodeSend';
    const bad = await post(send, { bizType: 'SMS_REGISTER_VERIFICATION_CODE', toUser: '86 12345', country: 'ISO_3166_156' });
    expect(bad).to.include({ ok: false, code: 'PARAM_INVALID' });
    const wrongArea = await post(send, { bizType: 'SMS_REGISTER_VERIFICATION_CODE', toUser: '44 13123456789', country: 'ISO_3166_156' });
    expect(wrongArea.ok).to.equal(false);
    const good = await post(send, { bizType: 'SMS_REGISTER_VERIFICATION_CODE', toUser: '86 13123456789', country: 'ISO_3166_156' });
    expect(good.ok).to.equal(true);
    const status = '/cats-gateway/global/customer.app.CustomerWebApiService.checkStatus';
    expect((await post(status, { type: 2, loginName: '13123456789', phoneArea: '+86' })).data).to.deep.equal({ status: 2 });
  });
});

/** The country of residence field, once the gateway's list is in it. */
async function residenceField(el: CustomerRegister): Promise<HTMLSelectElement> {
  await waitUntil(() => query(el, 'select#country:not([disabled])'), 'no country of residence field on this tab', { timeout: 10000 });
  return part<HTMLSelectElement>(el, '#country');
}

/** Chooses a residence as a person does with the select (its change event). */
async function chooseResidence(el: CustomerRegister, code: string) {
  const select = await residenceField(el);
  select.value = code;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Types the code the gateway sent to `toUser` and returns the register body it stored. */
async function finishWithCode(el: CustomerRegister, companyId: string, toUser: string) {
  await waitForStep(el, '#code');
  const registered = oneEvent(el, 'registered');
  part<HTMLInputElement>(el, '#code').focus();
  await typeText(await latestCode(companyId, toUser));
  await registered;
  const [stored] = await customersOf(companyId);
  return stored;
}

describe('country of residence on the phone tab', () => {
  it('is a field of its own below the number, labelled as on the e-mail tab, and axe finds nothing', async () => {
    const { el } = await mount({ country: 'GB' });
    const phone = await showPhone(el);
    const select = await residenceField(el);
    expect(select.labels[0]?.textContent?.trim()).to.equal('Country or region of residence');
    expect(phone.compareDocumentPosition(select) & Node.DOCUMENT_POSITION_FOLLOWING, 'below the number').to.not.equal(0);
    expect(select.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('follows the number\'s country until chosen: +44 typed from a Chinese default registers the United Kingdom', async () => {
    const { el, companyId } = await mount({ country: 'CN' });
    const input = await showPhone(el);
    const select = await residenceField(el);
    expect(select.value, 'the flag\'s country to begin with').to.equal('ISO_3166_156');
    input.focus();
    await typeText('+44 7400 123456');
    await waitUntil(() => select.value === 'ISO_3166_826', `the residence did not follow the number: ${select.value}`);
    await press('Enter');
    const stored = await finishWithCode(el, companyId, '44 7400123456');
    expect(stored.registerBody).to.deep.include({ loginName: '7400123456', phoneArea: '+44', country: 'ISO_3166_826' });
  });

  it('a residence chosen (Germany) stays with a +44 number: register sends country ISO_3166_276 and dial code +44', async () => {
    const { el, companyId } = await mount({ country: 'GB' });
    const input = await showPhone(el);
    await chooseResidence(el, 'ISO_3166_276');
    input.focus();
    await typeText('07400 123456');
    expect(part<HTMLSelectElement>(el, '#country').value, 'the number does not move a chosen residence').to.equal('ISO_3166_276');
    await press('Enter');
    const stored = await finishWithCode(el, companyId, '44 7400123456');
    expect(stored.registerBody).to.deep.include({ type: 2, loginName: '7400123456', phoneArea: '+44', country: 'ISO_3166_276' });
    expect((stored as unknown as { country: string }).country, 'the gateway\'s record').to.equal('ISO_3166_276');
    const [sent] = await requestsOf(companyId, 'sendCode');
    expect(sent.body).to.deep.include({ toUser: '44 7400123456', country: 'ISO_3166_276' });
  });

  it('switching tabs keeps the chosen residence, both ways, and a number typed after does not move it', async () => {
    const { el } = await mount({ country: 'CN' });
    await chooseResidence(el, 'ISO_3166_276');
    const input = await showPhone(el);
    expect((await residenceField(el)).value, 'chosen on the e-mail tab').to.equal('ISO_3166_276');
    input.focus();
    await typeText('+44 7400 123456');
    await waitUntil(() => query(el, '.iti__selected-country')?.getAttribute('aria-label')?.includes('+44'), 'the flag did not follow the number');
    expect(part<HTMLSelectElement>(el, '#country').value).to.equal('ISO_3166_276');
    await chooseResidence(el, 'ISO_3166_250');
    part<HTMLButtonElement>(el, '#tab-email').click();
    await waitUntil(() => query(el, '#email'), 'the e-mail tab did not come');
    expect((await residenceField(el)).value, 'chosen on the phone tab').to.equal('ISO_3166_250');
  });

  it('a reload on the first step, then on the code step, keeps the chosen residence', async () => {
    const companyId = uniqueCompanyId('phone-residence-reload');
    const before = await mount({ companyId, country: 'GB', methods: 'phone' });
    const input = await showPhone(before.el);
    await chooseResidence(before.el, 'ISO_3166_276');
    input.focus();
    await typeText('07400 123456');
    await before.el.updateComplete;
    before.el.remove(); // the page goes away and comes back, on the first step

    const again = await mount({ companyId, country: 'GB', methods: 'phone' });
    const back = await showPhone(again.el);
    await waitUntil(() => back.value.replace(/\D/g, '').endsWith('7400123456'), `the number is not back: "${back.value}"`);
    expect((await residenceField(again.el)).value).to.equal('ISO_3166_276');
    back.focus();
    await press('Enter');
    await waitForStep(again.el, '#code');
    again.el.remove(); // and again, on the code step

    const after = await mount({ companyId, country: 'GB', methods: 'phone' });
    const stored = await finishWithCode(after.el, companyId, '44 7400123456');
    expect(stored.registerBody).to.deep.include({ phoneArea: '+44', country: 'ISO_3166_276' });
  });

  it('after a reload on the code step, going back shows the residence chosen and the number\'s own flag', async () => {
    const companyId = uniqueCompanyId('phone-residence-back');
    const before = await mount({ companyId, country: 'GB', methods: 'phone' });
    const input = await showPhone(before.el);
    await chooseResidence(before.el, 'ISO_3166_124');
    input.focus();
    // +1 is the United States' and Canada's: the flag chosen (here the United States') comes back as it was.
    await typeText('+1 201-555-0123');
    await waitUntil(() => query(before.el, '.iti__selected-country')?.getAttribute('aria-label')?.includes('United States'), 'not the United States');
    await press('Enter');
    await waitForStep(before.el, '#code');
    before.el.remove();

    const after = await mount({ companyId, country: 'GB', methods: 'phone' });
    await waitForStep(after.el, '#code');
    const different = [...after.el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.textContent!.includes('different mobile number'))!;
    different.click();
    const back = await showPhone(after.el);
    await waitUntil(() => back.value.replace(/\D/g, '').endsWith('2015550123'), `the number is not back: "${back.value}"`);
    expect(query(after.el, '.iti__selected-country')!.getAttribute('aria-label')).to.contain('United States');
    expect((await residenceField(after.el)).value).to.equal('ISO_3166_124');
  });
});

describe('country order (pure)', () => {
  before(() => loadIsoTable());

  it('keeps the gateway\'s countries that map to ISO alpha-2 and orders the preferred without duplicates', () => {
    const offered = phoneCountries([
      { code: 'ISO_3166_156', countryCode: '86', name: 'China' },
      { code: 'ISO_3166_826', countryCode: '44', name: 'United Kingdom' },
      { code: 'XX_1', countryCode: '0', name: 'Unknown' },
    ]);
    expect(offered.map((c) => c.iso2)).to.deep.equal(['cn', 'gb']);
    expect(preferredOrder(offered, [undefined, 'ISO_3166_826', 'ISO_3166_840', 'ISO_3166_826', 'ISO_3166_156'])).to.deep.equal(['gb', 'cn']);
  });

  it('puts the preferred first, then the rest by name in the form\'s language', () => {
    const offered = phoneCountries([
      { code: 'ISO_3166_818', countryCode: '20', name: 'Egypt' },
      { code: 'ISO_3166_040', countryCode: '43', name: 'Austria' },
      { code: 'ISO_3166_276', countryCode: '49', name: 'Germany' },
      { code: 'ISO_3166_008', countryCode: '355', name: 'Albania' },
    ]);
    const german = new Intl.DisplayNames(['de'], { type: 'region' });
    // Ägypten files under A in German: Ägypten, Albanien, Österreich (Ö as O).
    expect(pickerOrder(offered, ['de'], (entry) => german.of(entry.iso2.toUpperCase())!, 'de-DE')).to.deep.equal(['de', 'eg', 'al', 'at']);
  });
});

async function fetchGatewayIso2(lang: string): Promise<string[]> {
  const { fetchCountryList } = await import('../src/core/gateway/country-list.js');
  const { testConfig } = await import('./support/reference-gateway.js');
  const countries = await fetchCountryList(await testConfig(uniqueCompanyId('list'), lang));
  return phoneCountries(countries).map((c) => c.iso2);
}

