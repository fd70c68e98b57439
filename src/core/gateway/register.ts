/** The register call (seed: register-interface.txt): creates the customer. */
import { areaFieldOf, MANUAL_REVIEW_CODE, REGISTER_TYPE } from './contract.js';
import type { ProofBinding } from './provider-verify.js';
import { callGateway, GatewayRefusal, TransportFailure, type CallOptions, type GatewayConfig } from './transport.js';
import { loginNameOf, type Account, type ThirdPartyAccount } from './account.js';

/** The customer object the gateway returns (seed); the element hands it on whole. */
export interface Customer {
  customerNo: string;
  /** A login token, when the gateway issues one: handed on in the event, never stored. */
  token?: string;
  [field: string]: unknown;
}

/** Register fields the page configures (attribution, grouping and the like); all optional. */
/** The register body's campaign fields (seed), each from the page's `utm_*` or the element's `utm-*`. */
export type UtmField = 'utmSource' | 'utmMedium' | 'utmCampaign' | 'utmContent' | 'utmTerm';

export type Utm = Partial<Record<UtmField, string>>;

export interface RegisterExtras extends Utm {
  registerSource: number;
  lang?: string;
  registerDevice?: string;
  /** int64 as a decimal string, never a JS number. */
  customerGroupId?: string;
  tradeTypeCurrencyList?: { allCurrency: string; tradeType: string }[];
  openAccountType?: 0 | 1;
  /** MD5 hex digest of the password (seed). */
  pwd?: string;
  thirdServerCode?: string;
  thirdServerSource?: string;
}

export type RegisterOutcome =
  | { kind: 'registered'; customer: Customer }
  /** (observed) accepted for manual review: no customer number yet. */
  | { kind: 'under-review'; message: string };

/** The register body for an e-mail or phone registration. */
export function registerBody(account: Account, sendToken: string, verifyCode: string, extras: RegisterExtras) {
  const body: Record<string, unknown> = {
    country: account.country,
    loginName: loginNameOf(account),
    type: REGISTER_TYPE[account.channel],
    verifyCode,
    sendToken,
    ...withoutEmpty(extras),
  };
  return { ...body, ...areaFieldOf(account) };
}

/**
 * The register body for a third-party registration (contract, "Third-party
 * registration"): `type: 3`, the provider as `thirdServerSource`, its verified
 * user id as `thirdServerCode`, the nonce (or state) as `sendToken` and the
 * verify call's single-use ticket as `verifyCode` (never the proof: see
 * `proofMapping`). The provider fields win over an agent referral's, which
 * share the same two fields.
 */
export function thirdPartyRegisterBody(account: ThirdPartyAccount, { sendToken, verifyTicket: verifyCode }: ProofBinding, extras: RegisterExtras) {
  return {
    ...withoutEmpty(extras),
    country: account.country,
    loginName: account.loginName,
    type: REGISTER_TYPE.thirdParty,
    verifyCode,
    sendToken,
    thirdServerSource: account.provider,
    thirdServerCode: account.userId,
    ...areaFieldOf(account),
  };
}

/**
 * Serialises a register body, writing `customerGroupId` (a decimal string) as
 * a bare JSON integer: the seed types it int64, and a JS number would round
 * 9007199254740993 to ...992.
 */
export function encodeRegisterBody(body: Record<string, unknown>): string {
  const { customerGroupId, ...rest } = body;
  const json = JSON.stringify(rest);
  if (typeof customerGroupId !== 'string' || !/^\d{1,19}$/.test(customerGroupId)) return json;
  return `${json.slice(0, -1)}${json === '{}' ? '' : ','}"customerGroupId":${customerGroupId}}`;
}

export async function register(
  config: GatewayConfig,
  body: Record<string, unknown>,
  options: CallOptions = {},
): Promise<RegisterOutcome> {
  const trace = options.trace ?? crypto.randomUUID();
  try {
    const customer = await callGateway<Customer>(config, 'register', encodeRegisterBody(body), { ...options, trace });
    if (!customer || typeof customer.customerNo !== 'string' || !customer.customerNo) {
      throw new TransportFailure('register', trace, 'bad-response');
    }
    return { kind: 'registered', customer };
  } catch (error) {
    if (error instanceof GatewayRefusal && error.code === MANUAL_REVIEW_CODE) {
      return { kind: 'under-review', message: error.gatewayMessage };
    }
    throw error;
  }
}

function withoutEmpty(extras: RegisterExtras): Partial<RegisterExtras> {
  return Object.fromEntries(Object.entries(extras).filter(([, value]) => value !== undefined && value !== ''));
}
