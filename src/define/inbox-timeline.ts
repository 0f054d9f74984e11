import { InboxTimeline } from '../elements/timeline/inbox-timeline.js';
import { defineElement } from './define.js';

defineElement('inbox-timeline', InboxTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-timeline': InboxTimeline;
  }
}
