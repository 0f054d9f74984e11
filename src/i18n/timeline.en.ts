// The timeline's own words in English. They load with the timeline (its `static words`), not with
// every page; the words other elements show too are in en.ts.
import type { Catalogue } from './index.js';

/** Built once: plural choices are asked for on every render. */
const plural = new Intl.PluralRules('en');

export const timelineEn = {
  timelineLabel: (name: string) => `Conversation with ${name}`,
  loadingTimeline: 'Loading messages…',
  timelineError: "Couldn't load this conversation.",
  noConversationSelected: 'Choose a conversation to see its messages.',
  loadingOlder: 'Loading earlier messages…',
  beginningOfConversation: 'This is the beginning of the conversation.',
  newMessages: (count: number) =>
    plural.select(count) === 'one' ? '1 new message' : `${count} new messages`,
  newMessageFrom: (name: string, text: string) => `New message from ${name}: ${text}`,
  internalNote: 'Internal note',
  deliveryScheduled: 'Sending',
  deliveryQueued: 'Queued',
  deliverySent: 'Sent',
  deliveryDelivered: 'Delivered',
  deliveryRead: 'Read',
  deliveryFailed: 'Failed',
  deliveryCancelled: 'Cancelled',
  failedBecause: (reason: string) => `Not sent: ${reason}`,
  retrySend: 'Retry',
  eventCreated: (origin: string) => `Conversation started from ${origin}`,
  originApi: 'the API',
  originDialer: 'the Dialer',
  originCampaign: 'an SMS campaign',
  originInbox: 'the Inbox',
  originInbound: 'a message from the contact',
  eventStatus: (from: string, to: string, why: string) => `Status changed from ${from} to ${to} ${why}`,
  reasonContactReplied: 'because the contact replied',
  reasonAgent: (name: string) => `by ${name}`,
  reasonRule: 'by a rule',
  eventTagsAdded: (tags: string, who: string) => `${who} added the tags ${tags}`,
  eventTagsRemoved: (tags: string, who: string) => `${who} removed the tags ${tags}`,
  eventAssigned: (names: string) => `Assigned to ${names}`,
  eventAssignedBy: (names: string, who: string) => `${who} assigned ${names}`,
  eventUnassignedBy: (names: string, who: string) => `${who} unassigned ${names}`,
  eventTeamsAddedBy: (teams: string, who: string) => `${who} assigned the team ${teams}`,
  eventTeamsRemovedBy: (teams: string, who: string) => `${who} took the team ${teams} off`,
  eventUnassigned: 'Assignment removed',
  eventContactUpdated: (name: string) => `Contact details updated by ${name}`,
  eventContactFieldsUpdated: (fields: string, name: string) => `${name} updated the contact's ${fields}`,
  typingNow: (names: string) => `${names} typing…`,
  attachmentLabel: (name: string, size: string) => `${name}, ${size}`,
};

export type TimelineWords = typeof timelineEn;
export type TimelineCatalogue = Catalogue & TimelineWords;
