import { expect } from '@open-wc/testing';
import { callGateway, callUrl, GatewayRefusal, TransportFailure } from '../src/core/gateway/transport.js';
import { fetchCountryList, clearCountryListCache } from '../src/core/gateway/country-list.js';
import { accountExists } from '../src/core/gateway/check-status.js';
import { sendVerificationCode } from '../src/core/gateway/send-code.js';
import { DEFAULT_PATHS } from '../src/core/gateway/contract.js';
import { gatewayCountryCode, alpha2Of, loadIsoTable, toGatewayCountry } from '../src/core/gateway/iso-table.js';
import type { EmailAccount } from '../src/core/gateway/account.js';
import { injectFault, requestsOf, testConfig, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { rejectionOf } from './support/rejection.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function emailAccount(email = uniqueEmail()): EmailAccount {
  return { channel: 'email', email, country: 'ISO_3166_156', dialCode: '86' };
}


describe('gateway client', () => {
  it('sends the four contract headers, a fresh trace per call, to {host}{prefix}{path}', async () => {
    const config = await testConfig(uniqueCompanyId('headers'), 'zh-CN');
    clearCountryListCache();
    await fetchCountryList(config);
    await accountExists(config, emailAccount());
    const logged = await requestsOf(config.companyId);
    expect(logged.map((r) => r.call)).to.deep.equal(['countryList', 'checkStatus']);
    for (const request of logged) {
      expect(request.headers.version).to.equal('0.0.1');
      expect(request.headers.companyid).to.equal(config.companyId);
      expect(request.headers.lang).to.equal('zh-CN');
      expect(request.headers.trace).to.match(UUID);
      expect(request.headers['content-type']).to.equal('application/json');
    }
    expect(logged[0].headers.trace).not.to.equal(logged[1].headers.trace);
    expect(logged[0].path).to.equal(`/api${DEFAULT_PATHS.countryList}`);
    expect(logged[0].body).to.deep.equal({ parentCode: '-1' });
    expect(callUrl({ ...config, host: 'https://gw.example/' }, 'register')).to.equal(
      `https://gw.example/api${DEFAULT_PATHS.register}`,
    );
  });

  it('reuses a given trace so the gateway can de-duplicate a retry', async () => {
    const config = await testConfig(uniqueCompanyId('trace'));
    const trace = crypto.randomUUID();
    await callGateway(config, 'checkStatus', { type: 1, loginName: uniqueEmail() }, { trace });
    const [logged] = await requestsOf(config.companyId, 'checkStatus');
    expect(logged.headers.trace).to.equal(trace);
  });

  it('returns the envelope data: the country list in the requested language', async () => {
    clearCountryListCache();
    const countries = await fetchCountryList(await testConfig(uniqueCompanyId('countries'), 'zh-CN'));
    const china = countries.find((c) => c.code === 'ISO_3166_156');
    expect(china).to.include({ countryCode: '86', name: 'China', displayName: '中国' });
  });

  it('shares one country-list request per gateway, company and language', async () => {
    clearCountryListCache();
    const config = await testConfig(uniqueCompanyId('shared'));
    const [a, b] = await Promise.all([fetchCountryList(config), fetchCountryList({ ...config })]);
    expect(a).to.equal(b);
    expect(await requestsOf(config.companyId, 'countryList')).to.have.length(1);
  });

  it('checkStatus: status 2 means no such customer', async () => {
    const config = await testConfig();
    expect(await accountExists(config, emailAccount())).to.equal(false);
  });

  it('sendCode returns the token (the seed\'s sendToken)', async () => {
    const config = await testConfig();
    const account = emailAccount();
    const token = await sendVerificationCode(config, account);
    expect(token).to.be.a('string').and.not.be.empty;
    const [logged] = await requestsOf(config.companyId, 'sendCode');
    expect(logged.body).to.deep.equal({ bizType: 'EMAIL_REGISTER_VERIFICATION_CODE', toUser: account.email, country: 'ISO_3166_156' });
  });

  it('an ok:false envelope is a GatewayRefusal carrying msg and code in the requested language', async () => {
    const config = await testConfig(uniqueCompanyId('refusal'), 'zh-CN');
    const error = await rejectionOf(sendVerificationCode(config, { ...emailAccount(), country: 'ISO_3166_999' }));
    expect(error).to.be.instanceOf(GatewayRefusal);
    const refusal = error as GatewayRefusal;
    expect(refusal.kind).to.equal('refused');
    expect(refusal.code).to.equal('PARAM_INVALID');
    expect(refusal.gatewayMessage).to.equal('不支持该国家或地区。');
    expect(refusal.call).to.equal('sendCode');
  });

  const transportCases: [string, Parameters<typeof injectFault>[2], Record<string, unknown>, string, number?][] = [
    ['an HTTP 500', 'http', { status: 500 }, 'http', 500],
    ['an HTTP 503', 'http', { status: 503 }, 'http', 503],
    ['a non-JSON body', 'non-json', {}, 'bad-response'],
    ['JSON without the envelope', 'no-envelope', {}, 'bad-response'],
    // The browser retries a POST on a reset connection, so the fault outlasts its retries.
    ['a dropped connection', 'drop', { count: 20 }, 'network'],
  ];
  for (const [label, kind, extra, reason, status] of transportCases) {
    it(`${label} is a TransportFailure (${reason})`, async () => {
      const config = await testConfig();
      await injectFault(config.companyId, 'checkStatus', kind, extra);
      const error = await rejectionOf(accountExists(config, emailAccount()));
      await injectFault(config.companyId, 'checkStatus', kind, { count: 0 });
      expect(error).to.be.instanceOf(TransportFailure);
      expect((error as TransportFailure).reason).to.equal(reason);
      expect((error as TransportFailure).status).to.equal(status);
    });
  }

  it('a gateway that does not answer in time is a TransportFailure (timeout)', async () => {
    const config = { ...(await testConfig()), timeoutMs: 300 };
    await injectFault(config.companyId, 'checkStatus', 'hang', { delayMs: 5000 });
    const error = await rejectionOf(accountExists(config, emailAccount()));
    expect(error).to.be.instanceOf(TransportFailure);
    expect((error as TransportFailure).reason).to.equal('timeout');
  });

  it('an unreachable host is a TransportFailure (network)', async () => {
    const config = { ...(await testConfig()), host: 'http://127.0.0.1:9' };
    const error = await rejectionOf(accountExists(config, emailAccount()));
    expect((error as TransportFailure).reason).to.equal('network');
  });

  it('an abort by the caller is rethrown as the AbortError, not reported as a failure', async () => {
    const config = await testConfig();
    await injectFault(config.companyId, 'checkStatus', 'delay', { delayMs: 1000 });
    const controller = new AbortController();
    const pending = accountExists(config, emailAccount(), { signal: controller.signal });
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('ISO 3166 mapping (contract module)', () => {
  before(() => loadIsoTable());

  it('maps alpha-2 and the gateway\'s ISO_3166_<numeric> both ways', () => {
    expect(gatewayCountryCode('CN')).to.equal('ISO_3166_156');
    expect(gatewayCountryCode('us')).to.equal('ISO_3166_840');
    expect(gatewayCountryCode('GB')).to.equal('ISO_3166_826');
    expect(alpha2Of('ISO_3166_036')).to.equal('AU');
    expect(alpha2Of('ISO_3166_000')).to.equal(undefined);
    expect(alpha2Of('156')).to.equal(undefined);
    expect(toGatewayCountry(' de ')).to.equal('ISO_3166_276');
    expect(toGatewayCountry('ISO_3166_392')).to.equal('ISO_3166_392');
    expect(toGatewayCountry('Narnia')).to.equal(undefined);
  });
});
