/**
 * Inbox Elements: side-effect free. Import the classes, events and stores from here; import
 * `inbox-elements/define` (or one module under `define/`) to register the tags.
 */
export { InboxProvider } from './elements/provider/inbox-provider.js';
export { InboxConversationList } from './elements/conversation-list/inbox-conversation-list.js';
export { InboxSpaceSwitcher } from './elements/space-switcher/inbox-space-switcher.js';
export { InboxTimeline } from './elements/timeline/inbox-timeline.js';
export { InboxComposer } from './elements/composer/inbox-composer.js';
export { InboxElement } from './elements/inbox-element.js';
export * from './events/index.js';
export * from './api/index.js';
export * from './stores/index.js';
export { inboxContext } from './context.js';
export { resolveLocale, supportedLocales, type Catalogue } from './i18n/index.js';
export { version } from './define/define.js';
