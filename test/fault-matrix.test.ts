/**
 * Every gateway call x every fault the reference gateway can inject, driven
 * through the element in Chromium. For each cell: the person sees a clear
 * message (the gateway's own for ok:false), what they typed is still there, a
 * retry succeeds once the fault is gone, and no second customer is created.
 * The matrix is printed at the end (browser logs in the test output).
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import type { CustomerRegister } from '../src/customer-register.js';
import { alerts, countriesLoaded, mount, part, press, query, typeInto, waitForStep } from './support/harness.js';
import { customersOf, injectFault, latestCode, uniqueCompanyId, uniqueEmail, type FaultKind } from './support/reference-gateway.js';

type Call = 'countryList' | 'checkStatus' | 'sendCode' | 'register';
const CALLS: Call[] = ['countryList', 'checkStatus', 'sendCode', 'register'];

interface Fault {
  name: string;
  kind: FaultKind;
  extra?: { count?: number; status?: number; msg?: string; delayMs?: number };
  /** What the person must read; undefined: the call succeeds (only slower). */
  message?: RegExp;
  /** Calls after which the element finds out by itself what happened: no message, it goes on. */
  recovered?: Call[];
}

const GATEWAY_MSG = 'Registration is paused for maintenance until 18:00.';
const FAULTS: Fault[] = [
  // A delay well inside the element's timeout (REQUEST_TIMEOUT_MS): slow, not failed, even on
  // two busy cores; a hang well past it.
  { name: 'delay', kind: 'delay', extra: { delayMs: 400 } },
  { name: 'hang past the timeout', kind: 'hang', extra: { delayMs: 4000 }, message: /took too long/ },
  // The browser retries a POST on a reset connection: the fault outlasts its retries, and is cleared once shown.
  { name: 'dropped connection', kind: 'drop', extra: { count: 20 }, message: /could not reach the server/ },
  { name: 'HTTP 500', kind: 'http', extra: { status: 500 }, message: /error 500/ },
  { name: 'HTTP 502', kind: 'http', extra: { status: 502 }, message: /error 502/ },
  { name: 'HTTP 503', kind: 'http', extra: { status: 503 }, message: /error 503/ },
  { name: 'HTTP 429', kind: 'http', extra: { status: 429 }, message: /error 429/ },
  { name: 'non-JSON body', kind: 'non-json', message: /could not read/ },
  { name: 'JSON without envelope', kind: 'no-envelope', message: /could not read/ },
  { name: 'ok:false with msg', kind: 'refuse', extra: { msg: GATEWAY_MSG }, message: new RegExp(GATEWAY_MSG.replace(/\./g, '\\.')) },
  // The work is done (the code sent, the customer created), then the answer arrives cut in half:
  // register finds out and registers; a second Send is answered with the first one's ticket.
  { name: 'lost answer', kind: 'lost', message: /could not read/, recovered: ['register'] },
];

/**
 * The country list call's message: the gateway's own for a refusal, the network
 * message when no answer came at all (the server is what could not be reached),
 * else ours for the list.
 */
const countryListMessage = (fault: Fault) => (fault.kind === 'refuse' || fault.kind === 'drop' ? fault.message! : /could not load the list/);

const matrix = new Map<string, 'pass' | 'FAIL'>();

/** The element's `request-timeout` here: 1.6 s more than the delay, 2 s less than the hang. */
const REQUEST_TIMEOUT_MS = 2000;

async function mountForFaults(companyId = uniqueCompanyId('fault')) {
  return mount({ companyId, methods: 'email', attributes: { 'request-timeout': String(REQUEST_TIMEOUT_MS) } });
}

async function flowReady(el: CustomerRegister) {
  await countriesLoaded(el);
  await waitUntil(() => (el as unknown as { session?: unknown }).session, 'the flow chunk never loaded');
}

async function expectMessage(el: CustomerRegister, message: RegExp) {
  await waitUntil(() => alerts(el).some((text) => message.test(text)), `never showed ${message}; showed ${JSON.stringify(alerts(el))}`, {
    timeout: 6000,
  });
}

/** The fault is gone: the retry that follows must succeed. */
function clearFault(companyId: string, call: Call) {
  return injectFault(companyId, call, 'drop', { count: 0 });
}

async function cell(call: Call, given: Fault) {
  const fault = given.recovered?.includes(call) ? { ...given, message: undefined } : given;
  const email = uniqueEmail(`${call}-${fault.kind}`);
  if (call === 'countryList') {
    const companyId = uniqueCompanyId('fault');
    await injectFault(companyId, call, fault.kind, fault.extra);
    const { el } = await mountForFaults(companyId);
    if (fault.message) {
      await expectMessage(el, countryListMessage(fault));
      await clearFault(companyId, call);
      await typeInto(el, '#email', email);
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!.click();
    }
    await countriesLoaded(el);
    expect(part<HTMLInputElement>(el, '#email').value, 'typed e-mail kept').to.equal(fault.message ? email : '');
    return;
  }

  const mounted = await mountForFaults();
  const { el, companyId } = mounted;
  await flowReady(el);
  if (call === 'checkStatus' || call === 'sendCode') {
    await injectFault(companyId, call, fault.kind, fault.extra);
    await typeInto(el, '#email', email);
    await press('Enter');
    if (fault.message) {
      await expectMessage(el, fault.message);
      await clearFault(companyId, call);
      expect(query(el, '#code'), 'still on the first step').to.equal(null);
      expect(part<HTMLInputElement>(el, '#email').value, 'typed e-mail kept').to.equal(email);
      await waitUntil(() => part(el, 'button[type=submit]').getAttribute('aria-busy') === 'false');
      part(el, '#email').focus();
      await press('Enter'); // the way on: try again
    }
    await waitForStep(el, '#code');
  } else {
    await typeInto(el, '#email', email);
    await press('Enter');
    await waitForStep(el, '#code');
    const code = await latestCode(companyId, email);
    await injectFault(companyId, 'register', fault.kind, fault.extra);
    const registered = new Promise((resolve) => el.addEventListener('registered', resolve, { once: true }));
    await typeInto(el, '#code', code);
    if (fault.message) {
      await expectMessage(el, fault.message);
      await clearFault(companyId, 'register');
      const codeInput = part<HTMLInputElement>(el, '#code');
      // A refusal the element does not know, like a transport failure, leaves the code as typed: it is still good.
      expect(codeInput.value, 'typed code kept after a failure that did not spend it').to.equal(code);
      await waitUntil(() => part(el, 'button[type=submit]').getAttribute('aria-busy') === 'false');
      codeInput.focus();
      await press('Enter');
    }
    await registered;
  }
  const customers = await customersOf(companyId);
  expect(customers.length, 'customers created').to.equal(call === 'register' ? 1 : 0);
}

describe('fault matrix: every gateway call x every fault', () => {
  after(() => {
    const width = Math.max(...FAULTS.map((f) => f.name.length));
    const lines = [`${'fault'.padEnd(width)} | ${CALLS.map((c) => c.padEnd(11)).join(' | ')}`];
    lines.push('-'.repeat(lines[0].length));
    for (const fault of FAULTS) {
      lines.push(`${fault.name.padEnd(width)} | ${CALLS.map((c) => (matrix.get(`${c}|${fault.name}`) ?? 'not run').padEnd(11)).join(' | ')}`);
    }
    const passed = [...matrix.values()].filter((v) => v === 'pass').length;
    console.log(`Fault matrix (${CALLS.length} calls x ${FAULTS.length} faults, ${passed}/${CALLS.length * FAULTS.length} cells pass):\n${lines.join('\n')}`);
  });

  for (const call of CALLS) {
    for (const fault of FAULTS) {
      it(`${call} x ${fault.name}`, async () => {
        const key = `${call}|${fault.name}`;
        matrix.set(key, 'FAIL');
        await cell(call, fault);
        matrix.set(key, 'pass');
      });
    }
  }
});
