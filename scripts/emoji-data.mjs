// The emoji data the picker downloads, built from emoji-picker-element-data (emojibase's data, with
// CLDR names for locales emojibase has no names for). One compact JSON file per locale keeps only
// what the picker uses: about a third of the source's gzipped size. Used by the ESM build
// (scripts/copy-emoji-data.mjs), the CDN build (rollup), Storybook (Vite) and the test runner.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dataRoot = dirname(require.resolve('emoji-picker-element-data/package.json'));

/**
 * The locales the picker can ask for, read from the loader itself (`new URL('./en.json', …)`), so
 * the build ships exactly the files the loader names.
 */
export const emojiDataLocales = [
  ...readFileSync(new URL('../src/emoji/data-url.ts', import.meta.url), 'utf8').matchAll(
    /new URL\('\.\/([a-z-]+)\.json', import\.meta\.url\)/g,
  ),
].map(([, locale]) => locale);

/** emojibase's group 2 holds the skin-tone and hair components, not emoji anyone picks. */
const COMPONENT_GROUP = 2;
const MODIFIERS = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];

/** Lower case without diacritics: what search compares (the picker folds queries the same way). */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The usual skin-tone form: the modifier right after the first code point, replacing its VS16. */
function toned(emoji, tone) {
  const [first, ...rest] = [...emoji];
  if (rest[0] === '\uFE0F') rest.shift();
  return first + MODIFIERS[tone - 1] + rest.join('');
}

function sourceFile(locale) {
  for (const flavour of ['emojibase', 'cldr']) {
    const file = join(dataRoot, locale, flavour, 'data.json');
    if (existsSync(file)) return file;
  }
  throw new Error(`emoji-picker-element-data has no emoji names for "${locale}"`);
}

/**
 * One locale's data as the picker reads it: `{ locale, emoji: [[unicode, annotation, group,
 * version, keywords, skins?], …] }` in emojibase order. `keywords` are the folded tag and shortcode
 * words not already in the annotation; `skins` is 1 when every tone takes the usual form, else
 * the five toned forms (light to dark).
 */
export function compactEmojiData(locale) {
  const source = JSON.parse(readFileSync(sourceFile(locale), 'utf8'));
  const emoji = source
    .filter((entry) => entry.group !== undefined && entry.group !== COMPONENT_GROUP)
    .sort((a, b) => a.order - b.order)
    .map((entry) => {
      const named = new Set(words(entry.annotation));
      const keywords = new Set(
        [...(entry.tags ?? []), ...(entry.shortcodes ?? [])].flatMap(words).filter((w) => !named.has(w)),
      );
      const row = [entry.emoji, entry.annotation, entry.group, entry.version, [...keywords].join(' ')];
      if (entry.skins) {
        // Multi-person emoji list every pair of tones; the picker offers one tone for all.
        const skins = [1, 2, 3, 4, 5].map(
          (tone) =>
            entry.skins.find((skin) => [skin.tone].flat().every((t) => t === tone))?.emoji ??
            toned(entry.emoji, tone),
        );
        row.push(skins.every((skin, i) => skin === toned(entry.emoji, i + 1)) ? 1 : skins);
      }
      return row;
    });
  return JSON.stringify({ locale, emoji });
}

/**
 * Emits `<dir>/<locale>.json` for every locale: a Rollup plugin, which Vite (Storybook) also runs,
 * serving the same files from its dev server.
 */
export function emojiDataPlugin({ dir = 'emoji' } = {}) {
  const path = (locale) => `${dir}/${locale}.json`;
  return {
    name: 'inbox-emoji-data',
    generateBundle() {
      for (const locale of emojiDataLocales)
        this.emitFile({ type: 'asset', fileName: path(locale), source: compactEmojiData(locale) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const locale = emojiDataLocales.find((l) => request.url?.split('?')[0] === `/${path(l)}`);
        if (!locale) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(compactEmojiData(locale));
      });
    },
  };
}

/**
 * The same files for @web/test-runner (its dev server), at any path ending in `/emoji/<locale>.json`:
 * `/emoji/en.json`, and `/src/emoji/en.json` where the loader looks by default.
 */
export function emojiDataServePlugin() {
  return {
    name: 'inbox-emoji-data',
    serve(context) {
      const locale = emojiDataLocales.find((l) => context.path.endsWith(`/emoji/${l}.json`));
      if (locale) return { body: compactEmojiData(locale), type: 'json' };
    },
  };
}
