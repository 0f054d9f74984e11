// Names for the generated contract types. Never redeclare a shape here: alias schema.ts.
import type { components, paths } from './schema.js';

type Schemas = components['schemas'];

export type { components, paths };

export type Id = Schemas['Id'];
export type Problem = Schemas['Problem'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];
export type Me = Schemas['Me'];
export type Tenant = Schemas['Tenant'];
export type Capabilities = Schemas['Capabilities'];
export type Space = Schemas['Space'];
export type Team = Schemas['Team'];
export type User = Schemas['User'];
export type Avatar = Schemas['Avatar'];
export type Channel = Schemas['Channel'];
export type ChannelCapabilities = Schemas['ChannelCapabilities'];
export type Sender = Schemas['Sender'];
export type SenderProfile = Schemas['SenderProfile'];
export type SenderAvailability = Schemas['SenderAvailability'];
export type Contact = Schemas['Contact'];
export type ContactInput = Schemas['ContactInput'];
export type ContactPatch = Schemas['ContactPatch'];
export type Conversation = Schemas['Conversation'];
export type ConversationPage = Schemas['ConversationPage'];
export type ConversationCounts = Schemas['ConversationCounts'];
export type ConversationView = Schemas['ConversationView'];
export type ConversationStatus = Schemas['ConversationStatus'];
export type ConversationSort = Schemas['ConversationSort'];
export type StatusFilter = Schemas['StatusFilter'];
export type NewConversation = Schemas['NewConversation'];
export type Assignment = Schemas['Assignment'];
export type Origin = Schemas['Origin'];
export type LastMessage = Schemas['LastMessage'];
export type Tag = Schemas['Tag'];
export type TagInput = Schemas['TagInput'];
export type Attachment = Schemas['Attachment'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type OutboundMessageInput = Schemas['OutboundMessageInput'];
export type NoteInput = Schemas['NoteInput'];
export type TimelineItem = Schemas['TimelineItem'];
export type MessageItem = Schemas['MessageItem'];
export type NoteItem = Schemas['NoteItem'];
export type EventItem = Schemas['EventItem'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type TimelinePage = Schemas['TimelinePage'];
export type ReadMarker = Schemas['ReadMarker'];
export type PresenceState = Schemas['PresenceState'];
export type PresenceEntry = Schemas['PresenceEntry'];
export type InboxAccess = Schemas['InboxAccess'];
export type InboxAccessState = Schemas['InboxAccessState'];
export type Onboarding = Schemas['Onboarding'];
export type OnboardingStepId = Schemas['OnboardingStepId'];
export type InboxEvent = Schemas['InboxEvent'];
export type InboxEventType = InboxEvent['type'];
/** One member of the InboxEvent union, by its `type`. */
export type InboxEventOf<T extends InboxEventType> = Extract<InboxEvent, { type: T }>;
