/**
 * Test helpers that talk to the reference gateway the test runner started:
 * its URL, its dev inbox, request log, stored customers and fault injection.
 */
import type { GatewayConfig } from '../../src/core/gateway/transport.js';

let url: Promise<string> | undefined;

export function gatewayUrl(): Promise<string> {
  url ??= fetch('/__test-env')
    .then((response) => response.json())
    .then((env: { gatewayUrl: string }) => env.gatewayUrl);
  return url;
}

/** A company id of its own for each test, so tests never see each other's data or faults. */
export function uniqueCompanyId(label = 'test'): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export async function testConfig(companyId = uniqueCompanyId(), lang = 'en-US'): Promise<GatewayConfig> {
  return { host: await gatewayUrl(), companyId, lang };
}

async function dev<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${await gatewayUrl()}/__dev${path}`, init);
  if (!response.ok) throw new Error(`dev endpoint ${path}: HTTP ${response.status}`);
  return response.json();
}

export interface LoggedRequest {
  call: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  /** The request body exactly as it arrived. */
  raw: string;
}

export function requestsOf(companyId: string, call?: string): Promise<LoggedRequest[]> {
  const query = new URLSearchParams({ companyId, ...(call ? { call } : {}) });
  return dev(`/requests?${query}`);
}

export interface StoredCustomer {
  customerNo: string;
  email: string;
  underReview: boolean;
  registerBody: Record<string, unknown>;
}

export function customersOf(companyId: string): Promise<StoredCustomer[]> {
  return dev(`/customers?companyId=${encodeURIComponent(companyId)}`);
}

/** The newest code the gateway sent to `to` for this company. */
export async function latestCode(companyId: string, to: string): Promise<string> {
  const inbox = await dev<{ to: string; code: string }[]>(`/inbox?companyId=${encodeURIComponent(companyId)}`);
  const entry = inbox.find((item) => item.to === to);
  if (!entry) throw new Error(`no code was sent to ${to}`);
  return entry.code;
}

/** `lost`: the gateway does the work, then the answer is lost (`mode`: `truncate`, `drop` or `hang`). */
export type FaultKind = 'delay' | 'hang' | 'drop' | 'http' | 'non-json' | 'no-envelope' | 'refuse' | 'lost';

export function injectFault(
  companyId: string,
  call: 'countryList' | 'checkStatus' | 'sendCode' | 'register' | 'config',
  kind: FaultKind,
  extra: { count?: number; status?: number; msg?: string; delayMs?: number; mode?: 'truncate' | 'drop' | 'hang' } = {},
): Promise<unknown> {
  return dev('/fault', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyId, call, kind, ...extra }),
  });
}

export function expireTickets(companyId: string): Promise<unknown> {
  return dev(`/expire-tickets?companyId=${encodeURIComponent(companyId)}`, { method: 'POST' });
}

/**
 * Turns the gateway's replay of a repeated `trace` (sendCode, register) on or
 * off for one company: off plays a gateway that cannot say what it did.
 */
export function setReplay(companyId: string, on: boolean): Promise<unknown> {
  return dev('/replay', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ companyId, on }),
  });
}
