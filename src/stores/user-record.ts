import { atom, type ReadableAtom } from 'nanostores';
import type { SessionStore } from './session.js';
import type { UserStorage } from './user-storage.js';

export interface UserRecord<T> {
  $value: ReadableAtom<T>;
  /** Changes the record and saves it for the signed-in user. */
  set(value: T): void;
  dispose(): void;
}

/**
 * One JSON record kept per user (in this browser): read again whenever the session says the user
 * changed, never shown to another user, and parsed defensively (storage is not ours alone).
 */
export function createUserRecord<T>(
  session: SessionStore,
  storage: UserStorage,
  name: string,
  parse: (stored: unknown) => T,
): UserRecord<T> {
  const $value = atom<T>(parse(undefined));
  let userId: string | undefined;
  const stopFollowingUser = session.$me.subscribe((me) => {
    const id = me?.user.id;
    if (id === userId) return;
    userId = id;
    $value.set(parse(id ? storage.read(id, name) : undefined));
  });
  return {
    $value,
    set(value) {
      $value.set(value);
      if (userId) storage.write(userId, name, value);
    },
    dispose: stopFollowingUser,
  };
}
