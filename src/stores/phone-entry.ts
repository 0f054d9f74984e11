import { atom, type ReadableAtom } from 'nanostores';
import type { Contact } from '../api/types.js';
import { loadPhone, type PhoneModule } from '../phone/load-phone.js';
import type { CountryCode, ParsedPhone } from '../phone/phone.js';
import type { ContactsStore } from './contacts.js';
import type { Timers } from './context.js';

export interface PhoneEntryState {
  /** What the user typed. */
  input: string;
  /** The country a national number is read in: chosen, detected from a +…, or the default. */
  country: CountryCode | null;
  /** Null until the parser has loaded (it is a lazy chunk). */
  parsed: ParsedPhone | null;
  /** Every country with its calling code, for the picker (empty until the parser has loaded). */
  countries: { code: CountryCode; callingCode: string }[];
  /** Another contact that already has this number (national variants included), if any. */
  match: { status: 'idle' | 'looking' | 'found' | 'none'; contact: Contact | null };
  /** The parser could not be loaded (offline): the server will still check the number. */
  unavailable: boolean;
}

export interface PhoneEntry {
  $state: ReadableAtom<PhoneEntryState>;
  setInput(text: string): void;
  /** Chooses the country national numbers are read in (ignored when it is no country). */
  setCountry(code: string): void;
  /** Resolves once the current input is parsed and looked up (for actions and tests). */
  settled(): Promise<PhoneEntryState>;
  dispose(): void;
}

export interface PhoneEntryOptions {
  contacts: Pick<ContactsStore, 'findByPhone'>;
  timers: Timers;
  /** What the field starts with. */
  input?: string;
  /** The country before anything says otherwise: usually the region of the user's locale. */
  defaultCountry?: string | null;
  /** A contact that may have this number without it being "another" one (the one being edited). */
  ownContactId?: string;
  lookupDelayMs?: number;
}

/**
 * The model of a phone field: parses as the user types (loading libphonenumber-js on first use),
 * follows the country of an international number, and looks up whether another contact already
 * has the number, so a dialog can offer that contact instead of creating a duplicate.
 */
export function createPhoneEntry(options: PhoneEntryOptions): PhoneEntry {
  const { contacts, timers } = options;
  const $state = atom<PhoneEntryState>({
    input: options.input ?? '',
    country: null,
    parsed: null,
    countries: [],
    match: { status: 'idle', contact: null },
    unavailable: false,
  });
  let phone: PhoneModule | undefined;
  let chosen: CountryCode | null = null;
  let lookupTimer: unknown;
  let lookup: Promise<unknown> = Promise.resolve();
  let finishLookup: () => void = () => undefined;
  let generation = 0;
  let disposed = false;

  const patch = (next: Partial<PhoneEntryState>): void => {
    if (!disposed) $state.set({ ...$state.get(), ...next });
  };

  function parse(): void {
    if (!phone) return;
    const { input } = $state.get();
    const base =
      chosen ??
      (options.defaultCountry && phone.isCountryCode(options.defaultCountry)
        ? options.defaultCountry
        : undefined);
    const parsed = phone.parsePhone(input, base);
    // A number typed with its + decides the country; a national one is read in the chosen one.
    const country = input.trim().startsWith('+') ? (parsed.country ?? base ?? null) : (base ?? null);
    patch({ parsed, country });
    scheduleLookup(parsed.e164);
  }

  function scheduleLookup(e164: string | null): void {
    const run = ++generation;
    timers.clearTimeout(lookupTimer);
    finishLookup(); // A lookup replaced before it ran is settled too.
    if (!e164) return patch({ match: { status: 'idle', contact: null } });
    patch({ match: { status: 'looking', contact: null } });
    let finish!: () => void;
    lookup = new Promise<void>((resolve) => (finish = resolve));
    finishLookup = finish;
    lookupTimer = timers.setTimeout(async () => {
      const contact = await contacts.findByPhone(e164).catch(() => null);
      if (run === generation) {
        const other = contact && contact.id !== options.ownContactId ? contact : null;
        patch({ match: { status: other ? 'found' : 'none', contact: other } });
      }
      finish();
    }, options.lookupDelayMs ?? 300);
  }

  const ready = loadPhone().then(
    (module) => {
      phone = module;
      patch({ countries: module.phoneCountries() });
      parse();
    },
    () => patch({ unavailable: true }),
  );

  return {
    $state,
    setInput(text) {
      patch({ input: text });
      parse();
    },
    setCountry(code) {
      if (!phone?.isCountryCode(code)) return;
      chosen = code;
      parse();
    },
    async settled() {
      await ready;
      await lookup;
      return $state.get();
    },
    dispose() {
      disposed = true;
      generation++;
      timers.clearTimeout(lookupTimer);
      finishLookup();
    },
  };
}
