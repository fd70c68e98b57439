// The challenge on code send (issue #28): the gateway asks for one in its config or by
// refusing a verifyCodeSend; the element runs the named provider's adapter against the
// reference gateway's stand-ins and sends again with the token, which the gateway
// verifies (once). Failures are explained and keep what was typed.
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { fill } from './support/keyboard.js';
import { alerts, countriesLoaded, mount, part, query, showPhone, typeInto, typeText, press, waitForStep, type Mounted } from './support/harness.js';
import { gatewayUrl, requestsOf, testConfig, uniqueCompanyId, uniqueEmail, type LoggedRequest } from './support/reference-gateway.js';
import { RegistrationFlow } from '../src/core/flow/registration-flow.js';
import { RESEND_DELAY_MS } from '../src/core/gateway/contract.js';
import { setCaptcha, type CaptchaType } from './support/challenges.js';
import { enUS } from '../src/core/i18n/en-US.js';
import deDE from '../src/core/i18n/locales/de-DE.js';

const PROVIDERS: CaptchaType[] = ['turnstile', 'hcaptcha', 'recaptcha', 'recaptcha-enterprise', 'geetest'];

/** Mounts an element for a company whose gateway asks for `setting`'s challenge. */
async function mountWithCaptcha(setting: Parameters<typeof setCaptcha>[1], lang = 'en-US'): Promise<Mounted> {
  const companyId = uniqueCompanyId('captcha');
  await setCaptcha(companyId, setting);
  const mounted = await mount({ companyId, methods: 'email', lang });
  await countriesLoaded(mounted.el);
  return mounted;
}

async function pressSend(mounted: Mounted, email: string) {
  const input = part<HTMLInputElement>(mounted.el, '#email');
  if (input.value !== email) await typeInto(mounted.el, '#email', email);
  else input.focus();
  await press('Enter');
}

/** axe's WCAG 2.0-2.2 A and AA rules over the element: the ids of what fails. */
async function axeViolations(el: Element): Promise<string[]> {
  const win = window as unknown as { axe?: { run(context: Element, options: object): Promise<{ violations: { id: string }[] }> } };
  if (!win.axe) await import('axe-core/axe.min.js' as string);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const results = await win.axe!.run(el, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return results.violations.map((violation) => violation.id);
}

const sendCodes = (companyId: string): Promise<LoggedRequest[]> => requestsOf(companyId, 'sendCode');

/** The stand-in's "I am human" control: in the element's challenge panel, or (GeeTest) over the page. */
const standInCheckbox = (mounted: Mounted) =>
  query<HTMLButtonElement>(mounted.el, '[data-stand-in-checkbox]') ?? document.querySelector<HTMLButtonElement>('[data-stand-in-checkbox]');

async function sendFailureShown(mounted: Mounted, text: string) {
  await waitUntil(() => query(mounted.el, '#send-error')?.textContent?.includes(text), `the send failure never said "${text}"`, { timeout: 10_000 });
}

describe('challenge on code send', () => {
  it('a page whose gateway asks for no challenge fetches nothing of any challenge', async () => {
    const mounted = await mount({ methods: 'email' });
    await countriesLoaded(mounted.el);
    await pressSend(mounted, uniqueEmail('nochallenge'));
    await waitForStep(mounted.el, '#code');
    const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.filter((url) => /challenge-runner|\/challenge\/adapters\/|__captcha/.test(url))).to.deep.equal([]);
    const [sent] = await sendCodes(mounted.companyId);
    expect(sent.body).not.to.have.any.keys('captchaType', 'captchaToken');
  });

  for (const provider of PROVIDERS) {
    it(`config requires ${provider}: passed unseen, the one verifyCodeSend carries its token and a code is sent`, async () => {
      const mounted = await mountWithCaptcha({ provider });
      await pressSend(mounted, uniqueEmail(provider));
      await waitForStep(mounted.el, '#code');
      const sends = await sendCodes(mounted.companyId);
      expect(sends.length).to.equal(1);
      expect(sends[0].body).to.include({ captchaType: provider });
      expect(sends[0].body!.captchaToken).to.be.a('string').and.not.equal('');
      // Invisible: the panel never showed.
      expect(query(mounted.el, '#challenge-title')).to.equal(null);
    });
  }

  it('an SMS code is guarded the same way: the SMS send carries the token', async () => {
    const companyId = uniqueCompanyId('captcha-sms');
    await setCaptcha(companyId, { provider: 'geetest' });
    const { el } = await mount({ companyId, methods: 'phone', country: 'CN' });
    const input = await showPhone(el);
    input.focus();
    await typeText('13800000000');
    await press('Enter');
    await waitForStep(el, '#code');
    const [sent] = await sendCodes(companyId);
    expect(sent.body).to.include({ bizType: 'SMS_REGISTER_VERIFICATION_CODE', captchaType: 'geetest' });
    expect(new URLSearchParams(sent.body!.captchaToken as string).get('pass_token')).to.match(/^[0-9a-f]{64}$/);
  });

  it('"Send a new code" goes through the challenge too, and the countdown is the flow\'s as before', async () => {
    let now = Date.now();
    const config = await testConfig();
    const guarded: (string | undefined)[] = [];
    const flow = new RegistrationFlow({
      config: () => config,
      extras: () => ({ registerSource: 2 }),
      now: () => now,
      calls: { sendVerificationCode: async (_config, _account, _options, challenge) => `ticket-${challenge?.captchaToken ?? 'none'}` },
      // A guard that asks for a challenge from the second send on.
      sendGuard: async (_account, attempt) => {
        guarded.push(guarded.length ? 'challenge' : undefined);
        return guarded.length > 1 ? attempt({ captchaType: 'turnstile', captchaToken: 'solved' }) : attempt();
      },
    });
    await flow.requestCode({ channel: 'email', email: uniqueEmail('resend'), country: 'ISO_3166_826', dialCode: '44' });
    expect(flow.step).to.deep.include({ name: 'code', sendToken: 'ticket-none' });
    now += RESEND_DELAY_MS;
    await flow.resendCode();
    expect(guarded).to.deep.equal([undefined, 'challenge']);
    expect(flow.step).to.deep.include({ name: 'code', sendToken: 'ticket-solved', resendAvailableAt: now + RESEND_DELAY_MS });
  });

  it('a challenge that asks the person shows the panel in their language, and the code is sent once they pass it', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile', widget: 'interactive' }, 'de-DE');
    await pressSend(mounted, uniqueEmail('interactive'));
    await waitUntil(() => query(mounted.el, '#challenge-title'), 'no challenge panel', { timeout: 10_000 });
    expect(part(mounted.el, '#challenge-title').textContent).to.equal(deDE.challengeTitle);
    expect(part(mounted.el, '#challenge-back').textContent!.trim()).to.equal(deDE.challengeBack);
    expect(await sendCodes(mounted.companyId)).to.have.length(0);
    // The panel takes focus (the person's next thing to do), and passes axe's WCAG A/AA rules.
    await waitUntil(() => mounted.el.shadowRoot!.activeElement?.id === 'challenge-title', 'the panel never took focus');
    expect(await axeViolations(mounted.el)).to.deep.equal([]);
    standInCheckbox(mounted)!.click();
    await waitForStep(mounted.el, '#code');
    expect((await sendCodes(mounted.companyId))[0].body).to.include({ captchaType: 'turnstile' });
    expect(query(mounted.el, '#challenge-title')).to.equal(null);
  });

  it('Back closes the challenge: nothing is sent, it is said, the address stays, and the next Send asks again', async () => {
    const mounted = await mountWithCaptcha({ provider: 'hcaptcha', widget: 'interactive' });
    const email = uniqueEmail('back');
    await pressSend(mounted, email);
    await waitUntil(() => query(mounted.el, '#challenge-back'), 'no Back', { timeout: 10_000 });
    part<HTMLButtonElement>(mounted.el, '#challenge-back').click();
    await sendFailureShown(mounted, enUS.challengeFailed);
    await waitUntil(() => mounted.el.shadowRoot!.activeElement?.id === 'send-error', 'focus did not move to the failure');
    expect(part<HTMLInputElement>(mounted.el, '#email').value).to.equal(email);
    expect(await sendCodes(mounted.companyId)).to.have.length(0);
    await pressSend(mounted, email);
    await waitUntil(() => standInCheckbox(mounted), 'no challenge the second time', { timeout: 10_000 });
    standInCheckbox(mounted)!.click();
    await waitForStep(mounted.el, '#code');
  });

  it('adaptive: the gateway refuses a send with CAPTCHA_REQUIRED naming the challenge; the element runs it and sends again', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile', required: false, adaptiveAfter: 0 });
    await pressSend(mounted, uniqueEmail('adaptive'));
    await waitForStep(mounted.el, '#code');
    const sends = await sendCodes(mounted.companyId);
    expect(sends.length).to.equal(2);
    expect(sends[0].body).not.to.have.any.keys('captchaToken');
    expect(sends[1].body).to.include({ captchaType: 'turnstile' });
    // A new request, not a repeat of the refused one (whose trace would get the refusal again).
    expect(sends[1].headers.trace).not.to.equal(sends[0].headers.trace);
  });

  it('a blocked script is explained, nothing is sent and the address stays; a fallback the gateway names is used instead', async () => {
    const blocked = await mountWithCaptcha({ provider: 'turnstile', blocked: ['turnstile'] });
    const email = uniqueEmail('blocked');
    await pressSend(blocked, email);
    await sendFailureShown(blocked, enUS.challengeBlocked);
    expect(part<HTMLInputElement>(blocked.el, '#email').value).to.equal(email);
    expect(await sendCodes(blocked.companyId)).to.have.length(0);

    const withFallback = await mountWithCaptcha({ provider: 'turnstile', blocked: ['turnstile'], fallback: 'hcaptcha' });
    await pressSend(withFallback, uniqueEmail('fallback'));
    await waitForStep(withFallback.el, '#code');
    expect((await sendCodes(withFallback.companyId))[0].body).to.include({ captchaType: 'hcaptcha' });
  });

  it('a failed challenge is explained and sends nothing; Send tries again', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile', widget: 'fail' });
    const email = uniqueEmail('failed');
    await pressSend(mounted, email);
    await sendFailureShown(mounted, enUS.challengeFailed);
    expect(await sendCodes(mounted.companyId)).to.have.length(0);
    await setCaptcha(mounted.companyId, { provider: 'turnstile' });
    await pressSend(mounted, email);
    await waitForStep(mounted.el, '#code');
  });

  it('a reCAPTCHA score the gateway refuses sends no code, and is explained', async () => {
    const mounted = await mountWithCaptcha({ provider: 'recaptcha', token: 'low-score' });
    await pressSend(mounted, uniqueEmail('score'));
    await sendFailureShown(mounted, enUS.challengeFailed);
    const [refused] = await sendCodes(mounted.companyId);
    expect(refused.body).to.include({ captchaType: 'recaptcha' });
    expect(alerts(mounted.el).join(' ')).to.include(enUS.challengeFailed);
  });

  it('an expired token is refused by the gateway: no code, explained, and the next Send gets a fresh one', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile', token: 'stale' });
    const email = uniqueEmail('stale');
    await pressSend(mounted, email);
    await sendFailureShown(mounted, enUS.challengeFailed);
    const inbox = await (await fetch(`${await gatewayUrl()}/__dev/inbox?companyId=${mounted.companyId}`)).json();
    expect(inbox).to.deep.equal([]);
    await setCaptcha(mounted.companyId, { provider: 'turnstile' });
    await pressSend(mounted, email);
    await waitForStep(mounted.el, '#code');
  });

  it('a token is good once: the same token sent again is refused and sends no code', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile' });
    await pressSend(mounted, uniqueEmail('once'));
    await waitForStep(mounted.el, '#code');
    const [first] = await sendCodes(mounted.companyId);
    const other = uniqueEmail('replayed');
    const response = await fetch(`${await gatewayUrl()}/api/global/message.app.VerificationApiService.verifyCodeSend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', version: '0.0.1', companyId: mounted.companyId, trace: crypto.randomUUID(), lang: 'en-US' },
      body: JSON.stringify({ ...first.body, toUser: other }),
    });
    const answer = await response.json();
    expect(answer).to.include({ ok: false, code: 'VERIFY_CODE_CAPTCHA_INVALID' });
    const inbox: { to: string }[] = await (await fetch(`${await gatewayUrl()}/__dev/inbox?companyId=${mounted.companyId}`)).json();
    expect(inbox.map((entry) => entry.to)).not.to.include(other);
  });

  it('after freeSends codes for one address on this page visit, the element asks for the challenge itself', async () => {
    const mounted = await mountWithCaptcha({ provider: 'turnstile', required: false, freeSends: 1 });
    const email = uniqueEmail('counted');
    await pressSend(mounted, email);
    await waitForStep(mounted.el, '#code');
    // Back to the first step, and the same address again.
    part<HTMLButtonElement>(mounted.el, 'button.link:not(#resend)').click();
    await waitUntil(() => query(mounted.el, '#email'));
    await pressSend(mounted, email);
    await waitUntil(async () => (await sendCodes(mounted.companyId)).length === 2, 'no second send', { timeout: 10_000 });
    const [first, second] = await sendCodes(mounted.companyId);
    expect(first.body).not.to.have.any.keys('captchaToken');
    expect(second.body).to.include({ captchaType: 'turnstile' });
  });
});

describe('challenge under the strict Content-Security-Policy', () => {
  async function openStrictPage(companyId: string, challengeEntries: boolean) {
    const iframe = document.createElement('iframe');
    iframe.src = `/__csp/page.html?companyId=${encodeURIComponent(companyId)}${challengeEntries ? '&challenge=1' : ''}`;
    iframe.style.width = '480px';
    iframe.style.height = '900px';
    document.body.append(iframe);
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const win = iframe.contentWindow as Window & { __violations: string[] };
    const el = iframe.contentDocument!.querySelector('customer-register')!;
    const root = () => el.shadowRoot!;
    await waitUntil(() => root()?.querySelector('select#country:not([disabled])'), 'the form never became usable', { timeout: 10_000 });
    return { iframe, win, root };
  }

  for (const provider of PROVIDERS) {
    it(`${provider} under the strict policy with README's entries: the code is sent, zero violations`, async () => {
      const companyId = uniqueCompanyId('csp-captcha');
      await setCaptcha(companyId, { provider, widget: provider.startsWith('recaptcha') ? 'pass' : 'interactive' });
      const { iframe, win, root } = await openStrictPage(companyId, true);
      try {
        fill(root().querySelector<HTMLInputElement>('#email')!, uniqueEmail('csp'));
        root().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        const checkbox = () => root().querySelector<HTMLButtonElement>('[data-stand-in-checkbox]') ?? iframe.contentDocument!.querySelector<HTMLButtonElement>('[data-stand-in-checkbox]');
        if (!provider.startsWith('recaptcha')) {
          await waitUntil(checkbox, 'the stand-in widget never showed', { timeout: 10_000 });
          checkbox()!.click();
        }
        await waitUntil(() => root().querySelector('#code'), 'no code step', { timeout: 10_000 });
        expect(win.__violations).to.deep.equal([]);
      } finally {
        iframe.remove();
      }
    });
  }

  it('without those entries the provider script is refused by the policy, and the person is told', async () => {
    const companyId = uniqueCompanyId('csp-captcha');
    await setCaptcha(companyId, { provider: 'turnstile' });
    const { iframe, win, root } = await openStrictPage(companyId, false);
    try {
      fill(root().querySelector<HTMLInputElement>('#email')!, uniqueEmail('csp'));
      root().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => root().querySelector('#send-error')?.textContent?.includes(enUS.challengeBlocked), 'the blocked script was not explained', { timeout: 10_000 });
      expect(win.__violations.some((v) => v.startsWith('script-src'))).to.equal(true);
      expect(await sendCodes(companyId)).to.have.length(0);
    } finally {
      iframe.remove();
    }
  });
});
