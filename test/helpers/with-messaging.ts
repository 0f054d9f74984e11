import { messagingStores, type InboxStore, type MessagingStores } from '../../src/stores/index.js';

/** A store with its messaging part built and spread in, as the tests of that part read it. */
export const withMessaging = (store: InboxStore): InboxStore & MessagingStores => ({
  ...store,
  ...store.use(messagingStores),
});
