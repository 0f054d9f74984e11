// Country names in the user's language (Intl.DisplayNames), as they sit in a sentence.
import type { ResolvedLocale } from './index.js';

const displayNames = new Map<string, Intl.DisplayNames>();

/** "United Kingdom", "Reino Unido", "المملكة المتحدة": a region code in the locale's words. */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // Not a well-formed region code.
  }
}

/** "the United Kingdom" inside an English sentence; "this number's country" when there is none. */
export function countryInSentence(code: string | null, resolved: ResolvedLocale): string {
  const { messages: m, locale } = resolved;
  return code ? m.newConversationCountryIn(countryName(code, locale), code) : m.newConversationSomeCountry;
}
