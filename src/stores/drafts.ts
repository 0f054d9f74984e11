import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Timers } from './context.js';
import type { SessionStore } from './session.js';
import { isRecord, type UserStorage } from './user-storage.js';
import type { InboxPart } from './inbox-store.js';

/** The composer's two tabs: a message to the contact, or an internal note. */
export type DraftTab = 'message' | 'note';

export interface DraftsStore {
  /**
   * The unsent text of one conversation's tab, the same store for the same pair. A composer that
   * switches conversation subscribes to the new pair; a draft never shows under another conversation.
   */
  $draft(conversationId: string, tab: DraftTab): ReadableAtom<string>;
  get(conversationId: string, tab: DraftTab): string;
  /** Keeps the text as the user types; saved for this user (in this browser) after a short pause. */
  set(conversationId: string, tab: DraftTab, text: string): void;
  /** Saves any change still waiting for its pause (the bundle does this on dispose). */
  flush(): void;
  dispose(): void;
}

/** What the outbox does with drafts; not for elements. */
export interface DraftsOutboxSide {
  /**
   * A send took the text: the composer empties, but the saved draft keeps the text until the
   * server acknowledges it (settle) or refuses it (restore), so it is never only in flight.
   */
  handOff(
    conversationId: string,
    tab: DraftTab,
    clientMessageId: string,
    text: string,
    attachmentIds: readonly string[],
  ): void;
  /** The server has the message: forget the kept text. */
  settle(clientMessageId: string): void;
  /** Puts a text back into the draft (undo, refusal), before anything typed since. */
  restore(conversationId: string, tab: DraftTab, text: string, clientMessageId?: string): void;
  /**
   * Sends handed off whose outbox record was never written (a reload between the two writes): the
   * kept text is all that is left of them, so the outbox sends them again with the same key.
   */
  unsaved(liveClientMessageIds: ReadonlySet<string>): UnsavedSend[];
}

/** A handed-off send as the draft kept it. */
export interface UnsavedSend {
  conversationId: string;
  tab: DraftTab;
  clientMessageId: string;
  text: string;
  attachmentIds: string[];
}

interface Draft {
  text: string;
  /** Texts handed to the outbox and not yet acknowledged. */
  sending: { clientMessageId: string; text: string; attachmentIds?: string[] }[];
}

const STORAGE_NAME = 'drafts';

export function createDraftsStore(
  session: SessionStore,
  storage: UserStorage,
  timers: Timers,
  debounceMs: number,
): DraftsStore & DraftsOutboxSide {
  const drafts = new Map<string, Draft>();
  const atoms = new Map<string, WritableAtom<string>>();
  const dirty = new Set<string>();
  let userId: string | undefined;
  let saveTimer: unknown;

  const keyOf = (conversationId: string, tab: DraftTab): string => `${tab}:${conversationId}`;
  const textOf = (key: string): string => drafts.get(key)?.text ?? '';

  function put(key: string, draft: Draft): void {
    if (!draft.text && draft.sending.length === 0) drafts.delete(key);
    else drafts.set(key, draft);
    atoms.get(key)?.set(draft.text);
    dirty.add(key);
  }

  /** Writes the changed keys over what storage holds, so another tab's other drafts survive. */
  function flush(): void {
    timers.clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!userId || dirty.size === 0) return;
    const stored = storage.read(userId, STORAGE_NAME);
    const next: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
    for (const key of dirty) {
      const draft = drafts.get(key);
      if (draft) next[key] = draft;
      else delete next[key];
    }
    dirty.clear();
    storage.write(userId, STORAGE_NAME, next);
  }

  function load(id: string | undefined): void {
    drafts.clear();
    dirty.clear();
    const stored = id ? storage.read(id, STORAGE_NAME) : undefined;
    if (isRecord(stored)) {
      for (const [key, value] of Object.entries(stored)) {
        const draft = asDraft(value);
        if (draft) drafts.set(key, draft);
      }
    }
    for (const [key, $text] of atoms) $text.set(textOf(key));
  }

  // Drafts belong to a user: read once the session says who that is, and never shown to another.
  const stopFollowingUser = session.$me.subscribe((me) => {
    const id = me?.user.id;
    if (id === userId) return;
    flush();
    userId = id;
    load(id);
  });

  function restoreInto(key: string, text: string, clientMessageId?: string): void {
    const draft = drafts.get(key) ?? { text: '', sending: [] };
    const current = draft.text.trim();
    const merged = !current || current === text.trim() ? text : `${text}\n\n${draft.text}`;
    put(key, {
      text: merged,
      sending: draft.sending.filter((s) => s.clientMessageId !== clientMessageId),
    });
  }

  return {
    $draft(conversationId, tab) {
      const key = keyOf(conversationId, tab);
      let $text = atoms.get(key);
      if (!$text) atoms.set(key, ($text = atom(textOf(key))));
      return $text;
    },
    get: (conversationId, tab) => textOf(keyOf(conversationId, tab)),
    set(conversationId, tab, text) {
      const key = keyOf(conversationId, tab);
      if (text === textOf(key)) return;
      put(key, { text, sending: drafts.get(key)?.sending ?? [] });
      timers.clearTimeout(saveTimer);
      saveTimer = timers.setTimeout(flush, debounceMs);
    },
    flush,
    handOff(conversationId, tab, clientMessageId, text, attachmentIds) {
      const key = keyOf(conversationId, tab);
      const draft = drafts.get(key) ?? { text: '', sending: [] };
      // Only the text that was sent leaves the composer; something else typed there stays.
      const sentTheDraft = draft.text.trim() === text.trim();
      put(key, {
        text: sentTheDraft ? '' : draft.text,
        sending: [...draft.sending, { clientMessageId, text, attachmentIds: [...attachmentIds] }],
      });
      flush();
    },
    settle(clientMessageId) {
      for (const [key, draft] of drafts) {
        if (!draft.sending.some((s) => s.clientMessageId === clientMessageId)) continue;
        put(key, { ...draft, sending: draft.sending.filter((s) => s.clientMessageId !== clientMessageId) });
      }
      flush();
    },
    restore(conversationId, tab, text, clientMessageId) {
      restoreInto(keyOf(conversationId, tab), text, clientMessageId);
      flush();
    },
    unsaved(live) {
      const found: UnsavedSend[] = [];
      for (const [key, draft] of drafts) {
        const colon = key.indexOf(':');
        const tab = key.slice(0, colon) as DraftTab;
        for (const s of draft.sending.filter((entry) => !live.has(entry.clientMessageId)))
          found.push({
            conversationId: key.slice(colon + 1),
            tab,
            clientMessageId: s.clientMessageId,
            text: s.text,
            attachmentIds: s.attachmentIds ?? [],
          });
      }
      return found;
    },
    dispose() {
      flush();
      stopFollowingUser();
    },
  };
}

function asDraft(value: unknown): Draft | undefined {
  if (!isRecord(value) || typeof value['text'] !== 'string') return undefined;
  const sending = Array.isArray(value['sending'])
    ? value['sending'].filter(
        (s): s is Draft['sending'][number] =>
          isRecord(s) &&
          typeof s['clientMessageId'] === 'string' &&
          typeof s['text'] === 'string' &&
          (s['attachmentIds'] === undefined ||
            (Array.isArray(s['attachmentIds']) && s['attachmentIds'].every((id) => typeof id === 'string'))),
      )
    : [];
  return { text: value['text'], sending };
}

/** Unsent text per conversation and composer tab, kept per user in this browser. */
export const draftsStore: InboxPart<DraftsStore & DraftsOutboxSide> = (
  { session },
  { userStorage, timers, options, onDispose },
) => {
  const drafts = createDraftsStore(session, userStorage, timers, options.draftDebounceMs ?? 400);
  onDispose(() => drafts.dispose());
  return drafts;
};
