import { atom, type ReadableAtom } from 'nanostores';
import type { ConversationSort } from '../api/types.js';
import type { PreferenceStorage } from './context.js';
import { isConversationSort } from './conversation-filters.js';
import type { SessionStore } from './session.js';

export interface PreferencesStore {
  /** The order the signed-in user last chose; lists without a pinned sort follow it. */
  $sort: ReadableAtom<ConversationSort>;
  /** Remembers the order for this user (in this browser) and re-sorts every following list. */
  setSort(sort: ConversationSort): void;
  dispose(): void;
}

const DEFAULT_SORT: ConversationSort = 'latest';

/** `storage` undefined means localStorage; null keeps preferences in memory only. */
export function createPreferencesStore(
  session: SessionStore,
  storage?: PreferenceStorage | null,
): PreferencesStore {
  const $sort = atom<ConversationSort>(DEFAULT_SORT);
  let userId: string | undefined;

  const key = (id: string): string => `inbox-elements:${id}:sort`;
  // Storage is a nicety: blocked (sandboxed iframe), full, or throwing (Safari private mode) it
  // must never break the inbox, so every access is guarded and failures fall back to memory.
  const target = (): PreferenceStorage | null => {
    if (storage !== undefined) return storage;
    try {
      return globalThis.localStorage;
    } catch {
      return null;
    }
  };
  const read = (id: string): string | null => {
    try {
      return target()?.getItem(key(id)) ?? null;
    } catch {
      return null;
    }
  };
  const write = (id: string, value: string): void => {
    try {
      target()?.setItem(key(id), value);
    } catch {
      // Kept in memory for this session only.
    }
  };

  // Preferences belong to a user, so they are read once the session says who that is.
  const stopFollowingUser = session.$me.subscribe((me) => {
    const id = me?.user.id;
    if (id === userId) return;
    userId = id;
    const stored = id ? read(id) : null;
    $sort.set(isConversationSort(stored) ? stored : DEFAULT_SORT);
  });

  return {
    $sort,
    setSort(sort) {
      $sort.set(sort);
      if (userId) write(userId, sort);
    },
    dispose: stopFollowingUser,
  };
}
