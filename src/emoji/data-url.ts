/**
 * Where the emoji data lives. The build ships one file of emoji names per locale beside this module
 * (`dist/emoji/` and `dist/cdn/emoji/`); each is named literally, so bundlers that copy
 * `new URL('./file', import.meta.url)` assets copy these too. scripts/emoji-data.mjs reads this
 * list to know which files to build.
 */
const shipped: Record<string, () => URL> = {
  en: () => new URL('./en.json', import.meta.url),
  es: () => new URL('./es.json', import.meta.url),
};

/** The language of the emoji names for a BCP 47 locale: its own when shipped (`es-MX` → `es`), else `en`. */
export function emojiDataLocale(locale: string): string {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  return language in shipped ? language : 'en';
}

/**
 * The data file for a locale: the host's `template` (where `{locale}` stands for the language of
 * the names) or the file shipped beside this module.
 */
export function emojiDataUrl(locale: string, template?: string): string {
  const language = emojiDataLocale(locale);
  if (template) return template.replaceAll('{locale}', language);
  return (shipped[language] ?? shipped['en']!)().href;
}
