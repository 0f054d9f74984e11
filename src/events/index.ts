import type { InboxAssignmentChangeEvent, InboxBeforeAssignmentChangeEvent } from './assignment-change.js';
import type { InboxAccessRequestEvent } from './access-request.js';
import type { InboxBeforeSendEvent } from './before-send.js';
import type { InboxContactChangeEvent } from './contact-change.js';
import type { InboxBeforeContactSaveEvent, InboxContactSaveEvent } from './contact-save.js';
import type { InboxBeforeConversationCreateEvent } from './before-conversation-create.js';
import type { InboxConversationCreateEvent } from './conversation-create.js';
import type { InboxConversationSelectEvent } from './conversation-select.js';
import type { InboxErrorEvent } from './error.js';
import type { InboxMessageFailEvent } from './message-fail.js';
import type { InboxMessageSendEvent } from './message-send.js';
import type { InboxOnboardingSkipEvent } from './onboarding-skip.js';
import type { InboxSpaceChangeEvent } from './space-change.js';
import type { InboxStatusChangeEvent } from './status-change.js';
import type { InboxBeforeTagsChangeEvent, InboxTagsChangeEvent } from './tags-change.js';

export {
  InboxAssignmentChangeEvent,
  InboxBeforeAssignmentChangeEvent,
  type InboxAssignmentChangeDetail,
  type InboxBeforeAssignmentChangeDetail,
} from './assignment-change.js';
export { InboxAccessRequestEvent, type InboxAccessRequestDetail } from './access-request.js';
export { InboxBeforeSendEvent, type InboxBeforeSendDetail } from './before-send.js';
export { InboxContactChangeEvent, type InboxContactChangeDetail } from './contact-change.js';
export {
  InboxBeforeContactSaveEvent,
  InboxContactSaveEvent,
  type InboxBeforeContactSaveDetail,
  type InboxContactSaveDetail,
} from './contact-save.js';
export {
  InboxBeforeConversationCreateEvent,
  type InboxBeforeConversationCreateDetail,
} from './before-conversation-create.js';
export { InboxConversationCreateEvent, type InboxConversationCreateDetail } from './conversation-create.js';
export { InboxConversationSelectEvent, type InboxConversationSelectDetail } from './conversation-select.js';
export { InboxErrorEvent, type InboxErrorDetail } from './error.js';
export { InboxMessageFailEvent, type InboxMessageFailDetail } from './message-fail.js';
export { InboxMessageSendEvent, type InboxMessageSendDetail } from './message-send.js';
export { InboxOnboardingSkipEvent, type InboxOnboardingSkipDetail } from './onboarding-skip.js';
export { InboxSpaceChangeEvent, type InboxSpaceChangeDetail } from './space-change.js';
export { InboxStatusChangeEvent, type InboxStatusChangeDetail } from './status-change.js';
export {
  InboxBeforeTagsChangeEvent,
  InboxTagsChangeEvent,
  type InboxBeforeTagsChangeDetail,
  type InboxTagsChangeDetail,
} from './tags-change.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'inbox-conversation-select': InboxConversationSelectEvent;
    'inbox-error': InboxErrorEvent;
    'inbox-status-change': InboxStatusChangeEvent;
    'inbox-space-change': InboxSpaceChangeEvent;
    'inbox-before-send': InboxBeforeSendEvent;
    'inbox-message-send': InboxMessageSendEvent;
    'inbox-message-fail': InboxMessageFailEvent;
    'inbox-contact-change': InboxContactChangeEvent;
    'inbox-before-contact-save': InboxBeforeContactSaveEvent;
    'inbox-contact-save': InboxContactSaveEvent;
    'inbox-before-assignment-change': InboxBeforeAssignmentChangeEvent;
    'inbox-assignment-change': InboxAssignmentChangeEvent;
    'inbox-before-tags-change': InboxBeforeTagsChangeEvent;
    'inbox-tags-change': InboxTagsChangeEvent;
    'inbox-access-request': InboxAccessRequestEvent;
    'inbox-onboarding-skip': InboxOnboardingSkipEvent;
    'inbox-before-conversation-create': InboxBeforeConversationCreateEvent;
    'inbox-conversation-create': InboxConversationCreateEvent;
  }
}
