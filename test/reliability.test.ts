import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { alerts, countriesLoaded, focused, mount, part, press, query, requestCodeFor, typeInto, waitForStep, warningsDuring } from './support/harness.js';
import { customersOf, injectFault, latestCode, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';

describe('reliability', () => {
  it('two elements on one page keep their own state and register separately', async () => {
    const companyId = uniqueCompanyId('two');
    const first = await mount({ companyId });
    const second = await mount({ companyId });
    const [a, b] = [uniqueEmail('first'), uniqueEmail('second')];
    await countriesLoaded(first.el);
    await countriesLoaded(second.el);
    await typeInto(first.el, '#email', a);
    await typeInto(second.el, '#email', b);
    part(first.el, '#email').focus();
    await press('Enter');
    await waitForStep(first.el, '#code');
    expect(query(second.el, '#code'), 'the other element did not move').to.equal(null);
    expect(part<HTMLInputElement>(second.el, '#email').value).to.equal(b);

    part(second.el, '#email').focus();
    await press('Enter');
    await waitForStep(second.el, '#code');
    expect(part(first.el, '#code-hint').textContent).to.contain(a);
    expect(part(second.el, '#code-hint').textContent).to.contain(b);

    const firstDone = oneEvent(first.el, 'registered');
    await typeInto(first.el, '#code', await latestCode(companyId, a));
    await firstDone;
    expect(query(second.el, '#code'), 'the other element is still waiting for its code').not.to.equal(null);
    const secondDone = oneEvent(second.el, 'registered');
    await typeInto(second.el, '#code', await latestCode(companyId, b));
    await secondDone;
    expect((await customersOf(companyId)).map((c) => c.email).sort()).to.deep.equal([a, b].sort());
  });

  it('the sending state and the error state are accessible too', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await injectFault(companyId, 'checkStatus', 'delay', { delayMs: 1500 });
    await typeInto(el, '#email', uniqueEmail('busy'));
    await press('Enter');
    await waitUntil(() => part(el, 'button[type=submit]').getAttribute('aria-busy') === 'true');
    await expect(el).to.be.accessible();
    await waitForStep(el, '#code');
    await injectFault(companyId, 'register', 'refuse', { msg: 'Not today.' });
    await typeInto(el, '#code', '123456');
    await waitUntil(() => alerts(el).includes('Not today.'));
    await expect(el).to.be.accessible();
  });

  it('bad attribute values warn what to fix and fall back, never crash', async () => {
    const warnings = await warningsDuring(async () => {
      const badHost = await mount({ attributes: { host: 'ftp://gateway.example' } });
      expect(alerts(badHost.el)[0]).to.contain('not set up correctly');
      const badLang = await mount({ lang: 'xx-YY', attributes: { methods: 'email fax', 'account-type': 'corporate' } });
      await countriesLoaded(badLang.el);
      expect(part(badLang.el, 'label[for=email]').textContent).to.equal('Email address');
      expect(query(badLang.el, '#tab-phone'), 'unknown method dropped, e-mail kept').to.equal(null);
      await waitUntil(() => (badLang.el as unknown as { session?: unknown }).session);
    });
    expect(warnings.some((w) => w.includes('host="ftp://gateway.example" is not an http(s) URL'))).to.equal(true);
    expect(warnings.some((w) => w.includes('lang="xx-YY"'))).to.equal(true);
    expect(warnings.some((w) => w.includes('unknown methods "fax"'))).to.equal(true);
    expect(warnings.some((w) => w.includes('account-type="corporate"'))).to.equal(true);
  });
});

/**
 * The browser's connectivity as the element sees it: navigator.onLine and the
 * online/offline events. (Chromium's real offline mode would also cut the test
 * runner's own connection to this page.)
 */
function setOffline(offline: boolean) {
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as unknown as Record<string, unknown>).onLine;
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

describe('an element taken off the page', () => {
  it('before its deferred loads ran, fetches nothing; put back, it loads as usual', async () => {
    const companyId = uniqueCompanyId('detached');
    const { el } = await mount({ companyId });
    const parent = el.parentElement!;
    el.remove(); // before the next task, where the country list and the flow would be fetched
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await requestsOf(companyId, 'countryList')).to.have.length(0);
    parent.append(el);
    await countriesLoaded(el);
    expect(await requestsOf(companyId, 'countryList')).to.have.length(1);
  });
});

describe('offline', () => {
  it('offline from the start: the country field does not claim to be loading; back online, everything loads', async () => {
    const companyId = uniqueCompanyId('offline-start');
    setOffline(true);
    try {
      const { el } = await mount({ companyId });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const country = part<HTMLSelectElement>(el, '#country');
      expect(country.getAttribute('aria-busy')).to.equal('false');
      expect(country.textContent).to.not.match(/Loading/);
      expect(part(el, '[part="offline"]').textContent).to.not.equal('');
      expect(await requestsOf(companyId, 'countryList')).to.have.length(0);
      setOffline(false);
      await countriesLoaded(el);
    } finally {
      setOffline(false);
    }
  });

  it('going offline mid-flow shows it, sends nothing, and recovers when the network is back', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await waitUntil(() => (el as unknown as { session?: unknown }).session);
    const email = uniqueEmail('offline');
    await typeInto(el, '#email', email);
    setOffline(true);
    try {
      await waitUntil(() => part(el, '[part=offline]').textContent!.includes('offline'), 'no offline message');
      // A notice with a marked edge, not a grey hint.
      const notice = getComputedStyle(part(el, '[part=offline]'));
      expect(notice.borderInlineStartWidth).to.equal('4px');
      expect(notice.backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
      await press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(query(el, '#code')).to.equal(null);
      expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
      await expect(el).to.be.accessible();
    } finally {
      setOffline(false);
    }
    await waitUntil(() => part(el, '[part=offline]').textContent === '', 'the offline message stayed');
    expect(getComputedStyle(part(el, '[part=offline]')).borderInlineStartWidth, 'no empty box once online').to.equal('0px');
    part(el, '#email').focus();
    await press('Enter');
    await waitForStep(el, '#code');
    expect(await requestsOf(companyId, 'checkStatus')).to.have.length(1);
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(1);
  });

  it('offline, Send shows as unavailable but stays focusable; pressed, it sends nothing and takes focus to the notice', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    const email = uniqueEmail('offline-send');
    await typeInto(el, '#email', email);
    const send = part<HTMLButtonElement>(el, 'button[type=submit]');
    expect(send.getAttribute('aria-disabled')).to.equal('false');
    setOffline(true);
    try {
      await waitUntil(() => send.getAttribute('aria-disabled') === 'true', 'Send not shown as unavailable while offline');
      expect(send.disabled, 'focusable, not disabled').to.equal(false);
      expect(getComputedStyle(send).opacity).to.equal('0.7');
      send.focus();
      expect(focused(el)).to.equal(send);
      await press('Enter');
      const notice = part(el, '[part=offline]');
      await waitUntil(() => focused(el) === notice, 'focus did not go to the offline notice');
      expect(notice.textContent).to.contain('offline');
      expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(query(el, '#code')).to.equal(null);
      // (Leaving the e-mail field checks the address on its own: only what Send asks counts here.)
      expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
    } finally {
      setOffline(false);
    }
    await waitUntil(() => send.getAttribute('aria-disabled') === 'false', 'Send stayed unavailable online');
  });

  it('the offline notice (and a header) sit in the form\'s gaps, like every other part', async () => {
    const header = document.createElement('p');
    header.slot = 'header';
    header.textContent = 'Open an account';
    header.style.margin = '0';
    const { el } = await mount({ children: [header] });
    await countriesLoaded(el);
    const gapBelow = (upper: Element, lower: Element) => lower.getBoundingClientRect().top - upper.getBoundingClientRect().bottom;
    const tabs = part(el, '[part=tabs]');
    // The form's own gap, between the tabs and the panel under them.
    const gap = gapBelow(tabs, part(el, '#account-panel'));
    expect(gap).to.be.greaterThan(4);
    expect(gapBelow(header, tabs), 'header to tabs, online (no notice)').to.be.closeTo(gap, 0.5);
    setOffline(true);
    try {
      const notice = part(el, '[part=offline]');
      await waitUntil(() => notice.textContent!.includes('offline'), 'no offline message');
      expect(gapBelow(header, notice), 'header to notice').to.be.closeTo(gap, 0.5);
      expect(gapBelow(notice, tabs), 'notice to tabs').to.be.closeTo(gap, 0.5);
    } finally {
      setOffline(false);
    }
  });

  it('a country list that failed while offline loads again when the network is back', async () => {
    const companyId = uniqueCompanyId('offline-list');
    // The browser retries a POST on a reset connection: the fault outlasts its retries.
    await injectFault(companyId, 'countryList', 'drop', { count: 20 });
    const { el } = await mount({ companyId });
    await waitUntil(() => alerts(el).length > 0, 'no failure shown', { timeout: 5000 });
    await injectFault(companyId, 'countryList', 'drop', { count: 0 }); // the network is fine again
    setOffline(true);
    setOffline(false);
    await countriesLoaded(el);
  });
});

describe('reload mid-flow', () => {
  it('resumes at the code step with the same account and the remaining countdown, then forgets it', async () => {
    const companyId = uniqueCompanyId('reload');
    const before = await mount({ companyId });
    const email = uniqueEmail('reload');
    await countriesLoaded(before.el);
    await typeInto(before.el, '#email', email);
    await press('Enter');
    await waitForStep(before.el, '#code');
    // The code step, and what was typed on the first step; never the code.
    const stored = Object.keys(sessionStorage).filter((key) => key.includes(companyId));
    expect(stored.map((key) => key.split(':')[1]).sort()).to.deep.equal(['code-step', 'first-step']);
    for (const key of stored) expect(sessionStorage.getItem(key)).not.to.contain('"code"');
    before.el.remove(); // the page goes away...

    const after = await mount({ companyId }); // ...and comes back
    await waitForStep(after.el, '#code');
    expect(part(after.el, '#code-hint').textContent).to.contain(email);
    const seconds = Number(/in (\d+) seconds?/.exec(part(after.el, '#resend-wait').textContent!)?.[1]);
    expect(seconds).to.be.within(1, 60);

    const registered = oneEvent(after.el, 'registered');
    await typeInto(after.el, '#code', await latestCode(companyId, email));
    await registered;
    expect(Object.keys(sessionStorage).filter((key) => key.includes(companyId))).to.deep.equal([]);

    const third = await mount({ companyId });
    await countriesLoaded(third.el);
    expect(query(third.el, '#code'), 'a finished registration is not resumed').to.equal(null);
  });

  it('resumes only for the same company and gateway, and never an expired ticket', async () => {
    const companyId = uniqueCompanyId('reload');
    const first = await mount({ companyId });
    await countriesLoaded(first.el);
    await typeInto(first.el, '#email', uniqueEmail('expire'));
    await press('Enter');
    await waitForStep(first.el, '#code');
    first.el.remove();

    const other = await mount({ companyId: uniqueCompanyId('other') });
    await countriesLoaded(other.el);
    await waitUntil(() => (other.el as unknown as { session?: unknown }).session);
    expect(query(other.el, '#code')).to.equal(null);
    other.el.remove(); // an element resumes what the element at its place on the page kept

    const [key] = Object.keys(sessionStorage).filter((k) => k.includes(companyId) && k.includes(':code-step:'));
    const saved = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...saved, expiresAt: Date.now() - 1 }));
    const expired = await mount({ companyId });
    await countriesLoaded(expired.el);
    await waitUntil(() => (expired.el as unknown as { session?: unknown }).session);
    expect(query(expired.el, '#code')).to.equal(null);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });
});

describe('no secret leaks', () => {
  it('a host or company-id change mid-flow starts over: no code or ticket goes to the new one', async () => {
    const { el, companyId } = await mount();
    const email = uniqueEmail('moved');
    await requestCodeFor(el, email);
    // The same gateway by another name: as far as the element knows, another gateway.
    const other = new URL(el.host);
    other.hostname = 'localhost';
    el.setAttribute('host', other.origin);
    await waitForStep(el, '#email');
    expect(query(el, '#code')).to.equal(null);
    expect(part<HTMLInputElement>(el, '#email').value, 'what was typed is kept').to.equal(email);

    // Back to the first gateway, on the code step again, then another company.
    el.setAttribute('host', new URL(other.href.replace('localhost', '127.0.0.1')).origin);
    await countriesLoaded(el);
    const next = uniqueCompanyId('moved');
    // (A second address: the gateway sends one code per account per minute.)
    const second = uniqueEmail('moved-again');
    part<HTMLInputElement>(el, '#email').value = '';
    await typeInto(el, '#email', second);
    await press('Enter');
    await waitForStep(el, '#code');
    const code = await latestCode(companyId, second);
    el.setAttribute('company-id', next);
    await waitForStep(el, '#email');
    expect(query(el, '#code')).to.equal(null);
    expect(await requestsOf(companyId, 'register')).to.have.length(0);
    expect(await requestsOf(next, 'register')).to.have.length(0);
    expect(code).to.match(/^\d{6}$/);
  });

  it('no code, ticket or token in the console or in any URL the element builds', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    methods.forEach((name) => (console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    let secrets: string[] = [];
    let paths: string[] = [];
    try {
      const { el, companyId } = await mount();
      const email = uniqueEmail('secret');
      await countriesLoaded(el);
      await typeInto(el, '#email', email);
      await press('Enter');
      await waitForStep(el, '#code');
      const code = await latestCode(companyId, email);
      const registered = oneEvent(el, 'registered');
      await typeInto(el, '#code', code);
      const event = await registered;
      const requests = await requestsOf(companyId);
      const [register] = requests.filter((r) => r.call === 'register');
      secrets = [code, register.body!.sendToken as string, event.detail.token!];
      paths = requests.map((r) => r.path);
    } finally {
      methods.forEach((name, i) => (console[name] = originals[i]));
    }
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length >= 6)).to.equal(true);
    for (const secret of secrets) expect(logged.filter((line) => line.includes(secret))).to.deep.equal([]);
    expect(paths.length).to.be.greaterThan(3);
    expect(paths.filter((path) => path.includes('?'))).to.deep.equal([]);
  });
});

describe('more hostile and impatient input', () => {
  it('mashing Enter and double-clicking "Register" register exactly once', async () => {
    const { el, companyId } = await mount();
    const email = uniqueEmail('mash-code');
    await countriesLoaded(el);
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitForStep(el, '#code');
    await injectFault(companyId, 'register', 'delay', { delayMs: 500 });
    const registered = oneEvent(el, 'registered');
    await typeInto(el, '#code', await latestCode(companyId, email)); // the sixth digit submits
    await press('Enter');
    await press('Enter');
    query<HTMLButtonElement>(el, 'button[type=submit]')?.click();
    query<HTMLButtonElement>(el, 'button[type=submit]')?.click();
    await registered;
    expect(await requestsOf(companyId, 'register')).to.have.length(1);
    expect(await customersOf(companyId)).to.have.length(1);
  });

  it('markup in attributes stays inert', async () => {
    const hostile = '<img src=x onerror="window.__attrPwned=1">';
    const { el } = await mount({ attributes: { country: hostile, 'utm-source': hostile, methods: hostile, 'account-types': hostile } });
    await countriesLoaded(el);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __attrPwned?: number }).__attrPwned).to.equal(undefined);
    expect(part(el, '#email')).to.exist;
  });
});

describe('resend', () => {
  it('once a ticket is spent, focus goes to "Send a new code", which works at once and sends one code however often it is pressed', async () => {
    const { el, companyId } = await mount();
    const email = uniqueEmail('resend');
    await countriesLoaded(el);
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitForStep(el, '#code');
    const code = await latestCode(companyId, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt++) {
      await typeInto(el, '#code', wrong);
      await waitUntil(async () => (await requestsOf(companyId, 'register')).length === attempt, `attempt ${attempt} never sent`);
      await waitUntil(() => alerts(el).length > 0, `attempt ${attempt} never answered`);
    }
    await waitUntil(() => alerts(el).some((text) => /Too many incorrect codes/.test(text)), 'the ticket never locked');
    await waitUntil(() => focused(el)?.id === 'resend', 'focus did not go to the resend button');
    const resend = part<HTMLButtonElement>(el, '#resend');
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect(part(el, '#resend-wait').textContent!.trim()).to.equal('');
    expect(part<HTMLInputElement>(el, '#code').readOnly).to.equal(true);
    expect(part<HTMLInputElement>(el, '#code').value, 'a spent code is emptied').to.equal('');
    expect(query(el, 'button[type=submit]'), 'no "Register" with a dead ticket').to.equal(null);
    expect(query(el, '#code-hint'), 'no hint asking for the spent code').to.equal(null);
    expect(query(el, '#code-auto')).to.equal(null);
    resend.click();
    resend.click();
    await waitUntil(() => query(el, '#code:not([readonly])'), 'no new code');
    expect(await requestsOf(companyId, 'sendCode'), 'one new code for two presses').to.have.length(2);
    expect(part(el, '#resend-wait').textContent).to.match(/in \d+ seconds?/);
    const registered = oneEvent(el, 'registered');
    await typeInto(el, '#code', await latestCode(companyId, email));
    expect((await registered).detail.customerNo).to.match(/^\d+$/);
  });
});

describe('resend countdown, the end', () => {
  it('says once that a new code can be asked for, when the countdown ends', async () => {
    const companyId = uniqueCompanyId('countdown-end');
    const first = await mount({ companyId });
    await requestCodeFor(first.el, uniqueEmail('countdown-end'));
    first.el.remove();
    // The kept step, with its countdown two seconds from its end (as after a reload late in it).
    const [key] = Object.keys(sessionStorage).filter((k) => k.includes(companyId) && k.includes(':code-step:'));
    const saved = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...saved, resendAvailableAt: Date.now() + 2000 }));
    const { el } = await mount({ companyId });
    await waitForStep(el, '#code');
    const status = part(el, 'form > [role="status"]');
    expect(status.textContent!.trim()).to.match(/^You can request a new code in [12] seconds?$/);
    await waitUntil(() => part(el, '#resend').getAttribute('aria-disabled') === 'false', 'the countdown never ended', { timeout: 5000 });
    expect(status.textContent!.trim()).to.equal('You can now request a new code.');
    expect(part(el, '#resend').textContent!.trim()).to.equal('Send a new code');
    expect(part(el, '#resend-wait').textContent!.trim()).to.equal('');
  });
});

describe('reset while a request is under way', () => {
  it('cancels it: the element stays on the first step', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await waitUntil(() => (el as unknown as { session?: unknown }).session);
    await injectFault(companyId, 'sendCode', 'delay', { delayMs: 600 });
    await typeInto(el, '#email', uniqueEmail('cancel'));
    await press('Enter');
    await waitUntil(() => part(el, 'button[type=submit]').getAttribute('aria-busy') === 'true');
    el.reset();
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(query(el, '#code'), 'the late answer did not move the element').to.equal(null);
    expect(part(el, 'button[type=submit]').getAttribute('aria-busy')).to.equal('false');
  });
});
