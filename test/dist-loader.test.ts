// The built dist/ as a partner page without modules uses it: the classic-script
// loader, the entry it imports, and chunks found relative to the script's URL.
// (No import of src/ here: the element must come from dist/.)
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';

function resources(part: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes(part));
}

describe('dist/ through the classic-script loader', () => {
  it('defines the element, renders an e-mail-only form and fetches only the chunks it needs', async () => {
    const { gatewayUrl } = (await (await fetch('/__test-env')).json()) as { gatewayUrl: string };
    const script = document.createElement('script');
    script.src = '/dist/customer-register.iife.js';
    document.head.append(script);
    await customElements.whenDefined('customer-register');

    const el = document.createElement('customer-register');
    el.setAttribute('company-id', 'dist-test');
    el.setAttribute('host', gatewayUrl);
    el.setAttribute('lang', 'en-US');
    el.setAttribute('methods', 'email');
    document.body.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('#email'), 'the form never rendered');
    await waitUntil(() => resources('/dist/chunks/registration-feature').length > 0, 'the registration chunk was never fetched');

    expect(resources('/dist/customer-register.js')).to.have.length(1);
    expect(resources('/dist/chunks/phone'), 'no phone code on an e-mail-only page').to.deep.equal([]);
    expect(resources('/dist/chunks/utils'), 'no libphonenumber either').to.deep.equal([]);
    for (const locale of ['zh-CN', 'ja-JP', 'ar']) {
      expect(resources(`/dist/chunks/${locale}-`), `no ${locale} strings on an en-US page`).to.deep.equal([]);
    }
    el.remove();
  });
});
