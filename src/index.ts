/**
 * Inbox Elements: the public surface, side-effect free. Import `inbox-elements/define` (or one module
 * under `define/`) to register the tags; import classes, events and setup from here.
 */
export { InboxProvider } from './elements/provider/inbox-provider.js';
export { InboxConversationList } from './elements/conversation-list/inbox-conversation-list.js';
export { InboxSpaceSwitcher } from './elements/space-switcher/inbox-space-switcher.js';
export { InboxTimeline } from './elements/timeline/inbox-timeline.js';
export { InboxComposer } from './elements/composer/inbox-composer.js';
export { InboxDetails } from './elements/details/inbox-details.js';
export { InboxAccess } from './elements/access/inbox-access.js';
export { InboxOnboarding } from './elements/access/inbox-onboarding.js';
export { InboxNewConversation } from './elements/new-conversation/inbox-new-conversation.js';
export * from './events/index.js';

// Connecting elements outside a provider, and the store bundle a provider or configureInbox() makes.
export { configureInbox, type ConfigureInboxOptions } from './stores/default-inbox.js';
export type { InboxPart, InboxPartContext, InboxStore } from './stores/inbox-store.js';
// Parts of the store built on first use: `store.use(messagingStores)` (timelines, outbox, drafts).
export { messagingStores, type MessagingStores } from './stores/messaging.js';
export { contactsStore, type ContactsStore } from './stores/contacts.js';
export { accessStore, type AccessStore } from './stores/access.js';
export type { InboxStoreOptions } from './stores/context.js';
/** For host elements that render beside ours inside an `<inbox-provider>` (Lit context). */
export { inboxContext } from './context.js';

// The typed client of the contract, and the one error it raises.
export { createInboxClient, type InboxClient, type InboxClientConfig } from './api/client.js';
export { InboxApiError, isInboxApiError } from './api/errors.js';
export type { TokenProvider } from './api/middleware.js';
export type * from './api/types.js';

export { supportedLocales } from './i18n/index.js';
export { version } from './define/define.js';
/** For a part of the page that runs its own copy under a scoped custom element registry. */
export { defineInboxElements } from './define/scoped.js';
