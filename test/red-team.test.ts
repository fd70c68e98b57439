/**
 * The red team's findings of 2026-12-06 (../shared/reviews/2026-12-06/sec.md,
 * F1-F15), each as the attack that worked then and must not work now.
 */
import { expect } from '@open-wc/testing';
import { clearCountryListCache, fetchCountryList } from '../src/gateway/country-list.js';
import { matchesMobilePattern, parseMobilePattern } from '../src/gateway/mobile-pattern.js';
import { testConfig, uniqueCompanyId } from './support/reference-gateway.js';

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
