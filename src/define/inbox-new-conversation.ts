import { InboxNewConversation } from '../elements/new-conversation/inbox-new-conversation.js';
import { defineElement } from './define.js';

defineElement('inbox-new-conversation', InboxNewConversation);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-new-conversation': InboxNewConversation;
  }
}
