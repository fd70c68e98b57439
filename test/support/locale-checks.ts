/**
 * The checks every translation must pass, as plain functions so both the
 * browser test (test/i18n-locales.test.ts) and a translator's quick check from
 * the shell (`node scripts/check-locale.mjs de-DE`) run the same rules.
 *
 * - completeness: the en-US keys, each of the same kind (text, function, counted);
 * - placeholders: a function's arguments all appear in what it returns;
 * - counted strings: a form for every plural category the locale uses for
 *   whole numbers, each showing the count in the locale's digits;
 * - not left in English: no string equal to the en-US one unless the glossary
 *   lists it under `sameAsEnglish`;
 * - terminology: each key term of the glossary appears in every string that
 *   uses that concept, and no word the glossary avoids appears anywhere;
 * - this form registers: no string uses the locale's "open an account" words
 *   (the glossary's `reservedForAfterKyc`), which at a broker name the account
 *   opened after the identity checks, nor says an account is opened or ready;
 * - no developer words in front of a customer: no gateway message the person
 *   reads (demo/gateway/messages/<tag>.mjs) holds ticket, nonce, PKCE, token or
 *   verifier, in English or in the locale's own words (`developerWords`).
 */
import type { Counted } from '../../src/core/i18n/plural.js';

/** One locale's glossary: src/core/i18n/glossary/<tag>.json. */
export interface Glossary {
  locale: string;
  /** The key terms, as this market's bank and broker sites word them. */
  terms: Record<Concept, { term: string; match: string[]; note?: string }>;
  /** Regular expressions (case-insensitive, Unicode) that must match no string. */
  avoid: { pattern: string; why: string }[];
  /** Keys whose text is rightly the same as in English (a brand, a format example). */
  sameAsEnglish?: string[];
  /**
   * Regular expressions (case-insensitive, Unicode) for this market's "open an account" words and "your account is
   * opened/ready": at a broker they name the account opened after the identity checks (the register answer's KYC
   * list), which comes after this form. No string of the widget may match one (all of it is before KYC).
   */
  reservedForAfterKyc: { pattern: string; why: string }[];
  /**
   * Regular expressions for this language's words for ticket, token, nonce, verifier, identifier: developer words
   * that no gateway message the person reads may hold (beside the English ones, DEVELOPER_WORDS).
   */
  developerWords: string[];
  /** Why this form registers and what is reserved for after KYC (the same decision in every glossary; README § Languages). */
  decision?: string;
  /** The choices a native reviewer should confirm (a form of address, a term the decision changed). */
  nativeReview?: string;
}

export type Concept = 'register' | 'signIn' | 'verificationCode' | 'wallet' | 'countryOfResidence';

/**
 * The strings that name each key term in English: a translation must use the
 * glossary's word in each of them.
 */
export const CONCEPT_KEYS: Record<Concept, string[]> = {
  register: ['formLabel', 'createAccount', 'creatingAccount', 'methodLabel', 'reviewTitle', 'startOver', 'otherWay', 'providersLoading', 'providersFailed', 'walletStatement', 'providerSignedInAs', 'walletRejected'],
  signIn: ['signIn', 'accountExistsEmail', 'accountExistsPhone', 'providerAccountExists', 'walletStatement', 'popupBlocked', 'providerSignedInAs', 'providerStateMismatch', 'providerForeignAnswer', 'providerProofMismatch', 'providerRejected', 'providerFailed'],
  verificationCode: ['sendCode', 'codeLabel', 'refusalCodeWrong', 'refusalCodeExpired'],
  wallet: ['walletRejected', 'walletLocked', 'walletUnavailable'],
  countryOfResidence: ['countryLabel', 'countryRequired'],
};

type Strings = Record<string, unknown>;

/** The en-US source's "open an account" words (en-US has no glossary; every other locale lists its own). */
export const EN_RESERVED_FOR_AFTER_KYC: Glossary['reservedForAfterKyc'] = [
  { pattern: '\\bopen(s|ed|ing)? (an |your |the |another |a new )?(trading |brokerage )?account|account[- ]opening', why: 'opening the account comes after the identity checks; this form registers' },
  { pattern: 'account (is|has been) (opened|open|ready|verified|active)', why: 'success says registration is complete; the account is opened after KYC' },
];

/**
 * Developer words no gateway message the person reads may hold, in any language (case-insensitive; inside compounds
 * too, as German writes "Bestätigungsticket"; "verifier" only at a word's end, so Swedish "verifiera" passes).
 */
export const DEVELOPER_WORDS = ['ticket', 'nonce', 'pkce', 'token', 'verifier(?!\\p{L})'];

/**
 * The gateway message keys only a developer reads: a malformed request, an unknown path, and `fail.*`, the
 * technical reason a provider's proof was refused (the element shows `providerRejected` and passes the reason to
 * the console and `register-error`'s `reason`). Every other key can reach the person as the gateway wrote it.
 */
export const DEVELOPER_FACING_GATEWAY_KEYS = ['headerInvalid', 'bodyInvalid', 'fieldRequired', 'fieldInvalid', 'notFound', 'fail'];

const SAMPLE_ARGS = ['ARG_ONE', 'ARG_TWO'];

function isCounted(value: unknown): value is Counted {
  return typeof value === 'function' && 'forms' in value && 'locale' in value;
}

/** Every string of a translation as text (functions called with sample arguments). */
export function textsOf(strings: Strings): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') texts[key] = value;
    else if (isCounted(value)) texts[key] = Object.values(value.forms).join(' | ');
    else if (typeof value === 'function') texts[key] = (value as (...args: unknown[]) => string)(...SAMPLE_ARGS.slice(0, value.length));
  }
  return texts;
}

/** The plural categories a locale uses for the whole numbers 0-1000. */
export function categoriesFor(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>();
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n));
  return used;
}

/** Problems of one translation against the source; empty when it passes. */
export function checkTranslation(tag: string, strings: Strings, source: Strings, glossary?: Glossary): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) {
    if (!(key in strings)) problems.push(`${key}: missing`);
  }
  for (const [key, value] of Object.entries(strings)) {
    const original = source[key];
    if (original === undefined) {
      problems.push(`${key}: not a source key`);
      continue;
    }
    if (isCounted(original)) {
      if (!isCounted(value)) {
        problems.push(`${key}: must be counted('${tag}', { ... })`);
        continue;
      }
      if (value.locale !== tag) problems.push(`${key}: counted for '${value.locale}', not '${tag}'`);
      for (const category of categoriesFor(tag)) {
        if (category !== 'other' && !(category in value.forms)) problems.push(`${key}: no '${category}' form`);
      }
      const rules = new Intl.PluralRules(tag);
      for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 245]) {
        const form = (value.forms as Record<string, string>)[rules.select(n)] ?? value.forms.other;
        if (!form.includes('{n}')) continue; // a form may word its number ("one second")
        const written = new Intl.NumberFormat(tag).format(n);
        if (!value(n).includes(written)) problems.push(`${key}(${n}): does not show ${written}`);
      }
      if (!value.forms.other.includes('{n}')) problems.push(`${key}: the 'other' form must show {n}`);
      continue;
    }
    if (typeof original === 'function') {
      if (typeof value !== 'function') {
        problems.push(`${key}: must be a function of ${original.length} argument(s)`);
        continue;
      }
      const text = (value as (...args: unknown[]) => string)(...SAMPLE_ARGS.slice(0, original.length));
      for (const arg of SAMPLE_ARGS.slice(0, original.length)) {
        if (!text.includes(arg)) problems.push(`${key}: does not show its argument ${arg}`);
      }
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`${key}: must be a string`);
      continue;
    }
    if (!value.trim()) problems.push(`${key}: empty`);
    // intl-tel-input fills these in itself.
    for (const placeholder of (original as string).match(/\$\{\w+\}/g) ?? []) {
      if (!value.includes(placeholder)) problems.push(`${key}: lost the placeholder ${placeholder}`);
    }
  }
  if (!tag.startsWith('en')) {
    const texts = textsOf(strings);
    const sourceTexts = textsOf(source);
    for (const [key, text] of Object.entries(texts)) {
      if (text === sourceTexts[key] && !glossary?.sameAsEnglish?.includes(key)) problems.push(`${key}: still in English`);
    }
  }
  if (glossary) problems.push(...checkTerminology(strings, glossary));
  return problems;
}

/** The glossary's key terms in every string of their concept, and none of its avoided words. */
export function checkTerminology(strings: Strings, glossary: Glossary): string[] {
  const problems: string[] = [];
  const texts = textsOf(strings);
  for (const [concept, keys] of Object.entries(CONCEPT_KEYS) as [Concept, string[]][]) {
    const entry = glossary.terms[concept];
    if (!entry) {
      problems.push(`glossary: no term for ${concept}`);
      continue;
    }
    for (const key of keys) {
      const text = texts[key]?.toLocaleLowerCase(glossary.locale);
      if (text === undefined) continue;
      if (!entry.match.some((word) => text.includes(word.toLocaleLowerCase(glossary.locale)))) {
        problems.push(`${key}: does not use the ${concept} term (${entry.match.join(' / ')}): "${texts[key]}"`);
      }
    }
  }
  for (const { pattern, why } of glossary.avoid) {
    const expression = new RegExp(pattern, 'iu');
    for (const [key, text] of Object.entries(texts)) {
      if (expression.test(text)) problems.push(`${key}: uses /${pattern}/ (${why}): "${text}"`);
    }
  }
  if (!glossary.reservedForAfterKyc?.length) problems.push('glossary: no reservedForAfterKyc list (this market\'s "open an account" words)');
  problems.push(...checkReservedForAfterKyc(strings, glossary.reservedForAfterKyc ?? []));
  return problems;
}

/** No string says "open an account" or "your account is opened/ready": this form registers, KYC comes after. */
export function checkReservedForAfterKyc(strings: Strings, reserved: Glossary['reservedForAfterKyc']): string[] {
  const problems: string[] = [];
  const texts = textsOf(strings);
  for (const { pattern, why } of reserved) {
    const expression = new RegExp(pattern, 'iu');
    for (const [key, text] of Object.entries(texts)) {
      if (expression.test(text)) problems.push(`${key}: says /${pattern}/ before KYC (${why}): "${text}"`);
    }
  }
  return problems;
}

/**
 * No gateway message the person can read holds a developer word: the English ones (DEVELOPER_WORDS) in every
 * language, and the glossary's `developerWords` (its translations: チケット, 티켓, ตั๋ว, biljett, билет, ...).
 */
export function checkGatewayMessages(messages: Strings, glossary?: Glossary): string[] {
  const problems: string[] = [];
  if (glossary && !glossary.developerWords?.length) problems.push("glossary: no developerWords list (this language's ticket, token, ...)");
  const words = [...DEVELOPER_WORDS, ...(glossary?.developerWords ?? [])].map((word) => new RegExp(word, 'iu'));
  for (const [key, value] of Object.entries(messages)) {
    if (DEVELOPER_FACING_GATEWAY_KEYS.includes(key)) continue;
    const text = typeof value === 'function' ? (value as (...args: unknown[]) => string)(...SAMPLE_ARGS.slice(0, value.length)) : value;
    if (typeof text !== 'string') continue;
    for (const word of words) {
      if (word.test(text)) problems.push(`gateway ${key}: holds the developer word ${word} and the person reads it: "${text}"`);
    }
  }
  return problems;
}
