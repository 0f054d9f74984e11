import { InboxDetails } from '../elements/details/inbox-details.js';
import { defineElement } from './define.js';

defineElement('inbox-details', InboxDetails);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-details': InboxDetails;
  }
}
