import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import enUS, { type Translation } from '../src/i18n/en-US.js';
import { loadTranslation, resolveLocale, SUPPORTED_LOCALES } from '../src/i18n/localize.js';
import { plural } from '../src/i18n/plural.js';
import { countriesLoaded, mount, part, press, query, requestCodeFor, typeInto, waitForStep } from './support/harness.js';
import { uniqueEmail } from './support/reference-gateway.js';

const LOCALES = ['en-US', 'zh-CN', 'zh-TW', 'ja-JP', 'ko-KR', 'vi-VN', 'th-TH', 'id-ID', 'es-ES', 'pt-BR', 'ru-RU', 'ar'];

/** `${name}` placeholders written literally in a string (filled in by intl-tel-input). */
function literalPlaceholders(text: string): string[] {
  return [...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** What a translation function does with its arguments: sentinels in, which of them come out. */
function usedArguments(fn: (...args: never[]) => string): boolean[] {
  const sentinels = Array.from({ length: fn.length }, (_, i) => `@@ARG${i}@@`);
  const out = (fn as (...args: string[]) => string)(...sentinels);
  return sentinels.map((sentinel) => out.includes(sentinel));
}

describe('translations', () => {
  it('ships the twelve locales', () => {
    expect([...SUPPORTED_LOCALES].sort()).to.deep.equal([...LOCALES].sort());
  });

  for (const locale of LOCALES.slice(1)) {
    it(`${locale}: every key of en-US, no extra key, the same placeholders`, async () => {
      const translation: Translation = await loadTranslation(locale);
      expect(translation).not.to.equal(enUS);
      expect(Object.keys(translation).sort()).to.deep.equal(Object.keys(enUS).sort());
      for (const key of Object.keys(enUS) as (keyof Translation)[]) {
        const source = enUS[key];
        const target = translation[key];
        expect(typeof target, key).to.equal(typeof source);
        if (typeof source === 'function') {
          const fn = target as (...args: never[]) => string;
          expect(fn.length, `${key} arity`).to.equal(source.length);
          expect(usedArguments(fn), `${key} uses every argument`).to.deep.equal(usedArguments(source));
        } else {
          expect((target as string).trim(), key).not.to.equal('');
          expect(literalPlaceholders(target as string), key).to.deep.equal(literalPlaceholders(source));
        }
      }
    });
  }

  it('falls back by language and script, then to en-US with a warning', () => {
    expect(resolveLocale('zh-HK')).to.equal('zh-TW');
    expect(resolveLocale('zh-Hant')).to.equal('zh-TW');
    expect(resolveLocale('zh-SG')).to.equal('zh-CN');
    expect(resolveLocale('zh')).to.equal('zh-CN');
    expect(resolveLocale('pt-PT')).to.equal('pt-BR');
    expect(resolveLocale('es-MX')).to.equal('es-ES');
    expect(resolveLocale('ar-EG')).to.equal('ar');
    expect(resolveLocale('JA-jp')).to.equal('ja-JP');
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
});

describe('counted strings follow each language\'s plural rules', () => {
  it('plural() picks the form Intl.PluralRules names, else "other"', () => {
    const forms = { zero: 'Z', one: 'O', two: 'T', few: 'F', many: 'M', other: 'X' };
    expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar', n, forms)).join('')).to.equal('ZOTFMX');
    expect([1, 2, 5, 21].map((n) => plural('ru-RU', n, forms)).join('')).to.equal('OFMO');
    expect([1, 2].map((n) => plural('en-US', n, { other: 'X' })).join('')).to.equal('XX');
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
});

describe('the element in every language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the first step in its own words, nothing overflowing at 320 px`, async () => {
      const t = await loadTranslation(locale);
      const { el } = await mount({ lang: locale });
      el.style.width = '320px';
      await countriesLoaded(el);
      await waitUntil(() => part(el, 'label[for=email]').textContent === t.emailLabel, `${locale} never shown`);
      expect(part(el, 'button[type=submit]').textContent!.trim()).to.equal(t.sendCode);
      expect(part(el, '#tab-phone').textContent!.trim()).to.equal(t.methodPhone);
      expect(part(el, 'label[for=country]').textContent).to.equal(t.countryLabel);
      const host = el.getBoundingClientRect();
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select, label')) {
        const box = node.getBoundingClientRect();
        const name = `${node.tagName.toLowerCase()}#${node.id || node.textContent!.trim().slice(0, 20)}`;
        expect(box.left, `${name} starts inside`).to.be.at.least(host.left - 1);
        expect(box.right, `${name} ends inside`).to.be.at.most(host.right + 1);
        expect(node.scrollWidth, `${name} content fits`).to.be.at.most(node.clientWidth + 1);
      }
    });
  }
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
      // The whole address is still there to read.
      expect(part(el, '#code-hint').textContent).to.contain(email);
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
