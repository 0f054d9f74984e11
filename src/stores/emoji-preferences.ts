import { atom, type ReadableAtom } from 'nanostores';
import type { SessionStore } from './session.js';
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

/** The emoji picker's skin tone and recently used emoji, kept per user (in this browser). */
export function createEmojiPreferences(session: SessionStore, storage: UserStorage): EmojiPreferencesStore {
  const $tone = atom<EmojiSkinTone>(0);
  const $recent = atom<readonly string[]>([]);
  let userId: string | undefined;

  const save = (): void => {
    if (userId) storage.write(userId, STORAGE_NAME, { tone: $tone.get(), recent: $recent.get() });
  };

  const stopFollowingUser = session.$me.subscribe((me) => {
    const id = me?.user.id;
    if (id === userId) return;
    userId = id;
    const stored = id ? storage.read(id, STORAGE_NAME) : undefined;
    const saved = isRecord(stored) ? stored : {};
    $tone.set(isTone(saved['tone']) ? saved['tone'] : 0);
    const recent = Array.isArray(saved['recent']) ? saved['recent'] : [];
    $recent.set(recent.filter((e): e is string => typeof e === 'string').slice(0, RECENT_EMOJI_LIMIT));
  });

  return {
    $tone,
    $recent,
    setTone(tone) {
      $tone.set(tone);
      save();
    },
    remember(emoji) {
      $recent.set([emoji, ...$recent.get().filter((e) => e !== emoji)].slice(0, RECENT_EMOJI_LIMIT));
      save();
    },
    dispose: stopFollowingUser,
  };
}
