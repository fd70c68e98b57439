/**
 * The gateway an element talks to, from its options: read the same way by the
 * element (the first render, the early country list) and by the registration
 * chunk.
 */
import type { AccountChannel } from './contract.js';
import type { GatewayConfig } from './transport.js';

interface GatewayOptions {
  companyId: string;
  host: string;
  requestTimeout: number;
}

/** The gateway's origin: `host`, else the page's own (a gateway behind the site's proxy). */
export const gatewayHostOf = ({ host }: Pick<GatewayOptions, 'host'>): string => host.trim() || location.origin;

/** Which option keeps the element from working (`company-id` or `host`), or undefined. */
export function configProblemOf(options: GatewayOptions): 'company-id' | 'host' | undefined {
  if (!options.companyId.trim()) return 'company-id';
  const host = gatewayHostOf(options);
  // URL.canParse and the protocol check in one: anything but http(s) is refused.
  return /^https?:\/\/[^/]/i.test(host) && URL.canParse(host) ? undefined : 'host';
}

/** The gateway, company, language and timeout every call carries. */
export function gatewayConfigOf(options: GatewayOptions, lang: string): GatewayConfig {
  const timeoutMs = options.requestTimeout > 0 ? options.requestTimeout : undefined;
  return { host: gatewayHostOf(options), companyId: options.companyId.trim(), lang, timeoutMs };
}

/** The `methods` offered, valid ones only, in the site's order; e-mail if none is valid. */
export function offeredMethodsOf(methods: string): AccountChannel[] {
  const valid = methods.toLowerCase().match(/\b(email|phone)\b/g) as AccountChannel[] | null;
  return valid ? [...new Set(valid)] : ['email'];
}
