/**
 * Every mapping between this element and the broker gateway that the seed
 * documents do not fix themselves, in one place (../shared/contract.md).
 * Each entry says where it comes from:
 *   (seed)     ../shared/seeds/*.txt
 *   (observed) the platform's public web clients and documentation
 *   (assumed)  this project's own choice where nobody shows one
 * An integrator adapting the element to a gateway that differs changes this
 * file (or passes overrides through the element's properties), not the flows.
 */

import { COUNTRY_LIST_PATH } from './contract-early.js';

/**
 * (seed) the `version` header, (seed) the path prefix, (observed) the country
 * list's root: in contract-early.ts, the entry's share of this file.
 */
export { API_VERSION, DEFAULT_PREFIX, COUNTRY_LIST_PARENT_CODE } from './contract-early.js';

/** The seed's four calls. */
export type CoreCallName = 'countryList' | 'checkStatus' | 'sendCode' | 'register';

/** (observed) the third-party providers `customer.app.CustomerThirdLoginService` knows, by its `thirdSource` names. */
export const THIRD_PARTY_PROVIDERS = ['google', 'facebook', 'twitter', 'telegram', 'apple', 'metamask'] as const;
export type ThirdPartyProvider = (typeof THIRD_PARTY_PROVIDERS)[number];

/**
 * The third-party calls: the provider settings (`config`), one verification per
 * provider, and (assumed) `metamaskNonce`: `{}` answered by `{ nonce }`, the
 * single-use EIP-4361 nonce (8+ letters or digits) the signed message must carry,
 * issued by the gateway so that it, not the browser, decides what is fresh.
 */
export type ThirdPartyCallName = 'config' | `${ThirdPartyProvider}Verify` | 'metamaskNonce';

export type GatewayCallName = CoreCallName | ThirdPartyCallName;

/**
 * Paths after the prefix, as the seeds give them. (observed) the platform's own
 * clients were also seen calling `/global/config.app...` and
 * `/global/customer.app...checkStatus`. A gateway that answers on those changes
 * this table (the one place), or passes `paths` / `prefix` in the
 * GatewayConfig when it uses the client functions directly.
 */
export const DEFAULT_PATHS: Readonly<Record<CoreCallName, string>> = {
  countryList: COUNTRY_LIST_PATH,
  checkStatus: '/cats-gateway/global/customer.app.CustomerWebApiService.checkStatus',
  sendCode: '/global/message.app.VerificationApiService.verifyCodeSend',
  register: '/register/customer.app.CustomerWebApiService.register',
};

/**
 * Path of a third-party call: (observed) `config` and (observed for apple,
 * facebook and google, assumed for the rest) `{provider}Verify`, all on
 * CustomerThirdLoginService below `/global/` (assumed: the documentation shows
 * varying prefixes).
 */
export function thirdPartyPath(call: ThirdPartyCallName): string {
  return `/global/customer.app.CustomerThirdLoginService.${call}`;
}

/**
 * What a provider proved, per provider, as the element holds it until the
 * gateway has verified it.
 */
export type ProviderProof =
  | { provider: 'google'; idToken: string; nonce: string }
  | { provider: 'apple'; idToken: string; code: string; nonce: string }
  | { provider: 'facebook'; accessToken: string; state: string }
  | { provider: 'twitter'; code: string; codeVerifier: string; redirectUri: string; state: string }
  | { provider: 'telegram'; authData: Record<string, string>; state: string }
  | { provider: 'metamask'; address: string; message: string; signature: string; nonce: string };

/**
 * How a proof maps onto the gateway: the `{provider}Verify` body ((observed)
 * appleVerify's `{ companyId, code, idToken }`, facebookVerify's
 * `{ accessToken }`, googleVerify's `{ idToken }`; (assumed) the rest), and
 * `sendToken`, the value (assumed) register carries to bind the registration to
 * what the element asked for: the nonce (or the OAuth `state` where the
 * provider has no nonce). The proof itself goes to the verify call only: register
 * carries the verify call's single-use `verifyTicket` as `verifyCode` instead
 * (see `VERIFY_TICKET_FIELD`), so no live credential (an access token is a bearer
 * token for about an hour) reaches register's logs and stores.
 */
export function proofMapping(proof: ProviderProof, companyId: string): { body: object; sendToken: string } {
  switch (proof.provider) {
    case 'google':
      return { body: { idToken: proof.idToken }, sendToken: proof.nonce };
    case 'apple':
      return { body: { companyId, code: proof.code, idToken: proof.idToken }, sendToken: proof.nonce };
    case 'facebook':
      return { body: { accessToken: proof.accessToken }, sendToken: proof.state };
    case 'twitter': {
      const { code, codeVerifier, redirectUri } = proof;
      return { body: { code, codeVerifier, redirectUri }, sendToken: proof.state };
    }
    case 'telegram':
      return { body: proof.authData, sendToken: proof.state };
    case 'metamask': {
      const { address, message, signature } = proof;
      return { body: { address, message, signature }, sendToken: proof.nonce };
    }
  }
}

/**
 * (assumed) The field of a `{provider}Verify` answer that carries an opaque,
 * single-use ticket for the accepted proof, valid for this company and
 * provider account only; register (`type: 3`) carries it as `verifyCode`. A
 * verify answer with `result: true` and no ticket is unreadable: the element
 * never falls back to re-sending the proof.
 */
export const VERIFY_TICKET_FIELD = 'verifyTicket';

/** (assumed, with register type 3) the `loginName` of a third-party registration: the verified e-mail, else phone, else the provider's user id. */
export function thirdPartyLoginName(verified: { userId: string; email?: string; phone?: string }): string {
  return verified.email || verified.phone || verified.userId;
}

/** (assumed) a verify call's `action` saying the provider account is registered already. */
export const THIRD_PARTY_ACTION_REGISTERED = 'login';

// ---- The code-send challenge (a captcha the gateway asks for before it sends a code) ----

/** (assumed) the challenge providers, by their `captchaType` names. */
export const CAPTCHA_TYPES = ['turnstile', 'hcaptcha', 'recaptcha', 'recaptcha-enterprise', 'geetest'] as const;
export type CaptchaType = (typeof CAPTCHA_TYPES)[number];

/**
 * (assumed) One challenge as the gateway names it: the provider, its public
 * site key (`clientId`, as for the identity providers; GeeTest's captcha id),
 * and where the provider's script is loaded from when not its usual address
 * (`scriptUrl`: reCAPTCHA's `www.recaptcha.net` in mainland China, a
 * stand-in on this machine); `fallback`, another challenge to run when this
 * one's script cannot be loaded.
 */
export interface ChallengeSpec {
  captchaType: CaptchaType;
  clientId: string;
  scriptUrl?: string;
  fallback?: ChallengeSpec;
}

/**
 * (assumed) `config` with `{ thirdSource: CAPTCHA_CONFIG_SOURCE }` answers the
 * company's challenge: a `ChallengeSpec` plus `captchaRequired` (every
 * verifyCodeSend needs a token) and `freeSends` (how many codes one identifier
 * may ask for on one page visit before the element asks for a challenge by
 * itself; default DEFAULT_FREE_CODE_SENDS). A refusal: no challenge is set up.
 */
export const CAPTCHA_CONFIG_SOURCE = 'captcha';
export const DEFAULT_FREE_CODE_SENDS = 3;

/**
 * (assumed) verifyCodeSend refusals: CAPTCHA_REQUIRED_CODE (this send needs a
 * challenge; `data` is the `ChallengeSpec` to run, so the gateway can decide
 * per request), CAPTCHA_INVALID_CODE (the token sent was refused: failed,
 * expired, used before, or not this company's; no code was sent).
 */
export const CAPTCHA_REQUIRED_CODE = 'VERIFY_CODE_CAPTCHA_REQUIRED';
export const CAPTCHA_INVALID_CODE = 'VERIFY_CODE_CAPTCHA_INVALID';

/**
 * (assumed) Where the token goes: verifyCodeSend's body carries `captchaType`
 * and `captchaToken` beside `bizType`, `toUser` and `country`. GeeTest v4
 * answers four fields (`lot_number`, `captcha_output`, `pass_token`,
 * `gen_time`): they travel as one query string in `captchaToken`.
 */
export function captchaFields(captchaType: CaptchaType, token: string): { captchaType: CaptchaType; captchaToken: string } {
  return { captchaType, captchaToken: token };
}

/** (assumed) how long a `sendToken` stays valid on the gateway (the reference gateway's 10 minutes). */
export const TICKET_TTL_MS = 10 * 60_000;

/** (assumed) how long one call may take before it counts as a transport failure. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** (observed) `checkStatus` answers `status: 2` when no such customer exists; anything else means it exists. */
export const STATUS_NO_SUCH_CUSTOMER = 2;

/** The ways a person can register. */
export type AccountChannel = 'email' | 'phone';

/** (seed) register `type`: 1 e-mail, 2 phone; (assumed) 3 third-party. */
export const REGISTER_TYPE = { email: 1, phone: 2, thirdParty: 3 } as const;

/** (observed) `bizType` of the send-code call per channel. */
export const SEND_CODE_BIZ_TYPE: Readonly<Record<AccountChannel, string>> = {
  email: 'EMAIL_REGISTER_VERIFICATION_CODE',
  phone: 'SMS_REGISTER_VERIFICATION_CODE',
};

/** (seed) register `registerSource` values by the seed's names. */
export const REGISTER_SOURCE = {
  H5: 1,
  PC_Web: 2,
  System: 3,
  Android: 4,
  iOS: 5,
  HarmonyOS: 6,
  PC_Win: 7,
  PC_Mac: 8,
  Other: 9,
} as const;

/** (seed) a register source given by number (`2`) or by the seed's name (`PC_Web`, `h5`, also `HOS`). */
export function parseRegisterSource(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^[1-9]$/.test(trimmed)) return Number(trimmed);
  const wanted = trimmed.toLowerCase() === 'hos' ? 'harmonyos' : trimmed.toLowerCase();
  const entry = Object.entries(REGISTER_SOURCE).find(([name]) => name.toLowerCase() === wanted);
  return entry?.[1];
}

/** (seed, observed) `thirdServerSource` of an agent referral. */
export const THIRD_SERVER_SOURCE_AGENT = 'agent';

/**
 * (observed) `code` on register meaning "accepted for manual review": not an
 * error; the element tells the person and fires no `registered`.
 */
export const MANUAL_REVIEW_CODE = 'CUSTOMER_API_00010001';

/**
 * (assumed) refusal codes on register after which the `sendToken` is spent
 * (expired, used, locked after too many wrong codes, or not bound to this
 * account): the person must request a new code rather than retype this one.
 * The real gateway's codes are not public; these are the reference gateway's.
 */
export const DEAD_TICKET_CODES: ReadonlySet<string> = new Set([
  'VERIFY_TOKEN_INVALID',
  'VERIFY_CODE_EXPIRED',
  'VERIFY_TOKEN_USED',
  'VERIFY_CODE_LOCKED',
]);

/**
 * (assumed) refusal codes the element words itself, in the person's language,
 * instead of showing the gateway's `msg` (which may not be in it): a wrong
 * code, an expired code, too many wrong codes, codes asked for too often.
 * Any other refusal shows the gateway's own text. The reference gateway's codes.
 */
export const WORDED_REFUSALS = {
  VERIFY_CODE_ERROR: 'refusalCodeWrong',
  VERIFY_CODE_EXPIRED: 'refusalCodeExpired',
  VERIFY_CODE_LOCKED: 'refusalCodeLocked',
  VERIFY_CODE_SEND_TOO_FREQUENT: 'refusalTooFrequent',
  VERIFY_CODE_CAPTCHA_INVALID: 'challengeFailed',
} as const;

/** (assumed) refusal code meaning the login name is already registered. */
export const ACCOUNT_EXISTS_CODES: ReadonlySet<string> = new Set(['CUSTOMER_ACCOUNT_EXISTS']);

/**
 * (assumed) `trace` is an idempotency key for the calls that do work (sendCode,
 * register): a request repeated with the trace of one whose answer was lost
 * (timeout, reset, unreadable body) gets the first answer again, and nothing
 * is done twice. The element repeats a call with the same trace only then.
 * A gateway that does not replay answers the repeat as a new request; the
 * element then finds out what happened (checkStatus) instead of trusting it.
 */
export const IDEMPOTENT_CALLS: readonly CoreCallName[] = ['sendCode', 'register'];

/**
 * (assumed) register refusal codes saying the ticket was spent by a register
 * that went through: only this element holds the ticket, so a repeat of its
 * own request (its answer lost, or repeated by the browser on a reset
 * connection) is the likely spender; the element then asks checkStatus.
 */
export const TICKET_USED_CODES: ReadonlySet<string> = new Set(['VERIFY_TOKEN_USED']);

/**
 * (assumed) register refusals after which the typed code is of no further use
 * (wrong, expired, used, locked, not this account's, or the account registered
 * meanwhile): the field is cleared for the next code. Any other refusal leaves
 * the code as typed: it is still good in the person's inbox.
 */
export const CODE_SPENT_CODES: ReadonlySet<string> = new Set(['VERIFY_CODE_ERROR', ...DEAD_TICKET_CODES, ...ACCOUNT_EXISTS_CODES]);

/** (assumed) the milliseconds before a new code may be requested; the gateway enforces its own limit. */
export const RESEND_DELAY_MS = 60_000;

/** (seed) openAccountType: 0 individual, 1 enterprise. */
export const OPEN_ACCOUNT_TYPE = { individual: 0, enterprise: 1 } as const;

/** The account types a site may offer: `individual` or `enterprise`. */
export type AccountType = keyof typeof OPEN_ACCOUNT_TYPE;

/**
 * (observed) the area field of a check-status or register body: a phone
 * account sends its `phoneArea`; e-mail and third-party accounts send the
 * chosen country's dial code as `emailArea`, written like phoneArea (`+86`).
 */
export function areaFieldOf(account: { channel: string; dialCode: string; phoneArea?: string }): { phoneArea: string } | { emailArea: string } {
  return account.channel === 'phone' ? { phoneArea: account.phoneArea ?? '' } : { emailArea: phoneAreaOf(account.dialCode) };
}

/**
 * (observed) the `toUser` of an SMS code: dial code without `+`, a space, the national number.
 * (assumed) A phone account's `country`, on verifyCodeSend as on register, is the country of
 * residence the person chose (it follows the number's country until they choose): the seeds
 * and the platform's clients show one `country` per body and never a residence apart from the
 * number. So the number's own country travels only as its dial code, here and in `phoneArea`;
 * a gateway that routed SMS by `country` would want the number's country instead.
 */
export function smsRecipient(dialCode: string, nationalNumber: string): string {
  return `${dialCode.replace(/^\+/, '')} ${nationalNumber}`;
}

/** (seed) `phoneArea` is written `+86` style. */
export function phoneAreaOf(dialCode: string): string {
  return `+${dialCode.replace(/^\+/, '')}`;
}

// ---- ISO 3166: the gateway speaks `ISO_3166_<numeric>`, locales and intl-tel-input
// alpha-2 (the table itself is loaded by iso-table.ts).

/** (observed) the gateway's country codes: `ISO_3166_` and the ISO 3166-1 numeric code. */
export const GATEWAY_COUNTRY_PREFIX = 'ISO_3166_';

/**
 * The name a country list entry is shown by. (observed) an entry carries `name`
 * and `displayName` (`"name": "China", "displayName": "China"`); (assumed)
 * `name` is English and `displayName` the name in the `lang` asked for, the
 * gateway's (its legal team's) word for how the country is called, shown as it
 * is. What wins: the site's own name for the form's language (`countryNames`),
 * then `displayName`, then the browser's name in that language, then `name`.
 * A gateway should send the names people look for ("Hongkong", not
 * CLDR's long "Sonderverwaltungsregion Hongkong": the reference gateway does).
 */
export function shownCountryName(country: { name: string; displayName?: string }, siteName?: string, browserName?: string): string {
  return siteName || country.displayName || browserName || country.name;
}
