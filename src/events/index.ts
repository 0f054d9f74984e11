import type { InboxBeforeConversationCreateEvent } from './before-conversation-create.js';
import type { InboxBeforeSendEvent } from './before-send.js';
import type { InboxConversationCreateEvent } from './conversation-create.js';
import type { InboxConversationSelectEvent } from './conversation-select.js';
import type { InboxErrorEvent } from './error.js';
import type { InboxMessageFailEvent } from './message-fail.js';
import type { InboxMessageSendEvent } from './message-send.js';
import type { InboxSpaceChangeEvent } from './space-change.js';
import type { InboxStatusChangeEvent } from './status-change.js';

export {
  InboxBeforeConversationCreateEvent,
  type InboxBeforeConversationCreateDetail,
} from './before-conversation-create.js';
export { InboxBeforeSendEvent, type InboxBeforeSendDetail } from './before-send.js';
export { InboxConversationCreateEvent, type InboxConversationCreateDetail } from './conversation-create.js';
export { InboxConversationSelectEvent, type InboxConversationSelectDetail } from './conversation-select.js';
export { InboxErrorEvent, type InboxErrorDetail } from './error.js';
export { InboxMessageFailEvent, type InboxMessageFailDetail } from './message-fail.js';
export { InboxMessageSendEvent, type InboxMessageSendDetail } from './message-send.js';
export { InboxSpaceChangeEvent, type InboxSpaceChangeDetail } from './space-change.js';
export { InboxStatusChangeEvent, type InboxStatusChangeDetail } from './status-change.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'inbox-conversation-select': InboxConversationSelectEvent;
    'inbox-error': InboxErrorEvent;
    'inbox-status-change': InboxStatusChangeEvent;
    'inbox-space-change': InboxSpaceChangeEvent;
    'inbox-before-send': InboxBeforeSendEvent;
    'inbox-message-send': InboxMessageSendEvent;
    'inbox-message-fail': InboxMessageFailEvent;
    'inbox-before-conversation-create': InboxBeforeConversationCreateEvent;
    'inbox-conversation-create': InboxConversationCreateEvent;
  }
}
