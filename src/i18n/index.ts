import { ar } from './ar.js';
import { en, type Catalogue } from './en.js';
import { es } from './es.js';

export type { Catalogue };

const catalogues: Record<string, Catalogue> = { en, es, ar };

/** Locales written right to left; the elements set `dir="rtl"` for these unless the host set `dir`. */
const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale {
  /** The BCP 47 tag to format dates and numbers with. */
  locale: string;
  messages: Catalogue;
  dir: 'ltr' | 'rtl';
}

/** Picks the catalogue for a BCP 47 tag by its language (`es-MX` → `es`), falling back to English. */
export function resolveLocale(tag: string | undefined): ResolvedLocale {
  const locale = tag || 'en';
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  return {
    locale,
    messages: catalogues[language] ?? en,
    dir: rtlLanguages.has(language) ? 'rtl' : 'ltr',
  };
}

/** The locales with a complete catalogue. */
export const supportedLocales = Object.keys(catalogues);
