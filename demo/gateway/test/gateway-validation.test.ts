/**
 * The reference gateway's own validation, tested straight (not through the
 * element): bad headers, bad bodies, CORS. The element's checks come before
 * these; these make sure the stand-in is as strict as the contract.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { DEFAULT_PATHS } from '../../../src/core/gateway/contract.js';
import { gatewayUrl, latestCode, uniqueCompanyId } from '../../../test/support/reference-gateway.js';

type Call = keyof typeof DEFAULT_PATHS;

async function post(call: Call, body: unknown, headers: Record<string, string | undefined> = {}) {
  const all: Record<string, string> = {};
  const defaults = { 'content-type': 'application/json', version: '0.0.1', companyId: uniqueCompanyId('gw'), trace: crypto.randomUUID(), lang: 'en-US' };
  for (const [name, value] of Object.entries({ ...defaults, ...headers })) if (value !== undefined) all[name] = value;
  const response = await fetch(`${await gatewayUrl()}/api${DEFAULT_PATHS[call]}`, {
    method: 'POST',
    headers: all,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; code: string; msg: string; data: unknown };
}

const GOOD_REGISTER = {
  country: 'ISO_3166_156',
  loginName: 'someone@example.com',
  type: 1,
  verifyCode: '123456',
  sendToken: 'not-a-real-ticket',
  registerSource: 2,
};

describe('reference gateway: headers', () => {
  const cases: [string, Record<string, string | undefined>][] = [
    ['version missing', { version: undefined }],
    ['version wrong', { version: '0.0.2' }],
    ['companyId missing', { companyId: undefined }],
    ['companyId with markup', { companyId: '<img src=x>' }],
    ['trace not a UUID', { trace: 'abc' }],
    ['lang not a language tag', { lang: 'english please' }],
  ];
  for (const [label, headers] of cases) {
    it(`${label}: refused with GATEWAY_HEADER_INVALID`, async () => {
      const answer = await post('countryList', { parentCode: '-1' }, headers);
      expect(answer).to.include({ ok: false, code: 'GATEWAY_HEADER_INVALID' });
      expect(answer.msg).to.match(/Header "\w+" is missing or invalid/);
    });
  }
});

describe('reference gateway: bodies', () => {
  const cases: [string, Call, unknown, RegExp][] = [
    ['not JSON', 'countryList', '{parentCode:', /JSON object/],
    ['a JSON array', 'countryList', [1, 2], /JSON object/],
    ['parentCode wrong', 'countryList', { parentCode: '0' }, /parentCode/],
    ['checkStatus without type', 'checkStatus', { loginName: 'a@example.com' }, /"type" is required/],
    ['checkStatus type as a string', 'checkStatus', { type: '1', loginName: 'a@example.com' }, /"type" is invalid/],
    ['checkStatus bad e-mail', 'checkStatus', { type: 1, loginName: 'Ann <a@example.com>' }, /email address is not valid/],
    ['sendCode unknown bizType', 'sendCode', { bizType: 'LOGIN', toUser: 'a@example.com', country: 'ISO_3166_156' }, /bizType/],
    ['sendCode unknown country', 'sendCode', { bizType: 'EMAIL_REGISTER_VERIFICATION_CODE', toUser: 'a@example.com', country: 'ISO_3166_999' }, /not supported/],
    ['sendCode phone in a foreign format', 'sendCode', { bizType: 'SMS_REGISTER_VERIFICATION_CODE', toUser: '+86 138-0000-0000', country: 'ISO_3166_156' }, /not valid/],
  ];
  for (const field of ['country', 'loginName', 'type', 'verifyCode', 'sendToken', 'registerSource'] as const) {
    const { [field]: _dropped, ...rest } = GOOD_REGISTER;
    cases.push([`register without ${field}`, 'register', rest, new RegExp(`"${field}" is required`)]);
  }
  const wrongTypes: [string, unknown][] = [
    ['type', 4],
    ['registerSource', 0],
    ['registerSource', 10],
    ['openAccountType', 2],
    ['pwd', 'plain-password'],
    ['customerGroupId', '12'],
    ['tradeTypeCurrencyList', [{ allCurrency: 1 }]],
    ['utmSource', 'x'.repeat(300)],
    ['lang', 5],
  ];
  for (const [field, value] of wrongTypes) {
    cases.push([`register with ${field} = ${JSON.stringify(value).slice(0, 20)}`, 'register', { ...GOOD_REGISTER, [field]: value }, new RegExp(`"${field}" is invalid`)]);
  }
  cases.push(['register with an unknown ticket', 'register', GOOD_REGISTER, /verification is no longer valid/]);

  for (const [label, call, body, message] of cases) {
    it(`${label}: refused with a clear msg`, async () => {
      const answer = await post(call, body);
      expect(answer.ok, JSON.stringify(answer)).to.equal(false);
      expect(answer.msg).to.match(message);
      expect(answer.data).to.equal(null);
    });
  }
});

describe('reference gateway: tickets', () => {
  it('a ticket is bound to the account and the country it was sent for', async () => {
    const companyId = uniqueCompanyId('ticket');
    const email = `bound.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const sent = await post('sendCode', { bizType: 'EMAIL_REGISTER_VERIFICATION_CODE', toUser: email, country: 'ISO_3166_156' }, { companyId });
    const sendToken = (sent.data as { token: string }).token;
    const verifyCode = await latestCode(companyId, email);
    const body = { ...GOOD_REGISTER, loginName: email, sendToken, verifyCode };
    const otherCountry = await post('register', { ...body, country: 'ISO_3166_840' }, { companyId });
    expect(otherCountry).to.include({ ok: false, code: 'VERIFY_TOKEN_INVALID' });
    const otherAccount = await post('register', { ...body, loginName: `x${email}` }, { companyId });
    expect(otherAccount).to.include({ ok: false, code: 'VERIFY_TOKEN_INVALID' });
    const right = await post('register', body, { companyId });
    expect(right.ok).to.equal(true);
    const again = await post('register', body, { companyId });
    expect(again).to.include({ ok: false, code: 'VERIFY_TOKEN_USED' });
  });
});

describe('reference gateway: CORS', () => {
  it('a page of a configured origin reads the answers', async () => {
    const answer = await post('countryList', { parentCode: '-1' });
    expect(answer.ok).to.equal(true);
  });

  it('a page of any other origin cannot', async () => {
    // Same test server, but 127.0.0.1 instead of localhost: another origin, not configured.
    const foreign = `http://127.0.0.1:${location.port}/__cors/probe.html?gateway=${encodeURIComponent(await gatewayUrl())}`;
    const iframe = document.createElement('iframe');
    const result = new Promise<{ readable: boolean }>((resolve) =>
      window.addEventListener('message', (event) => resolve(event.data), { once: true }),
    );
    iframe.src = foreign;
    document.body.append(iframe);
    expect((await result).readable).to.equal(false);
    iframe.remove();
  });
});

describe('reference gateway: hardening', () => {
  type Probe = { statuses: number[]; alive: boolean };
  const probe = (payload: { dev?: boolean; requests: { target: string; host?: string }[] }) =>
    executeServerCommand<Probe, typeof payload>('probe-gateway', payload) as Promise<Probe>;

  it('a malformed request target gets an answer and never stops the process', async () => {
    const { statuses, alive } = await probe({
      dev: true,
      requests: [{ target: '/%E0%A4%A' }, { target: '/__idp/google/%E0%A4%A' }, { target: '/__dev/%E0%A4%A' }, { target: 'http://[::1' }, { target: '/api/%' }],
    });
    expect(statuses).to.deep.equal([404, 404, 404, 400, 404]);
    expect(alive).to.equal(true);
  });

  it('the dev endpoints (which mint proofs) are off unless asked for', async function () {
    // Two gateway processes start and stop here: on a busy machine each start alone can take seconds.
    this.timeout(60_000);
    const requests = [{ target: '/__dev/inbox' }, { target: '/__dev/idp/proofs' }];
    expect((await probe({ requests })).statuses).to.deep.equal([404, 404]);
    expect((await probe({ dev: true, requests })).statuses.every((status) => status === 200)).to.equal(true);
  });

  it('the dev endpoints and the stand-in providers answer only to a Host that names this machine', async () => {
    const { statuses } = await probe({
      dev: true,
      requests: [
        { target: '/__dev/inbox', host: 'localhost' },
        { target: '/__dev/inbox', host: 'rebound.example:8787' },
        { target: '/__idp/google/oauth2/v3/certs', host: 'rebound.example' },
        { target: '/__dev/inbox', host: '127.0.0.1.example' },
      ],
    });
    expect(statuses).to.deep.equal([200, 404, 403, 404]);
  });
});

describe('the demo servers (npm start)', () => {
  type DemoProbe = { answers: { status: number; body: string }[]; alive: boolean; gatewayOrigin: string };

  it('pages follow GATEWAY_PORT, and a malformed URL is refused without stopping the server', async () => {
    const probe = (await executeServerCommand('probe-demo', { requests: ['/', '/demo.js', '/%E0%A4%A', '/gallery.html'] })) as DemoProbe;
    const [index, script, malformed, gallery] = probe.answers;
    expect(index.status).to.equal(200);
    expect(index.body).to.contain(`host="${probe.gatewayOrigin}"`);
    expect(index.body).not.to.contain('127.0.0.1:8787');
    expect(script.body).to.contain(probe.gatewayOrigin);
    expect(malformed.status).to.equal(400);
    expect(gallery.body).not.to.contain('127.0.0.1:8787');
    expect(probe.alive).to.equal(true);
  });
});
