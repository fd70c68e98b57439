/**
 * The gateway's mobile-number patterns (`extend` in the country list), read as
 * a small language of their own and never compiled as regular expressions: a
 * hostile or broken gateway could otherwise send one that backtracks for
 * seconds at every keystroke and freezes the whole partner page.
 *
 * Understood: `^`, `$`, a digit, `\d`, a class of digits and digit ranges
 * (`[3-9]`, `[135]`), each optionally followed by `?`, `*`, `+`, `{n}`, `{n,}` or
 * `{n,m}`; at most 32 of them. Every pattern the platform was seen to send has
 * that form (`^1[3-9]\d{9}$`). Anything else is not understood, and the
 * country is checked by libphonenumber alone. Matching walks the digits once
 * per run (a set of positions), so its time is bounded by the pattern's and the
 * number's lengths, whatever the pattern.
 */

interface DigitRun {
  /** The digits this run accepts. */
  allowed: string;
  min: number;
  max: number;
}

export interface MobilePattern {
  anchoredStart: boolean;
  anchoredEnd: boolean;
  runs: DigitRun[];
}

const RUN = /(\\d|\d|\[(?:\d(?:-\d)?)+\])(?:([?*+])|\{(\d{1,2})(?:(,)(\d{1,2})?)?\})?/y;
const MAX_RUNS = 32;

/** The pattern in the understood subset, else undefined. */
export function parseMobilePattern(pattern: unknown): MobilePattern | undefined {
  if (typeof pattern !== 'string' || !pattern || pattern.length > 256) return undefined;
  const anchoredStart = pattern.startsWith('^');
  const anchoredEnd = pattern.endsWith('$');
  const body = pattern.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  const runs: DigitRun[] = [];
  RUN.lastIndex = 0;
  while (RUN.lastIndex < body.length) {
    const at = RUN.lastIndex;
    const match = RUN.exec(body);
    if (!match || match.index !== at || runs.length === MAX_RUNS) return undefined;
    const [, atom, sign, low, comma, high] = match;
    const min = sign ? (sign === '+' ? 1 : 0) : low ? Number(low) : 1;
    const max = sign ? (sign === '?' ? 1 : Infinity) : low ? (comma ? (high ? Number(high) : Infinity) : min) : 1;
    if (min > max) return undefined;
    runs.push({ allowed: digitsOf(atom), min, max });
  }
  return runs.length ? { anchoredStart, anchoredEnd, runs } : undefined;
}

/** The digits an atom accepts: one digit, `\d`, or a class such as `[3-9]` or `[135]`. */
function digitsOf(atom: string): string {
  if (atom === '\\d') return '0123456789';
  if (atom.length === 1) return atom;
  let allowed = '';
  for (const [, from, to = from] of atom.slice(1, -1).matchAll(/(\d)(?:-(\d))?/g)) {
    for (let digit = Number(from); digit <= Number(to); digit++) allowed += digit;
  }
  return allowed;
}

/** Whether the digits match, as `new RegExp(pattern).test(digits)` would for a pattern of the subset. */
export function matchesMobilePattern(pattern: MobilePattern, digits: string): boolean {
  let positions = new Set<number>();
  for (let start = 0; start <= (pattern.anchoredStart ? 0 : digits.length); start++) positions.add(start);
  for (const run of pattern.runs) {
    const next = new Set<number>();
    for (const from of positions) {
      for (let count = 0, at = from; count <= run.max; count++, at++) {
        if (count >= run.min) next.add(at);
        if (at >= digits.length || !run.allowed.includes(digits[at])) break;
      }
    }
    positions = next;
  }
  return pattern.anchoredEnd ? positions.has(digits.length) : positions.size > 0;
}
