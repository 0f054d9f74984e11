import { InboxOnboarding } from '../elements/access/inbox-onboarding.js';
import { defineElement } from './define.js';

defineElement('inbox-onboarding', InboxOnboarding);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-onboarding': InboxOnboarding;
  }
}
