import { InboxSpaceSwitcher } from '../elements/space-switcher/inbox-space-switcher.js';
import { defineElement } from './define.js';

defineElement('inbox-space-switcher', InboxSpaceSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-space-switcher': InboxSpaceSwitcher;
  }
}
