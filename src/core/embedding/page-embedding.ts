/**
 * From the element's attributes to the register fields: gathers what
 * register-fields.ts turns into the seed's optional fields, checks the
 * attributes once, and answers the account-type and password questions of the
 * first step. Part of the lazy registration chunk.
 */
import { REGISTER_SOURCE } from '../gateway/contract.js';
import type { RegisterExtras, UtmField } from '../gateway/register.js';
import type { Translation } from '../i18n/localize.js';
import { utmOf, type Utm } from './attribution.js';
import { describeDevice, isMobileDevice } from './device.js';
import { meetsPasswordRules, passwordDigest } from './password.js';
import { OPEN_ACCOUNT_TYPE, type AccountType } from '../gateway/contract.js';
import { registerExtras } from './register-fields.js';

/** The element's attributes this module reads (the element's public properties). */
export interface EmbeddingAttributes extends Record<UtmField, string> {
  registerSource: string;
  customerGroupId: string;
  agentSource: string;
  agentCode: string;
  agentParam: string;
  accountType: string;
  accountTypes: string;
  password: string;
  methods: string;
  tradeTypeCurrencyList?: RegisterExtras['tradeTypeCurrencyList'];
}

export type PasswordMode = 'none' | 'optional' | 'required';

const isAccountType = (name: string): name is AccountType => name in OPEN_ACCOUNT_TYPE;

export function passwordMode(attributes: Pick<EmbeddingAttributes, 'password'>): PasswordMode {
  return attributes.password === 'optional' || attributes.password === 'required' ? attributes.password : 'none';
}

/** The account types offered for choice (`account-types`), valid ones only. */
export function offeredAccountTypes(attributes: Pick<EmbeddingAttributes, 'accountTypes'>): AccountType[] {
  return [...new Set(attributes.accountTypes.toLowerCase().split(/[\s,]+/).filter(isAccountType))];
}

/** The account type to register: the person's choice, else the site's, else the first offered. */
export function effectiveAccountType(attributes: EmbeddingAttributes, chosen?: AccountType): AccountType | undefined {
  const fixed = attributes.accountType.toLowerCase();
  return chosen ?? (isAccountType(fixed) ? fixed : offeredAccountTypes(attributes)[0]);
}

/** Console warnings for attribute values that cannot be used, saying what to fix. */
export function checkAttributes(attributes: EmbeddingAttributes, warn: (message: string) => void): void {
  if (attributes.accountType && !isAccountType(attributes.accountType.toLowerCase())) {
    warn(`account-type="${attributes.accountType}" is not "individual" or "enterprise"; the gateway's default is used`);
  }
  const unknownMethods = attributes.methods.toLowerCase().split(/[\s,]+/).filter((name) => name && name !== 'email' && name !== 'phone');
  if (unknownMethods.length) warn(`unknown methods "${unknownMethods.join(' ')}" ignored; use "email", "phone" or both`);
  if (!['none', 'optional', 'required'].includes(attributes.password)) {
    warn(`password="${attributes.password}" is not "none", "optional" or "required"; no password is asked`);
  }
}

/** What is wrong with the password, if anything. */
export function passwordProblem(mode: PasswordMode, password: string, t: Translation): string | undefined {
  if (mode === 'none') return undefined;
  if (!password) return mode === 'required' ? t.passwordRequired : undefined;
  return meetsPasswordRules(password) ? undefined : t.passwordWeak;
}

/** (seed) registerSource: 1 H5 on phones and tablets, 2 PC_Web on desktops. */
export function detectRegisterSource(): number {
  return isMobileDevice() ? REGISTER_SOURCE.H5 : REGISTER_SOURCE.PC_Web;
}

export interface RegistrationContext {
  touch: Utm;
  lang: string;
  chosenAccountType?: AccountType;
  password: string;
}

/** Every optional register field, read when registering. Only the password's MD5 digest is included. */
export async function collectRegisterExtras(
  attributes: EmbeddingAttributes,
  context: RegistrationContext,
  warn: (message: string) => void,
): Promise<RegisterExtras> {
  const extras = registerExtras(
    {
      utmAttributes: utmOf(attributes),
      touch: context.touch,
      registerSource: attributes.registerSource,
      detectedRegisterSource: detectRegisterSource(),
      registerDevice: await describeDevice(),
      customerGroupId: attributes.customerGroupId,
      agentSource: attributes.agentSource,
      agentCode: attributes.agentCode,
      agentParam: attributes.agentParam,
      search: location.search,
      accountType: effectiveAccountType(attributes, context.chosenAccountType),
      tradeTypeCurrencyList: attributes.tradeTypeCurrencyList,
      lang: context.lang,
    },
    warn,
  );
  if (passwordMode(attributes) !== 'none' && context.password) extras.pwd = await passwordDigest(context.password);
  return extras;
}
