/**
 * Bad input in every field gets a clear inline message before any request,
 * and the element never ends up in a broken state. The count of cases tried is
 * printed at the end.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { countriesLoaded, focused, mount, part, press, typeInto, waitForStep } from './support/harness.js';
import { requestsOf, uniqueEmail } from './support/reference-gateway.js';

const BAD_EMAILS: [label: string, value: string, message: RegExp][] = [
  ['empty', '', /Enter your email address/],
  ['whitespace only', '   \t ', /Enter your email address/],
  ['no @', 'ann.example.com', /valid email/],
  ['no domain', 'ann@', /valid email/],
  ['no dot in the domain', 'ann@example', /valid email/],
  ['display name', 'Ann Lee <ann@example.com>', /valid email/],
  ['two @', 'ann@@example.com', /valid email/],
  ['space inside', 'ann lee@example.com', /valid email/],
  ['over-long (255 characters)', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, /valid email/],
  ['over-long local part', `${'a'.repeat(65)}@example.com`, /valid email/],
  ['Cyrillic look-alike in the domain', 'ann@exаmple.com', /valid email/],
  ['full-width @', 'ann＠example.com', /valid email/],
  ['control character', 'ann\u0007@example.com', /valid email/],
  ['zero-width space', 'ann\u200b@example.com', /valid email/],
  ['markup', '<script>@example.com', /valid email/],
  ['domain starting with a dash', 'ann@-example.com', /valid email/],
];

const BAD_CODES: [label: string, typed: string, message: RegExp][] = [
  ['empty', '', /Enter the 6-digit code/],
  ['letters only', 'abcdef', /Enter the 6-digit code/],
  ['too short', '12345', /6 digits/],
  ['too short with dashes', '12-34', /6 digits/],
];

let tried = 0;

describe('bad input never reaches the gateway', () => {
  after(() => console.log(`Bad input: ${tried} cases tried (${BAD_EMAILS.length} e-mail, ${BAD_CODES.length} code; phone numbers and passwords in phone.test.ts and embedding.test.ts).`));

  for (const [label, value, message] of BAD_EMAILS) {
    it(`e-mail, ${label}`, async () => {
      const { el, companyId } = await mount({ methods: 'email' });
      await countriesLoaded(el);
      const input = part<HTMLInputElement>(el, '#email');
      // Set as a paste would (maxlength does not stop a script or some IMEs).
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await press('Enter');
      await waitUntil(() => part(el, '#email-error').textContent!.trim(), `no message for ${label}`);
      expect(part(el, '#email-error').textContent).to.match(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(focused(el)?.id).to.equal('email');
      // (An e-mail input itself strips leading and trailing whitespace from its value.)
      expect(input.value, 'what was typed is kept').to.equal(value.trim());
      expect(await requestsOf(companyId, 'checkStatus')).to.have.length(0);
      expect(await requestsOf(companyId, 'sendCode')).to.have.length(0);
      tried += 1;
    });
  }

  for (const [label, typed, message] of BAD_CODES) {
    it(`code, ${label}`, async () => {
      const { el, companyId } = await mount({ methods: 'email' });
      await countriesLoaded(el);
      await typeInto(el, '#email', uniqueEmail('badcode'));
      await press('Enter');
      await waitForStep(el, '#code');
      const input = part<HTMLInputElement>(el, '#code');
      input.focus();
      if (typed) {
        input.value = typed;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      await press('Enter');
      await waitUntil(() => part(el, '#code-error').textContent!.trim(), `no message for ${label}`);
      expect(part(el, '#code-error').textContent).to.match(message);
      expect(input.value, 'only digits are kept').to.equal(typed.replace(/\D/g, ''));
      expect(await requestsOf(companyId, 'register')).to.have.length(0);
      tried += 1;
    });
  }
});
