import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import enUS, { type Translation } from '../src/core/i18n/en-US.js';
import { directionOf, loadTranslation, resolveLocale, SUPPORTED_LOCALES } from '../src/core/i18n/locale-catalog.js';
import { counted } from '../src/core/i18n/plural.js';
import { checkGatewayMessages, checkReservedForAfterKyc, checkTranslation, EN_RESERVED_FOR_AFTER_KYC, type Glossary } from './support/locale-checks.js';
import { countriesLoaded, mount, part, press, query, requestCodeFor, showPhone, typeInto, waitForStep } from './support/harness.js';
import { gatewayUrl, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { DEFAULT_PATHS } from '../src/core/gateway/contract.js';
import type { CustomerRegister } from '../src/customer-register.js';

/** The locales that ship: 44, written out so that a lost one fails. */
const LOCALES = [
  'en-US', 'ar', 'bg-BG', 'bn-BD', 'cs-CZ', 'da-DK', 'de-DE', 'el-GR', 'es-419', 'es-ES', 'et-EE', 'fa-IR', 'fi-FI',
  'fil-PH', 'fr-CA', 'fr-FR', 'he-IL', 'hi-IN', 'hr-HR', 'hu-HU', 'id-ID', 'it-IT', 'ja-JP', 'ko-KR', 'lt-LT', 'lv-LV',
  'ms-MY', 'nb-NO', 'nl-NL', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'ru-RU', 'sk-SK', 'sl-SI', 'sv-SE', 'th-TH', 'tr-TR',
  'uk-UA', 'ur-PK', 'vi-VN', 'zh-CN', 'zh-TW',
];
const RIGHT_TO_LEFT = ['ar', 'fa-IR', 'he-IL', 'ur-PK'];
/** Every provider, so the longest names (Facebook, Telegram, MetaMask) are laid out in every language. */
const PROVIDERS_SHOWN = 'google facebook twitter telegram apple metamask';

async function gatewayMessagesOf(locale: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `/demo/gateway/messages/${locale}.mjs`)).default;
}

async function glossaryOf(locale: string): Promise<Glossary> {
  const response = await fetch(`/src/core/i18n/glossary/${locale}.json`);
  expect(response.ok, `src/core/i18n/glossary/${locale}.json`).to.equal(true);
  return response.json();
}

describe('translations', () => {
  it('ships the forty-four locales', () => {
    expect([...SUPPORTED_LOCALES].sort()).to.deep.equal([...LOCALES].sort());
  });

  for (const locale of LOCALES.slice(1)) {
    it(`${locale}: complete, every placeholder and plural form, nothing left in English, its glossary's terms`, async () => {
      const translation: Translation = await loadTranslation(locale);
      expect(translation).not.to.equal(enUS);
      const glossary = await glossaryOf(locale);
      const problems = [...checkTranslation(locale, translation, enUS, glossary), ...checkGatewayMessages(await gatewayMessagesOf(locale), glossary)];
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('an existing account without a sign-in page asks to sign in once, and the wallet failure does not repeat its Install link, in every language', async () => {
    const repeated: string[] = [];
    for (const locale of LOCALES) {
      const t = await loadTranslation(locale);
      const signInWords = locale === 'en-US' ? ['sign in', 'sign-in'] : (await glossaryOf(locale)).terms.signIn.match;
      const saysSignIn = (text: string) => signInWords.some((word) => text.toLocaleLowerCase(locale).includes(word.toLocaleLowerCase(locale)));
      // The notice reads accountExistsEmail/Phone/providerAccountExists, which ask to sign in, then this: where.
      if (saysSignIn(t.accountExistsNoLink)) repeated.push(`${locale}: accountExistsNoLink says sign in again: "${t.accountExistsNoLink}"`);
      // The message stands right above the "Install MetaMask" link (walletInstall).
      if (t.walletUnavailable.includes('MetaMask')) repeated.push(`${locale}: walletUnavailable repeats the Install link: "${t.walletUnavailable}"`);
    }
    expect(repeated, repeated.join('\n')).to.deep.equal([]);
  });

  it('en-US: the source registers (no "open an account", no "account ready"), and its gateway texts hold no developer word', async () => {
    const problems = [...checkReservedForAfterKyc(enUS, EN_RESERVED_FOR_AFTER_KYC), ...checkGatewayMessages(await gatewayMessagesOf('en-US'))];
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('the checks catch "open an account" words before KYC and a developer word in a gateway text, in any language', async () => {
    const de = await loadTranslation('de-DE');
    const glossary = await glossaryOf('de-DE');
    const opened = checkTranslation('de-DE', { ...de, successTitle: 'Ihr Konto ist eröffnet' }, enUS, glossary);
    expect(opened.join('\n')).to.match(/successTitle: says .* before KYC/);
    expect(checkReservedForAfterKyc({ ...enUS, successTitle: 'Your account is ready' }, EN_RESERVED_FOR_AFTER_KYC).join('\n')).to.contain('successTitle');
    const gateway = await gatewayMessagesOf('ja-JP');
    const ja = await glossaryOf('ja-JP');
    const ticket = checkGatewayMessages({ ...gateway, ticketInvalid: '認証チケットが無効です。' }, ja);
    expect(ticket.join('\n')).to.contain('gateway ticketInvalid');
    expect(checkGatewayMessages({ ...gateway, proofNonceMismatch: 'nonce が一致しません。' }, ja).join('\n')).to.contain('gateway proofNonceMismatch');
    expect(checkGatewayMessages({ ...gateway, fail: { pkce: 'PKCE' } }, ja), 'fail.* is for developers').to.deep.equal([]);
  });

  it('the checks catch a missing key, a lost argument, a missing plural form, English left in, an avoided word', async () => {
    const de = await loadTranslation('de-DE');
    const glossary = await glossaryOf('de-DE');
    const broken: Record<string, unknown> = {
      ...de,
      retry: enUS.retry,
      codeSentTo: () => 'Code gesendet.',
      resendIn: counted('pl-PL', { other: '{n} s' }),
    };
    delete broken.sendCode;
    const problems = checkTranslation('de-DE', broken, enUS, { ...glossary, avoid: [...glossary.avoid, { pattern: 'abbrechen', why: 'test' }] });
    expect(problems.join('\n')).to.contain('sendCode: missing');
    expect(problems.join('\n')).to.contain('codeSentTo: does not show its argument');
    expect(problems.join('\n')).to.contain("resendIn: counted for 'pl-PL'");
    expect(problems.join('\n')).to.contain('retry: still in English');
    expect(problems.join('\n')).to.match(/cancel: uses \/abbrechen\//);
    const polish = checkTranslation('pl-PL', { ...(await loadTranslation('pl-PL')), resendIn: counted('pl-PL', { one: '{n} sekunda', other: '{n} sekundy' }) }, enUS);
    expect(polish.join('\n')).to.contain("resendIn: no 'few' form");
    expect(polish.join('\n')).to.contain("resendIn: no 'many' form");
  });

  it("falls back along the language's regional parents, then to en-US with a warning", () => {
    const cases: [string, string][] = [
      ['de-AT', 'de-DE'], ['de-CH', 'de-DE'], ['de', 'de-DE'],
      ['es-MX', 'es-419'], ['es-AR', 'es-419'], ['es-US', 'es-419'], ['es', 'es-ES'], ['es-ES', 'es-ES'],
      ['pt-PT', 'pt-PT'], ['pt-AO', 'pt-PT'], ['pt', 'pt-BR'], ['pt-BR', 'pt-BR'],
      ['fr-CA', 'fr-CA'], ['fr-BE', 'fr-FR'], ['fr', 'fr-FR'],
      ['zh-HK', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-SG', 'zh-CN'], ['zh', 'zh-CN'],
      ['ar-EG', 'ar'], ['JA-jp', 'ja-JP'], ['nb', 'nb-NO'], ['no', 'nb-NO'], ['fil', 'fil-PH'], ['tl', 'fil-PH'], ['he', 'he-IL'], ['iw', 'he-IL'], ['en-GB', 'en-US'],
    ];
    expect(cases.map(([tag]) => `${tag} -> ${resolveLocale(tag)}`)).to.deep.equal(cases.map(([tag, locale]) => `${tag} -> ${locale}`));
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(resolveLocale('tlh-Klingon')).to.equal('en-US');
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]).to.contain('lang="tlh-Klingon"');
  });

  it('right to left is read from the locale, for every right-to-left locale shipped', () => {
    expect(LOCALES.filter((locale) => directionOf(locale) === 'rtl')).to.deep.equal(RIGHT_TO_LEFT);
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('ps-AF'), 'Pashto, not shipped').to.equal('rtl');
  });
});

describe('counted strings follow each language\'s plural rules', () => {
  it('counted() picks the form Intl.PluralRules names, else "other", and writes the number in the locale\'s digits', () => {
    const forms = { zero: 'Z', one: 'O', two: 'T', few: 'F', many: 'M', other: 'X' };
    expect([0, 1, 2, 3, 11, 100].map(counted('ar', forms)).join('')).to.equal('ZOTFMX');
    expect([1, 2, 5, 21].map(counted('ru-RU', forms)).join('')).to.equal('OFMO');
    expect([1, 2].map(counted('en-US', { other: 'X' })).join('')).to.equal('XX');
    expect(counted('fa-IR', { other: '{n} ثانیه' })(45)).to.equal(`${new Intl.NumberFormat('fa-IR').format(45)} ثانیه`);
    expect(counted('fa-IR', { other: '{n}' })(45)).to.equal('۴۵');
    expect(counted('bn-BD', { other: '{n}' })(12)).to.equal('১২');
  });

  it('en-US: "1 country or region", "2 countries and regions"; seconds likewise', async () => {
    const t = await loadTranslation('en-US');
    expect(t.phoneSearchResults(1)).to.equal('1 country or region found');
    expect(t.phoneSearchResults(2)).to.equal('2 countries and regions found');
    expect(t.resendIn(1)).to.equal('You can request a new code in 1 second');
    expect(t.resendIn(59)).to.equal('You can request a new code in 59 seconds');
  });

  it('ru-RU: секунду, секунды, секунд by the number', async () => {
    const t = await loadTranslation('ru-RU');
    expect([1, 3, 5, 21, 22, 25].map((n) => t.resendIn(n).split(' ').pop())).to.deep.equal(['секунду', 'секунды', 'секунд', 'секунду', 'секунды', 'секунд']);
  });

  it('ar: a form for one, two, a few and many, and no abbreviation', async () => {
    const t = await loadTranslation('ar');
    const resend = [1, 2, 3, 11].map((n) => t.resendIn(n));
    expect(new Set(resend).size).to.equal(4);
    const results = [0, 1, 2, 3, 11].map((n) => t.phoneSearchResults(n));
    expect(new Set(results).size).to.equal(5);
    for (const text of [...resend, ...results]) expect(text, text).not.to.match(/\sث$/);
  });

  it('fa-IR counts down in Persian digits', async () => {
    const t = await loadTranslation('fa-IR');
    expect(t.resendIn(42)).to.contain('۴۲');
  });
});

describe('the reference gateway answers in each shipped language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: a refused address is explained in ${locale}`, async () => {
      const expected = (await import(/* @vite-ignore */ `/demo/gateway/messages/${locale}.mjs`)).default.emailInvalid;
      const response = await fetch(`${await gatewayUrl()}/api${DEFAULT_PATHS.sendCode}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', version: '0.0.1', companyId: uniqueCompanyId('lang'), trace: crypto.randomUUID(), lang: locale },
        body: JSON.stringify({ bizType: 'EMAIL_REGISTER_VERIFICATION_CODE', toUser: 'not an address', country: 'ISO_3166_156' }),
      });
      const { msg } = await response.json();
      expect(msg).to.equal(expected);
      if (locale !== 'en-US') expect(msg).not.to.equal((await import('/demo/gateway/messages/en-US.mjs' as string)).default.emailInvalid);
    });
  }
});

describe('a site overrides single strings without forking', () => {
  it('strings per locale replace the shipped ones, live, and only in that locale', async () => {
    const { el } = await mount({ lang: 'en-US' });
    await countriesLoaded(el);
    const en = await loadTranslation('en-US');
    expect(part(el, 'button[type=submit]').textContent!.trim()).to.equal(en.sendCode);
    (el as unknown as { strings: unknown }).strings = { 'en-US': { sendCode: 'Get my code' }, de: { sendCode: 'Code anfordern' } };
    await waitUntil(() => part(el, 'button[type=submit]').textContent!.trim() === 'Get my code', 'en-US override not shown');
    expect(part(el, 'label[for=email]').textContent, 'the rest as shipped').to.equal(en.emailLabel);
    el.lang = 'de-AT';
    const de = await loadTranslation('de-DE');
    await waitUntil(() => part(el, 'label[for=email]').textContent === de.emailLabel, 'never switched to German');
    expect(part(el, 'button[type=submit]').textContent!.trim(), 'the language key applies to de-DE').to.equal('Code anfordern');
  });
});

/**
 * How many lines a node's text takes. Its text boxes (one per line and per
 * bidi run or font) are grouped by their vertical centre: boxes of one line
 * share a baseline, so their centres differ by far less than a line's height
 * (mixed scripts, fallback fonts), while a second line sits a whole line lower.
 */
function linesOf(node: Element): number {
  const range = document.createRange();
  range.selectNodeContents(node);
  const style = getComputedStyle(node);
  const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
  const centres = [...range.getClientRects()]
    .filter((box) => box.width > 0 && box.height > 0)
    .map((box) => box.top + box.height / 2)
    .sort((a, b) => a - b);
  let lines = 0;
  let lineCentre = -Infinity;
  for (const centre of centres) {
    if (centre - lineCentre > 0.6 * lineHeight) {
      lines++;
      lineCentre = centre;
    }
  }
  return lines;
}

/**
 * The fonts the labels must fit in: the page's own (each engine's default), an
 * Arial-wide sans-serif (Liberation Sans here) and a Verdana-wide one (DejaVu
 * Sans here), so a label fits the fonts partner sites use, not only the narrow
 * Times a test page gets by default.
 */
const LABEL_FONTS = ['', 'Arial, "Liberation Sans", sans-serif', 'Verdana, "DejaVu Sans", sans-serif'];

/** Every method tab and every provider label on one line, in each font, with each tab selected in turn (a selected tab is bold). */
async function expectLabelsOnOneLine(el: CustomerRegister, locale: string): Promise<void> {
  const tabs = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const providers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[data-provider] .provider-text')];
  const wrapped: string[] = [];
  for (const selected of tabs) {
    selected.click();
    await waitUntil(() => selected.getAttribute('aria-selected') === 'true', 'the tab was never selected');
    await el.updateComplete;
    for (const font of LABEL_FONTS) {
      el.style.fontFamily = font;
      const fontName = font.split(',')[0] || 'default font';
      for (const tab of tabs) {
        const lines = linesOf(tab);
        if (lines !== 1) wrapped.push(`${fontName}: tab "${tab.textContent!.trim()}" (${tab === selected ? 'selected' : 'not selected'}): ${lines} lines`);
      }
      if (selected !== tabs[0]) continue;
      for (const label of providers) {
        const lines = linesOf(label);
        if (lines !== 1) wrapped.push(`${fontName}: provider "${label.textContent!.trim()}": ${lines} lines`);
      }
    }
  }
  el.style.fontFamily = '';
  expect(wrapped, `${locale} at 320 px:\n${wrapped.join('\n')}`).to.deep.equal([]);
}

/**
 * The provider button at work (Google's, its popup held open by a stand-in that never answers) keeps a label that
 * fits one line, in each font; its "Continuing with …" is the status line's, read out and not drawn.
 */
async function expectBusyLabelOnOneLine(el: CustomerRegister, locale: string, t: Translation): Promise<void> {
  const open = window.open;
  const popup = { closed: false, location: { href: '' }, postMessage() {}, close() { this.closed = true; } };
  window.open = (() => popup) as unknown as typeof window.open;
  const wrapped: string[] = [];
  try {
    // Back on the e-mail tab, whose country field gives the residence a sign-in starts with.
    const emailTab = part<HTMLButtonElement>(el, '#tab-email');
    emailTab.click();
    await waitUntil(() => emailTab.getAttribute('aria-selected') === 'true' && query(el, '#country:not([disabled])'), 'the e-mail tab was never selected');
    const button = part<HTMLButtonElement>(el, 'button[data-provider=google]');
    button.click();
    await waitUntil(() => button.getAttribute('aria-busy') === 'true', `${locale}: the Google button never got busy`);
    await el.updateComplete;
    expect(part(el, '[part="providers"] [role="status"]').textContent!.trim()).to.equal(t.providerWorking('Google'));
    const label = part(el, 'button[data-provider=google] .provider-text');
    for (const font of LABEL_FONTS) {
      el.style.fontFamily = font;
      const lines = linesOf(label);
      if (lines !== 1) wrapped.push(`${font.split(',')[0] || 'default font'}: busy provider "${label.textContent!.trim()}": ${lines} lines`);
    }
  } finally {
    el.style.fontFamily = '';
    window.open = open;
    el.reset();
  }
  expect(wrapped, `${locale} at 320 px:\n${wrapped.join('\n')}`).to.deep.equal([]);
}

describe('the element in every language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the first step in its own words, nothing overflowing at 320 px, tabs and provider labels (busy too) on one line`, async () => {
      const t = await loadTranslation(locale);
      const { el } = await mount({ lang: locale, attributes: { providers: PROVIDERS_SHOWN } });
      el.style.width = '320px';
      await countriesLoaded(el);
      await waitUntil(() => part(el, 'label[for=email]').textContent === t.emailLabel, `${locale} never shown`);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('button[data-provider]').length === 6, 'the six provider buttons never came', { timeout: 10000 });
      expect(part(el, 'button[data-provider=facebook] .provider-text').textContent!.trim()).to.equal(t.continueWith('Facebook'));
      expect(part(el, 'button[type=submit]').textContent!.trim()).to.equal(t.sendCode);
      expect(part(el, '#tab-phone').textContent!.trim()).to.equal(t.methodPhone);
      expect(part(el, 'label[for=country]').textContent).to.equal(t.countryLabel);
      expect(part(el, 'div[dir]').getAttribute('dir'), 'direction').to.equal(RIGHT_TO_LEFT.includes(locale) ? 'rtl' : 'ltr');
      const host = el.getBoundingClientRect();
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select, label')) {
        const box = node.getBoundingClientRect();
        const name = `${node.tagName.toLowerCase()}#${node.id || node.textContent!.trim().slice(0, 20)}`;
        expect(box.left, `${name} starts inside`).to.be.at.least(host.left - 1);
        expect(box.right, `${name} ends inside`).to.be.at.most(host.right + 1);
        expect(node.scrollWidth, `${name} content fits`).to.be.at.most(node.clientWidth + 1);
      }
      await expectLabelsOnOneLine(el, locale);
      await expectBusyLabelOnOneLine(el, locale, t);
    });
  }
});

describe('the phone country search at 320 px', () => {
  it('its placeholder fits the search field whole, in every language and each font (ux review #16: cut in de-DE and ar)', async function () {
    // Firefox lays intl-tel-input's search field out 74 px narrower than its list (246 of 320 px, padding included),
    // so even the English placeholder is cut there: a separate defect of the field's layout, not of the words.
    if (navigator.userAgent.includes('Firefox/')) this.skip();
    const { el } = await mount({ country: 'GB', attributes: { methods: 'phone' } });
    el.style.width = '320px';
    await showPhone(el);
    part(el, '.iti__selected-country').click();
    const list = part(el, '.iti__country-selector');
    await waitUntil(() => !list.classList.contains('iti__hide'), 'the list never opened');
    const search = part<HTMLInputElement>(el, '.iti__search-input');
    const context = document.createElement('canvas').getContext('2d')!;
    const cut: string[] = [];
    try {
      for (const font of LABEL_FONTS) {
        el.style.fontFamily = font;
        const style = getComputedStyle(search);
        const room = search.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        for (const locale of LOCALES) {
          const placeholder = (await loadTranslation(locale)).phoneSearch;
          const width = context.measureText(placeholder).width;
          if (width > room) cut.push(`${locale} (${font.split(',')[0] || 'default font'}): "${placeholder}" is ${Math.ceil(width)} px in ${Math.floor(room)} px`);
        }
      }
    } finally {
      el.style.fontFamily = '';
      await press('Escape');
    }
    expect(cut, cut.join('\n')).to.deep.equal([]);
  });
});

describe('the code step at 320 px', () => {
  for (const locale of ['en-US', 'ar', 'ko-KR']) {
    it(`${locale}: a 43-character address wraps, and nothing of the step leaves the element`, async () => {
      const { el } = await mount({ lang: locale });
      el.style.width = '320px';
      // 43 characters with no place where a line may break.
      const email = `averyverylongmailboxs.${crypto.randomUUID().slice(0, 5)}@examplemail.com`;
      expect(email).to.have.length(43);
      await requestCodeFor(el, email);
      const host = el.getBoundingClientRect();
      expect(el.scrollWidth, 'no sideways scroll').to.be.at.most(el.clientWidth + 1);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('p, button, input, label')) {
        const box = node.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not rendered (an empty message)
        const name = `${node.tagName.toLowerCase()}#${node.id || node.textContent!.trim().slice(0, 20)}`;
        expect(box.left, `${name} starts inside`).to.be.at.least(host.left - 1);
        expect(box.right, `${name} ends inside`).to.be.at.most(host.right + 1);
        expect(node.scrollWidth, `${name} content fits`).to.be.at.most(node.clientWidth + 1);
      }
      // The whole address is still there to read, in bold, and the spam-folder line in the locale's words.
      expect(part(el, '#code-hint').textContent).to.contain(email);
      expect(part(el, '#code-hint strong').textContent).to.contain(email);
      expect(part(el, '#code-spam').textContent!.trim()).to.equal((await loadTranslation(locale)).codeCheckSpam);
    });
  }
});

describe('right to left, and switching live', () => {
  it('ar lays out right to left; e-mail, phone and code inputs stay left to right', async () => {
    const { el } = await mount({ lang: 'ar' });
    await countriesLoaded(el);
    const t = await loadTranslation('ar');
    await waitUntil(() => part(el, 'label[for=email]').textContent === t.emailLabel);
    const wrapper = part(el, 'div[dir]');
    expect(wrapper.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(part(el, 'form')).direction).to.equal('rtl');
    expect(getComputedStyle(part(el, '#email')).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
    await typeInto(el, '#email', uniqueEmail('rtl'));
    await press('Enter');
    await waitForStep(el, '#code');
    expect(getComputedStyle(part(el, '#code')).direction).to.equal('ltr');
    expect(getComputedStyle(part(el, 'form')).direction).to.equal('rtl');
  });

  it('ar: the phone field is one left-to-right control, the flag at its left and the caret after it (ux review #21)', async () => {
    const { el } = await mount({ lang: 'ar', country: 'GB' });
    const input = await showPhone(el);
    expect(getComputedStyle(input).direction).to.equal('ltr');
    const flag = part(el, '.iti__selected-country .iti__flag').getBoundingClientRect();
    const caret = part(el, '.iti__selected-country .iti__arrow').getBoundingClientRect();
    const field = input.getBoundingClientRect();
    expect(flag.left - field.left, 'the flag at the number\'s start').to.be.lessThan(field.width / 4);
    expect(caret.left, 'the caret after the flag').to.be.greaterThan(flag.right - 1);
  });

  it('a lang change on a live element keeps the step and what was typed', async () => {
    const { el } = await mount({ lang: 'en-US' });
    await countriesLoaded(el);
    const email = uniqueEmail('switch');
    await typeInto(el, '#email', email);
    const zh = await loadTranslation('zh-CN');
    el.lang = 'zh-CN';
    await waitUntil(() => part(el, 'label[for=email]').textContent === zh.emailLabel, 'never switched to zh-CN');
    expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);

    await press('Enter');
    await waitForStep(el, '#code');
    const ja = await loadTranslation('ja-JP');
    el.setAttribute('lang', 'ja-JP');
    await waitUntil(() => part(el, 'label[for=code]').textContent === ja.codeLabel, 'never switched to ja-JP');
    expect(query(el, '#code'), 'still on the code step').not.to.equal(null);
    expect(part(el, '#code-hint').textContent).to.contain(email);
  });

  it('lang unset follows the page\'s <html lang>', async () => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'es-ES';
    try {
      const { el } = await mount({ attributes: {} , lang: '' });
      el.removeAttribute('lang');
      el.requestUpdate();
      const es = await loadTranslation('es-ES');
      await waitUntil(() => part(el, 'label[for=email]').textContent === es.emailLabel, 'not in the page language');
    } finally {
      document.documentElement.lang = previous;
    }
  });
});
