import { computed, type ReadableAtom } from 'nanostores';
import type { ConversationSort } from '../api/types.js';
import { isConversationSort } from './conversation-filters.js';
import type { SessionStore } from './session.js';
import { createUserRecord } from './user-record.js';
import { isRecord, type UserStorage } from './user-storage.js';

/** What the signed-in user chose and the inbox remembers (per user, in this browser). */
export interface Preferences {
  sort: ConversationSort;
  /** The space they last opened. */
  spaceId: string | null;
  /** Which collapsible sections they opened or closed, by name. */
  sections: Record<string, boolean>;
}

export interface PreferencesStore {
  /** The order the signed-in user last chose; lists without a pinned sort follow it. */
  $sort: ReadableAtom<ConversationSort>;
  /** The space the user last opened (it may no longer be theirs: check before using it). */
  $spaceId: ReadableAtom<string | null>;
  /** Which collapsible sections are open, by name (unset: the element's default). */
  $sections: ReadableAtom<Record<string, boolean>>;
  /** Remembers the order for this user and re-sorts every following list. */
  setSort(sort: ConversationSort): void;
  rememberSpace(spaceId: string): void;
  setSectionOpen(name: string, open: boolean): void;
  dispose(): void;
}

const DEFAULTS: Preferences = { sort: 'latest', spaceId: null, sections: {} };
const STORAGE_NAME = 'preferences';

function parse(stored: unknown): Preferences {
  if (!isRecord(stored)) return DEFAULTS;
  const sections = isRecord(stored['sections'])
    ? Object.fromEntries(
        Object.entries(stored['sections']).filter(
          (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
        ),
      )
    : {};
  return {
    sort: isConversationSort(stored['sort']) ? stored['sort'] : DEFAULTS.sort,
    spaceId: typeof stored['spaceId'] === 'string' ? stored['spaceId'] : null,
    sections,
  };
}

export function createPreferencesStore(session: SessionStore, storage: UserStorage): PreferencesStore {
  const record = createUserRecord(session, storage, STORAGE_NAME, parse);
  const $preferences = record.$value;
  const change = (patch: Partial<Preferences>): void => record.set({ ...$preferences.get(), ...patch });

  return {
    $sort: computed($preferences, (p) => p.sort),
    $spaceId: computed($preferences, (p) => p.spaceId),
    $sections: computed($preferences, (p) => p.sections),
    setSort: (sort) => change({ sort }),
    rememberSpace(spaceId) {
      if ($preferences.get().spaceId !== spaceId) change({ spaceId });
    },
    setSectionOpen(name, open) {
      change({ sections: { ...$preferences.get().sections, [name]: open } });
    },
    dispose: record.dispose,
  };
}
