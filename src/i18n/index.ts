import { en, type Catalogue } from './en.js';

export type { Catalogue };

/**
 * English is built in; every other catalogue loads on first use, so a page pays only for the
 * languages it shows.
 */
const loaders: Record<string, () => Promise<Catalogue>> = {
  es: () => import('./es.js').then((m) => m.es),
  ar: () => import('./ar.js').then((m) => m.ar),
};
const loaded: Record<string, Catalogue> = { en };
const loading = new Map<string, Promise<Catalogue>>();

/** Locales written right to left; the elements set `dir="rtl"` for these unless the host set `dir`. */
const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale<C extends Catalogue = Catalogue> {
  /** The BCP 47 tag to format dates and numbers with. */
  locale: string;
  messages: C;
  dir: 'ltr' | 'rtl';
  /** False while the language's catalogue is still loading (English stands in meanwhile). */
  complete: boolean;
}

const languageOf = (locale: string): string => locale.toLowerCase().split('-')[0] ?? 'en';

/**
 * Picks the catalogue for a BCP 47 tag by its language (`es-MX` → `es`), falling back to English
 * for a language we do not have, and standing in with English while one we have is loading.
 */
export function resolveLocale(tag: string | undefined): ResolvedLocale {
  const locale = tag || 'en';
  const language = languageOf(locale);
  const messages = loaded[language];
  return {
    locale,
    messages: messages ?? en,
    dir: rtlLanguages.has(language) ? 'rtl' : 'ltr',
    complete: messages !== undefined || !(language in loaders),
  };
}

/** Loads the catalogue of a tag's language (once) and resolves the locale with it. */
export async function loadLocale(tag: string | undefined): Promise<ResolvedLocale> {
  const language = languageOf(tag || 'en');
  const load = loaders[language];
  if (load && !loaded[language]) {
    let pending = loading.get(language);
    if (!pending) {
      pending = load().then((catalogue) => (loaded[language] = catalogue));
      loading.set(language, pending);
    }
    await pending;
  }
  return resolveLocale(tag);
}

/** The locales with a complete catalogue. */
export const supportedLocales = ['en', ...Object.keys(loaders)];

const installed = new WeakSet<object>();

/**
 * The locale with the words of one part of the library (the timeline, the composer, the Details,
 * the New conversation dialog, the access screens). Their English comes with the module that shows
 * them and joins the English catalogue here; the other languages' catalogues carry them already.
 */
export function withWords<W extends object>(
  resolved: ResolvedLocale,
  english: W,
): ResolvedLocale<Catalogue & W> {
  if (!installed.has(english)) {
    installed.add(english);
    Object.assign(en, english);
  }
  return resolved as ResolvedLocale<Catalogue & W>;
}
