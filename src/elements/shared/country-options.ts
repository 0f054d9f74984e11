// The country picker's options in the user's language, sorted the way that language sorts.
import { countryName } from '../../i18n/countries.js';
import type { NewConversationLocale } from '../../i18n/new-conversation.en.js';

export interface CountryOption {
  code: string;
  label: string;
}

const cache = new Map<string, CountryOption[]>();

/** Built once per language: some 240 names, looked up and sorted. */
export function countryOptions(
  countries: readonly { code: string; callingCode: string }[],
  { locale, messages }: NewConversationLocale,
): CountryOption[] {
  const key = `${locale} ${countries.length}`;
  let options = cache.get(key);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = countries
      .map(({ code, callingCode }) => ({
        code,
        label: messages.newConversationCountryOption(countryName(code, locale), callingCode),
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
    cache.set(key, options);
  }
  return options;
}

/** The region of a locale (`en-GB` → `GB`, `es` → `ES`): where a national number is read first. */
export function regionOf(locale: string): string | null {
  try {
    return new Intl.Locale(locale).maximize().region ?? null;
  } catch {
    return null;
  }
}
