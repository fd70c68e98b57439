// The checks the contract's calls share: the account type, e-mail and phone
// accounts (normalized to the form they are stored under), and register's
// optional fields. Each throws a Refusal in the caller's language.
import { acceptedCountries } from '../countries.mjs';
import { CODES, Refusal } from '../refusal.mjs';

const EMAIL = /^[^\s@"<>()[\],;:\\\p{Cc}\p{Cf}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;

export function requireType(body, ctx, allowed) {
  const type = body.type;
  if (type === undefined) throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired('type'));
  if (!Number.isInteger(type) || type < 1 || type > 3 || !allowed.includes(type)) {
    throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('type'));
  }
  return type;
}

export function normalizeEmail(value, ctx) {
  const email = value.trim();
  if (email.length > 254 || !EMAIL.test(email)) throw new Refusal(CODES.paramInvalid, ctx.m.emailInvalid);
  return email.toLowerCase();
}

/**
 * A phone account as `+86 13800000000`. The area code must be one the gateway
 * knows and the national number must match the mobile pattern (`extend`) of a
 * country with that code, where it has one. The body's `country` is the
 * country of residence, which need not be the number's (an expatriate keeps a
 * number from home), so it does not decide which numbers are valid.
 */
export function normalizePhone(national, phoneArea, ctx) {
  const matching = acceptedCountries.filter((c) => `+${c.countryCode}` === phoneArea);
  const valid = /^\d{4,15}$/.test(national) && matching.some((c) => !c.extend || new RegExp(c.extend).test(national));
  if (!valid) throw new Refusal(CODES.paramInvalid, ctx.m.phoneInvalid);
  return `${phoneArea} ${national}`;
}

export function normalizeLogin(type, loginName, body, ctx) {
  if (type === 1) return normalizeEmail(loginName, ctx);
  const area = body.phoneArea;
  if (typeof area !== 'string' || !/^\+\d{1,4}$/.test(area)) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('phoneArea'));
  return normalizePhone(loginName.trim(), area, ctx);
}

export function validateOptionalFields(body, ctx) {
  const optionalStrings = ['lang', 'phoneArea', 'registerDevice', 'utmSource', 'utmMedium', 'utmCampaign', 'utmContent', 'utmTerm', 'thirdServerCode', 'thirdServerSource', 'emailArea'];
  for (const name of optionalStrings) {
    if (body[name] !== undefined && (typeof body[name] !== 'string' || body[name].length > 256)) {
      throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
    }
  }
  if (body.openAccountType !== undefined && body.openAccountType !== 0 && body.openAccountType !== 1) {
    throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('openAccountType'));
  }
  if (body.pwd !== undefined && !(typeof body.pwd === 'string' && /^[0-9a-f]{32}$/i.test(body.pwd))) {
    throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('pwd'));
  }
  // (seed) int64: a JSON integer (read as a BigInt above), not a string and not out of range.
  const group = body.customerGroupId;
  if (group !== undefined && (typeof group !== 'bigint' || group < -(2n ** 63n) || group >= 2n ** 63n)) {
    throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('customerGroupId'));
  }
  if (body.tradeTypeCurrencyList !== undefined) {
    const list = body.tradeTypeCurrencyList;
    const valid = Array.isArray(list) && list.every((item) => item && typeof item.allCurrency === 'string' && typeof item.tradeType === 'string');
    if (!valid) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid('tradeTypeCurrencyList'));
  }
}
