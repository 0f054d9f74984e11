import { atom, computed, map, type MapStore, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type {
  Channel,
  ChannelCapabilities,
  InboxEvent,
  SenderProfile,
  Space,
  Tag,
  Team,
  User,
} from '../api/types.js';
import { existingOf, type SaveResult } from './conflict.js';
import type { LoadState } from './context.js';
import type { SessionStore } from './session.js';

/** Work another store does when the active space changes; setActiveSpace awaits it. */
export type SpaceChangeListener = (spaceId: string) => Promise<unknown> | void;

export interface DirectoryStore {
  /** The spaces the user belongs to (from `/me`). */
  $spaces: ReadableAtom<Space[]>;
  $activeSpaceId: ReadableAtom<string | null>;
  $activeSpace: ReadableAtom<Space | undefined>;
  $teams: ReadableAtom<Team[]>;
  $usersById: ReadableAtom<Record<string, User>>;
  /** What each channel can do, by channel. */
  $channels: ReadableAtom<Partial<Record<Channel, ChannelCapabilities>>>;
  $senderProfiles: ReadableAtom<SenderProfile[]>;
  $tagsById: MapStore<Record<string, Tag>>;
  $directoryState: ReadableAtom<LoadState<InboxApiError>>;
  /**
   * True from a space becoming active until its directory has loaded (or failed): its teams are not
   * known yet. A reload of the same space (after a reconnect) leaves it false.
   */
  $directoryPending: ReadableAtom<boolean>;
  /** Loads teams, users, channels, sender profiles and tags of a space. Resolves false on error. */
  loadDirectory(spaceId: string): Promise<boolean>;
  /** Switches space: reloads the directory and every store that registered with onSpaceChange. */
  setActiveSpace(spaceId: string): Promise<void>;
  onSpaceChange(listener: SpaceChangeListener): () => void;
  /**
   * Creates a tag in the active space (needs `manageTags`). A name the space already has (any
   * case) is refused with that tag as `existing`, so the editor can pick it instead.
   */
  createTag(name: string, color?: string): Promise<SaveResult<Tag>>;
  /** Loads the users again: their counts of open conversations change as work moves. */
  reloadUsers(): Promise<void>;
  /** Realtime reducer for directory events (`tag.changed`). */
  applyEvent(event: InboxEvent): void;
}

export function createDirectoryStore(client: InboxClient, session: SessionStore): DirectoryStore {
  const $activeSpaceId = atom<string | null>(null);
  const $spaces = computed(session.$me, (me) => me?.spaces ?? []);
  const $teams = atom<Team[]>([]);
  const $usersById = atom<Record<string, User>>({});
  const $channels = atom<Partial<Record<Channel, ChannelCapabilities>>>({});
  const $senderProfiles = atom<SenderProfile[]>([]);
  const $tagsById = map<Record<string, Tag>>({});
  const $directoryState = atom<LoadState<InboxApiError>>({ status: 'idle', error: null });
  /** The space whose directory load last ended, loaded or not. */
  const $settledSpaceId = atom<string | null>(null);
  const listeners = new Set<SpaceChangeListener>();

  async function loadDirectory(spaceId: string): Promise<boolean> {
    $directoryState.set({ status: 'loading', error: null });
    const query = { params: { query: { spaceId } } };
    try {
      const [teams, users, channels, senderProfiles, tags] = await Promise.all([
        unwrap(client.api.GET('/teams', query)),
        unwrap(client.api.GET('/users', query)),
        unwrap(client.api.GET('/channels')),
        unwrap(client.api.GET('/sender-profiles', query)),
        unwrap(client.api.GET('/tags', query)),
      ]);
      if ($activeSpaceId.get() !== spaceId) return false; // Switched away meanwhile.
      $teams.set(teams);
      $usersById.set(byId(users));
      $channels.set(Object.fromEntries(channels.map((c) => [c.channel, c])));
      $senderProfiles.set(senderProfiles);
      $tagsById.set(byId(tags));
      $directoryState.set({ status: 'ready', error: null });
      $settledSpaceId.set(spaceId);
      return true;
    } catch (error) {
      if ($activeSpaceId.get() === spaceId) {
        $directoryState.set({ status: 'error', error: InboxApiError.from(error) });
        $settledSpaceId.set(spaceId);
      }
      return false;
    }
  }

  async function setActiveSpace(spaceId: string): Promise<void> {
    if ($activeSpaceId.get() === spaceId) return;
    $activeSpaceId.set(spaceId);
    // Never show one space's teams or tags under another's name.
    $teams.set([]);
    $usersById.set({});
    $senderProfiles.set([]);
    $tagsById.set({});
    await Promise.all([loadDirectory(spaceId), ...[...listeners].map((listener) => listener(spaceId))]);
  }

  return {
    $spaces,
    $activeSpaceId,
    $activeSpace: computed([$spaces, $activeSpaceId], (spaces, id) => spaces.find((s) => s.id === id)),
    $teams,
    $usersById,
    $channels,
    $senderProfiles,
    $tagsById,
    $directoryState,
    $directoryPending: computed(
      [$activeSpaceId, $settledSpaceId],
      (active, settled) => active !== null && active !== settled,
    ),
    loadDirectory,
    setActiveSpace,
    onSpaceChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async createTag(name, color) {
      const spaceId = $activeSpaceId.get() ?? '';
      try {
        const body = color ? { spaceId, name, color } : { spaceId, name };
        const tag = await unwrap(client.api.POST('/tags', { body }));
        $tagsById.setKey(tag.id, tag);
        return { ok: true, value: tag };
      } catch (thrown) {
        const error = InboxApiError.from(thrown);
        const existing = existingOf<Tag>(error);
        if (existing) $tagsById.setKey(existing.id, existing);
        return existing ? { ok: false, error, existing } : { ok: false, error };
      }
    },
    async reloadUsers() {
      const spaceId = $activeSpaceId.get();
      if (!spaceId) return;
      try {
        const users = await unwrap(client.api.GET('/users', { params: { query: { spaceId } } }));
        if ($activeSpaceId.get() === spaceId) $usersById.set(byId(users));
      } catch {
        // The counts stay as they were; the editor still works.
      }
    },
    applyEvent(event) {
      if (event.type === 'tag.changed' && event.spaceId === $activeSpaceId.get()) {
        $tagsById.setKey(event.tag.id, event.tag);
      }
    },
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}
