/**
 * The red team's findings of 2026-12-06 (../shared/reviews/2026-12-06/sec.md,
 * F1-F15), each as the attack that worked then and must not work now.
 */
import { expect } from '@open-wc/testing';
import { clearCountryListCache, fetchCountryList } from '../src/core/gateway/country-list.js';
import { matchesMobilePattern, parseMobilePattern } from '../src/core/gateway/mobile-pattern.js';
import { customersOf, requestsOf, testConfig, uniqueCompanyId } from './support/reference-gateway.js';
import { setIdpBehaviour } from './support/identity-providers.js';
import { embedded, mount, query } from './support/harness.js';
import { waitUntil } from './support/wait.js';
import type { CustomerRegister } from '../src/customer-register.js';
import { utmFromUrl } from '../src/core/embedding/attribution.js';
import { agentReferral } from '../src/core/embedding/register-fields.js';
import { loadSourceStrings, type LocalizeController } from '../src/core/i18n/localize.js';
import { telegramAdapter } from '../src/third-party/adapters/telegram.js';
import { signInUrl } from '../src/core/embedding/sign-in-link.js';

/** Runs `body` while every gateway call of `call` is answered with `data` (a hostile gateway), then restores fetch. */
async function withGatewayAnswer<T>(path: string, data: unknown, body: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) =>
    String(input instanceof Request ? input.url : input).includes(path)
      ? new Response(JSON.stringify({ ok: true, code: '0', msg: '', data }), { headers: { 'content-type': 'application/json' } })
      : realFetch(input, init);
  try {
    return await body();
  } finally {
    globalThis.fetch = realFetch;
  }
}

describe('F1: gateway-supplied mobile patterns never run unbounded', () => {
  const catastrophic = '^(\\d|\\d|\\d|\\d|\\d|\\d|\\d|\\d|\\d|\\d)+x$';

  it('the country list keeps only readable patterns and fields of the right type', async () => {
    clearCountryListCache();
    const hostile = [
      { code: 'ISO_3166_826', countryCode: '44', name: 'United Kingdom', displayName: 'UK', extend: catastrophic },
      { code: 'ISO_3166_156', countryCode: '86', name: 'China', displayName: { strings: ['x'], values: [] }, extend: '^1[3-9]\\d{9}$' },
      { code: 'ISO_3166_392', countryCode: '81', name: 'Japan', extend: { source: '.*' } },
      { code: 123, countryCode: '1', name: 'Numeric code' },
      null,
    ];
    const countries = await withGatewayAnswer('getCountryListByParentCode', hostile, async () =>
      fetchCountryList(await testConfig(uniqueCompanyId('hostile-list'))),
    );
    expect(countries).to.deep.equal([
      { code: 'ISO_3166_826', countryCode: '44', name: 'United Kingdom', displayName: 'UK' },
      { code: 'ISO_3166_156', countryCode: '86', name: 'China', extend: '^1[3-9]\\d{9}$' },
      { code: 'ISO_3166_392', countryCode: '81', name: 'Japan' },
    ]);
  });

  it('reads the platform\'s patterns exactly as a regular expression would, and refuses anything else', () => {
    const numbers = ['13800138000', '7400123456', '4123456789', '9123456789', '1', '', '123456789012345', '61234567'];
    // The reference gateway's patterns (demo/gateway/countries.mjs), as the platform sends them.
    const platformPatterns = ['^1[3-9]\\d{9}$', '^[4-9]\\d{7}$', '^1\\d{8,9}$', '^[789]0\\d{8}$', '^1[016789]\\d{7,8}$', '^7\\d{9}$', '^\\d{2}9\\d{8}$', '^[789][01]\\d{8}$'];
    for (const extend of platformPatterns) {
      const readable = parseMobilePattern(extend);
      expect(readable, extend).to.not.equal(undefined);
      for (const number of numbers) expect(matchesMobilePattern(readable!, number), `${extend} ${number}`).to.equal(new RegExp(extend).test(number));
    }
    for (const pattern of ['1\\d?2*3+', '[0-2]{2,}5', '^\\d{0,3}$', '9{2}']) {
      for (const number of numbers) expect(matchesMobilePattern(parseMobilePattern(pattern)!, number), `${pattern} ${number}`).to.equal(new RegExp(pattern).test(number));
    }
    for (const refused of [catastrophic, '(a+)+$', '^1\\d{9}|2$', '^.*$', '^[^0]\\d$', '^\\d{5,2}$', '\\', '', 42, `^${'\\d'.repeat(33)}$`]) {
      expect(parseMobilePattern(refused), String(refused)).to.equal(undefined);
    }
  });
});

/**
 * The built element on a page of the test origin, framed by a page of another
 * origin (this test server by its IP address). The test reaches the inner page
 * through `frames`, which crosses the foreign frame.
 */
async function framedByAnotherOrigin(companyId: string): Promise<{ el: () => CustomerRegister | null; outer: HTMLIFrameElement }> {
  const url = new URL('/__frame/outer.html', location.href);
  url.hostname = '127.0.0.1';
  url.searchParams.set('inner', `/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=google`);
  const outer = document.createElement('iframe');
  outer.style.cssText = 'width: 500px; height: 660px';
  outer.src = url.href;
  document.body.append(outer);
  const innerDocument = () => {
    try {
      return (outer.contentWindow?.[0] as Window | undefined)?.document;
    } catch {
      return undefined; // not yet the page of this origin
    }
  };
  return { el: embedded(innerDocument), outer };
}

describe('F3: provider sign-up inside a frame of another origin takes a second action', () => {
  it('a framed one-click sign-in stops at the confirm step; only its Create account registers', async () => {
    const companyId = uniqueCompanyId('framed');
    const id = crypto.randomUUID().slice(0, 8);
    await setIdpBehaviour(companyId, { autoApprove: true, user: { id: `framed-${id}`, email: `framed.${id}@example.com`, name: 'Framed Person' } });
    const { el, outer } = await framedByAnotherOrigin(companyId);
    try {
      const button = () => query<HTMLButtonElement>(el()!, 'button[data-provider="google"]');
      await waitUntil(() => el() && button() && query(el()!, '#country:not([disabled])'), 'no google button in the framed element', { timeout: 15000 });
      button()!.click();
      await waitUntil(() => query(el()!, '#outcome'), 'the framed sign-in never came back', { timeout: 15000 });
      await waitUntil(() => (query(el()!, '#outcome')?.textContent ?? '').includes('signed in with Google'), 'no confirm step');
      expect(await requestsOf(companyId, 'register'), 'registered on the one click').to.have.length(0);
      expect(query(el()!, '#terms'), 'a terms box without site terms').to.equal(null);
      query<HTMLButtonElement>(el()!, '#outcome button[type="submit"]')!.click();
      await waitUntil(async () => (await customersOf(companyId)).length === 1, 'the second action did not register', { timeout: 10000 });
    } finally {
      outer.remove();
    }
  });
});

describe('F10: agent codes and utm values reach the gateway without control or invisible format characters', () => {
  const hostile = 'a"},\u0000\u0007\r\nX-Injected: 1\u202Egnp.exe\u200B\uFEFF\u2066<x>\u0085';
  const cleaned = 'a"},X-Injected: 1gnp.exe<x>';

  it('cleans the agent code from the URL and from the attribute, and keeps the 256-character cap', () => {
    expect(agentReferral({ agentParam: 'ref', search: `?ref=${encodeURIComponent(hostile)}` })).to.deep.equal({ thirdServerSource: 'agent', thirdServerCode: cleaned });
    expect(agentReferral({ agentCode: hostile, search: '' }).thirdServerCode).to.equal(cleaned);
    expect(agentReferral({ agentCode: '\u202E\u200B', agentParam: 'ref', search: '?ref=AG2' }).thirdServerCode, 'an attribute of format characters only is no code').to.equal('AG2');
    expect(agentReferral({ agentParam: 'ref', search: `?ref=${'x'.repeat(300)}` }).thirdServerCode).to.have.length(256);
  });

  it('strips bidi and zero-width characters from utm values, keeping ZWNJ and ZWJ (Persian spelling, emoji)', () => {
    expect(utmFromUrl(`?utm_source=${encodeURIComponent(hostile)}&utm_campaign=${encodeURIComponent('می\u200Cخواهم\u200D')}`)).to.deep.equal({
      utmSource: cleaned,
      utmCampaign: 'می\u200Cخواهم\u200D',
    });
  });
});

describe('F11: the site\'s strings take only own values of the type of the string they replace', () => {
  it('a text where a function belongs, a template-shaped object, null and inherited locales are ignored; the rest applies', async () => {
    const { el: element } = await mount();
    // The strings as the element resolves them: its (private) LocalizeController, read here to check each key's type.
    const el = element as unknown as { i18n: LocalizeController; updateComplete: Promise<boolean> };
    await loadSourceStrings(); // codeSentTo is one of the later strings
    const shippedSendCode = el.i18n.t.sendCode;
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      (el as unknown as { strings: unknown }).strings = {
        en: { codeSentTo: 'Code sent', sendCode: { strings: ['x'], raw: ['x'] }, createAccount: 'Open my account', formLabel: null },
      };
      await el.updateComplete;
      const t = el.i18n.t;
      expect(t.codeSentTo).to.be.a('function');
      expect(t.sendCode).to.equal(shippedSendCode);
      expect(t.createAccount).to.equal('Open my account');
      expect(t.formLabel).to.be.a('string');
      expect(warnings.filter((w) => /strings\.(codeSentTo|sendCode|formLabel) ignored: not a/.test(w))).to.have.length(3);
      // A polluted prototype names no locale of the site's.
      (Object.prototype as Record<string, unknown>)['en-US'] = { sendCode: 'Polluted wording' };
      try {
        (el as unknown as { strings: unknown }).strings = {};
        await el.updateComplete;
        expect(el.i18n.t.sendCode).to.equal(shippedSendCode);
      } finally {
        delete (Object.prototype as Record<string, unknown>)['en-US'];
      }
    } finally {
      console.warn = warn;
    }
  });
});

describe('F14: Telegram sign-in does not ask to let the bot message the person', () => {
  it('leaves request_access out unless the site asks for it (providers = { telegram: { requestAccess: "write" } })', async () => {
    const input = { endpoint: 'https://oauth.telegram.org/auth', clientId: '9091319207', redirectUri: `${location.origin}/oauth-callback.html`, lang: 'en-US' };
    const plain = new URL((await telegramAdapter.authorizationRequest(input)).url);
    expect(plain.searchParams.get('bot_id')).to.equal('9091319207');
    expect(plain.searchParams.has('request_access')).to.equal(false);
    const asked = new URL((await telegramAdapter.authorizationRequest({ ...input, requestWrite: true })).url);
    expect(asked.searchParams.get('request_access')).to.equal('write');
  });
});

describe('F12: the Sign in link warns where it may leak what was typed, and can carry it in the fragment', () => {
  const inputs = (loginUrl: string, base = 'https://partner.example/signup') => {
    const warnings: string[] = [];
    const url = signInUrl({
      loginUrl,
      account: { channel: 'email', email: 'ann@example.com', country: 'ISO_3166_156', dialCode: '86' },
      utmAttributes: { utmSource: 'news' },
      touch: {},
      search: '',
      base,
      warn: (message) => warnings.push(message),
    });
    return { url, warnings };
  };

  it('a login-url ending in # gets the address, utm and agent code in its fragment, out of the query', () => {
    expect(inputs('/login#').url).to.equal('https://partner.example/login#email=ann%40example.com&utm_source=news');
    expect(inputs('/login?next=%2Fhome#').url).to.equal('https://partner.example/login?next=%2Fhome#email=ann%40example.com&utm_source=news');
    expect(inputs('/login').url, 'unchanged without #').to.equal('https://partner.example/login?email=ann%40example.com&utm_source=news');
  });

  it('warns for http: from an https page, credentials and another origin; not for the page\'s own https sign-in', () => {
    expect(inputs('/login').warnings).to.deep.equal([]);
    expect(inputs('http://127.0.0.1:8000/login', 'http://127.0.0.1:8000/').warnings, 'an http page\'s own http sign-in').to.deep.equal([]);
    const [http] = inputs('http://partner.example/login').warnings;
    expect(http).to.match(/is http:/);
    const [credentials] = inputs('https://partner.example@evil.example/login').warnings;
    expect(credentials).to.match(/carries credentials, is on another origin \(https:\/\/evil\.example\)/);
    expect(inputs('//evil.example/login').warnings[0]).to.match(/another origin/);
  });
});

describe('F7 and F15: a provider redirect\'s records and storage blocked in a frame', () => {
  const RECORDS = ['customer-register:pending-sign-in', 'customer-register:sign-in-result'];

  it('a page whose element has no providers still takes a redirect\'s code and verifier out of sessionStorage (F7)', async () => {
    const companyId = uniqueCompanyId('no-providers');
    const win = window.open(`/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=`, 'no-providers-test')!;
    try {
      const inner = embedded(() => win.document);
      await waitUntil(() => inner() && query(inner()!, '#email'), 'no element', { timeout: 10000 });
      win.sessionStorage.setItem(RECORDS[0], JSON.stringify({ provider: 'twitter', state: 's', codeVerifier: 'verifier-secret', elementKey: 'k', startedAt: Date.now() }));
      win.sessionStorage.setItem(RECORDS[1], JSON.stringify({ params: { state: 's', code: 'code-secret' } }));
      const before = win.document;
      win.location.reload();
      await waitUntil(() => win.document !== before && inner() && query(inner()!, '#email'), 'no element after the reload', { timeout: 10000 });
      for (const key of RECORDS) expect(win.sessionStorage.getItem(key), key).to.equal(null);
    } finally {
      win.close();
    }
  });

  it('where reading storage throws (a cross-site frame that blocks it), the provider buttons still show (F15)', async () => {
    const companyId = uniqueCompanyId('blocked-storage');
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 480px; height: 640px';
    frame.src = `/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=google&blocked-storage=1`;
    document.body.append(frame);
    try {
      const inner = embedded(() => frame.contentDocument);
      await waitUntil(() => inner() && query(inner()!, 'button[data-provider="google"]'), 'no google button where storage is blocked', { timeout: 15000 });
      expect(() => frame.contentWindow!.sessionStorage, 'the frame\'s storage was not blocked').to.throw();
    } finally {
      frame.remove();
    }
  });
});

describe('F9: the callback page hands its answer only to an opener that asks for this attempt', () => {
  /**
   * The red team's case, through the element's own popup: the element sits in a
   * frame (the popup's opener), the person is at the provider, and the frame
   * goes on to another page of this origin before the provider sends them back
   * to the callback page. The provider is played by a page of this origin (the
   * test reads its `state` there and sends the popup on as the provider would).
   */
  it('a page of this origin that the opener went on to receives nothing; a request for another attempt neither; the asking opener the answer, once', async () => {
    const companyId = uniqueCompanyId('f9');
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 480px; height: 640px';
    frame.src = `/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=google`;
    document.body.append(frame);
    const popups: Window[] = [];
    const popup = () => popups[0];
    try {
      const inner = embedded(() => frame.contentDocument);
      await waitUntil(() => inner()?.providerEndpoints?.google && query(inner()!, 'button[data-provider="google"]') && query(inner()!, '#country:not([disabled])'), 'no google button', { timeout: 15000 });
      // The provider: a page of this origin (any will do), whose address the test can read.
      inner()!.providerEndpoints = { google: new URL('/__test-env', location.href).href };
      const frameWindow = frame.contentWindow!;
      const open = frameWindow.open;
      frameWindow.open = (...args: Parameters<typeof open>) => {
        const opened = open.apply(frameWindow, args);
        if (opened) popups.push(opened);
        return opened;
      };
      query<HTMLButtonElement>(inner()!, 'button[data-provider="google"]')!.click();
      await waitUntil(() => { try { return popup()?.location.pathname === '/__test-env'; } catch { return false; } }, 'the popup never reached the provider', { timeout: 10000 });
      const request = new URL(popup().location.href);
      const attempt = popup().name.slice('customer-register-sign-in'.length);
      expect(attempt, 'the popup is named for its attempt').to.match(/^:.+/);

      // The opener goes on to another page of this origin, which listens.
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = `/__oauth/embed.html?companyId=${encodeURIComponent(companyId)}&providers=`;
      await loaded;
      const elsewhere = frame.contentWindow!;
      const received: { type?: string; params?: Record<string, string> }[] = [];
      elsewhere.addEventListener('message', (event: MessageEvent) => received.push(event.data));
      /**
       * Everything the page has been sent until now, whatever the callback page
       * did with the messages posted to it so far: a marker goes through the
       * popup (after them) and on to the page (after whatever the callback page
       * posted while handling them).
       */
      const receivedSoFar = async () => {
        const marker = `marker-${received.length}-${Math.random()}`;
        popup().postMessage({ type: marker }, location.origin);
        await waitUntil(() => received.some((message) => message.type === marker), 'the marker never arrived');
        return received.filter((message) => !String(message.type).startsWith('marker-'));
      };
      /** Posts as the page in the frame (the popup's opener) does. */
      const postAsOpener = new (elsewhere as unknown as typeof globalThis).Function('popup', 'message', 'popup.postMessage(message, location.origin)') as (popup: Window, message: unknown) => void;

      // The provider sends the person back with the answer.
      const redirectUri = request.searchParams.get('redirect_uri')!;
      const state = request.searchParams.get('state')!;
      popup().location.href = `${redirectUri}#id_token=secret-token&state=${encodeURIComponent(state)}`;
      // Loaded: the address bar has lost the answer (the callback page's first act).
      await waitUntil(() => { try { return popup().location.pathname === new URL(redirectUri).pathname && popup().location.hash === ''; } catch { return false; } }, 'the callback page never loaded', { timeout: 10000 });
      popup().addEventListener('message', (event: MessageEvent) => {
        if (String(event.data?.type).startsWith('marker-')) elsewhere.postMessage(event.data, location.origin);
      });
      // That page is told only that an answer waits (no code, token or attempt).
      expect(await receivedSoFar(), 'what the page the opener went on to received').to.deep.equal([{ type: 'customer-register:sign-in-callback-waiting' }]);

      // Asked for another attempt: nothing.
      postAsOpener(popup(), { type: 'customer-register:sign-in-callback-ready', attempt: ':another-attempt' });
      expect(JSON.stringify(await receivedSoFar()), 'the answer went to a request for another attempt').to.not.include('secret-token');

      // Asked for this attempt (twice, as the element asks until it has it): the answer, once.
      postAsOpener(popup(), { type: 'customer-register:sign-in-callback-ready', attempt });
      postAsOpener(popup(), { type: 'customer-register:sign-in-callback-ready', attempt });
      await waitUntil(() => received.some((message) => message.params), 'no answer when asked for this attempt');
      const answers = (await receivedSoFar()).filter((message) => message.params);
      expect(answers).to.have.length(1);
      expect(answers[0].params).to.deep.equal({ id_token: 'secret-token', state });
      postAsOpener(popup(), { type: 'customer-register:sign-in-callback-received' });
      await waitUntil(() => popup().closed, 'the acknowledgement did not close the popup');
    } finally {
      // Every window this test made is gone before the next test starts.
      if (popup()) await waitUntil(() => popup().closed || (popup().close(), false), 'the popup would not close', { interval: 250 });
      frame.remove();
    }
  });
});
