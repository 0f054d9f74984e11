import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

/**
 * Phone numbers as the inbox stores and compares them: E.164 in the country's current form.
 * The default (min) metadata of libphonenumber-js, the same the browser loads, so both sides
 * agree on what is valid.
 */
export interface PhoneInfo {
  /** The current E.164 form (national variants rewritten), what is stored and compared. */
  e164: string;
  /** ISO 3166-1 alpha-2, null for numbers of no country (e.g. +800). */
  country: string | null;
  valid: boolean;
}

/**
 * Ranges reserved for drama by their regulators: valid for the demo and tests although no
 * carrier serves them (libphonenumber calls them invalid). Ofcom: 07700 900000–900999.
 */
const FICTION: readonly { pattern: RegExp; country: string }[] = [
  { pattern: /^\+447700900\d{3}$/, country: 'GB' },
];

/**
 * National variants real users still type, rewritten to the current form:
 * - Brazil added a ninth digit (a 9) after the two-digit area code to every mobile number
 *   (2012–2016); an 8-digit subscriber number starting 6–9 is a mobile number in the old form.
 * - Mexico dropped the `1` that mobile numbers carried after +52 (2019).
 */
export function canonicalPhone(e164: string): string {
  const br = /^\+55([1-9]\d)([6-9]\d{7})$/.exec(e164);
  if (br) return `+55${br[1]}9${br[2]}`;
  const mx = /^\+521(\d{10})$/.exec(e164);
  if (mx) return `+52${mx[1]}`;
  return e164;
}

export function phoneInfo(raw: string): PhoneInfo {
  const e164 = canonicalPhone(raw.trim());
  const fiction = FICTION.find((f) => f.pattern.test(e164));
  if (fiction) return { e164, country: fiction.country, valid: true };
  const parsed = parsePhoneNumberFromString(e164);
  return { e164, country: parsed?.country ?? null, valid: parsed?.isValid() ?? false };
}

/** Where a calling code is at home when several countries share it (+1, +7, +44 …). */
const MAIN_COUNTRY: Record<string, CountryCode> = {
  '1': 'US',
  '7': 'RU',
  '44': 'GB',
  '47': 'NO',
  '61': 'AU',
  '212': 'MA',
  '358': 'FI',
};

/**
 * The country an invalid number was meant for, from its calling code, so the error can say
 * "not a valid phone number for the United Kingdom"; null when the code is no country's.
 */
export function intendedCountry(e164: string): string | null {
  const code = parsePhoneNumberFromString(e164)?.countryCallingCode;
  if (!code) return null;
  if (MAIN_COUNTRY[code]) return MAIN_COUNTRY[code];
  const countries = getCountries().filter((c) => getCountryCallingCode(c) === code);
  return countries.length === 1 ? countries[0]! : null;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });
/** Countries whose English name takes "the" inside a sentence. */
const WITH_THE = new Set([
  'GB',
  'US',
  'AE',
  'NL',
  'PH',
  'DO',
  'BS',
  'GM',
  'CF',
  'KM',
  'MV',
  'SC',
  'MH',
  'SB',
  'VA',
]);

/** "the United Kingdom", "Brazil" — a country as it sits in a sentence. */
export function countryName(code: string | null): string {
  if (!code) return "this number's country";
  let name: string;
  try {
    name = REGION_NAMES.of(code) ?? code;
  } catch {
    name = code;
  }
  return WITH_THE.has(code) ? `the ${name}` : name;
}
