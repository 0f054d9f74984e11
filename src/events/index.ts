import type { InboxConversationSelectEvent } from './conversation-select.js';
import type { InboxErrorEvent } from './error.js';
import type { InboxSpaceChangeEvent } from './space-change.js';
import type { InboxStatusChangeEvent } from './status-change.js';

export { InboxConversationSelectEvent, type InboxConversationSelectDetail } from './conversation-select.js';
export { InboxErrorEvent, type InboxErrorDetail } from './error.js';
export { InboxSpaceChangeEvent, type InboxSpaceChangeDetail } from './space-change.js';
export { InboxStatusChangeEvent, type InboxStatusChangeDetail } from './status-change.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'inbox-conversation-select': InboxConversationSelectEvent;
    'inbox-error': InboxErrorEvent;
    'inbox-status-change': InboxStatusChangeEvent;
    'inbox-space-change': InboxSpaceChangeEvent;
  }
}
