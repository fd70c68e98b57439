/**
 * Counted strings: the form for a number by the locale's own plural rules
 * (CLDR, through Intl.PluralRules), with the number written in the locale's
 * own digits (Intl.NumberFormat: Persian in `fa-IR`, Bengali in `bn-BD`;
 * Latin in `ar` by current CLDR, Arabic-Indic in `ar-SA`). English has two forms, Polish and Russian four, Arabic six;
 * Chinese, Japanese, Korean, Thai, Vietnamese and Indonesian one.
 * Only the translations (lazy chunks) use it, but it rides in the entry: as a chunk of its own (a few hundred bytes) it cost one more round trip
 * after en-US-later and after every translation, on the way to Send and to the
 * person's language. localize.ts re-exports it, which keeps this module in the entry.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A counted string: call it with the count. Its forms stay readable so the
 * tests can check each locale has every form it needs.
 */
export interface Counted {
  (count: number): string;
  readonly locale: string;
  readonly forms: PluralForms;
}

/** `{n}` in each form is replaced by the count, formatted for the locale. */
export function counted(locale: string, forms: PluralForms): Counted {
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  const format = (count: number): string => {
    rules ??= new Intl.PluralRules(locale);
    numbers ??= new Intl.NumberFormat(locale);
    return (forms[rules.select(count)] ?? forms.other).replace('{n}', numbers.format(count));
  };
  return Object.assign(format, { locale, forms });
}
