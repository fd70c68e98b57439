/**
 * What the person typed on the first step, kept in sessionStorage so that a
 * reload at any moment (a call in flight included) brings it back: the method,
 * the address or number, the country and the account type, never a password
 * or a code. Kept per company, gateway and place on the page (as the code
 * step is: session-resume.ts) until the registration ends or the tab closes.
 * With it goes the Send whose answer had not come when the page went, so the
 * person's next Send repeats that request (same trace) instead of asking for a
 * second code; nothing is sent again without their press.
 */
import type { AccountChannel } from '../gateway/contract.js';
import type { AccountType } from '../gateway/contract.js';
import type { UnansweredSend } from './registration-flow.js';
import { pageStorage } from '../page-storage.js';

export const DRAFT_PREFIX = 'customer-register:first-step:';

export interface FirstStepDraft {
  method: AccountChannel;
  email: string;
  /** The gateway code of the chosen country ('' when the preselected one stands). */
  selectedCountry: string;
  accountType?: AccountType;
  /** The phone field as typed: its text and the selected country (iso2). */
  phone?: { number: string; iso2: string };
  unansweredSend?: UnansweredSend;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isDraft(value: unknown): value is FirstStepDraft {
  const draft = value as Partial<FirstStepDraft> | null;
  if (!draft || typeof draft !== 'object') return false;
  const { method, email, selectedCountry, accountType, phone, unansweredSend } = draft;
  return (
    (method === 'email' || method === 'phone') &&
    isString(email) &&
    isString(selectedCountry) &&
    (accountType === undefined || accountType === 'individual' || accountType === 'enterprise') &&
    (phone === undefined || (!!phone && isString(phone.number) && isString(phone.iso2))) &&
    (unansweredSend === undefined || (!!unansweredSend && isString(unansweredSend.key) && isString(unansweredSend.trace)))
  );
}

/** The kept draft, if any (what comes back from storage is checked). */
export function loadDraft(key: string, storage = pageStorage('sessionStorage')): FirstStepDraft | undefined {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    return isDraft(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft; returns what was written, so a caller can skip writing the same again. */
export function saveDraft(key: string, draft: FirstStepDraft, storage = pageStorage('sessionStorage')): string {
  const text = JSON.stringify(draft);
  try {
    storage?.setItem(key, text);
  } catch {
    // No storage: a reload starts from an empty form, nothing else changes.
  }
  return text;
}

export function clearDraft(key: string, storage = pageStorage('sessionStorage')): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing was kept then.
  }
}
