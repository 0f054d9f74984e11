import { atom, computed, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { Capabilities, Me } from '../api/types.js';
import type { LoadState } from './context.js';

export interface SessionStore {
  /** The signed-in user, tenant, spaces and capabilities (`GET /me`). */
  $me: ReadableAtom<Me | undefined>;
  /** The signed-in user's id. */
  $meId: ReadableAtom<string | undefined>;
  /** What the user may do; render from these, never from role names. */
  $capabilities: ReadableAtom<Capabilities | undefined>;
  $sessionState: ReadableAtom<LoadState<InboxApiError>>;
  /** Loads `/me`. Resolves to it, or to undefined with the error in `$sessionState`. */
  loadSession(): Promise<Me | undefined>;
}

export function createSessionStore(client: InboxClient): SessionStore {
  const $me = atom<Me | undefined>(undefined);
  const $sessionState = atom<LoadState<InboxApiError>>({ status: 'idle', error: null });

  async function loadSession(): Promise<Me | undefined> {
    $sessionState.set({ status: 'loading', error: null });
    try {
      const me = await unwrap(client.api.GET('/me'));
      $me.set(me);
      $sessionState.set({ status: 'ready', error: null });
      return me;
    } catch (error) {
      $sessionState.set({ status: 'error', error: InboxApiError.from(error) });
      return undefined;
    }
  }

  return {
    $me,
    $meId: computed($me, (me) => me?.user.id),
    $capabilities: computed($me, (me) => me?.capabilities),
    $sessionState,
    loadSession,
  };
}
