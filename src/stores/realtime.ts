import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import type { InboxApiError } from '../api/errors.js';
import type { BackoffOptions, EventStream, StreamStatus } from '../api/events-stream.js';
import type { InboxEvent } from '../api/types.js';
import type { ConversationsStore } from './conversations.js';
import type { DirectoryStore } from './directory.js';

/** `idle` until connected; then the stream's own status. */
export type ConnectionStatus = 'idle' | StreamStatus;

export type InboxEventListener = (event: InboxEvent) => void;

export interface RealtimeStore {
  $connection: ReadableAtom<ConnectionStatus>;
  /** Why the stream stopped for good (403, a token that stays rejected…), else null. */
  $connectionError: ReadableAtom<InboxApiError | null>;
  /** Streams the active space's events, and follows space switches, until disconnect(). */
  connect(): void;
  disconnect(): void;
  /** Feeds one event to every reducer, once per event id. The stream calls this. */
  applyEvent(event: InboxEvent): void;
  /** Reloads the directory and every list: what a `resync` event asks for. */
  resync(): Promise<void>;
  /** Lets another store reduce events too; returns the unsubscribe. */
  onEvent(listener: InboxEventListener): () => void;
  dispose(): void;
}

export interface RealtimeDeps {
  client: InboxClient;
  directory: DirectoryStore;
  conversations: ConversationsStore;
  backoff?: BackoffOptions | undefined;
}

/** How many recent event ids to remember for de-duplication. */
const SEEN_LIMIT = 1000;

export function createRealtimeStore({
  client,
  directory,
  conversations,
  backoff,
}: RealtimeDeps): RealtimeStore {
  const $connection = atom<ConnectionStatus>('idle');
  const $connectionError = atom<InboxApiError | null>(null);
  const listeners = new Set<InboxEventListener>();
  const seen = new Set<string>();
  let stream: EventStream | undefined;
  let streamSpaceId: string | null = null;
  let lastEventId: string | undefined;
  let wanted = false;
  // Bumped whenever a stream is closed, so a closed stream's late status reports are ignored.
  let generation = 0;

  function applyEvent(event: InboxEvent): void {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    // Sets iterate in insertion order, so the first entry is the oldest.
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value as string);
    if (event.type === 'resync') void resync();
    directory.applyEvent(event);
    conversations.applyEvent(event);
    for (const listener of listeners) listener(event);
  }

  async function resync(): Promise<void> {
    const spaceId = directory.$activeSpaceId.get();
    if (!spaceId) return;
    await Promise.all([directory.loadDirectory(spaceId), conversations.reloadLists()]);
  }

  function close(): void {
    generation++;
    if (!stream) return;
    lastEventId = stream.lastEventId;
    stream.close();
    stream = undefined;
  }

  function open(): void {
    const spaceId = directory.$activeSpaceId.get();
    close();
    if (!wanted || !spaceId) return;
    if (spaceId !== streamSpaceId) {
      // Event ids are per space: another space's id would resume from the wrong place.
      lastEventId = undefined;
      seen.clear();
      streamSpaceId = spaceId;
    }
    $connectionError.set(null);
    const mine = generation;
    stream = client.events(spaceId, {
      lastEventId,
      backoff,
      onEvent: applyEvent,
      onStatus: (status) => {
        if (mine === generation) $connection.set(status);
      },
      onError: (error) => {
        if (mine === generation) $connectionError.set(error);
      },
    });
  }

  const stopFollowingSpace = directory.$activeSpaceId.listen(open);

  return {
    $connection,
    $connectionError,
    connect() {
      wanted = true;
      if (!stream) open();
    },
    disconnect() {
      wanted = false;
      close();
      $connection.set('idle');
    },
    applyEvent,
    resync,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopFollowingSpace();
      wanted = false;
      close();
      $connection.set('idle');
    },
  };
}
