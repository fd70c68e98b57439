/** Checks on what the person typed, run before any request. Pure functions. */

/**
 * Local part without spaces, quotes, brackets, control or invisible formatting
 * characters (a zero-width space pasted from a web page); a domain of dotted
 * ASCII DNS labels, so a look-alike letter from another script in the domain is refused.
 */
const EMAIL_PATTERN =
  /^[^\s@"<>()[\],;:\\\p{Cc}\p{Cf}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;

export type EmailCheck = { value: string; error?: undefined } | { value: string; error: 'required' | 'invalid' };

export function validateEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (!value) return { value, error: 'required' };
  if (value.length > 254 || !EMAIL_PATTERN.test(value)) return { value, error: 'invalid' };
  return { value };
}

/**
 * A typed or pasted verification code as digits only: spaces and dashes that
 * mail clients and people add are dropped, full-width digits become ASCII, and
 * anything past six digits is cut.
 */
export function normalizeCode(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '')
    .slice(0, 6);
}
