/**
 * Third-party registration at the reference gateway, tested straight (not
 * through the element): config, each provider's {provider}Verify against
 * proofs its stand-in issued, register with type 3, and every way a proof can
 * be wrong. Each test has a company id of its own, so behaviours (tamper,
 * auto-approve) and proofs never leak between tests.
 */
import { expect } from '@open-wc/testing';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { customersOf, gatewayUrl, requestsOf, uniqueCompanyId } from '../../../test/support/reference-gateway.js';
import {
  acceptedProofs,
  callGateway,
  decodeTelegramResult,
  followAuthorization,
  localProviderEndpoints,
  mintProof,
  pkcePair,
  issuedSiweNonce,
  randomSiweNonce,
  randomToken,
  registerThirdParty,
  setIdpBehaviour,
  thirdConfig,
  verifyProof,
  type StandIn,
  type ThirdSource,
  type VerifyResult,
} from '../../../test/support/identity-providers.js';

/** A page of this origin the providers may send the browser back to (any same-origin URL is readable). */
const callbackUrl = () => `${location.origin}/__test-env`;

/** Verifies and expects acceptance; returns the verify data. */
async function verified(companyId: string, provider: ThirdSource, body: unknown): Promise<VerifyResult> {
  const answer = await verifyProof(companyId, provider, body);
  expect(answer.ok, JSON.stringify(answer)).to.equal(true);
  expect(answer.data?.result, JSON.stringify(answer.data)).to.equal(true);
  return answer.data!;
}

/** Verifies and expects `result: false`; returns the failReason. */
async function refusedProof(companyId: string, provider: ThirdSource, body: unknown, lang?: string): Promise<string> {
  const answer = await verifyProof(companyId, provider, body, lang);
  expect(answer.ok, JSON.stringify(answer)).to.equal(true);
  expect(answer.data, JSON.stringify(answer.data)).to.include({ result: false, userId: '', action: '', email: '', phone: '', thirdSource: provider });
  expect(answer.data!.failReason).to.be.a('string').and.not.equal('');
  return answer.data!.failReason;
}

async function expectNothingStored(companyId: string) {
  expect(await customersOf(companyId)).to.deep.equal([]);
}

// ---- Google -----------------------------------------------------------------

async function googleProof(companyId: string, options: { nonce?: string; user?: { id?: string; email?: string; name?: string } } = {}) {
  const nonce = options.nonce ?? randomToken();
  const minted = await mintProof(companyId, 'google', { nonce, state: randomToken(), redirectUri: callbackUrl(), user: options.user });
  return { nonce, idToken: minted.params.id_token, minted };
}

describe('third-party gateway: config', () => {
  it('gives each company its own public client id per provider, the same on every call, and no secret', async () => {
    const a = uniqueCompanyId('cfg');
    const b = uniqueCompanyId('cfg');
    const shapes: Record<StandIn, RegExp> = {
      google: /^\d{12}-[a-z0-9]{32}\.apps\.googleusercontent\.com$/,
      apple: /^com\.example\.[a-z0-9]+\.signin$/,
      facebook: /^\d{16}$/,
      twitter: /^[A-Za-z0-9_-]{30,}$/,
      telegram: /^\d{10}$/,
    };
    for (const provider of Object.keys(shapes) as StandIn[]) {
      const first = await thirdConfig(a, provider);
      expect(first.ok, provider).to.equal(true);
      expect(Object.keys(first.data!).sort(), provider).to.deep.equal(['clientId', 'developerAccount', 'thirdSource']);
      expect(first.data!.thirdSource).to.equal(provider);
      expect(first.data!.clientId, provider).to.match(shapes[provider]);
      expect((await thirdConfig(a, provider)).data!.clientId, `${provider} again`).to.equal(first.data!.clientId);
      expect((await thirdConfig(b, provider)).data!.clientId, `${provider} other company`).to.not.equal(first.data!.clientId);
    }
    expect((await thirdConfig(a, 'apple')).data!.developerAccount).to.match(/^[A-Z0-9]{10}$/);
  });

  it('answers MetaMask with an empty client id: it needs none', async () => {
    const answer = await thirdConfig(uniqueCompanyId('cfg'), 'metamask');
    expect(answer.ok).to.equal(true);
    expect(answer.data).to.deep.equal({ thirdSource: 'metamask', clientId: '', developerAccount: '' });
  });

  it('checkStatus still refuses type 3', async () => {
    const answer = await callGateway('/cats-gateway/global/customer.app.CustomerWebApiService.checkStatus', { type: 3, loginName: 'a@example.com' }, uniqueCompanyId('cfg'));
    expect(answer).to.include({ ok: false, code: 'PARAM_INVALID' });
    expect(answer.msg).to.match(/"type" is invalid/);
  });

  it('refuses an unknown or missing thirdSource with PARAM_INVALID', async () => {
    const companyId = uniqueCompanyId('cfg');
    expect(await thirdConfig(companyId, 'myspace')).to.include({ ok: false, code: 'PARAM_INVALID', data: null });
    const missing = await verifyProof(companyId, 'google', {});
    expect(missing).to.include({ ok: false, code: 'PARAM_INVALID' });
    expect(missing.msg).to.match(/"idToken" is required/);
  });

  it('says a provider the company has not configured is not available, in the requested language, for config and verify', async () => {
    const companyId = uniqueCompanyId('cfg');
    await setIdpBehaviour(companyId, { unconfigured: ['twitter', 'google'] });
    const en = await thirdConfig(companyId, 'twitter');
    expect(en).to.include({ ok: false, code: 'THIRD_LOGIN_NOT_CONFIGURED', data: null });
    expect(en.msg).to.equal('Sign-in with X (Twitter) is not available on this site.');
    const zh = await thirdConfig(companyId, 'twitter', 'zh-CN');
    expect(zh.msg).to.equal('本网站未开通 X (Twitter) 登录。');
    expect((await verifyProof(companyId, 'google', { idToken: 'x' })).code).to.equal('THIRD_LOGIN_NOT_CONFIGURED');
    // The others are unaffected, and the list is replaced, not added to.
    expect((await thirdConfig(companyId, 'facebook')).ok).to.equal(true);
    await setIdpBehaviour(companyId, { unconfigured: [] });
    expect((await thirdConfig(companyId, 'twitter')).ok).to.equal(true);
  });

  it('logs the new calls and injects faults into them like into the others', async () => {
    const companyId = uniqueCompanyId('cfg');
    const armed = await fetch(`${await gatewayUrl()}/__dev/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyId, call: 'googleVerify', kind: 'refuse', msg: 'Provider down' }),
    });
    expect(armed.status).to.equal(200);
    const answer = await verifyProof(companyId, 'google', { idToken: 'anything' });
    expect(answer).to.include({ ok: false, code: 'INJECTED_FAULT', msg: 'Provider down' });
    await thirdConfig(companyId, 'google');
    const logged = await requestsOf(companyId);
    expect(logged.map((r) => r.call)).to.deep.equal(['googleVerify', 'config']);
    expect(logged[1].body).to.deep.equal({ thirdSource: 'google' });
  });
});

describe('third-party gateway: Google', () => {
  it('verifies an ID token and registers its user with type 3', async () => {
    const companyId = uniqueCompanyId('google');
    const { nonce, idToken, minted } = await googleProof(companyId);
    expect(idToken.length, 'an ID token is longer than the usual 256-character cap').to.be.above(256);
    const result = await verified(companyId, 'google', { idToken });
    expect(result).to.deep.equal({
      userId: minted.user.id,
      action: 'register',
      result: true,
      failReason: '',
      thirdSource: 'google',
      email: minted.user.email,
      phone: '',
      verifyTicket: result.verifyTicket,
    });
    // Register carries an opaque single-use ticket, never the ID token (red team F2).
    expect(result.verifyTicket).to.match(/^[\w-]{32}$/);

    const registered = await registerThirdParty(companyId, {
      loginName: result.email.toUpperCase(), // e-mail compared case-insensitively
      thirdServerSource: 'google',
      thirdServerCode: result.userId,
      sendToken: nonce,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    expect(registered.data).to.include({ email: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id });
    const [stored, ...others] = await customersOf(companyId);
    expect(others).to.deep.equal([]);
    expect(stored).to.include({ email: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id });
    expect(stored.registerBody).to.include({ type: 3, thirdServerSource: 'google', verifyCode: result.verifyTicket, sendToken: nonce });
    const accepted = await acceptedProofs(companyId);
    expect(accepted.map((p) => [p.userId, p.nonce, p.used])).to.deep.equal([[minted.user.id, nonce, true]]);
    expect(JSON.stringify([stored, accepted, await requestsOf(companyId, 'register')]), 'the ID token kept or re-sent').to.not.include(idToken);
  });

  it('answers action "login" once the user is a customer, and refuses to register them twice', async () => {
    const companyId = uniqueCompanyId('google');
    const user = { id: '104242424242424242424', email: 'same.person@example.com', name: 'Same Person' };
    const first = await googleProof(companyId, { user });
    const firstTicket = (await verified(companyId, 'google', { idToken: first.idToken })).verifyTicket;
    const body = { loginName: user.email, thirdServerSource: 'google', thirdServerCode: user.id };
    expect((await registerThirdParty(companyId, { ...body, sendToken: first.nonce, verifyCode: firstTicket })).ok).to.equal(true);

    const second = await googleProof(companyId, { user });
    const again = await verified(companyId, 'google', { idToken: second.idToken });
    expect(again).to.include({ userId: user.id, action: 'login' });
    const twice = await registerThirdParty(companyId, { ...body, sendToken: second.nonce, verifyCode: again.verifyTicket });
    expect(twice).to.include({ ok: false, code: 'CUSTOMER_ACCOUNT_EXISTS' });
    expect(await customersOf(companyId)).to.have.length(1);
    // Another company's customers are not this one's.
    const elsewhere = uniqueCompanyId('google');
    const third = await googleProof(elsewhere, { user });
    expect((await verified(elsewhere, 'google', { idToken: third.idToken })).action).to.equal('register');
  });

  it('refuses a register whose sendToken is not the nonce inside the token', async () => {
    const companyId = uniqueCompanyId('google');
    const { nonce, idToken, minted } = await googleProof(companyId);
    const { verifyTicket } = await verified(companyId, 'google', { idToken });
    const body = { loginName: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id, verifyCode: verifyTicket };
    const wrong = await registerThirdParty(companyId, { ...body, sendToken: randomToken() });
    expect(wrong).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_MISMATCH', data: null });
    expect(wrong.msg, 'said without the developer word nonce').to.match(/not started on this page/);
    await expectNothingStored(companyId);
    // Not spent by the refusal: the right nonce still registers.
    expect((await registerThirdParty(companyId, { ...body, sendToken: nonce })).ok).to.equal(true);
  });

  it('a token carrying another nonce than the page asked for is verified, but never registers with the page\'s nonce', async () => {
    const companyId = uniqueCompanyId('google');
    await setIdpBehaviour(companyId, { tamper: 'nonce' });
    const { nonce, idToken, minted } = await googleProof(companyId);
    const { verifyTicket } = await verified(companyId, 'google', { idToken });
    const answer = await registerThirdParty(companyId, {
      loginName: minted.user.email,
      thirdServerSource: 'google',
      thirdServerCode: minted.user.id,
      sendToken: nonce,
      verifyCode: verifyTicket,
    });
    expect(answer).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_MISMATCH' });
    await expectNothingStored(companyId);
  });

  const broken: [string, 'aud' | 'exp' | 'signature' | 'iss', RegExp][] = [
    ['another audience', 'aud', /^The proof was issued for another app\.$/],
    ['an expired token', 'exp', /^The proof has expired\.$/],
    ['a signature by another key', 'signature', /^The signature is not valid\.$/],
    ['another issuer', 'iss', /^The ID token was not issued by Google\.$/],
  ];
  for (const [label, tamper, reason] of broken) {
    it(`refuses ${label} with a failReason that says so, and nothing can register with it`, async () => {
      const companyId = uniqueCompanyId('google');
      await setIdpBehaviour(companyId, { tamper });
      const { nonce, idToken, minted } = await googleProof(companyId);
      expect(await refusedProof(companyId, 'google', { idToken })).to.match(reason);
      expect(await acceptedProofs(companyId)).to.deep.equal([]);
      const answer = await registerThirdParty(companyId, {
        loginName: minted.user.email,
        thirdServerSource: 'google',
        thirdServerCode: minted.user.id,
        sendToken: nonce,
        verifyCode: idToken,
      });
      expect(answer).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_INVALID' });
      expect(answer.msg).to.equal('This sign-in has not been verified. Please sign in with the provider again.');
      await expectNothingStored(companyId);
    });
  }

  it('says why in the requested language', async () => {
    const companyId = uniqueCompanyId('google');
    await setIdpBehaviour(companyId, { tamper: 'exp' });
    const { idToken } = await googleProof(companyId);
    expect(await refusedProof(companyId, 'google', { idToken }, 'zh-CN')).to.equal('该凭证已过期。');
  });

  it('refuses a token that is not a JWT, and an ID token beyond 8192 characters as a bad parameter', async () => {
    const companyId = uniqueCompanyId('google');
    expect(await refusedProof(companyId, 'google', { idToken: 'not.a.jwt' })).to.equal('The ID token is malformed.');
    const huge = await verifyProof(companyId, 'google', { idToken: 'x'.repeat(8193) });
    expect(huge).to.include({ ok: false, code: 'PARAM_INVALID' });
    expect((await verifyProof(companyId, 'google', { idToken: 42 })).msg).to.match(/"idToken" is invalid/);
  });

  it('accepts a token once: a replayed verify fails, a second register is refused', async () => {
    const companyId = uniqueCompanyId('google');
    const { nonce, idToken, minted } = await googleProof(companyId);
    const { verifyTicket } = await verified(companyId, 'google', { idToken });
    expect(await refusedProof(companyId, 'google', { idToken })).to.equal('This sign-in has already been used: its nonce was accepted before.');
    // A different token with the same nonce is a replay too.
    const sameNonce = await googleProof(companyId, { nonce });
    expect(await refusedProof(companyId, 'google', { idToken: sameNonce.idToken })).to.match(/nonce was accepted before/);

    const body = { loginName: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id, sendToken: nonce, verifyCode: verifyTicket };
    expect((await registerThirdParty(companyId, body)).ok).to.equal(true);
    const again = await registerThirdParty(companyId, body);
    expect(again).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_USED' });
    expect(await customersOf(companyId)).to.have.length(1);
  });

  it('refuses a register that names another user or another login name than the verified one', async () => {
    const companyId = uniqueCompanyId('google');
    const { nonce, idToken, minted } = await googleProof(companyId);
    const { verifyTicket } = await verified(companyId, 'google', { idToken });
    const body = { loginName: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id, sendToken: nonce, verifyCode: verifyTicket };
    const otherUser = await registerThirdParty(companyId, { ...body, thirdServerCode: '100000000000000000001' });
    expect(otherUser).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_MISMATCH', msg: 'The account ID does not match the verified sign-in.' });
    const otherLogin = await registerThirdParty(companyId, { ...body, loginName: 'someone.else@example.com' });
    expect(otherLogin).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_MISMATCH' });
    expect(otherLogin.msg).to.match(/login name must be the verified account/);
    const otherProvider = await registerThirdParty(companyId, { ...body, thirdServerSource: 'apple' });
    expect(otherProvider).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_INVALID' });
    await expectNothingStored(companyId);
  });

  it('refuses a register with a proof that was never verified, or verified for another company', async () => {
    const companyId = uniqueCompanyId('google');
    const { nonce, idToken, minted } = await googleProof(companyId);
    const body = { loginName: minted.user.email, thirdServerSource: 'google', thirdServerCode: minted.user.id, sendToken: nonce, verifyCode: idToken };
    expect(await registerThirdParty(companyId, body)).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_INVALID' });
    const { verifyTicket } = await verified(companyId, 'google', { idToken });
    // The proof itself does not stand for its ticket, and the ticket is this company's only.
    expect(await registerThirdParty(companyId, body)).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_INVALID' });
    const foreign = uniqueCompanyId('google');
    expect(await registerThirdParty(foreign, { ...body, verifyCode: verifyTicket })).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_INVALID' });
    await expectNothingStored(foreign);
  });

  it('refuses a type-3 register without a known thirdServerSource or a thirdServerCode', async () => {
    const companyId = uniqueCompanyId('google');
    const base = { loginName: 'a@example.com', sendToken: 'n', verifyCode: 'v', thirdServerCode: 'x' };
    expect((await registerThirdParty(companyId, base)).msg).to.match(/"thirdServerSource" is required/);
    expect((await registerThirdParty(companyId, { ...base, thirdServerSource: 'agent' })).msg).to.match(/"thirdServerSource" is invalid/);
    expect((await registerThirdParty(companyId, { ...base, thirdServerSource: 'google', thirdServerCode: undefined })).msg).to.match(/"thirdServerCode" is required/);
  });

  it('round trip through the authorization endpoint: auto-approve sends the ID token and the state back in the fragment', async () => {
    const companyId = uniqueCompanyId('google');
    const user = { id: '107777777777777777777', email: 'popup.user@example.com', name: 'Popup User' };
    await setIdpBehaviour(companyId, { autoApprove: true, user });
    const { clientId } = (await thirdConfig(companyId, 'google')).data!;
    const nonce = randomToken();
    const state = randomToken();
    const query = new URLSearchParams({ client_id: clientId, redirect_uri: callbackUrl(), response_type: 'id_token', scope: 'openid email profile', nonce, state });
    const back = await followAuthorization(`${localProviderEndpoints(await gatewayUrl()).google}?${query}`);
    expect(back, 'redirected back to this origin').to.not.equal(null);
    const answer = new URLSearchParams(back!.hash.slice(1));
    expect(answer.get('state')).to.equal(state);
    const result = await verified(companyId, 'google', { idToken: answer.get('id_token') });
    expect(result).to.include({ userId: user.id, email: user.email });
    const registered = await registerThirdParty(companyId, {
      loginName: user.email,
      thirdServerSource: 'google',
      thirdServerCode: user.id,
      sendToken: nonce,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok).to.equal(true);
  });

  it('the authorization endpoint sends nobody back for an unknown client, a foreign redirect_uri or a missing nonce', async () => {
    const companyId = uniqueCompanyId('google');
    await setIdpBehaviour(companyId, { autoApprove: true });
    const { clientId } = (await thirdConfig(companyId, 'google')).data!;
    const good = { client_id: clientId, redirect_uri: callbackUrl(), response_type: 'id_token', scope: 'openid', nonce: randomToken() };
    const endpoint = localProviderEndpoints(await gatewayUrl()).google;
    expect(await followAuthorization(`${endpoint}?${new URLSearchParams(good)}`), 'the good request').to.not.equal(null);
    const bad: Record<string, string>[] = [
      { ...good, client_id: 'unknown.apps.googleusercontent.com' },
      { ...good, redirect_uri: `http://127.0.0.1:${location.port}/__test-env` },
      { ...good, nonce: '' },
      { ...good, scope: 'email' },
    ];
    for (const params of bad) {
      expect(await followAuthorization(`${endpoint}?${new URLSearchParams(params)}`), JSON.stringify(params)).to.equal(null);
    }
    // Without auto-approve the user gets the consent page: nobody comes back before consenting.
    await setIdpBehaviour(companyId, { autoApprove: false });
    expect(await followAuthorization(`${endpoint}?${new URLSearchParams({ ...good, nonce: randomToken() })}`), 'no auto-approve').to.equal(null);
  });

  it('with tamper "state" the redirect carries another state than the page sent', async () => {
    const companyId = uniqueCompanyId('google');
    await setIdpBehaviour(companyId, { autoApprove: true, tamper: 'state' });
    const { clientId } = (await thirdConfig(companyId, 'google')).data!;
    const state = randomToken();
    const query = new URLSearchParams({ client_id: clientId, redirect_uri: callbackUrl(), response_type: 'id_token', scope: 'openid', nonce: randomToken(), state });
    const back = await followAuthorization(`${localProviderEndpoints(await gatewayUrl()).google}?${query}`);
    const returned = new URLSearchParams(back!.hash.slice(1)).get('state');
    expect(returned).to.be.a('string').and.not.equal(state);
  });
});

// ---- Apple ------------------------------------------------------------------

describe('third-party gateway: Apple', () => {
  it('verifies the ID token with its code and registers its user', async () => {
    const companyId = uniqueCompanyId('apple');
    const nonce = randomToken();
    const minted = await mintProof(companyId, 'apple', { nonce, state: randomToken(), redirectUri: callbackUrl() });
    expect(Object.keys(minted.params).sort()).to.deep.equal(['code', 'id_token', 'state']);
    const result = await verified(companyId, 'apple', { companyId, code: minted.params.code, idToken: minted.params.id_token });
    expect(result).to.include({ userId: minted.user.id, email: minted.user.email, action: 'register', thirdSource: 'apple' });
    const registered = await registerThirdParty(companyId, {
      loginName: minted.user.email,
      thirdServerSource: 'apple',
      thirdServerCode: minted.user.id,
      sendToken: nonce,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    const [stored] = await customersOf(companyId);
    expect(stored).to.include({ thirdServerSource: 'apple', thirdServerCode: minted.user.id, email: minted.user.email });
  });

  it('refuses a code the provider never issued, a code from another sign-in, and a used code', async () => {
    const companyId = uniqueCompanyId('apple');
    await setIdpBehaviour(companyId, { tamper: 'code' });
    const unknown = await mintProof(companyId, 'apple', { nonce: randomToken() });
    expect(await refusedProof(companyId, 'apple', { companyId, code: unknown.params.code, idToken: unknown.params.id_token })).to.equal(
      'The authorization code is not valid.',
    );

    await setIdpBehaviour(companyId, { tamper: null });
    const one = await mintProof(companyId, 'apple', { nonce: randomToken() });
    const two = await mintProof(companyId, 'apple', { nonce: randomToken() });
    expect(await refusedProof(companyId, 'apple', { companyId, code: two.params.code, idToken: one.params.id_token })).to.equal(
      'The authorization code was not issued together with this ID token.',
    );
    await verified(companyId, 'apple', { companyId, code: one.params.code, idToken: one.params.id_token });
    expect(await refusedProof(companyId, 'apple', { companyId, code: one.params.code, idToken: one.params.id_token })).to.match(/already been used/);
  });

  it('refuses a token for another Services ID, and a body naming another company', async () => {
    const companyId = uniqueCompanyId('apple');
    await setIdpBehaviour(companyId, { tamper: 'aud' });
    const minted = await mintProof(companyId, 'apple', { nonce: randomToken() });
    expect(await refusedProof(companyId, 'apple', { companyId, code: minted.params.code, idToken: minted.params.id_token })).to.match(/another app/);
    const other = await verifyProof(companyId, 'apple', { companyId: 'someone-else', code: minted.params.code, idToken: minted.params.id_token });
    expect(other).to.include({ ok: false, code: 'PARAM_INVALID' });
    expect(other.msg).to.match(/"companyId" is invalid/);
  });
});

// ---- Facebook -----------------------------------------------------------------

describe('third-party gateway: Facebook', () => {
  it('verifies an access token of the company\'s app and registers its user', async () => {
    const companyId = uniqueCompanyId('facebook');
    const state = randomToken();
    const minted = await mintProof(companyId, 'facebook', { state, redirectUri: callbackUrl() });
    expect(minted.params).to.include({ token_type: 'bearer', expires_in: '3600', state });
    const result = await verified(companyId, 'facebook', { accessToken: minted.params.access_token });
    expect(result).to.include({ userId: minted.user.id, email: minted.user.email, action: 'register' });
    const registered = await registerThirdParty(companyId, {
      loginName: minted.user.email,
      thirdServerSource: 'facebook',
      thirdServerCode: minted.user.id,
      sendToken: state,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    const [stored] = await customersOf(companyId);
    expect(stored).to.include({ thirdServerSource: 'facebook', thirdServerCode: minted.user.id });
    // The access token (a bearer token for an hour) went to facebookVerify only: register and the stores never see it (red team F2).
    const seen = JSON.stringify([stored, await acceptedProofs(companyId), await requestsOf(companyId, 'register')]);
    expect(seen, 'the access token kept or re-sent').to.not.include(minted.params.access_token);
  });

  it('refuses a token of another app, an expired token, an unknown token and a replayed one', async () => {
    const companyId = uniqueCompanyId('facebook');
    await setIdpBehaviour(companyId, { tamper: 'aud' });
    const otherApp = await mintProof(companyId, 'facebook');
    expect(await refusedProof(companyId, 'facebook', { accessToken: otherApp.params.access_token })).to.equal('The proof was issued for another app.');
    await setIdpBehaviour(companyId, { tamper: 'exp' });
    const expired = await mintProof(companyId, 'facebook');
    expect(await refusedProof(companyId, 'facebook', { accessToken: expired.params.access_token })).to.equal('The proof has expired.');
    expect(await refusedProof(companyId, 'facebook', { accessToken: 'EAAmadeup' })).to.equal('The access token is not valid.');
    await setIdpBehaviour(companyId, { tamper: null });
    const good = await mintProof(companyId, 'facebook');
    await verified(companyId, 'facebook', { accessToken: good.params.access_token });
    expect(await refusedProof(companyId, 'facebook', { accessToken: good.params.access_token })).to.equal('This proof has already been used.');
  });
});

// ---- X (Twitter) ----------------------------------------------------------------

describe('third-party gateway: X (Twitter)', () => {
  async function twitterProof(companyId: string) {
    const { verifier, challenge } = await pkcePair();
    const state = randomToken();
    const minted = await mintProof(companyId, 'twitter', { state, redirectUri: callbackUrl(), codeVerifier: verifier });
    return { verifier, challenge, state, minted, code: minted.params.code };
  }

  it('exchanges the code with PKCE and registers the user under their X id', async () => {
    const companyId = uniqueCompanyId('twitter');
    const { verifier, state, minted, code } = await twitterProof(companyId);
    expect(minted.params.state).to.equal(state);
    const result = await verified(companyId, 'twitter', { code, codeVerifier: verifier, redirectUri: callbackUrl() });
    // X gives no e-mail: the login name is the user id.
    expect(result).to.include({ userId: minted.user.id, email: '', action: 'register' });
    const registered = await registerThirdParty(companyId, {
      loginName: minted.user.id,
      thirdServerSource: 'twitter',
      thirdServerCode: minted.user.id,
      sendToken: state,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    const [stored] = await customersOf(companyId);
    expect(stored).to.include({ thirdServerSource: 'twitter', thirdServerCode: minted.user.id, email: '' });
  });

  it('refuses a wrong code_verifier, another redirect URI, a stale code, an unknown code and a used code', async () => {
    const companyId = uniqueCompanyId('twitter');
    const { code } = await twitterProof(companyId);
    const other = await pkcePair();
    expect(await refusedProof(companyId, 'twitter', { code, codeVerifier: other.verifier, redirectUri: callbackUrl() })).to.equal(
      'The PKCE code verifier does not match the code challenge.',
    );
    const second = await twitterProof(companyId);
    expect(await refusedProof(companyId, 'twitter', { code: second.code, codeVerifier: second.verifier, redirectUri: `${callbackUrl()}?other` })).to.match(
      /redirect URI does not match/,
    );
    // Neither failure spent the code: with the right verifier and URI it goes through, once.
    await verified(companyId, 'twitter', { code: second.code, codeVerifier: second.verifier, redirectUri: callbackUrl() });
    expect(await refusedProof(companyId, 'twitter', { code: second.code, codeVerifier: second.verifier, redirectUri: callbackUrl() })).to.equal(
      'This proof has already been used.',
    );

    await setIdpBehaviour(companyId, { tamper: 'exp' });
    const stale = await twitterProof(companyId);
    expect(await refusedProof(companyId, 'twitter', { code: stale.code, codeVerifier: stale.verifier, redirectUri: callbackUrl() })).to.equal(
      'The authorization code has expired.',
    );
    await setIdpBehaviour(companyId, { tamper: 'code' });
    const unknown = await twitterProof(companyId);
    expect(await refusedProof(companyId, 'twitter', { code: unknown.code, codeVerifier: unknown.verifier, redirectUri: callbackUrl() })).to.equal(
      'The authorization code is not valid.',
    );
  });

  it('the authorization endpoint insists on PKCE with S256 and answers with the code in the query', async () => {
    const companyId = uniqueCompanyId('twitter');
    await setIdpBehaviour(companyId, { autoApprove: true });
    const { clientId } = (await thirdConfig(companyId, 'twitter')).data!;
    const { verifier, challenge } = await pkcePair();
    const state = randomToken();
    const params = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: callbackUrl(),
      scope: 'users.read tweet.read',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const endpoint = localProviderEndpoints(await gatewayUrl()).twitter;
    expect(await followAuthorization(`${endpoint}?${new URLSearchParams({ ...params, code_challenge_method: 'plain' })}`)).to.equal(null);
    const { code_challenge_method: _dropped, ...noMethod } = params;
    expect(await followAuthorization(`${endpoint}?${new URLSearchParams(noMethod)}`)).to.equal(null);
    const back = await followAuthorization(`${endpoint}?${new URLSearchParams(params)}`);
    expect(back?.searchParams.get('state')).to.equal(state);
    const code = back!.searchParams.get('code');
    const result = await verified(companyId, 'twitter', { code, codeVerifier: verifier, redirectUri: callbackUrl() });
    expect(result.userId).to.match(/^\d+$/);
  });
});

// ---- Telegram ---------------------------------------------------------------------

describe('third-party gateway: Telegram', () => {
  it('checks the hash of the fields Telegram signed and registers the user under their Telegram id', async () => {
    const companyId = uniqueCompanyId('telegram');
    const minted = await mintProof(companyId, 'telegram', { redirectUri: callbackUrl() });
    const auth = decodeTelegramResult(minted.params.tgAuthResult);
    expect(auth.id).to.be.a('number');
    expect(String(auth.id)).to.equal(minted.user.id);
    // Numbers passed on as strings are the same signed data.
    const result = await verified(companyId, 'telegram', { ...auth, id: String(auth.id), auth_date: String(auth.auth_date) });
    expect(result).to.include({ userId: String(auth.id), email: '', action: 'register' });
    const registered = await registerThirdParty(companyId, {
      loginName: result.userId,
      thirdServerSource: 'telegram',
      thirdServerCode: result.userId,
      sendToken: randomToken(),
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    const [stored] = await customersOf(companyId);
    expect(stored).to.include({ thirdServerSource: 'telegram', thirdServerCode: String(auth.id) });
  });

  it('refuses a tampered hash, a field changed after signing, old data and a replay', async () => {
    const companyId = uniqueCompanyId('telegram');
    await setIdpBehaviour(companyId, { tamper: 'hash' });
    const tampered = decodeTelegramResult((await mintProof(companyId, 'telegram')).params.tgAuthResult);
    expect(await refusedProof(companyId, 'telegram', tampered)).to.equal('The Telegram data signature (hash) is not valid.');
    expect(await refusedProof(companyId, 'telegram', tampered, 'zh-CN')).to.equal('Telegram 数据签名（hash）无效。');

    await setIdpBehaviour(companyId, { tamper: null });
    const good = decodeTelegramResult((await mintProof(companyId, 'telegram')).params.tgAuthResult);
    expect(await refusedProof(companyId, 'telegram', { ...good, first_name: 'Mallory' })).to.match(/hash\) is not valid/);
    expect(await refusedProof(companyId, 'telegram', { ...good, id: good.id + 1 })).to.match(/hash\) is not valid/);
    await verified(companyId, 'telegram', good);
    expect(await refusedProof(companyId, 'telegram', good)).to.equal('This proof has already been used.');

    await setIdpBehaviour(companyId, { tamper: 'exp' });
    const old = decodeTelegramResult((await mintProof(companyId, 'telegram')).params.tgAuthResult);
    expect(await refusedProof(companyId, 'telegram', old)).to.equal('The Telegram sign-in is more than 24 hours old.');
    expect(await acceptedProofs(companyId)).to.have.length(1);
  });

  it('refuses ill-typed fields as bad parameters', async () => {
    const companyId = uniqueCompanyId('telegram');
    const good = decodeTelegramResult((await mintProof(companyId, 'telegram')).params.tgAuthResult);
    expect((await verifyProof(companyId, 'telegram', { ...good, id: 'abc' })).msg).to.match(/"id" is invalid/);
    expect((await verifyProof(companyId, 'telegram', { ...good, auth_date: 1.5 })).msg).to.match(/"auth_date" is invalid/);
    const { hash: _hash, ...noHash } = good;
    expect((await verifyProof(companyId, 'telegram', noHash)).msg).to.match(/"hash" is required/);
  });

  it('the login page sends tgAuthResult back in the fragment, keeping return_to\'s own query', async () => {
    const companyId = uniqueCompanyId('telegram');
    await setIdpBehaviour(companyId, { autoApprove: true, user: { id: '5550001234', name: 'Tg Tester' } });
    const { clientId } = (await thirdConfig(companyId, 'telegram')).data!;
    const returnTo = `${callbackUrl()}?provider=telegram`;
    const endpoint = localProviderEndpoints(await gatewayUrl()).telegram;
    const params = { bot_id: clientId, origin: location.origin, return_to: returnTo, request_access: 'write' };
    expect(await followAuthorization(`${endpoint}?${new URLSearchParams({ ...params, origin: 'http://evil.example' })}`)).to.equal(null);
    const back = await followAuthorization(`${endpoint}?${new URLSearchParams(params)}`);
    expect(back?.searchParams.get('provider')).to.equal('telegram');
    const auth = decodeTelegramResult(new URLSearchParams(back!.hash.slice(1)).get('tgAuthResult')!);
    expect(auth).to.include({ id: 5550001234, first_name: 'Tg', last_name: 'Tester' });
    expect((await verified(companyId, 'telegram', auth)).userId).to.equal('5550001234');
  });
});

// ---- MetaMask (Sign-In with Ethereum) ------------------------------------------------

describe('third-party gateway: MetaMask', () => {
  const account = privateKeyToAccount(generatePrivateKey());

  /** A SIWE message for this page, as the element would have the wallet sign it. */
  function siweMessage(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
    return createSiweMessage({
      address: account.address,
      chainId: 1,
      domain: location.host,
      uri: location.origin,
      version: '1',
      nonce: randomSiweNonce(),
      issuedAt: new Date(),
      statement: 'Sign in to register.',
      ...overrides,
    });
  }

  it('verifies a signed message and registers the address', async () => {
    const companyId = uniqueCompanyId('metamask');
    const nonce = await issuedSiweNonce(companyId);
    const message = siweMessage({ nonce });
    const signature = await account.signMessage({ message });
    // The address may come in any case; the answer is the checksummed one.
    const result = await verified(companyId, 'metamask', { address: account.address.toLowerCase(), message, signature });
    expect(result).to.include({ userId: account.address, action: 'register', email: '', thirdSource: 'metamask' });
    const registered = await registerThirdParty(companyId, {
      loginName: account.address,
      thirdServerSource: 'metamask',
      thirdServerCode: account.address,
      sendToken: nonce,
      verifyCode: result.verifyTicket,
    });
    expect(registered.ok, JSON.stringify(registered)).to.equal(true);
    const [stored] = await customersOf(companyId);
    expect(stored).to.include({ thirdServerSource: 'metamask', thirdServerCode: account.address });
    expect(stored.registerBody).to.include({ verifyCode: result.verifyTicket, sendToken: nonce });
  });

  it('refuses a signed message again at another company (replays are refused across companies)', async () => {
    const first = uniqueCompanyId('metamask');
    const second = uniqueCompanyId('metamask');
    const message = siweMessage({ nonce: await issuedSiweNonce(first) });
    const signature = await account.signMessage({ message });
    await verified(first, 'metamask', { address: account.address, message, signature });
    expect(await refusedProof(second, 'metamask', { address: account.address, message, signature })).to.match(/nonce/i);
  });

  it('accepts only a nonce it issued to this company, lately, and only mainnet (red team F6)', async () => {
    const companyId = uniqueCompanyId('metamask');
    const sign = async (message: string) => ({ address: account.address, message, signature: await account.signMessage({ message }) });
    // A nonce the browser chose, however well-formed, is not one.
    expect(await refusedProof(companyId, 'metamask', await sign(siweMessage({ nonce: randomSiweNonce() })))).to.equal(
      'The message nonce was not issued by this site lately. Please sign in again.',
    );
    // Nor is one issued to another company.
    const elsewhere = await issuedSiweNonce(uniqueCompanyId('metamask'));
    expect(await refusedProof(companyId, 'metamask', await sign(siweMessage({ nonce: elsewhere })))).to.match(/not issued by this site/);
    // A chain the broker does not accept.
    expect(await refusedProof(companyId, 'metamask', await sign(siweMessage({ nonce: await issuedSiweNonce(companyId), chainId: 999999 })))).to.equal(
      'Sign-in on chain 999999 is not accepted here.',
    );
    expect(await acceptedProofs(companyId)).to.deep.equal([]);
    // Two nonces are two different ones, each good once.
    const [a, b] = [await issuedSiweNonce(companyId), await issuedSiweNonce(companyId)];
    expect(a).to.match(/^[0-9a-f]{32}$/).and.not.equal(b);
    await verified(companyId, 'metamask', await sign(siweMessage({ nonce: a })));
  });

  it('refuses a message signed by another key', async () => {
    const companyId = uniqueCompanyId('metamask');
    const message = siweMessage();
    const signature = await privateKeyToAccount(generatePrivateKey()).signMessage({ message });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message, signature })).to.match(/not made by this address/);
  });

  it('refuses a message changed after signing', async () => {
    const companyId = uniqueCompanyId('metamask');
    const message = siweMessage();
    const signature = await account.signMessage({ message });
    const changed = message.replace('Chain ID: 1', 'Chain ID: 10');
    expect(changed).to.not.equal(message);
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: changed, signature })).to.match(/changed after signing/);
  });

  it('refuses a message for another site (domain or URI)', async () => {
    const companyId = uniqueCompanyId('metamask');
    const forOther = siweMessage({ domain: 'wallet-drainer.example' });
    const reason = await refusedProof(companyId, 'metamask', { address: account.address, message: forOther, signature: await account.signMessage({ message: forOther }) });
    expect(reason).to.equal(`The message is for the site "wallet-drainer.example", not "${location.host}".`);
    const otherUri = siweMessage({ uri: 'https://wallet-drainer.example/login' });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: otherUri, signature: await account.signMessage({ message: otherUri }) })).to.match(
      /URI is not on/,
    );
  });

  it('accepts a nonce once', async () => {
    const companyId = uniqueCompanyId('metamask');
    const nonce = await issuedSiweNonce(companyId);
    const first = siweMessage({ nonce });
    await verified(companyId, 'metamask', { address: account.address, message: first, signature: await account.signMessage({ message: first }) });
    const second = siweMessage({ nonce, statement: 'Another message, the same nonce.' });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: second, signature: await account.signMessage({ message: second }) })).to.equal(
      'This sign-in has already been used: its nonce was accepted before.',
    );
  });

  it('refuses an expired message, an old one and one not valid yet', async () => {
    const companyId = uniqueCompanyId('metamask');
    const minute = 60_000;
    const expired = siweMessage({ issuedAt: new Date(Date.now() - 2 * minute), expirationTime: new Date(Date.now() - minute) });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: expired, signature: await account.signMessage({ message: expired }) })).to.equal(
      'The proof has expired.',
    );
    const old = siweMessage({ issuedAt: new Date(Date.now() - 30 * minute) });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: old, signature: await account.signMessage({ message: old }) })).to.equal(
      'The message was issued more than 10 minutes ago.',
    );
    const early = siweMessage({ notBefore: new Date(Date.now() + 30 * minute) });
    expect(await refusedProof(companyId, 'metamask', { address: account.address, message: early, signature: await account.signMessage({ message: early }) })).to.equal(
      'The proof is not valid yet.',
    );
    expect(await acceptedProofs(companyId)).to.deep.equal([]);
  });

  it('refuses a register whose sendToken is not the message nonce', async () => {
    const companyId = uniqueCompanyId('metamask');
    const message = siweMessage({ nonce: await issuedSiweNonce(companyId) });
    const signature = await account.signMessage({ message });
    const { verifyTicket } = await verified(companyId, 'metamask', { address: account.address, message, signature });
    const answer = await registerThirdParty(companyId, {
      loginName: account.address,
      thirdServerSource: 'metamask',
      thirdServerCode: account.address,
      sendToken: randomSiweNonce(),
      verifyCode: verifyTicket,
    });
    expect(answer).to.include({ ok: false, code: 'THIRD_LOGIN_PROOF_MISMATCH' });
    await expectNothingStored(companyId);
  });
});
