import { outboxEn } from './outbox.en.js';

/** Countries whose English name takes "the" inside a sentence ("a sender in the United Kingdom"). */
const WITH_THE = new Set([
  'GB',
  'US',
  'AE',
  'NL',
  'PH',
  'DO',
  'BS',
  'GM',
  'CF',
  'KM',
  'MV',
  'SC',
  'MH',
  'SB',
  'VA',
]);

/** Built once: a list of thousands of rows asks for plurals on every render. */
const plural = new Intl.PluralRules('en');

/**
 * English, the reference catalogue: every other locale must provide exactly these keys, and the
 * words of timeline.en.ts, composer.en.ts, details.en.ts, access.en.ts and new-conversation.en.ts
 * (which load with their elements).
 */
export const en = {
  channelSms: 'SMS',
  channelWhatsapp: 'WhatsApp',
  channelTelegram: 'Telegram',
  conversationsLabel: 'Conversations',
  loadingConversations: 'Loading conversations…',
  noConversations: 'No conversations here yet.',
  loadError: "Couldn't load conversations.",
  retry: 'Try again',
  loadingMore: 'Loading more…',
  noteLabel: 'Note',
  youLabel: 'You',
  noMessagesYet: 'No messages yet',
  unreadCount: (count: number) =>
    plural.select(count) === 'one' ? '1 unread message' : `${count} unread messages`,
  conversationCount: (count: number) =>
    plural.select(count) === 'one' ? '1 conversation' : `${count} conversations`,
  viewLabel: 'Show',
  viewAll: 'All conversations',
  viewMine: 'Assigned to me',
  viewClosedByMe: 'Closed',
  statusTabsLabel: 'Status',
  statusAll: 'All',
  statusActive: 'Active',
  statusUnanswered: 'Unanswered',
  statusClosed: 'Closed',
  teamLabel: 'Teams',
  allTeams: 'All teams',
  searchLabel: 'Search by contact name, number or message text',
  searchPlaceholder: 'Search',
  unreadOnly: 'Unread only',
  sortLabel: 'Sort',
  sortLatest: 'Latest activity',
  sortWaiting: 'Longest waiting',
  sortNewest: 'Newest',
  noSearchResults: (query: string) => `No conversations match “${query}”.`,
  clearSearch: 'Clear search',
  matchLabel: 'Match',
  changeStatusOf: (name: string) => `Change status of ${name}`,
  moveToActive: 'Mark as Active',
  moveToClosed: 'Close conversation',
  reopen: 'Reopen',
  statusChanged: (name: string, status: string) => `${name} is now ${status}.`,
  assignedTo: (names: string) => `Assigned to ${names}`,
  viewingNow: (names: string) => `${names} viewing now`,
  offline: 'Offline: showing the last known conversations. Reconnecting…',
  spaceLabel: 'Space',
  switchSpace: (name: string) => `Space: ${name}. Switch space`,
  justNow: 'just now',
  dismiss: 'Dismiss',
  someone: 'someone',
  changeStatus: (status: string) => `Status: ${status}. Change status`,
  today: 'Today',
  yesterday: 'Yesterday',
  smsCounter: (used: number, capacity: number, parts: number) => `${used} / ${capacity} · ${parts} SMS`,
  smsCounterUnicode: (used: number, capacity: number, parts: number) =>
    `Unicode · ${used} / ${capacity} · ${parts} SMS`,
  lengthCounter: (length: number, max: number) => `${length} / ${max}`,
  problemEmptyMessage: 'Write a message or attach a file first.',
  problemEmptyNote: 'Write a note first.',
  problemNotSignedIn: 'The inbox is not signed in yet; try again in a moment.',
  problemNotesNotAllowed: "You don't have permission to write internal notes.",
  problemSendUndone: 'The message was undone before it was sent.',
  problemUndoTooLate: 'This message can no longer be undone.',
  problemInboxClosed: 'The inbox was closed; the message is sent when it opens again.',
  problemUnexpectedAnswer: 'The server answered with something unexpected. Try again.',
  problemTextTooLong: (length: number, max: number, channel: string) =>
    `That message is ${length} characters; ${channel} takes up to ${max}.`,
  problemTooManySmsParts: (parts: number, max: number) =>
    `That message needs ${parts} SMS parts; the limit is ${max}.`,
  problemAttachmentsNotAllowed: (channel: string) => `${channel} messages can't carry attachments.`,
  problemFileTypeRefused: (channel: string, what: string, accepted: string) =>
    `${channel} doesn't take ${what}.${accepted ? ` It takes ${accepted}.` : ''}`,
  filesWithExtension: (extension: string) => `.${extension} files`,
  filesOfType: (type: string) => `this kind of file (${type || 'unknown type'})`,
  fileTypeGroup: (kind: string) =>
    ({ image: 'images', video: 'videos', audio: 'audio files', text: 'text files' })[kind] ?? `${kind} files`,
  problemFileEmpty: 'That file is empty.',
  problemFileTooLarge: (size: string, max: string, channel: string) =>
    `That file is ${size}; ${channel} takes up to ${max}.`,
  problemStatusConflict: (status: string) =>
    `Someone else changed this conversation just now; its status is now ${status}. Check it and try again.`,
  problemConflict: 'Someone else changed this just now. Check it and try again.',
  errorNetwork: "Can't reach the inbox server. Check your connection.",
  errorUnexpected: (status: number) => `The inbox server answered with an unexpected error (${status}).`,
  notConfigured:
    'This inbox is not connected: place it inside <inbox-provider> or call configureInbox() first.',
  detailsNoConversation: 'Choose a conversation to see its details.',
  detailsUnavailable: 'The details could not be loaded. Check your connection and try again.',
  contactName: 'Name',
  contactPhone: 'Phone number',
  contactEmail: 'Email',
  contactCompany: 'Company',
  contactNotes: 'Notes',
  contactLoading: 'Loading the contact…',
  accessLoading: 'Loading the inbox…',
  accessLoadError: "Couldn't open the inbox.",
  accessGranted: 'Your access was approved. The inbox is ready.',
  onboardingLoading: 'Loading the onboarding steps…',
  stepTitles: {
    connect_channel: 'Connect SMS, WhatsApp or Telegram',
    create_sender_profile: 'Create a sender profile',
    create_team: 'Create a team',
    invite_agents: 'Invite your agents',
    create_tags: 'Create conversation tags',
    install_elements: 'Add the inbox to your own pages',
  },
  problemStepNotOptional: (title: string) => `“${title}” can't be skipped: the inbox needs it.`,
  newConversationOpen: 'Create new conversation',
  /** A country as it sits in a sentence: "the United Kingdom", "Brazil". */
  newConversationCountryIn: (name: string, code: string) => (WITH_THE.has(code) ? `the ${name}` : name),
  newConversationSomeCountry: "this number's country",
  newConversationUnavailable: "Couldn't load the new conversation form. Check your connection and try again.",
  problemNoSenderAvailable: (profile: string, country: string) =>
    `No sender of “${profile}” has messages left today for ${country}. Try again tomorrow or pick another sender profile.`,
  problemNoSenderForCountry: (profile: string, country: string) =>
    `“${profile}” has no sender for ${country}. Pick another sender profile.`,
  problemPhoneInvalid: (country: string) =>
    `That is not a valid phone number for ${country}. Check the country code and the digits.`,
  problemCannotStartByPhone: (channel: string) =>
    `${channel} conversations can't be started by phone number: the contact has to write first.`,
  problemTeamNotAllowed: (profile: string, team: string) =>
    `${team} can't use “${profile}”. Pick another sender profile or team.`,
  ...outboxEn,
};

export type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };
