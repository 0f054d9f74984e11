/** Arabic has six plural categories; Intl.PluralRules picks the right one. */
export type ArabicForms = Record<Intl.LDMLPluralRule, (n: string) => string>;

/** Built once: a list of thousands of rows asks for plurals on every render. */
const rules = new Intl.PluralRules('ar');
export const arabicNumbers = new Intl.NumberFormat('ar');

/** The form of `forms` that `count` takes, with the count in Arabic digits. */
export const arabicCount = (forms: ArabicForms, count: number) =>
  forms[rules.select(count)](arabicNumbers.format(count));
