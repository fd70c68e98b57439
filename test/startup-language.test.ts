/**
 * A page in another language: the element's first words are in that language.
 * While its translation is on its way the form is there but hidden (its space
 * kept), never shown in English first. Checked at every change of the shadow
 * root, before the browser could paint it, not after some delay.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { gatewayUrl, uniqueCompanyId } from './support/reference-gateway.js';
import '../src/customer-register.js';
import { enUSFirstStep } from '../src/core/i18n/en-US-first-step.js';
import type { CustomerRegister } from '../src/customer-register.js';

/** What the Send button says at each change of the shadow root; `(hidden)` while the form is not visible. */
function watchSendButton(el: CustomerRegister): string[] {
  const seen: string[] = [];
  const look = () => {
    const wrapper = el.shadowRoot!.querySelector('div[lang]');
    const send = el.shadowRoot!.querySelector('button[type="submit"]');
    if (!wrapper || !send) return;
    const state = getComputedStyle(wrapper).visibility === 'hidden' ? '(hidden)' : send.textContent!.trim();
    if (seen[seen.length - 1] !== state) seen.push(state);
  };
  new MutationObserver(look).observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
  return seen;
}

describe('a page in another language', () => {
  for (const [lang, load] of [
    ['de-DE', () => import('../src/core/i18n/locales/de-DE.js')],
    ['ar', () => import('../src/core/i18n/locales/ar.js')],
  ] as const) {
    it(`${lang}: the form shows no English before its translation, then the translation`, async () => {
      const el = document.createElement('customer-register');
      el.setAttribute('company-id', uniqueCompanyId('first-words'));
      el.setAttribute('host', await gatewayUrl());
      el.setAttribute('lang', lang);
      document.body.append(el);
      // The shadow root exists from connectedCallback; the first render comes in a microtask.
      const seen = watchSendButton(el);
      try {
        const translated = (await load()).default.sendCode;
        await waitUntil(() => seen.includes(translated), `the ${lang} words never came (seen: ${seen.join(' | ')})`);
        expect(seen[0], 'the first render was shown before its translation').to.equal('(hidden)');
        expect(seen, 'English on screen').to.not.include(enUSFirstStep.sendCode);
        expect(seen.filter((state) => state !== '(hidden)')).to.deep.equal([translated]);
      } finally {
        el.remove();
      }
    });
  }
});
