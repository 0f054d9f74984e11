// What the new conversation dialog looks up while the user types: the senders' availability for a
// profile and number, and the open conversations of the contact the number belongs to.
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { Conversation, SenderAvailability } from '../api/types.js';
import type { Timers } from './context.js';
import type { ConversationListQuery } from './conversation-list.js';
import type { ConversationsStore } from './conversations.js';

export interface AvailabilityState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The profile and number it answers for. */
  senderProfileId: string | null;
  phone: string | null;
  value: SenderAvailability | null;
  error: InboxApiError | null;
}

const NO_AVAILABILITY: AvailabilityState = {
  status: 'idle',
  senderProfileId: null,
  phone: null,
  value: null,
  error: null,
};

export interface AvailabilityLookup {
  $state: ReadableAtom<AvailabilityState>;
  /** Asks for this profile and number after a pause in typing; null for either clears it. */
  follow(senderProfileId: string | null, phone: string | null): void;
  /** Asks again now (after a send was refused for want of a sender). */
  refresh(): Promise<void>;
  dispose(): void;
}

/** `GET /sender-profiles/{id}/availability`, debounced; an answer for an older question is dropped. */
export function createAvailabilityLookup(
  client: InboxClient,
  timers: Timers,
  delayMs: number,
): AvailabilityLookup {
  const $state = atom<AvailabilityState>(NO_AVAILABILITY);
  let timer: unknown;
  let generation = 0;

  async function ask(senderProfileId: string, phone: string): Promise<void> {
    const run = ++generation;
    timers.clearTimeout(timer);
    $state.set({ ...$state.get(), status: 'loading', senderProfileId, phone, error: null });
    try {
      const value = await unwrap(
        client.api.GET('/sender-profiles/{senderProfileId}/availability', {
          params: { path: { senderProfileId }, query: { phone } },
        }),
      );
      if (run === generation) $state.set({ status: 'ready', senderProfileId, phone, value, error: null });
    } catch (error) {
      if (run === generation)
        $state.set({
          status: 'error',
          senderProfileId,
          phone,
          value: null,
          error: InboxApiError.from(error),
        });
    }
  }

  return {
    $state,
    follow(senderProfileId, phone) {
      const now = $state.get();
      if (now.senderProfileId === senderProfileId && now.phone === phone && now.status !== 'idle') return;
      generation++;
      timers.clearTimeout(timer);
      if (!senderProfileId || !phone) return $state.set(NO_AVAILABILITY);
      // Shown as "checking" at once, so an answer for the last number never stands beside this one.
      $state.set({ status: 'loading', senderProfileId, phone, value: null, error: null });
      timer = timers.setTimeout(() => void ask(senderProfileId, phone), delayMs);
    },
    async refresh() {
      const { senderProfileId, phone } = $state.get();
      if (senderProfileId && phone) await ask(senderProfileId, phone);
    },
    dispose() {
      generation++;
      timers.clearTimeout(timer);
    },
  };
}

export interface ContactConversations {
  contactId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The contact's conversations this user can see, latest first (kept live by realtime). */
  conversations: Conversation[];
}

export interface ContactConversationsLookup {
  $state: ReadableAtom<ContactConversations>;
  follow(contactId: string | null): void;
  dispose(): void;
}

/** A live conversation list filtered to one contact, made when a number is recognised. */
export function createContactConversations(
  conversations: Pick<ConversationsStore, 'createConversationList'>,
): ContactConversationsLookup {
  const idle: ContactConversations = { contactId: null, status: 'idle', conversations: [] };
  const $state = atom<ContactConversations>(idle);
  let list: ConversationListQuery | undefined;
  let stop: (() => void) | undefined;

  function drop(): void {
    stop?.();
    list?.dispose();
    stop = list = undefined;
  }

  return {
    $state,
    follow(contactId) {
      if (contactId === $state.get().contactId) return;
      drop();
      if (!contactId) return $state.set(idle);
      const own = conversations.createConversationList({ contactId, sort: 'latest' });
      list = own;
      stop = computed([own.$state, own.$items], (state, items) => ({
        contactId,
        status: state.status,
        conversations: items,
      })).subscribe((next) => $state.set(next));
      void own.load();
    },
    dispose: drop,
  };
}
