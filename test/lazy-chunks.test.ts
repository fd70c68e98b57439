import { expect, oneEvent } from '@open-wc/testing';
import { mount, part, press, requestCodeFor, showPhone, typeText } from './support/harness.js';
import { latestCode, uniqueEmail } from './support/reference-gateway.js';

/** The phone code's module URLs this page has requested (intl-tel-input, its utils, our phone field). */
function phoneRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /intl-tel-input|\/src\/phone\/phone-field/.test(url));
}

describe('lazy phone chunk', () => {
  it('an e-mail-only element registers without ever requesting the phone code; showing phone then loads it', async () => {
    const mounted = await mount({ methods: 'email' });
    const email = uniqueEmail('lazy');
    await requestCodeFor(mounted.el, email);
    const registered = oneEvent(mounted.el, 'registered');
    part<HTMLInputElement>(mounted.el, '#code').focus();
    await typeText(await latestCode(mounted.companyId, email));
    await press('Tab');
    await registered;
    expect(phoneRequests()).to.deep.equal([]);
    // An en-US page asks for no other language either.
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/i18n/locales/'))).to.deep.equal([]);

    // The same check sees the chunk as soon as a phone field is shown.
    const withPhone = await mount({ methods: 'phone' });
    await showPhone(withPhone.el);
    expect(phoneRequests().some((url) => url.includes('intl-tel-input'))).to.equal(true);
  });
});
