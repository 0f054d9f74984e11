// Phone numbers as people type them, parsed with libphonenumber-js (its compact metadata). This
// module is a lazy chunk: only a page where someone types a number loads it (see load-phone.ts).
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';

export type { CountryCode };

/** Why a typed number cannot be a phone number (the i18n layer words it). */
export type PhoneProblem = 'phone-empty' | 'phone-unreadable' | 'phone-too-short' | 'phone-too-long';

export interface ParsedPhone {
  /** E.164, when the number has a possible length for its country. */
  e164: string | null;
  /** The number's country: from a leading + and calling code, else the one chosen. */
  country: CountryCode | null;
  /** What is wrong with it, or null. Whether the number exists is the server's to say. */
  problem: PhoneProblem | null;
  /** The number as the country writes it, for showing back to the user. */
  formatted: string;
}

/**
 * Parses what someone typed, in international form (+…) or national form for `country`. Only a
 * wrong length or unreadable input is refused here: the server checks the number really exists
 * (and knows the ranges reserved for drama that libphonenumber calls invalid).
 */
export function parsePhone(input: string, country?: CountryCode): ParsedPhone {
  // Mexico dropped the 1 that mobile numbers carried after +52 (2019); people still type it.
  const text = input.trim().replace(/^\+\s*52\s*1(?=(?:[\s-]*\d){10}$)/, '+52');
  if (!text) return { e164: null, country: country ?? null, problem: 'phone-empty', formatted: '' };
  const parsed = parsePhoneNumberFromString(text, country);
  const length = validatePhoneNumberLength(text, country);
  const problem: PhoneProblem | null =
    length === 'TOO_SHORT'
      ? 'phone-too-short'
      : length === 'TOO_LONG'
        ? 'phone-too-long'
        : !parsed || length
          ? 'phone-unreadable'
          : null;
  // A number outside every carrier's range (a drama range) has no country of its own: its
  // calling code's first country stands in (+44 → GB).
  const detected = parsed
    ? (parsed.country ?? parsed.getPossibleCountries()[0] ?? null)
    : text.startsWith('+')
      ? null
      : (country ?? null);
  return {
    e164: parsed && !problem ? parsed.number : null,
    country: detected,
    problem,
    formatted: parsed ? parsed.formatInternational() : text,
  };
}

/** Formats as someone types, for the country chosen (international when it starts with +). */
export function formatTyping(input: string, country?: CountryCode): string {
  return new AsYouType(country).input(input);
}

/** Every country with its calling code, for a country picker. */
export function phoneCountries(): { code: CountryCode; callingCode: string }[] {
  return getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) }));
}

export function isCountryCode(value: string): value is CountryCode {
  return (getCountries() as string[]).includes(value);
}
