import type { EmojiSkinTone } from '../stores/emoji-preferences.js';

export const skinTones: readonly EmojiSkinTone[] = [0, 1, 2, 3, 4, 5];

export interface EmojiRecord {
  /** The emoji without a skin tone. */
  unicode: string;
  /** Its name in the data's locale ("grinning face"): the accessible name. */
  annotation: string;
  /** emojibase group: 0 smileys, 1 people, 3 animals, 4 food, 5 travel, 6 activities, 7 objects, 8 symbols, 9 flags. */
  group: number;
  /** The Emoji version that introduced it. */
  version: number;
  /** The five toned forms, light to dark, for emoji that take a skin tone. */
  skins?: readonly string[];
  /** Folded words of the name, tags and shortcodes, each preceded by a space. */
  words: string;
}

export interface EmojiData {
  locale: string;
  emoji: readonly EmojiRecord[];
  /** The groups present, in order. */
  groups: readonly number[];
  byUnicode: ReadonlyMap<string, EmojiRecord>;
}

/** Lower case without diacritics, so "corazon" finds "corazón" and "GRIN" finds "grin". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The folded words of a text (letters and digits). */
export const foldedWords = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const MODIFIERS = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];

/** The usual toned form: the modifier right after the first code point, replacing its VS16. */
function toned(unicode: string, tone: number): string {
  const [first = '', ...rest] = [...unicode];
  if (rest[0] === '\uFE0F') rest.shift();
  return first + MODIFIERS[tone - 1] + rest.join('');
}

/** The emoji as shown with a skin tone (emoji without skins ignore it). */
export function withTone(emoji: EmojiRecord, tone: EmojiSkinTone): string {
  return (tone && emoji.skins?.[tone - 1]) || emoji.unicode;
}

type Row = [string, string, number, number, string, (1 | string[])?];

const isRow = (row: unknown): row is Row =>
  Array.isArray(row) &&
  typeof row[0] === 'string' &&
  typeof row[1] === 'string' &&
  typeof row[2] === 'number' &&
  typeof row[3] === 'number' &&
  typeof row[4] === 'string';

/** Reads the compact data scripts/emoji-data.mjs writes; throws on anything else. */
export function parseEmojiData(json: unknown): EmojiData {
  const { locale, emoji: rows } = (json ?? {}) as { locale?: unknown; emoji?: unknown };
  if (typeof locale !== 'string' || !Array.isArray(rows) || !rows.every(isRow))
    throw new TypeError('Not emoji data in the format inbox-elements ships');
  const emoji = rows.map(([unicode, annotation, group, version, keywords, skins]): EmojiRecord => ({
    unicode,
    annotation,
    group,
    version,
    ...(skins && {
      skins: Array.isArray(skins) ? skins : [1, 2, 3, 4, 5].map((tone) => toned(unicode, tone)),
    }),
    words: ` ${foldedWords(annotation).join(' ')} ${keywords}`,
  }));
  return {
    locale,
    emoji,
    groups: [...new Set(emoji.map((e) => e.group))],
    byUnicode: new Map(emoji.map((e) => [e.unicode, e])),
  };
}

/**
 * The emoji whose name, tags or shortcodes have a word starting with each word of the query
 * ("grin fa" finds "grinning face"), in emojibase order; none for an empty query.
 */
export function searchEmoji(data: EmojiData, query: string): EmojiRecord[] {
  const wanted = foldedWords(query).map((word) => ` ${word}`);
  if (wanted.length === 0) return [];
  return data.emoji.filter((emoji) => wanted.every((word) => emoji.words.includes(word)));
}

const loads = new Map<string, Promise<EmojiData>>();

/** Fetches and parses a data file once per URL; a failed load is forgotten so it can be retried. */
export function loadEmojiData(url: string): Promise<EmojiData> {
  let load = loads.get(url);
  if (!load) {
    load = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Emoji data: HTTP ${response.status} for ${url}`);
      return parseEmojiData(await response.json());
    });
    loads.set(url, load);
    load.catch(() => loads.delete(url));
  }
  return load;
}
