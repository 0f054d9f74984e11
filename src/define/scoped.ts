import { InboxAccess } from '../elements/access/inbox-access.js';
import { InboxOnboarding } from '../elements/access/inbox-onboarding.js';
import { InboxComposer } from '../elements/composer/inbox-composer.js';
import { InboxConversationList } from '../elements/conversation-list/inbox-conversation-list.js';
import { InboxDetails } from '../elements/details/inbox-details.js';
import { InboxNewConversation } from '../elements/new-conversation/inbox-new-conversation.js';
import { InboxProvider } from '../elements/provider/inbox-provider.js';
import { InboxSpaceSwitcher } from '../elements/space-switcher/inbox-space-switcher.js';
import { InboxTimeline } from '../elements/timeline/inbox-timeline.js';
import { defineElement } from './define.js';

/**
 * Defines every tag in `registry`, a scoped custom element registry: a part of the page (a
 * micro-frontend) gets this copy's elements under the usual tags inside a shadow root made with
 * that registry, whatever copy holds the page's own tags. The elements render their inner tags
 * (the onboarding steps, the emoji picker) through the same registry. See docs/multiple-copies.md.
 */
export function defineInboxElements(registry: CustomElementRegistry): void {
  const elements: [string, CustomElementConstructor][] = [
    ['inbox-provider', InboxProvider],
    ['inbox-access', InboxAccess],
    ['inbox-onboarding', InboxOnboarding],
    ['inbox-conversation-list', InboxConversationList],
    ['inbox-space-switcher', InboxSpaceSwitcher],
    ['inbox-timeline', InboxTimeline],
    ['inbox-composer', InboxComposer],
    ['inbox-details', InboxDetails],
    ['inbox-new-conversation', InboxNewConversation],
  ];
  for (const [tag, element] of elements) defineElement(tag, element, registry);
}
