import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { waitUntil } from './support/wait.js';
import { backgroundBehind, contrastRatio } from './support/contrast.js';
import { countriesLoaded, mount, part, press, registerByEmail, typeInto, waitForStep } from './support/harness.js';
import { injectFault, uniqueEmail } from './support/reference-gateway.js';
import type { RegisterErrorDetail, StepChangeDetail } from '../src/customer-register.js';

function pageStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

describe('theming', () => {
  it('a page sets the accent colour through --cr-color-accent', async () => {
    const style = pageStyle('customer-register.brand { --cr-color-accent: rgb(200, 0, 120); --cr-radius: 0px; }');
    try {
      const { el } = await mount();
      el.classList.add('brand');
      await countriesLoaded(el);
      const button = getComputedStyle(part(el, 'button[type=submit]'));
      expect(button.backgroundColor).to.equal('rgb(200, 0, 120)');
      expect(button.borderTopLeftRadius).to.equal('0px');
    } finally {
      style.remove();
    }
  });

  it('the page\'s own element styles do not leak in; its font is inherited', async () => {
    const style = pageStyle(`
      body { font-family: Georgia, serif; }
      button { background: rgb(0, 128, 0) !important; }
      input { border: 5px dashed rgb(255, 0, 0) !important; }
      .field, .primary { display: none !important; }
    `);
    try {
      const { el } = await mount();
      await countriesLoaded(el);
      const button = part(el, 'button[type=submit]');
      expect(getComputedStyle(button).backgroundColor).not.to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(part(el, '#email')).borderTopStyle).not.to.equal('dashed');
      expect(getComputedStyle(part(el, '.field')).display).not.to.equal('none');
      expect(getComputedStyle(part(el, '#email')).fontFamily).to.contain('Georgia');
    } finally {
      style.remove();
    }
  });

  it('theme="dark" switches to the dark scheme, and parts can be styled from the page', async () => {
    // A dark page: theme="dark" colours the controls, the page is the background.
    const style = pageStyle('body { background: rgb(18, 20, 23); } customer-register::part(button) { text-transform: uppercase; }');
    try {
      const { el } = await mount({ attributes: { theme: 'dark' } });
      await countriesLoaded(el);
      expect(getComputedStyle(part(el, '#email')).backgroundColor).to.equal('rgb(17, 24, 39)');
      expect(getComputedStyle(part(el, 'button[type=submit]')).textTransform).to.equal('uppercase');
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'light');
      await el.updateComplete;
      expect(getComputedStyle(part(el, '#email')).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      style.remove();
    }
  });

  it('the selected tab\'s bar is straight to its ends (no rounded lower corners)', async () => {
    const { el } = await mount({ attributes: { style: '--cr-radius: 12px' } });
    await countriesLoaded(el);
    const selected = part(el, '.tab[aria-selected=true]');
    const style = getComputedStyle(selected);
    expect(style.borderBottomWidth).to.equal('3px');
    expect([style.borderBottomLeftRadius, style.borderBottomRightRadius]).to.deep.equal(['0px', '0px']);
  });
});

describe('on a dark partner page', () => {
  const darkPage = () => pageStyle('body { background: rgb(18, 20, 23); color: rgb(229, 231, 235); }');

  it('unset: the element turns dark with the page, so no dark text lands on it; theme="light" stays light', async () => {
    const style = darkPage();
    try {
      const { el } = await mount();
      await countriesLoaded(el);
      const label = part(el, 'label[for="email"]');
      const ratio = contrastRatio(getComputedStyle(label).color, backgroundBehind(label));
      expect(ratio, `label ${getComputedStyle(label).color} on ${backgroundBehind(label)}`).to.be.at.least(4.5);
      const tab = part(el, '.tab[aria-selected=true]');
      expect(contrastRatio(getComputedStyle(tab).color, backgroundBehind(tab)), 'the selected tab').to.be.at.least(4.5);
      expect(getComputedStyle(part(el, '#email')).backgroundColor, 'dark fields').to.equal('rgb(17, 24, 39)');
      el.setAttribute('theme', 'light');
      await el.updateComplete;
      expect(getComputedStyle(part(el, '#email')).backgroundColor, 'theme="light" asked for').to.equal('rgb(255, 255, 255)');
    } finally {
      style.remove();
    }
  });

  it('theme="dark" colours only the controls: the element is transparent, with no padding of its own', async () => {
    const style = darkPage();
    try {
      const { el } = await mount({ attributes: { theme: 'dark' } });
      await countriesLoaded(el);
      const host = getComputedStyle(el);
      expect(host.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect([host.paddingTop, host.paddingLeft]).to.deep.equal(['0px', '0px']);
      expect(getComputedStyle(part(el, '#email')).backgroundColor).to.equal('rgb(17, 24, 39)');
      // A card only when the site asks for one.
      el.style.setProperty('--cr-color-background', 'rgb(30, 33, 40)');
      el.style.setProperty('--cr-padding', '16px');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(30, 33, 40)');
      expect(getComputedStyle(el).paddingTop).to.equal('16px');
    } finally {
      style.remove();
    }
  });

  it('unset on a white page: light', async () => {
    const { el } = await mount();
    await countriesLoaded(el);
    expect(getComputedStyle(part(el, '#email')).backgroundColor).to.equal('rgb(255, 255, 255)');
  });
});

describe('contrast', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: input borders stand out 3:1 from what is around them (WCAG 1.4.11), text 4.5:1`, async () => {
      const { el } = await mount({ attributes: { theme } });
      await countriesLoaded(el);
      const input = part(el, '#email');
      const border = getComputedStyle(input).borderTopColor;
      expect(contrastRatio(border, backgroundBehind(input.parentElement!)), `border ${border} against the form`).to.be.at.least(3);
      expect(contrastRatio(border, backgroundBehind(input)), `border ${border} against the field`).to.be.at.least(3);
      expect(contrastRatio(getComputedStyle(input).color, backgroundBehind(input)), 'typed text').to.be.at.least(4.5);
    });
  }
});

describe('theme: light unless the site asks', () => {
  // Emulating the visitor's colour scheme is a browser-automation facility that
  // @web/test-runner offers for Chromium and Firefox (puppeteer), not over WebDriver (WebKit).
  async function visitorPrefersDark(context: Mocha.Context): Promise<void> {
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      context.skip();
    }
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'the emulation took effect').to.equal(true);
  }

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' }).catch(() => {});
  });

  it('unset: light on a visitor whose system is dark; theme="auto" follows it, theme="light" stays light', async function () {
    await visitorPrefersDark(this);
    const { el } = await mount();
    await countriesLoaded(el);
    const background = () => getComputedStyle(part(el, '#email')).backgroundColor;
    expect(background(), 'unset').to.equal('rgb(255, 255, 255)');
    el.setAttribute('theme', 'auto');
    await el.updateComplete;
    expect(background(), 'auto').to.equal('rgb(17, 24, 39)');
    el.setAttribute('theme', 'light');
    await el.updateComplete;
    expect(background(), 'light').to.equal('rgb(255, 255, 255)');
  });
});

describe('events and methods', () => {
  it('step-change reports every step; registered ends the funnel', async () => {
    const mounted = await mount();
    const steps: StepChangeDetail[] = [];
    document.addEventListener('step-change', (event) => steps.push(event.detail));
    await registerByEmail(mounted);
    expect(steps.map((s) => s.step)).to.deep.equal(['code', 'registering', 'done']);
    expect(steps.every((s) => s.method === 'email')).to.equal(true);
  });

  it('register-error carries the code, the message shown and the call', async () => {
    const { el, companyId } = await mount();
    await countriesLoaded(el);
    const errors: RegisterErrorDetail[] = [];
    el.addEventListener('register-error', (event) => errors.push(event.detail));
    await injectFault(companyId, 'sendCode', 'refuse', { msg: 'Sending is paused' });
    await typeInto(el, '#email', uniqueEmail('err'));
    await press('Enter');
    await waitUntil(() => errors.length > 0, 'no register-error');
    expect(errors[0]).to.deep.equal({ code: 'INJECTED_FAULT', message: 'Sending is paused', call: 'sendCode' });
    await injectFault(companyId, 'checkStatus', 'http', { status: 502 });
    await press('Enter');
    await waitUntil(() => errors.length > 1, 'no second register-error');
    expect(errors[1]).to.include({ code: 'http', call: 'checkStatus' });
    expect(errors[1].message).to.contain('502');
  });

  it('reset() returns to the first step and keeps the typed address', async () => {
    const { el } = await mount();
    const email = uniqueEmail('reset');
    await countriesLoaded(el);
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitForStep(el, '#code');
    el.reset();
    await waitForStep(el, '#email');
    expect(part<HTMLInputElement>(el, '#email').value).to.equal(email);
  });
});
