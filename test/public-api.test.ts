// The element's inputs as frameworks set them: every attribute the manifest
// names is a reactive property of the element, and a property set by script
// (React, Vue, Angular, Lit all set properties) takes effect like the attribute.
// (test/node/public-api.test.mjs checks that the manifest, README, the event
// map and the React wrapper agree.)
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { countriesLoaded, enterCodeAndRegister, mount, press, query, requestCodeFor, typeInto, warningsDuring } from './support/harness.js';
import { gatewayUrl, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { localProviderEndpoints, setIdpBehaviour } from './support/identity-providers.js';
import { CustomerRegister } from '../src/customer-register.js';

interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
}

async function manifestAttributes(): Promise<ManifestAttribute[]> {
  const manifest = await (await fetch('/dist/custom-elements.json')).json();
  const declaration = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === 'customer-register');
  return declaration.attributes;
}

/** The element with the providers' stand-ins, every input set as a property. */
async function mountByProperties(properties: Partial<CustomerRegister>, providers = 'google apple') {
  const companyId = uniqueCompanyId('props');
  await setIdpBehaviour(companyId, { autoApprove: true, user: null, tamper: null });
  const el = document.createElement('customer-register');
  Object.assign(el, {
    companyId,
    host: await gatewayUrl(),
    lang: 'en-US',
    country: 'CN',
    providers,
    providerEndpoints: localProviderEndpoints(await gatewayUrl()),
    ...properties,
  });
  document.body.append(el);
  await el.updateComplete;
  return { el, companyId };
}

const button = (el: CustomerRegister, provider: string) => query<HTMLButtonElement>(el, `button[data-provider="${provider}"]`);

describe('the public API, as frameworks use it', () => {
  it('every attribute the manifest names is a reactive property of that name, set from the attribute', async () => {
    const attributes = await manifestAttributes();
    expect(attributes.length).to.be.at.least(30);
    const reactive = (CustomerRegister as unknown as { elementProperties: Map<string, { attribute?: string | boolean }> }).elementProperties;
    for (const { name, fieldName, type } of attributes) {
      expect(fieldName, `${name} names its property`).to.be.a('string');
      const declared = reactive.get(fieldName!);
      expect(declared, `${fieldName} is a reactive property`).to.not.equal(undefined);
      const el = document.createElement('customer-register');
      const value = type?.text === 'number' ? '2500' : name === 'lang' ? 'de-DE' : `value-of-${name}`;
      el.setAttribute(name, value);
      document.body.append(el);
      await el.updateComplete;
      const read = (el as unknown as Record<string, unknown>)[fieldName!];
      // A boolean attribute is true by its presence, whatever its value.
      const expected = type?.text === 'number' ? Number(value) : type?.text?.startsWith('boolean') ? true : value;
      expect(read, `${name} -> ${fieldName}`).to.equal(expected);
      el.remove();
    }
  });

  it('provider-layout, the client ids and redirect-uri take effect when set as properties', async () => {
    const icons = await mountByProperties({ providerLayout: 'icons' });
    try {
      await waitUntil(() => button(icons.el, 'google') && button(icons.el, 'apple'), 'no provider buttons');
      expect(query(icons.el, '.provider-list.icons'), 'providerLayout = "icons" draws the row of marks').to.not.equal(null);
      // A client id the site sets by property: the gateway is not asked for Google's.
      const ids = await mountByProperties({ googleClientId: 'site-google-id' });
      await waitUntil(() => button(ids.el, 'google') && button(ids.el, 'apple'), 'no provider buttons');
      expect((await requestsOf(ids.companyId, 'config')).map((r) => (r.body as { thirdSource?: string } | undefined)?.thirdSource)).to.deep.equal(['apple']);
      ids.el.remove();
    } finally {
      icons.el.remove();
    }
    // A callback page on another origin, set by property: OAuth providers are not offered (it could not answer).
    const warnings = await warningsDuring(async () => {
      const foreign = await mountByProperties({ redirectUri: `${await gatewayUrl()}/oauth-callback.html` }, 'google metamask');
      await waitUntil(() => button(foreign.el, 'metamask'), 'no MetaMask button');
      expect(button(foreign.el, 'google')).to.equal(null);
      foreign.el.remove();
    });
    expect(warnings.some((w) => w.includes("not on this page's origin"))).to.equal(true);
  });

  it('loginUrl set as a property is the Sign in link of an existing account', async () => {
    const first = await mount();
    const email = uniqueEmail('props-exists');
    await requestCodeFor(first.el, email);
    await enterCodeAndRegister(first, email);
    const second = await mount({ companyId: first.companyId });
    second.el.loginUrl = '/signin';
    await countriesLoaded(second.el);
    await typeInto(second.el, '#email', email);
    await press('Enter');
    await waitUntil(() => query(second.el, '#sign-in'), 'no Sign in link');
    const link = new URL(query<HTMLAnchorElement>(second.el, '#sign-in')!.href);
    expect(link.pathname).to.equal('/signin');
    expect(link.searchParams.get('email')).to.equal(email);
  });

  it('carries its version', () => {
    expect(CustomerRegister.version).to.match(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });
});
