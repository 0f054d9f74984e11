export type { InboxStoreOptions, LoadState, PreferenceStorage, Timers } from './context.js';
export { createInboxStore, type InboxPart, type InboxPartContext, type InboxStore } from './inbox-store.js';
export { messagingStores, type MessagingStores } from './messaging.js';
export {
  $defaultInbox,
  configureInbox,
  getDefaultInbox,
  whenInboxConfigured,
  type ConfigureInboxOptions,
} from './default-inbox.js';
export { createSessionStore, type SessionStore } from './session.js';
export { createDirectoryStore, type DirectoryStore, type SpaceChangeListener } from './directory.js';
export type { ConversationIndex } from './conversation-cache.js';
export {
  createConversationsStore,
  type ConversationsDeps,
  type ConversationsStore,
} from './conversations.js';
export {
  SEARCH_MAX_LENGTH,
  type ConversationListQuery,
  type ConversationListState,
} from './conversation-list.js';
export {
  compareConversations,
  isConversationSort,
  matchesFilters,
  resolveFilters,
  type ConversationFilters,
  type ResolvedConversationFilters,
} from './conversation-filters.js';
export {
  createRealtimeStore,
  type ConnectionStatus,
  type InboxEventListener,
  type RealtimeStore,
} from './realtime.js';
export { legalStatusMoves } from './status-moves.js';
export { createPreferencesStore, type PreferencesStore } from './preferences.js';
export {
  createPresenceStore,
  PRESENCE_REPEAT_MS,
  PRESENCE_TTL_MS,
  TYPING_IDLE_MS,
  type PresenceDeps,
  type PresenceStore,
} from './presence.js';
export { createClockStore, type ClockStore } from './clock.js';
export {
  createTimelineStore,
  type TimelineDeps,
  type TimelineQuery,
  type TimelineState,
  type TimelineStore,
} from './timeline.js';
export {
  acceptsStatus,
  entryKey,
  undoDeadline,
  type PendingEntry,
  type PendingState,
  type TimelineEntry,
} from './timeline-items.js';
export { type OutboxStore } from './outbox.js';
export {
  createIndexedDbOutboxStorage,
  createMemoryOutboxStorage,
  type OutboxStorage,
  type StoredSend,
} from './outbox-storage.js';
export { type Arrival, type Collision, type CollisionsStore } from './collisions.js';
export { type RateLimit, type RateLimitScope, type RateLimitsStore } from './rate-limits.js';
export type { SendHandle, SendInput, SendOutcome, SendReceipt, UndoneSend } from './outbox-types.js';
export { type Upload, type UploadsStore } from './uploads.js';
export { draftsStore, type DraftsStore, type DraftTab } from './drafts.js';
export { RECENT_EMOJI_LIMIT, type EmojiPreferencesStore, type EmojiSkinTone } from './emoji-preferences.js';
export { type ReadPolicy, type ReadPolicyStore } from './read-policy.js';
export {
  checkAttachment,
  checkText,
  smsSegments,
  textLimit,
  type AttachmentCandidate,
  type ChannelProblem,
  type SmsEncoding,
  type SmsSegments,
} from './channel-rules.js';
export { settle, type Result } from './result.js';
export {
  accessStore,
  createAccessStore,
  type AccessDeps,
  type AccessRequestOutcome,
  type AccessStore,
} from './access.js';
export { pageLeaves, pageReturns, type PageEventSource } from './page-events.js';
export { createOnboardingStore, seesOnboarding, type OnboardingStore } from './onboarding.js';
export { CONTACT_FIELDS, contactsStore, type ContactField, type ContactsStore } from './contacts.js';
export { changedFields, type ChangedField, type Conflict, type SaveResult } from './conflict.js';
export { type AssignmentField, type ConversationEdits } from './conversation-edits.js';
export {
  createPhoneEntry,
  type PhoneEntry,
  type PhoneEntryOptions,
  type PhoneEntryState,
} from './phone-entry.js';
export {
  createNewConversation,
  type DetailsProblem,
  type NewConversationOptions,
  type NewConversationState,
  type NewConversationStep,
  type NewConversationStore,
  type NewConversationTarget,
  type AvailabilityState,
} from './new-conversation.js';
