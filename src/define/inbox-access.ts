import { InboxAccess } from '../elements/access/inbox-access.js';
import { defineElement } from './define.js';
// Its welcome screen shows the onboarding steps element.
import './inbox-onboarding.js';

defineElement('inbox-access', InboxAccess);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-access': InboxAccess;
  }
}
