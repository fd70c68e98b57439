/**
 * Resuming after a reload: once a code was sent, the code step (the account,
 * the gateway's ticket and the resend countdown) is kept in sessionStorage,
 * per company and gateway, until the ticket expires or the registration ends.
 * The code itself, passwords and provider proofs are never stored.
 */
import type { Account } from '../gateway/account.js';
import { TICKET_TTL_MS } from '../gateway/contract.js';
import type { CodeStep, Step } from './steps.js';

const PREFIX = 'customer-register:code-step:';

interface Saved {
  account: Account;
  sendToken: string;
  resendAvailableAt: number;
  codesSent: number;
  /** When the gateway's ticket runs out: nothing to resume after that. */
  expiresAt: number;
}

/** The page's sessionStorage, or undefined where reading it throws (sandboxed frames, blocked storage). */
function pageSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Where one element's code step is kept: its company id and gateway. */
export function resumeKey(companyId: string, host: string): string {
  return `${PREFIX}${companyId}|${host}`;
}

function saveCodeStep(storage: Storage | undefined, key: string, step: CodeStep, sentAt: number): void {
  const saved: Saved = {
    account: step.account,
    sendToken: step.sendToken,
    resendAvailableAt: step.resendAvailableAt,
    codesSent: step.codesSent,
    expiresAt: sentAt + TICKET_TTL_MS,
  };
  try {
    storage?.setItem(key, JSON.stringify(saved));
  } catch {
    // No storage: a reload starts over, nothing else changes.
  }
}

function clearCodeStep(storage: Storage | undefined, key: string): void {
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
    !!account &&
    typeof account.country === 'string' &&
    typeof account.dialCode === 'string' &&
    ((account.channel === 'email' && typeof account.email === 'string') ||
      (account.channel === 'phone' && typeof account.nationalNumber === 'string' && typeof account.phoneArea === 'string'))
  );
}

/** The kept code step, if there is one and its ticket is still alive; what comes back from storage is checked. */
export function loadCodeStep(key: string, now: number, storage = pageSessionStorage()): CodeStep | undefined {
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
  const { account, sendToken, resendAvailableAt, codesSent } = saved;
  return { name: 'code', account, sendToken, resendAvailableAt, ticketSpent: false, codesSent };
}

/** Keeps a code step for a reload, and forgets it once the registration ends or starts over. */
export function rememberStep(key: string, step: Step, now: number, storage = pageSessionStorage()): void {
  if (step.name === 'code') saveCodeStep(storage, key, step, now);
  else if (step.name !== 'registering') clearCodeStep(storage, key);
}
