/**
 * An axe pass, restricted to the WCAG 2.0-2.2 A and AA rules, over every state
 * a person meets: each step, each message, the open country list, the
 * provider buttons in both layouts, light and dark, left to right and right to
 * left, at 360 px. Runs in all three engines like the rest of the suite.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { alerts, countriesLoaded, mount, part, press, query, registerByEmail, requestCodeFor, showPhone, typeInto, type Mounted } from './support/harness.js';
import { latestCode, uniqueCompanyId, uniqueEmail } from './support/reference-gateway.js';
import { bringToFront } from './support/keyboard.js';
import { setIdpBehaviour } from './support/identity-providers.js';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The dark walk and the icon layout change colours and layout, not the markup
 * axe reads: they run in Chromium only, to keep the three-engine suite short
 * (the light walk, the outcomes and the provider list run in every engine).
 */
function inChromiumOnly(context: Mocha.Context) {
  if (!/Chrome\//.test(navigator.userAgent)) context.skip();
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function violations(el: Element): Promise<AxeViolation[]> {
  const win = window as unknown as { axe?: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } };
  if (!win.axe) await import('axe-core/axe.min.js' as string);
  const results = await win.axe!.run(el, { runOnly: { type: 'tag', values: WCAG_AA }, resultTypes: ['violations'] });
  return results.violations;
}

/** Passes when axe finds no WCAG A/AA violation; otherwise names each rule and where. */
async function expectAxePass(el: Element, state: string) {
  const found = await violations(el);
  const report = found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(report, `${state}:\n${report.join('\n')}`).to.deep.equal([]);
}

describe('axe, WCAG 2.2 A and AA, in every state', () => {
  afterEach(() => document.body.style.removeProperty('background'));
  for (const theme of ['light', 'dark']) {
    it(`${theme}: e-mail step, phone step with its country list open, code step, a refused code`, async function () {
      // Seven axe runs over a whole step each: slow in Firefox and WebKit on a loaded machine.
      this.timeout(90_000);
      if (theme === 'dark') inChromiumOnly(this);
      // theme="dark" is for a dark page: the page is its background.
      if (theme === 'dark') document.body.style.background = 'rgb(18, 20, 23)';
      const { el } = await mount({ attributes: { theme } });
      el.style.width = '360px';
      await countriesLoaded(el);
      await expectAxePass(el, 'e-mail step');
      part(el, 'button[type=submit]').click();
      await waitUntil(() => alerts(el).length > 0 || query(el, '[aria-invalid=true]'), 'no message for an empty address');
      await expectAxePass(el, 'e-mail step with its messages');
      await showPhone(el);
      await expectAxePass(el, 'phone step');
      part(el, '.iti__selected-country').click();
      const list = part(el, '.iti__country-selector');
      await waitUntil(() => !list.classList.contains('iti__hide'), 'the list never opened');
      await expectAxePass(el, 'country list open');
      await press('Escape');
      part(el, '#tab-email').click();
      await requestCodeFor(el, uniqueEmail('axe'));
      await expectAxePass(el, 'code step');
      await typeInto(el, '#code', '000000');
      await waitUntil(() => query(el, '#code[aria-invalid=true]'), 'the wrong code was not marked');
      await expectAxePass(el, 'refused code');
    });
  }

  it('the e-mail typo suggestion ("Did you mean …?"), left to right and right to left', async function () {
    this.timeout(60_000);
    // Offered when the field is left: a focus event, fired only in the page in front (Firefox runs two files side by side).
    await bringToFront();
    for (const lang of ['en-US', 'ar']) {
      const { el } = await mount({ lang });
      el.style.width = '360px';
      await countriesLoaded(el);
      await typeInto(el, '#email', 'ann@gmial.com');
      await press('Tab');
      await waitUntil(() => query(el, '#email-suggestion button'), `${lang}: no suggestion`);
      await expectAxePass(el, `${lang}: e-mail typo suggestion`);
    }
  });

  it('account exists (with its Sign in link), success, and manual review', async function () {
    this.timeout(90_000);
    const first: Mounted = await mount({});
    const email = uniqueEmail('axe-exists');
    await registerByEmail(first, email);
    await waitUntil(() => query(first.el, '#outcome'), 'no success panel');
    await expectAxePass(first.el, 'success');

    const again = await mount({ companyId: first.companyId, attributes: { 'login-url': 'https://broker.example/login' } });
    await countriesLoaded(again.el);
    await typeInto(again.el, '#email', email);
    await press('Enter');
    await waitUntil(() => query(again.el, '#sign-in'), 'no account-exists notice with its Sign in');
    await expectAxePass(again.el, 'account exists');

    const review = await mount({});
    const reviewed = `axe.${crypto.randomUUID().slice(0, 6)}+review@example.com`;
    await requestCodeFor(review.el, reviewed);
    await typeInto(review.el, '#code', await latestCode(review.companyId, reviewed));
    await waitUntil(() => query(review.el, '.panel.panel'), 'no review panel');
    await expectAxePass(review.el, 'under review');
  });

  it('site terms on the first step: the checkbox named by the slotted terms, and its message when Send finds it unticked', async function () {
    this.timeout(60_000);
    const terms = document.createElement('span');
    terms.slot = 'terms';
    terms.innerHTML = 'I accept the <a href="#terms-of-business">terms of business</a>.';
    const { el } = await mount({ children: [terms], attributes: { password: 'optional', 'account-types': 'individual enterprise' } });
    el.style.width = '360px';
    await countriesLoaded(el);
    await waitUntil(() => query(el, '#terms'), 'no terms on the first step');
    await expectAxePass(el, 'first step with terms');
    await typeInto(el, '#email', uniqueEmail('axe-terms'));
    await press('Enter');
    await waitUntil(() => query(el, '#terms[aria-invalid=true]'), 'the unticked terms were not marked');
    await expectAxePass(el, 'terms unticked, with their message');
  });

  for (const layout of ['', 'icons']) {
    it(`provider buttons${layout ? ` (provider-layout="${layout}")` : ''}, right to left, at 360 px`, async function () {
      this.timeout(60_000);
      if (layout) inChromiumOnly(this);
      const companyId = uniqueCompanyId('axe-3p');
      await setIdpBehaviour(companyId, {});
      const { el } = await mount({
        companyId,
        lang: 'ar',
        attributes: { providers: 'google facebook twitter telegram apple metamask', ...(layout ? { 'provider-layout': layout } : {}) },
      });
      el.style.width = '360px';
      await countriesLoaded(el);
      await waitUntil(() => query(el, 'button[data-provider="metamask"]'), 'no provider buttons', { timeout: 10000 });
      await waitUntil(() => part(el, 'div[dir]').getAttribute('dir') === 'rtl', 'not right to left');
      await expectAxePass(el, 'providers');
    });
  }

  it('the checker itself fails on a real violation (an unnamed input)', async () => {
    const { el } = await mount({});
    await countriesLoaded(el);
    const input = part(el, '#email');
    const label = part(el, 'label[for=email]');
    label.removeAttribute('for');
    input.removeAttribute('aria-describedby');
    const found = await violations(el);
    expect(found.map((v) => v.id)).to.include('label');
  });
});
