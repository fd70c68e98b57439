// What the reference gateway says "no" with: its error codes, the Refusal that
// becomes an `ok: false` envelope, and the one string check every call uses.
// Kept apart from server.mjs so its parts (server/) and the identity providers
// (identity-providers/) can share them.

/** Gateway error codes this stand-in answers with (the real gateway's are not public). */
export const CODES = {
  headerInvalid: 'GATEWAY_HEADER_INVALID',
  paramInvalid: 'PARAM_INVALID',
  accountExists: 'CUSTOMER_ACCOUNT_EXISTS',
  sendTooFrequent: 'VERIFY_CODE_SEND_TOO_FREQUENT',
  ticketInvalid: 'VERIFY_TOKEN_INVALID',
  ticketExpired: 'VERIFY_CODE_EXPIRED',
  ticketUsed: 'VERIFY_TOKEN_USED',
  codeWrong: 'VERIFY_CODE_ERROR',
  codeLocked: 'VERIFY_CODE_LOCKED',
  underReview: 'CUSTOMER_API_00010001',
  notFound: 'SERVICE_NOT_FOUND',
  injected: 'INJECTED_FAULT',
  // Third-party registration (assumed: the platform documents none).
  thirdNotConfigured: 'THIRD_LOGIN_NOT_CONFIGURED',
  proofInvalid: 'THIRD_LOGIN_PROOF_INVALID',
  proofUsed: 'THIRD_LOGIN_PROOF_USED',
  proofExpired: 'THIRD_LOGIN_PROOF_EXPIRED',
  proofMismatch: 'THIRD_LOGIN_PROOF_MISMATCH',
  // The code-send challenge (assumed, src/gateway/contract.ts): one is needed, or the one sent was refused.
  captchaRequired: 'VERIFY_CODE_CAPTCHA_REQUIRED',
  captchaInvalid: 'VERIFY_CODE_CAPTCHA_INVALID',
};

export class Refusal extends Error {
  /** @param {string} code @param {string} msg @param {unknown} [data] what the refusal's envelope carries as `data` (null by default) */
  constructor(code, msg, data = null) {
    super(msg);
    this.code = code;
    this.data = data;
  }
}

/**
 * A required, non-empty string field. 256 characters is plenty for names,
 * codes and tickets; proofs (ID tokens, SIWE messages, signatures) pass a
 * bigger `maxLength` so that the other fields stay as strict as before.
 */
export function requireString(body, name, ctx, maxLength = 256) {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw new Refusal(CODES.paramInvalid, ctx.m.fieldRequired(name));
  if (typeof value !== 'string' || value.length > maxLength) throw new Refusal(CODES.paramInvalid, ctx.m.fieldInvalid(name));
  return value;
}
