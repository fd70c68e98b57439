import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  alerts,
  countriesLoaded,
  enterCodeAndRegister,
  focused,
  mount,
  part,
  press,
  query,
  registerByEmail,
  requestCodeFor,
  typeInto,
  typeText,
  waitForStep,
  warningsDuring,
} from './support/harness.js';
import { loadTranslation } from '../src/core/i18n/locale-catalog.js';
import { customersOf, injectFault, latestCode, requestsOf, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';

describe('<customer-register> by e-mail, end to end', () => {
  it('first render is accessible and offers the gateway\'s countries, preselecting the language\'s region', async () => {
    const { el } = await mount({ lang: 'en-GB' });
    await countriesLoaded(el);
    await expect(el).to.be.accessible();
    const select = part<HTMLSelectElement>(el, '#country');
    expect(select.value).to.equal('ISO_3166_826');
    expect(select.options.length).to.be.greaterThan(30);
    expect(part<HTMLInputElement>(el, '#email').autocomplete).to.equal('email');
  });

  it('registers with the keyboard alone and fires `registered` with what the gateway stored', async () => {
    const mounted = await mount();
    const { el, companyId } = mounted;
    const email = uniqueEmail('ann');
    const page = document.body;
    let pageEvent: CustomEvent | undefined;
    page.addEventListener('registered', (event) => (pageEvent = event), { once: true });

    await countriesLoaded(el);
    el.focus(); // delegatesFocus: the e-mail field takes it
    expect(focused(el)?.id).to.equal('email');
    await typeText(email);
    await press('Enter');
    await waitForStep(el, '#code');
    expect(focused(el)?.id, 'focus moves to the code field').to.equal('code');
    const codeInput = part<HTMLInputElement>(el, '#code');
    // The attribute, not the property: Firefox reflects only the tokens it acts on.
    expect(codeInput.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(codeInput.inputMode).to.equal('numeric');
    await expect(el).to.be.accessible();

    const event = await enterCodeAndRegister(mounted, email);
    const [stored] = await customersOf(companyId);
    expect(event.detail.customerNo).to.equal(stored.customerNo);
    expect(event.detail.customer.customerNo).to.equal(stored.customerNo);
    expect(event.detail.customer.email).to.equal(email);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(pageEvent, 'the event reaches the page').to.equal(event);
    expect(stored.registerBody).to.deep.include({ loginName: email, type: 1, country: 'ISO_3166_840', lang: 'en-US' });

    await waitForStep(el, '.success');
    expect(part(el, '.success').textContent).to.contain(stored.customerNo);
    await expect(el).to.be.accessible();
  });

  it('a second registration of the same address is refused before any code is sent', async () => {
    const first = await mount();
    const email = uniqueEmail('twice');
    await requestCodeFor(first.el, email);
    await enterCodeAndRegister(first, email);

    const second = await mount({ companyId: first.companyId });
    await countriesLoaded(second.el);
    await typeInto(second.el, '#email', email.toUpperCase());
    await press('Enter');
    await waitUntil(() => query(second.el, '#send-error'), 'no message shown');
    expect(part(second.el, '#send-error').textContent).to.contain('already exists');
    expect(query(second.el, '#code'), 'no code step').to.equal(null);
    expect(await requestsOf(first.companyId, 'sendCode')).to.have.length(1);
    expect(await customersOf(first.companyId)).to.have.length(1);
    expect(part<HTMLInputElement>(second.el, '#email').value, 'what was typed is kept').to.equal(email.toUpperCase());
  });

  it('an existing account: a neutral notice under the e-mail field, "Sign in" as the primary action (its link carries what was typed, utm and agent code), account-exists fires', async () => {
    const first = await mount();
    const email = uniqueEmail('exists');
    await requestCodeFor(first.el, email);
    await enterCodeAndRegister(first, email);

    const second = await mount({
      companyId: first.companyId,
      attributes: { 'login-url': '/signin?from=widget', 'utm-source': 'newsletter', 'agent-code': 'AG123', 'agent-param': 'ref' },
    });
    const exists = oneEvent(second.el, 'account-exists');
    await countriesLoaded(second.el);
    await typeInto(second.el, '#email', email);
    await press('Enter');
    const event = await exists;
    await waitUntil(() => focused(second.el)?.id === 'send-error', 'focus did not go to the message');
    const notice = part(second.el, '#send-error');
    // A notice, not an error: announced politely, not in the error colour, and no alert anywhere.
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.classList.contains('form-error'), 'not styled as an error').to.equal(false);
    const errorLine = part(second.el, '#email-error');
    expect(getComputedStyle(notice).color).not.to.equal(getComputedStyle(errorLine).color);
    expect(alerts(second.el)).to.deep.equal([]);
    // At the identifier: the next thing drawn below the e-mail field (the country and Send step aside).
    const emailField = part(second.el, '#email').closest('.field')!;
    const visibleAfterEmail = [...second.el.shadowRoot!.querySelectorAll<HTMLElement>('form *')].filter(
      (node) => node.getBoundingClientRect().height > 0 && emailField.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !emailField.contains(node),
    );
    expect(visibleAfterEmail[0]?.closest('.exists'), 'the notice comes right after the e-mail field').to.not.equal(null);
    const send = part<HTMLButtonElement>(second.el, 'button[type="submit"]');
    expect(send.getBoundingClientRect().height, '"Send verification code" is not offered').to.equal(0);
    // "Sign in" is the primary action, a link to the site's sign-in page.
    const link = part<HTMLAnchorElement>(second.el, '#sign-in');
    expect(link.tagName).to.equal('A');
    expect(link.classList.contains('primary')).to.equal(true);
    expect(link.textContent!.trim()).to.equal('Sign in');
    const url = new URL(link.href);
    expect(`${url.origin}${url.pathname}`).to.equal(`${location.origin}/signin`);
    expect(url.searchParams.get('from'), 'the site\'s own parameters stay').to.equal('widget');
    expect(url.searchParams.get('email')).to.equal(email);
    expect(url.searchParams.get('utm_source')).to.equal('newsletter');
    expect(url.searchParams.get('ref'), 'the agent code, under the site\'s parameter name').to.equal('AG123');
    expect(event.detail).to.deep.equal({ method: 'email', loginName: email, loginUrl: link.href });
    await expect(second.el).to.be.accessible();

    // The secondary action: another address, typed into an empty, focused field, with Send back.
    const another = part<HTMLButtonElement>(second.el, '#use-another');
    expect(another.textContent!.trim()).to.equal('Use another email address');
    another.click();
    await waitUntil(() => focused(second.el)?.id === 'email', 'focus did not go to the e-mail field');
    expect(part<HTMLInputElement>(second.el, '#email').value).to.equal('');
    expect(query(second.el, '#send-error'), 'the notice goes').to.equal(null);
    expect(send.getBoundingClientRect().height, 'Send is back').to.be.greaterThan(0);
    expect(part(second.el, '#country').getBoundingClientRect().height, 'the country is back').to.be.greaterThan(0);
  });

  it('an existing account without login-url: one console warning for the site, and the notice says where to sign in', async () => {
    const first = await mount();
    const email = uniqueEmail('exists-nolink');
    await requestCodeFor(first.el, email);
    await enterCodeAndRegister(first, email);

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const third = await mount({ companyId: first.companyId });
      const again = oneEvent(third.el, 'account-exists');
      await countriesLoaded(third.el);
      await typeInto(third.el, '#email', email);
      await press('Enter');
      expect((await again).detail).to.deep.equal({ method: 'email', loginName: email, loginUrl: undefined });
      await waitUntil(() => query(third.el, '#send-error'), 'no notice');
      expect(query(third.el, '#sign-in'), 'no Sign in without a sign-in page').to.equal(null);
      expect(part(third.el, '#send-error').textContent).to.contain((await loadTranslation('en-US')).accountExistsNoLink);
      // It asks the person to sign in once, then says where: not "sign in" twice in a row.
      expect(part(third.el, '#send-error').textContent!.match(/sign[ -]?in/gi), 'how often the notice says sign in').to.have.length(1);
      // A second try on the same element: still one warning.
      const twice = oneEvent(third.el, 'account-exists');
      part<HTMLButtonElement>(third.el, '#use-another').click();
      await waitUntil(() => focused(third.el)?.id === 'email', 'focus did not go to the e-mail field');
      await typeInto(third.el, '#email', email);
      await press('Enter');
      await twice;
      const aboutLoginUrl = warnings.filter((w) => w.includes('login-url'));
      expect(aboutLoginUrl, warnings.join('\n')).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('bad input gets an inline message before any request, and focus goes to the field', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await typeInto(el, '#email', 'Ann <ann@example.com>');
    await press('Enter');
    await waitUntil(() => part(el, '#email-error').textContent!.trim(), 'no inline message');
    expect(part(el, '#email-error').textContent).to.contain('valid email');
    expect(part(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)?.id).to.equal('email');
    expect(await requestsOf(companyId, 'checkStatus')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a wrong code is said in the person\'s language (not the gateway\'s English), and another refusal in the gateway\'s words', async () => {
    const mounted = await mount({ lang: 'ja-JP' });
    const email = uniqueEmail('wrong-ja');
    await requestCodeFor(mounted.el, email);
    const code = await latestCode(mounted.companyId, email);
    await typeInto(mounted.el, '#code', code === '000000' ? '111111' : '000000');
    await waitUntil(() => alerts(mounted.el).length > 0, 'no message shown');
    const ja = await loadTranslation('ja-JP');
    expect(alerts(mounted.el)).to.deep.equal([ja.refusalCodeWrong]);
    // A refusal the element does not know by code: the gateway's own text.
    await injectFault(mounted.companyId, 'register', 'refuse', { msg: 'ただいまメンテナンス中です。' });
    await typeInto(mounted.el, '#code', code);
    await waitUntil(() => alerts(mounted.el).includes('ただいまメンテナンス中です。'), 'the gateway\'s text was not shown');
  });

  it('says beforehand that the sixth digit checks the code; a code refused as wrong stays, selected, and a fresh one typed over it registers', async () => {
    const mounted = await mount();
    const email = uniqueEmail('wrong');
    await requestCodeFor(mounted.el, email);
    const input = part<HTMLInputElement>(mounted.el, '#code');
    // WCAG 3.2.2 (F36): the field names the hint before anything is typed.
    expect(part(mounted.el, '#code-auto').textContent!.trim()).to.equal('We check the code as soon as you enter the sixth digit.');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('code-auto');
    const code = await latestCode(mounted.companyId, email);
    const wrong = code === '000000' ? '111111' : '000000';
    await typeInto(mounted.el, '#code', wrong);
    await waitUntil(() => alerts(mounted.el).length > 0, 'no message shown');
    expect(alerts(mounted.el)[0]).to.contain('incorrect');
    // "Please check it": the code is there to check, selected so a new one replaces it.
    await waitUntil(() => focused(mounted.el)?.id === 'code', 'the code field did not take focus');
    expect(input.value).to.equal(wrong);
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, 6]);
    await expect(mounted.el).to.be.accessible();
    const event = await enterCodeAndRegister(mounted, email);
    expect(event.detail.customerNo).to.match(/^\d+$/);
  });

  it('a refusal stays until the person types: "Register" on the refused code keeps it and sends nothing', async () => {
    const mounted = await mount();
    const email = uniqueEmail('one-message');
    await requestCodeFor(mounted.el, email);
    const code = await latestCode(mounted.companyId, email);
    // The sixth digit submits at once, and the gateway refuses the code.
    await typeInto(mounted.el, '#code', code === '000000' ? '111111' : '000000');
    await waitUntil(() => alerts(mounted.el).length > 0, 'no message shown');
    const refusal = alerts(mounted.el);
    const input = part<HTMLInputElement>(mounted.el, '#code');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(part(mounted.el, '[role="alert"]').id);
    // The person presses "Register" without typing: the same refusal, no second try spent.
    await press('Enter');
    await mounted.el.updateComplete;
    expect(alerts(mounted.el)).to.deep.equal(refusal);
    expect(part(mounted.el, '#code-error').textContent!.trim()).to.equal('');
    expect(await requestsOf(mounted.companyId, 'register')).to.have.length(1);
    // Typing again ends the refusal; what is checked then is what they typed.
    await press('End');
    await press('Backspace');
    await waitUntil(() => alerts(mounted.el).length === 0, 'the refusal outlived the typing');
    expect(input.value).to.have.length(5);
    await press('Enter');
    await waitUntil(() => part(mounted.el, '#code-error').textContent!.trim(), 'no field message');
    expect(part(mounted.el, '#code-error').textContent!.trim()).to.equal('The code must be 6 digits.');
    await expect(mounted.el).to.be.accessible();
  });

  it('the code step: a field sized for six digits, the address in bold, and where else to look for the e-mail', async () => {
    const { el } = await mount();
    const email = uniqueEmail('code-step');
    await requestCodeFor(el, email);
    const input = part<HTMLInputElement>(el, '#code');
    const form = part(el, 'form').getBoundingClientRect();
    // Six digits fit as they are spaced, in a field no wider than half the form (it was the form's whole width).
    input.value = '888888';
    expect(input.scrollWidth, 'six digits fit').to.be.at.most(input.clientWidth + 1);
    expect(input.getBoundingClientRect().width, 'sized for six digits').to.be.below(form.width / 2);
    expect(input.getBoundingClientRect().left, 'at the start of the form').to.be.closeTo(form.left, 1);
    const address = part(el, '#code-hint strong');
    expect(address.textContent!.replace(/[\u2068\u2069]/g, '')).to.equal(email);
    expect(Number(getComputedStyle(address).fontWeight), 'the address in bold').to.be.at.least(600);
    expect(part(el, '#code-hint').textContent).to.equal(`Enter the 6-digit code we sent to \u2068${email}\u2069.`);
    expect(part(el, '#code-spam').textContent!.trim()).to.equal('Not in your inbox? Check your spam or junk folder.');
    await expect(el).to.be.accessible();
  });

  it('a pasted code with spaces and dashes is normalised and submitted', async () => {
    const mounted = await mount();
    const email = uniqueEmail('paste');
    await requestCodeFor(mounted.el, email);
    const code = await latestCode(mounted.companyId, email);
    const input = part<HTMLInputElement>(mounted.el, '#code');
    input.focus();
    const registered = new Promise<CustomEvent>((resolve) => mounted.el.addEventListener('registered', resolve as EventListener, { once: true }));
    // What a paste does: the whole text lands in one input event.
    input.value = ` ${code.slice(0, 3)}-${code.slice(3)} `;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    expect(input.value).to.equal(code);
    expect((await registered).detail.customerNo).to.match(/^\d+$/);
  });

  it('the resend button counts down from 60 s and is not actionable meanwhile', async () => {
    const { el, companyId } = await mount();
    await requestCodeFor(el, uniqueEmail('resend'));
    const resend = part<HTMLButtonElement>(el, '#resend');
    expect(part(el, '#resend-wait').textContent).to.match(/in (60|59) seconds/);
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    resend.click();
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(1);
  });

  it('a screen reader hears the countdown start once, not every second: the button\'s name and the status stay put', async () => {
    const { el } = await mount();
    await requestCodeFor(el, uniqueEmail('countdown'));
    const resend = part<HTMLButtonElement>(el, '#resend');
    const status = part(el, 'form > [role="status"]');
    const before = { name: resend.textContent!.trim(), status: status.textContent!.trim(), wait: part(el, '#resend-wait').textContent };
    expect(before.name).to.equal('Send a new code');
    expect(before.status).to.match(/^You can request a new code in (60|59) seconds$/);
    await waitUntil(() => part(el, '#resend-wait').textContent !== before.wait, 'the countdown never ticked', { timeout: 3000 });
    expect(resend.textContent!.trim(), 'the button keeps its name').to.equal(before.name);
    expect(status.textContent!.trim(), 'the status says the start only').to.equal(before.status);
    expect(part(el, '#resend-wait').getAttribute('aria-hidden')).to.equal('true');
    expect(resend.getAttribute('aria-describedby')).to.equal('resend-wait');
    await expect(el).to.be.accessible();
  });

  it('mashing Enter and double-clicking send exactly one request per step', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await injectFault(companyId, 'sendCode', 'delay', { delayMs: 400 });
    await typeInto(el, '#email', uniqueEmail('mash'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    part<HTMLButtonElement>(el, 'button[type=submit]').click();
    part<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => part(el, 'button[type=submit]').getAttribute('aria-busy') === 'true' || query(el, '#code'));
    await waitForStep(el, '#code');
    expect(await requestsOf(companyId, 'checkStatus')).to.have.length(1);
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(1);
  });

  it('checks the status while the person pauses typing, so the click waits on the code alone', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await waitUntil(() => (el as unknown as { session?: unknown }).session, 'flow chunk never loaded');
    await typeInto(el, '#email', uniqueEmail('early'));
    await waitUntil(async () => (await requestsOf(companyId, 'checkStatus')).length === 1, 'no early status check', { timeout: 3000 });
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
    await press('Enter');
    await waitForStep(el, '#code');
    expect(await requestsOf(companyId, 'checkStatus')).to.have.length(1);
    expect(await requestsOf(companyId, 'sendCode')).to.have.length(1);
  });

  it('shows progress on the button while its call runs', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await injectFault(companyId, 'checkStatus', 'delay', { delayMs: 600 });
    await typeInto(el, '#email', uniqueEmail('progress'));
    await press('Enter');
    const button = part(el, 'button[type=submit]');
    await waitUntil(() => button.getAttribute('aria-busy') === 'true', 'no busy state');
    expect(button.textContent).to.contain('Sending code');
    expect(query(el, '.spinner')).not.to.equal(null);
    await waitForStep(el, '#code');
  });

  it('a transport failure is shown in our words and keeps what was typed; retry then works', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    await injectFault(companyId, 'sendCode', 'http', { status: 503 });
    const email = uniqueEmail('flaky');
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitUntil(() => alerts(el).length > 0, 'no message shown');
    expect(alerts(el)[0]).to.contain('error 503');
    expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
    await press('Enter');
    await waitForStep(el, '#code');
  });

  it('hostile gateway text is rendered as inert text', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await injectFault(companyId, 'sendCode', 'refuse', { msg: hostile });
    await typeInto(el, '#email', uniqueEmail('hostile'));
    await press('Enter');
    await waitUntil(() => alerts(el).length > 0, 'no message shown');
    expect(alerts(el)[0]).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('zh-CN: every word in Chinese, and the gateway is asked in zh-CN', async () => {
    const { el, companyId } = await mount({ lang: 'zh-CN' });
    await countriesLoaded(el);
    await waitUntil(() => part(el, 'label[for=email]').textContent === '邮箱', 'not translated');
    expect(part(el, 'button[type=submit]').textContent!.trim()).to.equal('发送验证码');
    expect(part<HTMLSelectElement>(el, '#country').value).to.equal('ISO_3166_156');
    expect([...part<HTMLSelectElement>(el, '#country').options].map((o) => o.text)).to.include('中国');
    const [countryList] = await requestsOf(companyId, 'countryList');
    expect(countryList.headers.lang).to.equal('zh-CN');
    await expect(el).to.be.accessible();
  });

  it('a missing company-id says the form is not set up, instead of breaking', async () => {
    const { el } = await mount({ companyId: '' });
    expect(alerts(el)[0]).to.contain('not set up correctly');
  });

  it('a failed country list offers a retry that keeps the typed e-mail', async () => {
    const companyId = uniqueCompanyId('countries');
    await injectFault(companyId, 'countryList', 'http', { status: 502 });
    const { el } = await mount({ companyId });
    await waitUntil(() => alerts(el).length > 0, 'no message shown');
    expect(alerts(el)[0]).to.contain('could not load');
    // The field stays, disabled, so its label still names a control; the failed state passes axe.
    expect(part<HTMLSelectElement>(el, 'label[for="country"] ~ select#country').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    const email = uniqueEmail('retry');
    await typeInto(el, '#email', email);
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again');
    expect(retry, 'a retry button').to.exist;
    retry!.click();
    await countriesLoaded(el);
    expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
    expect(await requestsOf(companyId, 'countryList')).to.have.length(2);
  });

  it('page options: the account type comes before the password; show/hide is an eye inside the password field, which is as wide as the others', async () => {
    const { el } = await mount({ attributes: { password: 'optional', 'account-types': 'individual enterprise' } });
    await countriesLoaded(el);
    await waitUntil(() => query(el, '#password') && query(el, '[part~=account-types]'), 'no password or account type');
    const password = part<HTMLInputElement>(el, '#password');
    // The account type changes what follows, so it is asked first.
    expect(part(el, '[part~=account-types]').compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING, 'account type before the password').to.not.equal(0);
    const field = password.getBoundingClientRect();
    const email = part(el, '#email').getBoundingClientRect();
    expect(Math.abs(field.width - email.width), 'the password field is as wide as the e-mail field').to.be.at.most(1);
    const toggle = part<HTMLButtonElement>(el, '[part~=password-toggle]');
    const eye = toggle.getBoundingClientRect();
    expect(eye.left >= field.left - 1 && eye.right <= field.right + 1 && eye.top >= field.top - 1 && eye.bottom <= field.bottom + 1, 'the toggle is inside the field').to.equal(true);
    expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await typeInto(el, '#password', 'short123');
    toggle.click();
    await el.updateComplete;
    expect(password.type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    // The typed text (left to right in every language) never runs under the eye: it sits at the text's end, in the
    // field's padding, right to left too.
    for (const lang of ['en-US', 'ar']) {
      el.lang = lang;
      await waitUntil(() => query(el, `div[lang="${lang}"]`), `never in ${lang}`);
      await el.updateComplete;
      const box = password.getBoundingClientRect();
      const mark = toggle.getBoundingClientRect();
      expect(box.right - mark.right, `${lang}: the eye at the end of the text`).to.be.at.most(1);
      expect(parseFloat(getComputedStyle(password).paddingRight), `${lang}: room for the eye`).to.be.at.least(mark.width - 1);
    }
  });
});

describe('<customer-register> outcomes: the finish line', () => {
  it('success says registration complete and what comes next, from the register answer\'s list of levels, in its order', async () => {
    const mounted = await mount();
    const { event } = await registerByEmail(mounted);
    await waitForStep(mounted.el, '#outcome');
    const outcome = part(mounted.el, '#outcome');
    expect(part(mounted.el, '.title').textContent!.trim()).to.equal('Registration complete');
    const levels = (event.detail.customer.list as { levelName: string; pathName: string }[]).map((level) => `${level.levelName} (${level.pathName})`);
    expect(levels, 'the reference gateway lists a level').to.not.be.empty;
    expect(part(mounted.el, '#next-steps').textContent!.trim()).to.equal('Next steps');
    expect([...outcome.querySelectorAll('ol[aria-labelledby="next-steps"] li')].map((li) => li.textContent!.trim())).to.deep.equal(levels);
    // Even spacing: the panel's gap alone, no default paragraph or list margins on top of it.
    for (const node of outcome.querySelectorAll('p, ol')) expect(getComputedStyle(node).marginBlockStart + getComputedStyle(node).marginBlockEnd).to.equal('0px0px');
    await expect(mounted.el).to.be.accessible();
  });

  it('the site sets the ways on: continue-url is the one primary action (registered fires first), register-another offers another registration', async () => {
    const mounted = await mount({ attributes: { 'continue-url': '/next-step?from=register' } });
    const order: string[] = [];
    mounted.el.addEventListener('registered', () => order.push(`registered, continue ${query(mounted.el, '#continue') ? 'shown' : 'not yet shown'}`));
    await registerByEmail(mounted);
    await waitForStep(mounted.el, '#outcome');
    const next = part<HTMLAnchorElement>(mounted.el, '#continue');
    expect(next.textContent!.trim()).to.equal('Continue');
    expect(next.href).to.equal(new URL('/next-step?from=register', location.href).href);
    expect(next.classList.contains('primary')).to.equal(true);
    expect(order).to.deep.equal(['registered, continue not yet shown']);
    // Not asked for: no other registration on offer.
    expect(part(mounted.el, '#outcome').textContent).not.to.contain('Start another registration');
    await expect(mounted.el).to.be.accessible();

    // An introducing broker asks for it; a script URL is no way on.
    const broker = await mount({ attributes: { 'register-another': '', 'continue-url': 'javascript:alert(1)' } });
    const warned = await warningsDuring(async () => {
      await registerByEmail(broker);
      await waitForStep(broker.el, '#outcome');
    });
    expect(query(broker.el, '#continue'), 'no Continue to a javascript: URL').to.equal(null);
    expect(warned.some((line) => line.includes('continue-url "javascript:alert(1)" is not an http(s) URL'))).to.equal(true);
    const another = [...part(broker.el, '#outcome').querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Start another registration');
    expect(another, 'Start another registration').to.not.equal(undefined);
    another!.click();
    await waitUntil(() => query(broker.el, '#email'), 'back to the first step');
  });

  it('manual review says how the person will hear back (the address they registered), or the site\'s own words in the review slot', async () => {
    const mounted = await mount();
    const email = `ann.${crypto.randomUUID().slice(0, 6)}+review@example.com`;
    await requestCodeFor(mounted.el, email);
    await typeInto(mounted.el, '#code', await latestCode(mounted.companyId, email));
    await waitForStep(mounted.el, '#outcome');
    const outcome = part(mounted.el, '#outcome');
    expect(outcome.textContent).to.contain(`We will contact you at \u2068${email}\u2069 when the review is complete.`);
    for (const node of outcome.querySelectorAll('p')) expect(getComputedStyle(node).marginBlockStart + getComputedStyle(node).marginBlockEnd).to.equal('0px0px');
    await expect(mounted.el).to.be.accessible();
    // The site knows its own time frame and channel: its text replaces the default.
    const own = document.createElement('p');
    own.slot = 'review';
    own.textContent = 'We will e-mail you within two business days.';
    mounted.el.append(own);
    const slot = part<HTMLSlotElement>(mounted.el, 'slot[name="review"]');
    expect(slot.assignedElements()).to.deep.equal([own]);
  });
});
