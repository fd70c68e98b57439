/**
 * The optional password (`password="optional|required"`): rules shown as the
 * person types, and the seed's MD5 digest, which is all that ever leaves the
 * element. The hashing library is loaded only when a password is sent.
 */

export type PasswordRule = 'length' | 'letter' | 'digit';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

const RULES: Readonly<Record<PasswordRule, (password: string) => boolean>> = {
  length: (password) => password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX,
  letter: (password) => /\p{L}/u.test(password),
  digit: (password) => /\p{Nd}/u.test(password),
};

export const PASSWORD_RULES = Object.keys(RULES) as PasswordRule[];

/** Which rules the password meets. */
export function passwordRuleResults(password: string): Record<PasswordRule, boolean> {
  return { length: RULES.length(password), letter: RULES.letter(password), digit: RULES.digit(password) };
}

export function meetsPasswordRules(password: string): boolean {
  return PASSWORD_RULES.every((rule) => RULES[rule](password));
}

/** (seed) `pwd`: the password as an MD5 hex digest, computed with @noble/hashes. */
export async function passwordDigest(password: string): Promise<string> {
  const [{ md5 }, { bytesToHex, utf8ToBytes }] = await Promise.all([
    import('@noble/hashes/legacy.js'),
    import('@noble/hashes/utils.js'),
  ]);
  return bytesToHex(md5(utf8ToBytes(password)));
}
