import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { InboxEvent, TimelineItem, User } from '../api/types.js';
import type { ConversationIndex } from './conversation-cache.js';
import type { DraftsStore } from './drafts.js';
import type { RealtimeStore } from './realtime.js';

/** Something someone else wrote into a conversation while this agent had a draft there. */
export interface Arrival {
  itemId: string;
  seq: number;
  kind: 'message' | 'note';
  /** `contact`: the customer wrote; `colleague`: another agent replied or left a note. */
  from: 'contact' | 'colleague';
  /** The colleague's name, or the contact's name or number; empty when unknown. */
  name: string;
}

/** What the composer of one conversation shows before a send. */
export interface Collision {
  /** Oldest first; empty when nothing arrived since the draft began (or since the agent saw it). */
  arrivals: readonly Arrival[];
  /** A send was held once to warn about them: the next send goes out ("Send anyway"). */
  warned: boolean;
}

export interface CollisionsStore {
  $collision(conversationId: string): ReadableAtom<Collision>;
  /**
   * Called as a send starts: true when it must wait for the agent to see the warning (something
   * arrived and this is the first press); false when it may go (nothing arrived, or already warned).
   */
  holdSend(conversationId: string): boolean;
  /** The agent has seen what arrived (sent anyway, or reviewed it): the warning goes. */
  seen(conversationId: string): void;
  /** Review: the timeline showing the conversation brings the first new item into view; the draft stays. */
  review(conversationId: string): void;
  /** The item a timeline should bring into view, or null. */
  $reveal: ReadableAtom<{ conversationId: string; itemId: string } | null>;
  dispose(): void;
}

export interface CollisionsDeps {
  realtime: RealtimeStore;
  drafts: DraftsStore;
  meId(): string | undefined;
  usersById: ReadableAtom<Record<string, User>>;
  conversationsById: ReadableAtom<ConversationIndex>;
  /** The newest seq a timeline holds, read before it takes the event in (0 when none is open). */
  latestSeq(conversationId: string): number;
}

const NONE: Collision = Object.freeze({ arrivals: Object.freeze([]) as readonly Arrival[], warned: false });

/**
 * Watches the open conversations for new items from others while the agent has a draft: a customer
 * who wrote again, or a colleague who answered first. Create it before the timelines so it sees
 * each event before they take it in.
 */
export function createCollisionsStore(deps: CollisionsDeps): CollisionsStore {
  const { drafts } = deps;
  const atoms = new Map<string, WritableAtom<Collision>>();
  const stopDraft = new Map<string, () => void>();
  const $reveal = atom<{ conversationId: string; itemId: string } | null>(null);

  const atomOf = (id: string): WritableAtom<Collision> => {
    let collision = atoms.get(id);
    if (!collision) atoms.set(id, (collision = atom(NONE)));
    return collision;
  };
  const hasDraft = (id: string): boolean =>
    drafts.get(id, 'message').trim() !== '' || drafts.get(id, 'note').trim() !== '';

  function clear(id: string): void {
    stopDraft.get(id)?.();
    stopDraft.delete(id);
    atoms.get(id)?.set(NONE);
  }

  /** Who wrote an item, when it is someone other than this agent; null for anything else. */
  function arrivalOf(item: TimelineItem): Arrival | null {
    const me = deps.meId();
    const base = { itemId: item.id, seq: item.seq };
    const colleague = (authorId: string | null) =>
      authorId && authorId !== me ? (deps.usersById.get()[authorId]?.name ?? '') : null;
    if (item.kind === 'note') {
      const name = colleague(item.authorId);
      return name === null ? null : { ...base, kind: 'note', from: 'colleague', name };
    }
    if (item.kind !== 'message') return null;
    if (item.direction === 'in') {
      const contact = deps.conversationsById.get().get(item.conversationId)?.contact;
      return { ...base, kind: 'message', from: 'contact', name: contact?.name || contact?.phone || '' };
    }
    const name = colleague(item.authorId);
    return name === null ? null : { ...base, kind: 'message', from: 'colleague', name };
  }

  /** Ends the warning when the draft empties (sent, cleared): a new draft starts afresh. */
  function followDraft(id: string): void {
    if (stopDraft.has(id)) return;
    const stops = (['message', 'note'] as const).map((tab) =>
      drafts.$draft(id, tab).listen(() => {
        if (!hasDraft(id)) clear(id);
      }),
    );
    stopDraft.set(id, () => stops.forEach((stop) => stop()));
  }

  function applyEvent(event: InboxEvent): void {
    if (event.type !== 'timeline.item') return;
    const { item } = event;
    const id = item.conversationId;
    // Only items new to this page: a later delivery status of an old message is no news.
    if (item.seq <= deps.latestSeq(id) || !hasDraft(id)) return;
    const arrival = arrivalOf(item);
    if (!arrival) return;
    const current = atomOf(id).get();
    if (current.arrivals.some((a) => a.itemId === arrival.itemId)) return;
    followDraft(id);
    atomOf(id).set({ arrivals: [...current.arrivals, arrival], warned: false });
  }

  const stopEvents = deps.realtime.onEvent(applyEvent);

  return {
    $collision: atomOf,
    holdSend(id) {
      const current = atomOf(id).get();
      if (current.arrivals.length === 0 || current.warned) return false;
      atomOf(id).set({ ...current, warned: true });
      return true;
    },
    seen: clear,
    review(id) {
      const first = atomOf(id).get().arrivals[0];
      if (first) $reveal.set({ conversationId: id, itemId: first.itemId });
      clear(id);
    },
    $reveal,
    dispose() {
      stopEvents();
      [...stopDraft.keys()].forEach(clear);
    },
  };
}
