import type { InboxAccessRequestEvent } from './access-request.js';
import type { InboxBeforeSendEvent } from './before-send.js';
import type { InboxConversationSelectEvent } from './conversation-select.js';
import type { InboxErrorEvent } from './error.js';
import type { InboxMessageFailEvent } from './message-fail.js';
import type { InboxMessageSendEvent } from './message-send.js';
import type { InboxOnboardingSkipEvent } from './onboarding-skip.js';
import type { InboxSpaceChangeEvent } from './space-change.js';
import type { InboxStatusChangeEvent } from './status-change.js';

export { InboxAccessRequestEvent, type InboxAccessRequestDetail } from './access-request.js';
export { InboxBeforeSendEvent, type InboxBeforeSendDetail } from './before-send.js';
export { InboxConversationSelectEvent, type InboxConversationSelectDetail } from './conversation-select.js';
export { InboxErrorEvent, type InboxErrorDetail } from './error.js';
export { InboxMessageFailEvent, type InboxMessageFailDetail } from './message-fail.js';
export { InboxMessageSendEvent, type InboxMessageSendDetail } from './message-send.js';
export { InboxOnboardingSkipEvent, type InboxOnboardingSkipDetail } from './onboarding-skip.js';
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
    'inbox-access-request': InboxAccessRequestEvent;
    'inbox-onboarding-skip': InboxOnboardingSkipEvent;
  }
}
