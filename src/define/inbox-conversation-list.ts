import { InboxConversationList } from '../elements/conversation-list/inbox-conversation-list.js';
import { defineElement } from './define.js';

defineElement('inbox-conversation-list', InboxConversationList);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-conversation-list': InboxConversationList;
  }
}
