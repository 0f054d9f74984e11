import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Conversation } from '../api/types.js';

/**
 * A read-only view of the conversation cache. A new view is published on every change (so
 * subscribers hear it), but it reads the one Map the cache mutates in place: a change costs the
 * same with 100 conversations as with 100,000.
 */
export interface ConversationIndex {
  get(id: string): Conversation | undefined;
  has(id: string): boolean;
  readonly size: number;
  values(): IterableIterator<Conversation>;
}

/** The cache behind the conversations store: writes, whole-cache and per-conversation publishing. */
export interface ConversationCache {
  $index: ReadableAtom<ConversationIndex>;
  get(id: string): Conversation | undefined;
  /** Puts conversations in (replacing any held under their id) and tells subscribers once. */
  set(conversations: readonly Conversation[]): void;
  delete(id: string): void;
  clear(): void;
  /** The conversation under one id; its subscribers hear only changes to that conversation. */
  conversation(id: string): ReadableAtom<Conversation | undefined>;
}

export function createConversationCache(): ConversationCache {
  const byId = new Map<string, Conversation>();
  const view = (): ConversationIndex => ({
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    size: byId.size,
    values: () => byId.values(),
  });
  const $index = atom<ConversationIndex>(view());
  // Per-conversation stores, only while someone listens: nothing grows with the ids ever asked for.
  const followed = new Map<string, Set<WritableAtom<Conversation | undefined>>>();

  const publish = (ids: Iterable<string>): void => {
    $index.set(view());
    for (const id of ids) followed.get(id)?.forEach(($one) => $one.set(byId.get(id)));
  };

  function conversation(id: string): ReadableAtom<Conversation | undefined> {
    const [existing] = followed.get(id) ?? [];
    if (existing) return existing;
    const $one = atom(byId.get(id));
    onMount($one, () => {
      const stores = followed.get(id) ?? new Set();
      followed.set(id, stores.add($one));
      $one.set(byId.get(id));
      return () => {
        stores.delete($one);
        if (stores.size === 0) followed.delete(id);
      };
    });
    return $one;
  }

  return {
    $index,
    get: (id) => byId.get(id),
    set(conversations) {
      if (conversations.length === 0) return;
      for (const c of conversations) byId.set(c.id, c);
      publish(conversations.map((c) => c.id));
    },
    delete(id) {
      if (byId.delete(id)) publish([id]);
    },
    clear() {
      const ids = [...followed.keys()];
      byId.clear();
      publish(ids);
    },
    conversation,
  };
}
