/**
 * Counted strings: the form for a number by the locale's own plural rules
 * (CLDR, through Intl.PluralRules). English has two forms, Russian four,
 * Arabic six; Chinese, Japanese, Korean, Thai, Vietnamese and Indonesian one.
 * Only the translations (lazy chunks) use it.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return forms[rule.select(count)] ?? forms.other;
}
