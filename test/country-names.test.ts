// The names the two country lists show (the residence select and the phone
// picker): the short names people look for ("Hongkong" under H in German),
// the same names in the same order in both, and the site's own names per
// language (`country-names`), hostile or invalid values included.
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { countriesLoaded, mount, query, showPhone, warningsDuring } from './support/harness.js';
import { loadIsoTable } from '../src/core/gateway/iso-table.js';
import { nameAndSort, readCountryNames, siteNamesFor } from '../src/core/embedding/country-names.js';
import type { CustomerRegister } from '../src/customer-register.js';

/** The residence select's countries as shown: gateway code and name, in order (the placeholder left out). */
function residenceNames(el: CustomerRegister): { code: string; name: string }[] {
  const select = query<HTMLSelectElement>(el, '#country');
  return select ? [...select.options].filter((option) => option.value).map((option) => ({ code: option.value, name: option.textContent!.trim() })) : [];
}

/** The phone picker's countries as shown: iso2 and name (without the dial code), in order. */
function pickerNames(el: CustomerRegister): { iso2: string; name: string }[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.iti__country')].map((item) => ({
    iso2: item.dataset.iso2 ?? '',
    name: item.querySelector('.iti__country-name')?.firstChild?.textContent?.trim() ?? '',
  }));
}

/**
 * Both lists say the same names in the same order: the picker lists the likely countries first (at most
 * three), then the rest exactly as the residence select orders them; and the select is in `locale`'s collation.
 */
function expectSameNamesAndOrder(residence: string[], picker: string[], locale: string) {
  expect([...picker].sort(), 'the same names in both lists').to.deep.equal([...residence].sort());
  expect(residence, `the residence list in ${locale} collation`).to.deep.equal([...residence].sort(new Intl.Collator(locale).compare));
  const preferred = [0, 1, 2, 3].find((count) => JSON.stringify(picker.slice(count)) === JSON.stringify(residence.filter((name) => !picker.slice(0, count).includes(name))));
  expect(preferred, `the picker after its likely countries is in the residence list's order: ${picker.slice(0, 8)}`).to.not.equal(undefined);
}

/** Mounts in `lang`, waits for the residence list named in it (`ready`), then reads both lists. */
async function bothLists(options: Parameters<typeof mount>[0] & { lang: string }, ready: (names: string[]) => boolean) {
  const mounted = await mount(options);
  const { el } = mounted;
  await countriesLoaded(el);
  await waitUntil(() => ready(residenceNames(el).map((c) => c.name)), `the ${options.lang} residence list never came: ${residenceNames(el).map((c) => c.name).slice(0, 6)}`);
  const residence = residenceNames(el);
  await showPhone(el);
  const names = residence.map((c) => c.name);
  await waitUntil(() => pickerNames(el).length === names.length && ready(pickerNames(el).map((c) => c.name)), `the ${options.lang} phone picker never came`);
  return { ...mounted, residence, picker: pickerNames(el) };
}

describe('country names: the short names people look for, the same in both lists', () => {
  it('de-DE: "Hongkong" and "Macau" under H and M, never "Sonderverwaltungsregion …", the phone picker the same', async () => {
    const { residence, picker } = await bothLists({ lang: 'de-DE' }, (names) => names.includes('Deutschland'));
    const names = residence.map((c) => c.name);
    expect(names).to.include.members(['Hongkong', 'Macau']);
    expect(names.filter((name) => /Sonderverwaltungsregion/.test(name))).to.deep.equal([]);
    // Filed under H: what comes before begins with a letter up to H, what comes after with one from H on.
    const at = names.indexOf('Hongkong');
    const collator = new Intl.Collator('de-DE', { sensitivity: 'base' });
    expect(collator.compare(names[at - 1][0], 'H'), `before Hongkong: ${names[at - 1]}`).to.be.at.most(0);
    expect(collator.compare(names[at + 1][0], 'H'), `after Hongkong: ${names[at + 1]}`).to.be.at.least(0);
    expect(picker.find((c) => c.iso2 === 'hk')?.name).to.equal('Hongkong');
    expectSameNamesAndOrder(names, picker.map((c) => c.name), 'de-DE');
  });

  it('zh-CN: both lists in pinyin order, with the same names ("香港", not "中国香港特别行政区")', async () => {
    const { residence, picker } = await bothLists({ lang: 'zh-CN' }, (names) => names.includes('中国'));
    const names = residence.map((c) => c.name);
    expect(names).to.include.members(['香港', '澳门']);
    expectSameNamesAndOrder(names, picker.map((c) => c.name), 'zh-CN');
  });

  it('without a gateway name, the browser\'s short name for the territories CLDR qualifies, its usual name for the rest', async () => {
    await loadIsoTable();
    const bare = ['344', '446', '275', '840', '826', '276'].map((numeric) => ({ code: `ISO_3166_${numeric}`, countryCode: '0', name: numeric }));
    const de = nameAndSort(bare, 'de-DE', new Map()).map((c) => c.name);
    expect(de).to.deep.equal(['Deutschland', 'Hongkong', 'Macau', 'Palästina', 'Vereinigte Staaten', 'Vereinigtes Königreich']);
    const zh = nameAndSort(bare, 'zh-CN', new Map()).map((c) => c.name);
    expect(zh).to.include.members(['香港', '澳门', '巴勒斯坦', '美国', '英国']);
    // The gateway's name wins over the browser's; the site's over both.
    const gateway = [{ code: 'ISO_3166_158', countryCode: '886', name: 'Taiwan', displayName: '台湾' }];
    expect(nameAndSort(gateway, 'zh-CN', new Map()).map((c) => c.name)).to.deep.equal(['台湾']);
    const site = siteNamesFor(readCountryNames('{"zh":{"tw":"中国台湾"}}').names, 'zh-CN');
    expect(nameAndSort(gateway, 'zh-CN', site).map((c) => c.name)).to.deep.equal(['中国台湾']);
  });
});

describe('a site names a country its own way, per language (country-names)', () => {
  it('{"zh-CN": {"TW": "中国台湾"}}: in both lists in zh-CN, sorted in by that name; not in en-US', async () => {
    const { el, residence, picker } = await bothLists({ lang: 'zh-CN', attributes: { 'country-names': '{"zh-CN": {"TW": "中国台湾"}}' } }, (names) => names.includes('中国'));
    expect(residence.find((c) => c.code === 'ISO_3166_158')?.name).to.equal('中国台湾');
    expect(residence.map((c) => c.name)).to.not.include('台湾');
    expect(picker.find((c) => c.iso2 === 'tw')?.name).to.equal('中国台湾');
    expectSameNamesAndOrder(residence.map((c) => c.name), picker.map((c) => c.name), 'zh-CN');
    el.lang = 'en-US';
    await waitUntil(() => pickerNames(el).some((c) => c.iso2 === 'tw' && c.name === 'Taiwan'), 'the en-US picker does not say Taiwan');
    expect(pickerNames(el).map((c) => c.name)).to.not.include('中国台湾');
  });

  it('as a property, keyed by language and set live: both lists follow', async () => {
    const { el } = await mount({ lang: 'zh-CN' });
    await countriesLoaded(el);
    await waitUntil(() => residenceNames(el).some((c) => c.name === '台湾'), 'no 台湾');
    el.countryNames = { zh: { TW: '中国台湾', ISO_3166_344: '中国香港' } };
    await waitUntil(() => residenceNames(el).some((c) => c.name === '中国台湾'), 'the property did not rename Taiwan');
    expect(residenceNames(el).find((c) => c.code === 'ISO_3166_344')?.name).to.equal('中国香港');
    const residence = residenceNames(el).map((c) => c.name);
    await showPhone(el);
    await waitUntil(() => pickerNames(el).some((c) => c.iso2 === 'hk' && c.name === '中国香港'), 'the picker did not follow');
    expectSameNamesAndOrder(residence, pickerNames(el).map((c) => c.name), 'zh-CN');
  });

  it('reads what it understands and names the rest, never broken by a hostile value; exact tag over language over *', async () => {
    await loadIsoTable();
    const mixed = readCountryNames('{"__proto__": {"TW": "x"}, "zh-cn": {"tw": " 中国台湾 ", "Taiwan": "x", "HK": ""}}');
    expect(mixed.names.get('zh-CN')?.get('TW'), 'the understood entry applies, trimmed').to.equal('中国台湾');
    expect(mixed.problem).to.match(/__proto__/).and.match(/zh-cn\.Taiwan/).and.match(/zh-cn\.HK/);
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('hostile'); } });
    expect(readCountryNames(hostile)).to.deep.equal({ names: new Map(), problem: 'unreadable' });
    expect(readCountryNames(undefined).problem).to.equal(undefined);
    const layered = readCountryNames({ '*': { TW: 'every', HK: 'every' }, zh: { TW: 'zh', HK: 'zh', MO: 'zh' }, 'zh-CN': { TW: 'zh-CN' } }).names;
    expect(Object.fromEntries(siteNamesFor(layered, 'zh-CN'))).to.deep.equal({ ISO_3166_158: 'zh-CN', ISO_3166_344: 'zh', ISO_3166_446: 'zh' });
    expect(Object.fromEntries(siteNamesFor(layered, 'de-DE'))).to.deep.equal({ ISO_3166_158: 'every', ISO_3166_344: 'every' });
  });

  const invalid: [string, string][] = [
    ['not JSON', '{"zh-CN": {"TW": "中国台湾"}'],
    ['an array', '[["TW", "中国台湾"]]'],
    ['a language without a table', '{"zh-CN": "中国台湾"}'],
    ['a name that is not text', '{"zh-CN": {"TW": 5}}'],
    ['a country that is not a code', '{"zh-CN": {"Taiwan": "中国台湾"}}'],
  ];
  for (const [what, value] of invalid) {
    it(`${what}: one console warning, and the lists as without it`, async () => {
      let lists!: Awaited<ReturnType<typeof bothLists>>;
      const warnings = await warningsDuring(async () => {
        lists = await bothLists({ lang: 'zh-CN', attributes: { 'country-names': value } }, (names) => names.includes('中国'));
        // Renders after the first (a language switch) warn no more.
        lists.el.lang = 'zh-TW';
        await waitUntil(() => pickerNames(lists.el).some((c) => c.name === '臺灣' || c.name === '台灣'), 'never switched to zh-TW');
      });
      expect(warnings.filter((w) => /country-names/.test(w)), warnings.join('\n')).to.have.length(1);
      expect(lists.residence.find((c) => c.code === 'ISO_3166_158')?.name).to.equal('台湾');
      expect(lists.picker.find((c) => c.iso2 === 'tw')?.name).to.equal('台湾');
    });
  }

  it('markup in a name is shown as text, in both lists', async () => {
    const markup = '<img src=x onerror="window.__countryNameRan=1"><b>Britain</b>';
    const { el, residence, picker } = await bothLists({ lang: 'en-US', attributes: { 'country-names': JSON.stringify({ '*': { GB: markup } }) } }, (names) => names.includes('China'));
    expect(residence.find((c) => c.code === 'ISO_3166_826')?.name).to.equal(markup);
    expect(picker.find((c) => c.iso2 === 'gb')?.name).to.equal(markup);
    expect(el.shadowRoot!.querySelectorAll('img, b')).to.have.length(0);
    expect((window as unknown as { __countryNameRan?: number }).__countryNameRan).to.equal(undefined);
  });
});
