import { InboxProvider } from '../elements/provider/inbox-provider.js';
import { defineElement } from './define.js';

defineElement('inbox-provider', InboxProvider);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-provider': InboxProvider;
  }
}
