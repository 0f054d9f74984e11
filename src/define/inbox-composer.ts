import { InboxComposer } from '../elements/composer/inbox-composer.js';
import { defineElement } from './define.js';

defineElement('inbox-composer', InboxComposer);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-composer': InboxComposer;
  }
}
