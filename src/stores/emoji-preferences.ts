import { computed, type ReadableAtom } from 'nanostores';
import type { SessionStore } from './session.js';
import { createUserRecord } from './user-record.js';
import { isRecord, type UserStorage } from './user-storage.js';

/** A skin tone: 0 is the default (yellow) emoji, 1 to 5 light to dark. */
export type EmojiSkinTone = 0 | 1 | 2 | 3 | 4 | 5;

export interface EmojiPreferencesStore {
  /** The skin tone the user last chose for emoji that take one. */
  $tone: ReadableAtom<EmojiSkinTone>;
  /** The emoji the user picked (without skin tone), newest first, at most `RECENT_EMOJI_LIMIT`. */
  $recent: ReadableAtom<readonly string[]>;
  setTone(tone: EmojiSkinTone): void;
  /** Puts a picked emoji first among the recently used. */
  remember(emoji: string): void;
  dispose(): void;
}

export const RECENT_EMOJI_LIMIT = 24;
const STORAGE_NAME = 'emoji';

const isTone = (value: unknown): value is EmojiSkinTone =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5;

interface EmojiPreferences {
  tone: EmojiSkinTone;
  recent: readonly string[];
}

function parse(stored: unknown): EmojiPreferences {
  const saved = isRecord(stored) ? stored : {};
  const recent = Array.isArray(saved['recent']) ? saved['recent'] : [];
  return {
    tone: isTone(saved['tone']) ? saved['tone'] : 0,
    recent: recent.filter((e): e is string => typeof e === 'string').slice(0, RECENT_EMOJI_LIMIT),
  };
}

/** The emoji picker's skin tone and recently used emoji, kept per user (in this browser). */
export function createEmojiPreferences(session: SessionStore, storage: UserStorage): EmojiPreferencesStore {
  const record = createUserRecord(session, storage, STORAGE_NAME, parse);
  const $preferences = record.$value;
  return {
    $tone: computed($preferences, (p) => p.tone),
    $recent: computed($preferences, (p) => p.recent),
    setTone(tone) {
      record.set({ ...$preferences.get(), tone });
    },
    remember(emoji) {
      const { recent } = $preferences.get();
      record.set({
        ...$preferences.get(),
        recent: [emoji, ...recent.filter((e) => e !== emoji)].slice(0, RECENT_EMOJI_LIMIT),
      });
    },
    dispose: record.dispose,
  };
}
