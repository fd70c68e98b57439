/**
 * Resuming after a reload: once a code was sent, the code step (the account,
 * the gateway's ticket and the resend countdown) is kept in sessionStorage,
 * per company and gateway, until the ticket expires or the registration ends.
 * The code itself, passwords and provider proofs are never stored.
 */
import type { Account } from '../gateway/account.js';
import type { CodeStep, Step } from './steps.js';
import { pageStorage } from '../page-storage.js';

const PREFIX = 'customer-register:code-step:';

interface Saved {
  account: Account;
  sendToken: string;
  resendAvailableAt: number;
  codesSent: number;
  ticketSpent: boolean;
  /** When the gateway's ticket runs out (set when it was issued): nothing to resume after that. */
  expiresAt: number;
}

/**
 * Where one element's code step is kept: its company id, gateway and place on
 * the page (its id, else its position among the page's elements), so several
 * elements of one site each resume their own.
 */
export function resumeKey(element: HTMLElement & { companyId: string }, host: string, prefix = PREFIX): string {
  // Its id, else its place among the elements of its own document or shadow root.
  const root = element.getRootNode() as Document | ShadowRoot;
  const place = element.id || String([...root.querySelectorAll(element.localName)].indexOf(element));
  return `${prefix}${element.companyId}|${host}|${place}`;
}

function saveCodeStep(storage: Storage | null, key: string, step: CodeStep): void {
  const saved: Saved = {
    account: step.account,
    sendToken: step.sendToken,
    resendAvailableAt: step.resendAvailableAt,
    codesSent: step.codesSent,
    ticketSpent: step.ticketSpent,
    expiresAt: step.ticketExpiresAt,
  };
  try {
    storage?.setItem(key, JSON.stringify(saved));
  } catch {
    // No storage: a reload starts over, nothing else changes.
  }
}

function clearCodeStep(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing was kept then.
  }
}

function isSaved(value: unknown): value is Saved {
  const saved = value as Partial<Saved> | null;
  const account = saved?.account as Partial<Account> | undefined;
  return (
    !!saved &&
    typeof saved.sendToken === 'string' &&
    typeof saved.expiresAt === 'number' &&
    typeof saved.resendAvailableAt === 'number' &&
    typeof saved.codesSent === 'number' &&
    typeof saved.ticketSpent === 'boolean' &&
    !!account &&
    typeof account.country === 'string' &&
    typeof account.dialCode === 'string' &&
    ((account.channel === 'email' && typeof account.email === 'string') ||
      (account.channel === 'phone' &&
        typeof account.nationalNumber === 'string' &&
        typeof account.phoneArea === 'string' &&
        (account.numberCountry === undefined || typeof account.numberCountry === 'string')))
  );
}

/** The kept code step, if there is one and its ticket is still alive; what comes back from storage is checked. */
export function loadCodeStep(key: string, now: number, storage = pageStorage('sessionStorage')): CodeStep | undefined {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(key) ?? 'null');
  } catch {
    saved = undefined;
  }
  if (!isSaved(saved) || now >= saved.expiresAt) {
    if (saved !== null) clearCodeStep(storage, key);
    return undefined;
  }
  const { account, sendToken, resendAvailableAt, codesSent, ticketSpent, expiresAt } = saved;
  return { name: 'code', account, sendToken, resendAvailableAt, ticketExpiresAt: expiresAt, ticketSpent, codesSent };
}

/** Keeps a code step for a reload, and forgets it once the registration ends or starts over. */
export function rememberStep(key: string, step: Step, storage = pageStorage('sessionStorage')): void {
  if (step.name === 'code') saveCodeStep(storage, key, step);
  else if (step.name !== 'registering') clearCodeStep(storage, key);
}
