import { expect } from '@open-wc/testing';
import * as publicApi from '../../src/index.js';

// The package's entry is a chosen surface: a new export is a decision, made here on purpose.
describe('the public entry', () => {
  it('exports the elements, events, setup, client and error, and nothing else at run time', () => {
    expect(Object.keys(publicApi).sort()).to.deep.equal([
      'InboxAccess',
      'InboxAccessRequestEvent',
      'InboxApiError',
      'InboxAssignmentChangeEvent',
      'InboxBeforeAssignmentChangeEvent',
      'InboxBeforeContactSaveEvent',
      'InboxBeforeConversationCreateEvent',
      'InboxBeforeSendEvent',
      'InboxBeforeTagsChangeEvent',
      'InboxComposer',
      'InboxContactChangeEvent',
      'InboxContactSaveEvent',
      'InboxConversationCreateEvent',
      'InboxConversationList',
      'InboxConversationSelectEvent',
      'InboxDetails',
      'InboxErrorEvent',
      'InboxMessageFailEvent',
      'InboxMessageSendEvent',
      'InboxNewConversation',
      'InboxOnboarding',
      'InboxOnboardingSkipEvent',
      'InboxProvider',
      'InboxSpaceChangeEvent',
      'InboxSpaceSwitcher',
      'InboxStatusChangeEvent',
      'InboxTagsChangeEvent',
      'InboxTimeline',
      'accessStore',
      'configureInbox',
      'contactsStore',
      'createInboxClient',
      'defineInboxElements',
      'inboxContext',
      'isInboxApiError',
      'messagingStores',
      'supportedLocales',
      'version',
    ]);
  });

  it('defines no tag by being imported', () => {
    expect(customElements.get('inbox-conversation-list')).to.equal(undefined);
  });
});
