// The built dist/ as a partner page without modules uses it: the classic-script
// loader, the entry it imports, and chunks found relative to the script's URL.
// (No import of src/ here: the element must come from dist/.)
import { expect, oneEvent } from '@open-wc/testing';
import { press, typeText } from './support/keyboard.js';
import { waitUntil } from './support/wait.js';
import { latestCode, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
// Only the source stylesheets (plain css`` results), to compare the built ones with; no element.
import { styles } from '../src/element/customer-register.styles.js';
import { laterStyles } from '../src/registration/later-styles.js';
import { thirdPartyStyles } from '../src/third-party/third-party-styles.js';

function resources(part: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes(part));
}

/** Adds the classic-script loader once, as a page would, and waits for the element. */
async function loadDist(): Promise<void> {
  if (!document.querySelector('script[src="/dist/customer-register.iife.js"]')) {
    const script = document.createElement('script');
    script.src = '/dist/customer-register.iife.js';
    document.head.append(script);
  }
  await customElements.whenDefined('customer-register');
}

describe('dist/ through the classic-script loader', () => {
  it('defines the element, renders an e-mail-only form and fetches only the chunks it needs', async () => {
    const { gatewayUrl } = (await (await fetch('/__test-env')).json()) as { gatewayUrl: string };
    await loadDist();

    const el = document.createElement('customer-register');
    el.setAttribute('company-id', 'dist-test');
    el.setAttribute('host', gatewayUrl);
    el.setAttribute('lang', 'en-US');
    el.setAttribute('methods', 'email');
    document.body.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#email'), 'the form never rendered');
    await waitUntil(() => resources('/dist/chunks/registration-').length > 0, 'the registration chunk was never fetched');

    expect(resources('/dist/customer-register.js')).to.have.length(1);
    expect(resources('/dist/chunks/phone'), 'no phone code on an e-mail-only page').to.deep.equal([]);
    expect(resources('/dist/chunks/utils'), 'no libphonenumber either').to.deep.equal([]);
    for (const locale of ['zh-CN', 'ja-JP', 'ar']) {
      expect(resources(`/dist/chunks/${locale}-`), `no ${locale} strings on an en-US page`).to.deep.equal([]);
    }
    el.remove();
  });

  it('ships its templates prepared at build time (Lit\'s template compiler ran), in the entry and the registration chunk', async () => {
    // A prepared template renders as { _$litType$: <its prepared template>, values }; an
    // unprepared one as { _$litType$: 1 or 2, strings, values } from lit-html's html tag.
    // (The test server reprints the built files, spaces and all.)
    const prepared = (text: string) => (text.match(/_\$litType\$:\s*[A-Za-z_$][\w$]*,\s*values:/g) ?? []).length;
    const entry = await (await fetch('/dist/customer-register.js')).text();
    expect(prepared(entry), 'prepared templates in the entry').to.be.at.least(10);
    const chunk = /["'](\.\/chunks\/registration-[\w-]+\.js)["']/.exec(entry)?.[1];
    expect(chunk, 'the entry names the registration chunk').to.be.a('string');
    const feature = await (await fetch(new URL(chunk!, new URL('/dist/', location.origin)))).text();
    expect(prepared(feature), 'prepared templates in the registration chunk').to.be.at.least(1);
  });

  it('registers by e-mail end to end, with stylesheets that parse to exactly what the source says', async () => {
    // The build shrinks the text of our Lit templates and stylesheets (build/minify-templates.mjs);
    // this is the built element doing a whole registration, and its CSS compared rule by rule.
    const { gatewayUrl } = (await (await fetch('/__test-env')).json()) as { gatewayUrl: string };
    await loadDist();
    const companyId = uniqueCompanyId('dist');
    const el = document.createElement('customer-register');
    for (const [name, value] of Object.entries({ 'company-id': companyId, host: gatewayUrl, lang: 'en-US', methods: 'email' })) {
      el.setAttribute(name, value);
    }
    document.body.append(el);
    try {
      const root = () => el.shadowRoot!;
      await waitUntil(() => root().querySelector<HTMLSelectElement>('#country:not([disabled])'), 'the country list never loaded');
      const email = uniqueEmail('dist');
      root().querySelector<HTMLInputElement>('#email')!.focus();
      await typeText(email);
      await press('Enter');
      await waitUntil(() => root().querySelector('#code'), 'the code step never came', { timeout: 5000 });
      const registered = oneEvent(el, 'registered');
      root().querySelector<HTMLInputElement>('#code')!.focus();
      await typeText(await latestCode(companyId, email));
      const event = (await registered) as CustomEvent<{ customerNo: string }>;
      expect(event.detail.customerNo).to.match(/^\d+$/);

      // Serialized by the browser's CSS parser, the built sheets and the source sheets must be the same rules.
      const rulesOf = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      const source = [styles, laterStyles, thirdPartyStyles].map((result) => rulesOf(result.styleSheet!));
      const built = root().adoptedStyleSheets.map(rulesOf);
      expect(built.length, 'the entry and the later steps each adopt a sheet').to.be.greaterThanOrEqual(2);
      expect(built[0]).to.equal(source[0]);
      expect(built).to.include(source[1]);
      for (const sheet of built) expect(source, 'every built sheet is one of the source sheets').to.include(sheet);
    } finally {
      el.remove();
    }
  });
});
