/**
 * The way on for someone whose account exists already: the site's sign-in
 * page (`login-url`), with what they typed and the visit's attribution as
 * query parameters (or, for a `login-url` ending in `#`, in the fragment), so the
 * sign-in form can be prefilled and the campaign and agent are kept. Pure, so it is tested without the DOM.
 */
import type { Account } from '../gateway/account.js';
import type { ThirdPartyProvider } from '../gateway/contract.js';
import type { UtmField } from '../gateway/register.js';
import type { AccountExistsDetail } from './events.js';
import { resolveUtm, UTM_PARAMETERS, utmOf, type Utm } from './attribution.js';
import { agentReferral } from './register-fields.js';

export interface SignInLinkInputs {
  /** The `login-url` attribute, relative to the page or absolute. */
  loginUrl: string;
  /** What the person typed; none for a provider account (the site's sign-in offers that provider). */
  account?: Account;
  utmAttributes: Utm;
  touch: Utm;
  agentCode?: string;
  /** The URL parameter the site's agent links use (`agent-param`); the code goes back under the same name. */
  agentParam?: string;
  /** The page's query string (an agent code in the URL). */
  search: string;
  /** The page's address, that a relative `login-url` is read against. */
  base: string;
  /** Told what is doubtful about the link (it carries what the person typed). */
  warn?: (message: string) => void;
}

/** What the person typed, as a sign-in form takes it: the e-mail address, or the number as `+8613800000000`. */
export function identifierOf(account: Account): string {
  return account.channel === 'email' ? account.email : `${account.phoneArea}${account.nationalNumber}`;
}

/** The sign-in link, or undefined when there is no `login-url` or it is not an http(s) address. */
export function signInUrl(inputs: SignInLinkInputs): string | undefined {
  const raw = inputs.loginUrl.trim();
  if (!raw || !URL.canParse(raw, inputs.base)) return undefined;
  const url = new URL(raw, inputs.base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const page = new URL(inputs.base);
  const doubts = [
    url.protocol === 'http:' && page.protocol === 'https:' && 'is http: (the address would travel unencrypted)',
    (url.username || url.password) && 'carries credentials',
    url.origin !== page.origin && `is on another origin (${url.origin})`,
  ].filter(Boolean);
  if (doubts.length) inputs.warn?.(`login-url ${doubts.join(', ')}, and its link carries what the person typed; end it with # to carry it in the fragment`);
  // `login-url` ending in a fragment (`/login#`): everything goes there, out of server logs, Referer and analytics.
  const inFragment = raw.includes('#');
  const params = inFragment ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
  if (inputs.account) params.set(inputs.account.channel, identifierOf(inputs.account));
  const utm = resolveUtm(inputs.utmAttributes, inputs.touch);
  for (const [field, parameter] of Object.entries(UTM_PARAMETERS) as [keyof Utm, string][]) {
    if (utm[field]) params.set(parameter, utm[field]!);
  }
  const agent = agentReferral(inputs);
  if (agent.thirdServerCode) params.set(inputs.agentParam?.trim() || 'agent_code', agent.thirdServerCode);
  if (inFragment) url.hash = params.toString();
  return url.href;
}

/** The element's properties the link is made of. */
export interface SignInLinkAttributes extends Record<UtmField, string> {
  agentCode: string;
  agentParam: string;
  loginUrl?: string;
}

/** A console warning, once per message. */
type Warn = (message: string) => void;

/** The sign-in link for an element on this page, from its attributes and the visit's first touch. */
export function signInUrlFor(element: SignInLinkAttributes, account: Account | undefined, touch: Utm, warn: Warn): string | undefined {
  return signInUrl({
    loginUrl: element.loginUrl ?? '',
    account,
    utmAttributes: utmOf(element),
    touch,
    agentCode: element.agentCode,
    agentParam: element.agentParam,
    search: location.search,
    base: location.href,
    warn,
  });
}

/**
 * The `account-exists` event's detail: how and as whom the person tried, and the way on offered.
 * A provider account (`provider`, and the name it is known by) gets the site's sign-in page without an identifier.
 */
export function accountExistsDetail(
  element: SignInLinkAttributes,
  tried: Account | { provider: ThirdPartyProvider; loginName: string },
  touch: Utm,
  warn: Warn,
): AccountExistsDetail {
  if ('provider' in tried) return { method: tried.provider, loginName: tried.loginName, loginUrl: signInUrlFor(element, undefined, touch, warn) };
  return { method: tried.channel, loginName: identifierOf(tried), loginUrl: signInUrlFor(element, tried, touch, warn) };
}
