/**
 * Drives a `<customer-register>` the way a person does: focus, type, press
 * keys, read what is on screen. Tests talk in these terms, not in shadow-DOM
 * plumbing.
 */
import { fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { press, typeText } from './keyboard.js';
import '../../src/customer-register.js';
import type { CustomerRegister } from '../../src/customer-register.js';
import { gatewayUrl, latestCode, requestsOf, uniqueCompanyId } from './reference-gateway.js';

export interface Mounted {
  el: CustomerRegister;
  companyId: string;
}

export interface MountOptions {
  lang?: string;
  companyId?: string;
  country?: string;
  methods?: string;
  /** More attributes, as a page would write them. */
  attributes?: Record<string, string>;
  /** Light-DOM children (slotted content). */
  children?: HTMLElement[];
}

export async function mount(options: MountOptions = {}): Promise<Mounted> {
  const companyId = options.companyId ?? uniqueCompanyId('e2e');
  const el = document.createElement('customer-register');
  const attributes: Record<string, string> = {
    'company-id': companyId,
    host: await gatewayUrl(),
    lang: options.lang ?? 'en-US',
    country: options.country ?? '',
    methods: options.methods ?? 'email phone',
    ...options.attributes,
  };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...(options.children ?? []));
  // fixture() waits for the element's own update. (A plain wrapper element would
  // make it wait for an animation frame, which never comes in a background tab
  // when test files run side by side.)
  await fixture(html`${el}`);
  return { el, companyId };
}

/** Registers by e-mail through the element like a person, and returns the body the gateway received. */
export async function registerByEmail(mounted: Mounted, email = `reg.${crypto.randomUUID().slice(0, 8)}@example.com`) {
  await requestCodeFor(mounted.el, email);
  const event = await enterCodeAndRegister(mounted, email);
  const registers = await requestsOf(mounted.companyId, 'register');
  return { event, request: registers[registers.length - 1] };
}

/** The element of an embedded page (a window or a frame), once it has rendered. */
export function embedded(doc: () => Document | null | undefined): () => CustomerRegister | null {
  return () => {
    const found = doc()?.querySelector('customer-register') as CustomerRegister | null;
    return found?.shadowRoot ? found : null;
  };
}

export function part<T extends Element = HTMLElement>(el: CustomerRegister, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector as never);
  if (!found) throw new Error(`nothing matches ${selector} in the shadow root`);
  return found as T;
}

export function query<T extends Element = HTMLElement>(el: CustomerRegister, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector as never);
}

/**
 * Waits until the country list has arrived (the select is enabled). It comes
 * with the registration chunk, which the test server compiles on its first
 * request of a run: on a busy machine that alone can take several seconds.
 */
export async function countriesLoaded(el: CustomerRegister): Promise<void> {
  await waitUntil(
    () => {
      const select = query<HTMLSelectElement>(el, '#country');
      return select && !select.disabled;
    },
    'the country list never loaded',
    { timeout: 15_000 },
  );
}

/** The element's shadow root's focused node. */
export function focused(el: CustomerRegister): Element | null {
  return el.shadowRoot!.activeElement;
}

export { press, typeText } from './keyboard.js';

/** Focuses a field like a click would, then types into it. */
export async function typeInto(el: CustomerRegister, selector: string, text: string): Promise<void> {
  part<HTMLInputElement>(el, selector).focus();
  await typeText(text);
}

/** All visible alert texts in the element (errors shown to the person). */
export function alerts(el: CustomerRegister): string[] {
  return [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((node) => node.textContent!.trim()).filter(Boolean);
}

export async function waitForStep(el: CustomerRegister, selector: string): Promise<void> {
  await waitUntil(() => query(el, selector), `never reached a step showing ${selector}`, { timeout: 10000 });
}

/** Types the e-mail, submits with Enter and waits for the code field. */
export async function requestCodeFor(el: CustomerRegister, email: string): Promise<void> {
  await countriesLoaded(el);
  await typeInto(el, '#email', email);
  await press('Enter');
  await waitForStep(el, '#code');
}

/** Reads the code from the gateway's inbox and types it; resolves with the `registered` event. */
export async function enterCodeAndRegister(mounted: Mounted, email: string) {
  const registered = oneEvent(mounted.el, 'registered');
  const code = await latestCode(mounted.companyId, email);
  await typeInto(mounted.el, '#code', code);
  return registered;
}

/** Switches to the phone tab and waits until the phone field (intl-tel-input with its utils) is ready. */
export async function showPhone(el: CustomerRegister): Promise<HTMLInputElement> {
  const tab = query<HTMLButtonElement>(el, '#tab-phone');
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  await waitUntil(() => query(el, '.iti input#phone'), 'the phone field never loaded', { timeout: 10000 });
  return part<HTMLInputElement>(el, '#phone');
}

/** The iso2 codes of the phone picker's country list, in order. */
export function phoneCountryOrder(el: CustomerRegister): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.iti__country')].map((li) => li.dataset.iso2 ?? '');
}

/** Collects console.warn calls while `body` runs. */
export async function warningsDuring(body: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = warn;
  }
  return warnings;
}
