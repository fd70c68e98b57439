/**
 * "Did you mean name@gmail.com?": the likely intended address when the domain
 * of a typed one is a near miss of a large mail provider's (gmial.com,
 * hotmial.com, yaho.com) or ends in a mistyped .com / .net / .org (.con,
 * .cmo). Never a verdict: the person may mean exactly what they typed, so the
 * element only offers the other address. Pure, so it is tested on its own.
 */

/** The mail domains most people type, across the markets the element serves. */
const PROVIDER_DOMAINS = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'icloud.com',
  'me.com', 'aol.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.de', 'web.de', 't-online.de', 'yandex.ru',
  'mail.ru', 'qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'naver.com', 'hanmail.net', 'daum.net',
  'yahoo.co.jp', 'orange.fr', 'free.fr', 'libero.it', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'rediffmail.com',
] as const;

/** Top-level domains typed one key off, and the one meant. */
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', vom: 'com', xom: 'com', comm: 'com', coom: 'com', cim: 'com', cpm: 'com',
  nte: 'net', nett: 'net', ner: 'net', ogr: 'org', orgg: 'org',
};

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, or more than `limit` as soon as that is certain. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    if (Math.min(...current) > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The address the person probably meant, or undefined when the typed one
 * looks intended (a known domain, or nothing close to one). Only the domain
 * changes; what is before the @ stays as typed.
 */
export function suggestEmail(typed: string): string | undefined {
  const at = typed.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = typed.slice(0, at);
  const domain = typed.slice(at + 1).trim().toLowerCase();
  if (!domain || (PROVIDER_DOMAINS as readonly string[]).includes(domain)) return undefined;
  // A near miss of a provider: one edit for short domains, two for longer ones.
  let best: { domain: string; distance: number } | undefined;
  for (const known of PROVIDER_DOMAINS) {
    const limit = known.length >= 9 ? 2 : 1;
    const distance = editDistance(domain, known, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { domain: known, distance };
  }
  if (best) return `${local}@${best.domain}`;
  // Any other domain: only a mistyped .com / .net / .org is corrected.
  const dot = domain.lastIndexOf('.');
  const meant = dot > 0 ? TLD_TYPOS[domain.slice(dot + 1)] : undefined;
  return meant ? `${local}@${domain.slice(0, dot + 1)}${meant}` : undefined;
}
