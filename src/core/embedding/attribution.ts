/**
 * Marketing attribution: the `utm_*` parameters of the page URL, the site's
 * `utm-*` attributes, and the visitor's first touch, remembered per site for
 * 30 days so a visitor who lands on a campaign page and registers two pages
 * later is still attributed to that campaign.
 */

import { pageStorage } from '../page-storage.js';
import type { Utm, UtmField } from '../gateway/register.js';

export type { Utm };

/** Register field -> URL parameter. */
export const UTM_PARAMETERS: Readonly<Record<UtmField, string>> = {
  utmSource: 'utm_source',
  utmMedium: 'utm_medium',
  utmCampaign: 'utm_campaign',
  utmContent: 'utm_content',
  utmTerm: 'utm_term',
};

export const FIRST_TOUCH_KEY = 'customer-register:first-touch';
export const FIRST_TOUCH_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** The gateway's limit for these fields. */
const MAX_LENGTH = 256;

/**
 * An attribution value from the URL, an attribute or storage, as the gateway
 * gets it: without control characters (C0, DEL, C1) and without invisible
 * format characters (bidi overrides and isolates, zero-width spaces, BOM), which
 * could make a code read differently in the broker's back office than it is;
 * ZWNJ and ZWJ stay (Persian and other scripts need them). Trimmed, 256 at most.
 */
export function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/(?![\u200c\u200d])[\p{Cc}\p{Cf}]/gu, '').trim();
  return trimmed ? trimmed.slice(0, MAX_LENGTH) : undefined;
}

function isEmpty(utm: Utm): boolean {
  return Object.values(utm).every((value) => value === undefined);
}

/** The utm parameters of a URL query string (`?utm_source=...`). */
export function utmFromUrl(search: string): Utm {
  const params = new URLSearchParams(search);
  const utm: Utm = {};
  for (const [field, parameter] of Object.entries(UTM_PARAMETERS) as [keyof Utm, string][]) {
    const value = clean(params.get(parameter));
    if (value) utm[field] = value;
  }
  return utm;
}

interface StoredTouch {
  utm: Utm;
  at: number;
}

/**
 * The visitor's first campaign touch on this site: the remembered one while it
 * is younger than 30 days, else the current URL's (which is then remembered).
 * Storage that is unavailable (private mode, sandboxed frames) just means no memory.
 */
export function firstTouch(fromUrl: Utm, now: number, storage = pageStorage('localStorage')): Utm {
  let stored: StoredTouch | undefined;
  try {
    const raw = storage?.getItem(FIRST_TOUCH_KEY);
    stored = raw ? (JSON.parse(raw) as StoredTouch) : undefined;
  } catch {
    stored = undefined;
  }
  if (stored && typeof stored.at === 'number' && now - stored.at < FIRST_TOUCH_TTL_MS && stored.utm && !isEmpty(stored.utm)) {
    return utmFromStored(stored.utm);
  }
  if (isEmpty(fromUrl)) return {};
  try {
    storage?.setItem(FIRST_TOUCH_KEY, JSON.stringify({ utm: fromUrl, at: now } satisfies StoredTouch));
  } catch {
    // Full or forbidden storage: attribution still works for this page.
  }
  return fromUrl;
}

/** Only the known fields, cleaned: what comes back from storage is not trusted. */
function utmFromStored(utm: Utm): Utm {
  const result: Utm = {};
  for (const field of Object.keys(UTM_PARAMETERS) as (keyof Utm)[]) {
    const value = clean(typeof utm[field] === 'string' ? utm[field] : undefined);
    if (value) result[field] = value;
  }
  return result;
}

/**
 * The utm fields to register with: the site's attributes win field by field;
 * otherwise the whole set of one touch (the first, when remembering is on, else
 * the current URL), never a mix of two campaigns.
 */
export function resolveUtm(attributes: Utm, touch: Utm): Utm {
  const result: Utm = { ...touch };
  for (const field of Object.keys(UTM_PARAMETERS) as (keyof Utm)[]) {
    const value = clean(attributes[field]);
    if (value) result[field] = value;
  }
  return result;
}

/** The element's own `utm-*` values (each wins over the URL's and the first touch's). */
export function utmOf(attributes: Readonly<Record<UtmField, string>>): Utm {
  return Object.fromEntries(Object.keys(UTM_PARAMETERS).map((field) => [field, attributes[field as UtmField]]));
}
