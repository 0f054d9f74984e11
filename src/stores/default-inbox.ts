import { atom, type ReadableAtom } from 'nanostores';
import { createInboxClient, type InboxClientConfig } from '../api/client.js';
import type { InboxStoreOptions } from './context.js';
import { createInboxStore, type InboxStore } from './inbox-store.js';

export interface ConfigureInboxOptions extends InboxClientConfig, InboxStoreOptions {
  /** Start loading at once (default true). */
  start?: boolean;
}

const $default = atom<InboxStore | undefined>(undefined);

/** The bundle used by elements outside any `<inbox-provider>`; undefined until configureInbox(). */
export const $defaultInbox: ReadableAtom<InboxStore | undefined> = $default;

/**
 * Sets up the default bundle for elements placed outside any provider. Calling it again replaces
 * (and disposes) the previous bundle; elements follow `$defaultInbox` and switch over.
 */
export function configureInbox({
  baseUrl,
  tokenProvider,
  fetch,
  start = true,
  ...options
}: ConfigureInboxOptions): InboxStore {
  $default.get()?.dispose();
  const store = createInboxStore(createInboxClient({ baseUrl, tokenProvider, fetch }), options);
  $default.set(store);
  // Failures are visible in store.session.$sessionState; an unobserved rejection would only add noise.
  if (start) store.start().catch(() => undefined);
  return store;
}

export function getDefaultInbox(): InboxStore | undefined {
  return $default.get();
}

/** Resolves with the default bundle as soon as configureInbox() has run. */
export function whenInboxConfigured(): Promise<InboxStore> {
  return new Promise((resolve) => {
    const unsubscribe = $default.subscribe((store) => {
      if (!store) return;
      queueMicrotask(() => unsubscribe());
      resolve(store);
    });
  });
}
