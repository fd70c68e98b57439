import { expect } from '@open-wc/testing';
import {
  canResend,
  codeResent,
  codeSent,
  registeringStarted,
  registrationFailed,
  registrationSucceeded,
  registrationUnderReview,
  RESEND_DELAY_MS,
  secondsUntilResend,
  type Step,
} from '../src/core/flow/steps.js';
import { AccountExistsError, ProviderAccountExistsError, RegistrationFlow, WrongStepError } from '../src/core/flow/registration-flow.js';
import { ProofRejectedError } from '../src/core/gateway/provider-verify.js';
import { mintProof, setIdpBehaviour } from './support/identity-providers.js';
import { normalizeCode, validateEmail } from '../src/core/flow/validation.js';
import { GatewayRefusal } from '../src/core/gateway/transport.js';
import type { EmailAccount } from '../src/core/gateway/account.js';
import {
  customersOf,
  expireTickets,
  latestCode,
  requestsOf,
  testConfig,
  uniqueEmail,
} from './support/reference-gateway.js';
import { rejectionOf } from './support/rejection.js';

const account = (email = uniqueEmail()): EmailAccount => ({ channel: 'email', email, country: 'ISO_3166_826', dialCode: '44' });


describe('steps: pure transitions', () => {
  const t0 = 1_000_000;
  const sent = codeSent(account('a@example.com'), 'ticket-1', t0);

  it('codeSent starts the code step with a 60 s resend countdown', () => {
    expect(sent).to.deep.include({ name: 'code', sendToken: 'ticket-1', ticketSpent: false, codesSent: 1 });
    expect(sent.resendAvailableAt).to.equal(t0 + RESEND_DELAY_MS);
    expect(canResend(sent, t0 + 59_999)).to.equal(false);
    expect(secondsUntilResend(sent, t0 + 500)).to.equal(60);
    expect(secondsUntilResend(sent, t0 + 59_001)).to.equal(1);
    expect(canResend(sent, t0 + 60_000)).to.equal(true);
    expect(secondsUntilResend(sent, t0 + 60_000)).to.equal(0);
  });

  it('codeResent replaces the ticket, restarts the countdown and clears a spent ticket', () => {
    const resent = codeResent({ ...sent, ticketSpent: true }, 'ticket-2', t0 + 70_000);
    expect(resent).to.deep.include({ sendToken: 'ticket-2', ticketSpent: false, codesSent: 2 });
    expect(resent.resendAvailableAt).to.equal(t0 + 70_000 + RESEND_DELAY_MS);
  });

  it('a wrong code returns to the code step with the same ticket', () => {
    const back = registrationFailed(registeringStarted(sent), 'VERIFY_CODE_ERROR');
    expect(back).to.deep.equal(sent);
  });

  it('an expired, used or locked ticket (or an account registered meanwhile) leaves only a new code, at once', () => {
    for (const code of ['VERIFY_CODE_EXPIRED', 'VERIFY_TOKEN_USED', 'VERIFY_CODE_LOCKED', 'VERIFY_TOKEN_INVALID', 'CUSTOMER_ACCOUNT_EXISTS']) {
      const back = registrationFailed(registeringStarted(sent), code);
      expect(back.ticketSpent, code).to.equal(true);
      // "Request a new code" beside a button that waits out the minute would contradict itself.
      expect(canResend(back, t0 + 1000), code).to.equal(true);
    }
    // A wrong code leaves the ticket good: the countdown stays.
    expect(canResend(registrationFailed(registeringStarted(sent), 'VERIFY_CODE_ERROR'), t0 + 1000)).to.equal(false);
  });

  it('the ticket\'s expiry is fixed when it is issued', () => {
    expect(sent.ticketExpiresAt).to.equal(t0 + 10 * 60_000);
    expect(registrationFailed(registeringStarted(sent)).ticketExpiresAt).to.equal(sent.ticketExpiresAt);
    expect(codeResent(sent, 'ticket-2', t0 + 90_000).ticketExpiresAt).to.equal(t0 + 90_000 + 10 * 60_000);
  });

  it('a transport failure keeps the ticket usable', () => {
    expect(registrationFailed(registeringStarted(sent)).ticketSpent).to.equal(false);
  });

  it('success and manual review end the flow', () => {
    const customer = { customerNo: '42' };
    expect(registrationSucceeded(registeringStarted(sent), customer)).to.deep.equal({ name: 'done', account: sent.account, customer });
    expect(registrationUnderReview(registeringStarted(sent), 'wait')).to.deep.equal({ name: 'under-review', account: sent.account, message: 'wait' });
  });
});

describe('validation', () => {
  it('e-mail: required, trimmed, well-formed', () => {
    expect(validateEmail('   ').error).to.equal('required');
    expect(validateEmail(' Ann@Example.com ')).to.deep.equal({ value: 'Ann@Example.com' });
    for (const bad of ['ann', 'ann@', '@example.com', 'ann@example', 'Ann <ann@example.com>', 'a b@example.com', `${'a'.repeat(250)}@example.com`]) {
      expect(validateEmail(bad).error, bad).to.equal('invalid');
    }
  });

  it('codes: pasted spaces, dashes and full-width digits normalised to six digits', () => {
    expect(normalizeCode('123 456')).to.equal('123456');
    expect(normalizeCode(' 12-34-56 ')).to.equal('123456');
    expect(normalizeCode('１２３４５６')).to.equal('123456');
    expect(normalizeCode('1234567')).to.equal('123456');
    expect(normalizeCode('abc')).to.equal('');
  });
});

async function waitUntilRequests(companyId: string, call: string, count: number) {
  for (let i = 0; i < 50; i++) {
    if ((await requestsOf(companyId, call)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never saw ${count} ${call} request(s)`);
}

describe('RegistrationFlow against the reference gateway', () => {
  async function newFlow() {
    const config = await testConfig();
    const steps: Step[] = [];
    const flow = new RegistrationFlow({
      config: () => config,
      extras: () => ({ registerSource: 2, lang: 'en-US' }),
      onStepReached: (step) => steps.push(step),
    });
    return { flow, config, steps };
  }

  it('account -> code -> registering -> done, registering what the gateway stores', async () => {
    const { flow, config, steps } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    expect(flow.step.name).to.equal('code');
    const done = await flow.submitCode(await latestCode(config.companyId, who.email));
    expect(steps.map((s) => s.name)).to.deep.equal(['code', 'registering', 'done']);
    expect(done.name).to.equal('done');
    const [stored] = await customersOf(config.companyId);
    expect(done.name === 'done' && done.customer?.customerNo).to.equal(stored.customerNo);
    expect(stored.registerBody).to.deep.include({
      loginName: who.email,
      type: 1,
      country: 'ISO_3166_826',
      registerSource: 2,
      emailArea: '+44',
      lang: 'en-US',
    });
  });

  it('checks status first: an existing account gets no code', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    await flow.submitCode(await latestCode(config.companyId, who.email));

    const again = new RegistrationFlow({ config: () => config, extras: () => ({ registerSource: 2 }) });
    const error = await rejectionOf(again.requestCode({ ...who, email: who.email.toUpperCase() }));
    expect(error).to.be.instanceOf(AccountExistsError);
    expect(again.step.name).to.equal('account');
    expect(await requestsOf(config.companyId, 'sendCode')).to.have.length(1);
  });

  it('a status check made while typing serves the click: one checkStatus, done before it', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    flow.prefetchStatus(who);
    flow.prefetchStatus({ ...who }); // typing on: the same account is checked once
    await waitUntilRequests(config.companyId, 'checkStatus', 1);
    await flow.requestCode(who);
    expect(await requestsOf(config.companyId, 'checkStatus')).to.have.length(1);
    expect(await requestsOf(config.companyId, 'sendCode')).to.have.length(1);
  });

  it('a status check made while typing that finds the account stops the click before any code', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    await flow.submitCode(await latestCode(config.companyId, who.email));
    const again = new RegistrationFlow({ config: () => config, extras: () => ({ registerSource: 2 }) });
    again.prefetchStatus(who);
    expect(await rejectionOf(again.requestCode(who))).to.be.instanceOf(AccountExistsError);
    expect(await requestsOf(config.companyId, 'checkStatus')).to.have.length(2);
    expect(await requestsOf(config.companyId, 'sendCode')).to.have.length(1);
  });

  it('a wrong code stays on the code step with the gateway\'s message; the right one then registers', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    const code = await latestCode(config.companyId, who.email);
    const wrong = code === '000000' ? '111111' : '000000';
    const error = await rejectionOf(flow.submitCode(wrong));
    expect(error).to.be.instanceOf(GatewayRefusal);
    expect((error as GatewayRefusal).gatewayMessage).to.contain('incorrect');
    expect(flow.step).to.deep.include({ name: 'code', ticketSpent: false });
    expect((await flow.submitCode(code)).name).to.equal('done');
  });

  it('five wrong codes lock the ticket: even the right code is then refused', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    const code = await latestCode(config.companyId, who.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await rejectionOf(flow.submitCode(wrong));
    expect(flow.step).to.deep.include({ name: 'code', ticketSpent: true });
    // Even the right code cannot revive a locked ticket.
    await rejectionOf(flow.submitCode(code));
    expect(flow.step.name === 'code' && flow.step.ticketSpent).to.equal(true);
    // A new code at once, without the countdown: it replaces the spent ticket and registers.
    await flow.resendCode();
    expect(flow.step).to.deep.include({ name: 'code', ticketSpent: false, codesSent: 2 });
    expect(await requestsOf(config.companyId, 'sendCode')).to.have.length(2);
    await flow.submitCode(await latestCode(config.companyId, who.email));
    expect(flow.step.name).to.equal('done');
  });

  it('an expired ticket asks for a new code', async () => {
    const { flow, config } = await newFlow();
    const who = account();
    await flow.requestCode(who);
    await expireTickets(config.companyId);
    const error = await rejectionOf(flow.submitCode(await latestCode(config.companyId, who.email)));
    expect((error as GatewayRefusal).code).to.equal('VERIFY_CODE_EXPIRED');
    expect(flow.step.name === 'code' && flow.step.ticketSpent).to.equal(true);
    expect(await customersOf(config.companyId)).to.have.length(0);
  });

  it('resend waits for the countdown, then replaces the ticket', async () => {
    let now = Date.now();
    const config = await testConfig();
    let sent = 0;
    const flow = new RegistrationFlow({
      config: () => config,
      extras: () => ({ registerSource: 2 }),
      now: () => now,
      calls: { sendVerificationCode: async () => `ticket-${++sent}` },
    });
    await flow.requestCode(account());
    expect(await rejectionOf(flow.resendCode())).to.be.instanceOf(WrongStepError);
    now += RESEND_DELAY_MS;
    await flow.resendCode();
    expect(flow.step).to.deep.include({ name: 'code', sendToken: 'ticket-2', codesSent: 2 });
  });

  it('changeAccount goes back; actions of another step are refused', async () => {
    const { flow } = await newFlow();
    expect(await rejectionOf(flow.submitCode('123456'))).to.be.instanceOf(WrongStepError);
    await flow.requestCode(account());
    expect(await rejectionOf(flow.requestCode(account()))).to.be.instanceOf(WrongStepError);
    flow.changeAccount();
    expect(flow.step.name).to.equal('account');
  });

  it('manual review (CUSTOMER_API_00010001) ends in under-review, not done', async () => {
    const { flow, config } = await newFlow();
    // The reference gateway puts "+review" mailboxes under manual review (each test has its own company).
    const who = account('ann+review@example.com');
    await flow.requestCode(who);
    const outcome = await flow.submitCode(await latestCode(config.companyId, who.email));
    expect(outcome.name).to.equal('under-review');
    expect(outcome.name === 'under-review' && outcome.message).to.contain('under review');
  });
});

describe('RegistrationFlow: a third-party registration, without the DOM', () => {
  const residence = { country: 'ISO_3166_826', dialCode: '44' };

  async function googleProof(companyId: string, user: { id: string; email: string }) {
    const nonce = crypto.randomUUID().replace(/-/g, '');
    const { params } = await mintProof(companyId, 'google', { nonce, state: 's', redirectUri: `${location.origin}/cb`, user });
    return { provider: 'google' as const, idToken: params.id_token, nonce };
  }

  it('verifies the proof, then registers type 3 bound to it; the same account again is refused', async () => {
    const config = await testConfig();
    const user = { id: `g-${crypto.randomUUID().slice(0, 8)}`, email: uniqueEmail('google') };
    const flow = new RegistrationFlow({ config: () => config, extras: () => ({ registerSource: 2 }) });
    const done = await flow.registerWithProvider(await googleProof(config.companyId, user), residence);
    expect(done.name).to.equal('done');
    expect(done.account).to.deep.include({ channel: 'third-party', provider: 'google', userId: user.id, loginName: user.email });
    const [stored] = await customersOf(config.companyId);
    expect(stored.registerBody).to.include({ type: 3, thirdServerSource: 'google', thirdServerCode: user.id, country: residence.country });

    flow.reset();
    const again = await rejectionOf(flow.registerWithProvider(await googleProof(config.companyId, user), residence));
    expect(again).to.be.instanceOf(ProviderAccountExistsError);
    expect(await customersOf(config.companyId)).to.have.length(1);
  });

  it('with confirmFirst it waits in the confirm step and registers on confirmProvider', async () => {
    const config = await testConfig();
    const user = { id: `g-${crypto.randomUUID().slice(0, 8)}`, email: uniqueEmail('confirm') };
    const steps: string[] = [];
    const flow = new RegistrationFlow({ config: () => config, extras: () => ({ registerSource: 2 }), onStepReached: (s) => steps.push(s.name) });
    const confirm = await flow.registerWithProvider(await googleProof(config.companyId, user), residence, undefined, true);
    expect(confirm.name).to.equal('confirm');
    expect(await requestsOf(config.companyId, 'register')).to.have.length(0);
    await flow.confirmProvider();
    expect(steps).to.deep.equal(['confirm', 'done']);
    expect(await customersOf(config.companyId)).to.have.length(1);
  });

  it('a proof the gateway rejects ends in ProofRejectedError with its reason, and nothing is registered', async () => {
    const config = await testConfig();
    await setIdpBehaviour(config.companyId, { tamper: 'aud' });
    const flow = new RegistrationFlow({ config: () => config, extras: () => ({ registerSource: 2 }) });
    const error = await rejectionOf(flow.registerWithProvider(await googleProof(config.companyId, { id: 'x1', email: uniqueEmail() }), residence));
    expect(error).to.be.instanceOf(ProofRejectedError);
    expect((error as ProofRejectedError).reason).to.not.equal('');
    expect(flow.step.name).to.equal('account');
    expect(await customersOf(config.companyId)).to.have.length(0);
  });
});
