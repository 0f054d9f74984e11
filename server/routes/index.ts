import type { Handler } from '../http/env.js';
import {
  getInboxAccessRoute,
  getOnboardingRoute,
  requestInboxAccessRoute,
  skipOnboardingStepRoute,
} from './access.js';
import { getAttachmentRoute, uploadAttachmentRoute } from './attachments.js';
import { createContactRoute, getContactRoute, listContactsRoute, updateContactRoute } from './contacts.js';
import {
  countConversationsRoute,
  createConversationRoute,
  getConversationRoute,
  listConversationsRoute,
  setConversationAssignmentRoute,
  setConversationStatusRoute,
  setConversationTagsRoute,
  setPresenceRoute,
} from './conversations.js';
import { approveInboxAccessRoute, injectInbound } from './demo.js';
import {
  getSenderAvailabilityRoute,
  listChannels,
  listSenderProfilesRoute,
  listSpaces,
  listTeams,
  listUsers,
} from './directory.js';
import { streamEvents } from './events.js';
import { getMe } from './session.js';
import { createTagRoute, listTagsRoute } from './tags.js';
import {
  addNoteRoute,
  cancelMessageRoute,
  getTimelineRoute,
  markConversationReadRoute,
  retryMessageRoute,
  sendMessageRoute,
} from './timeline.js';

/** Handlers by operationId: every operation of the contract has one (a test checks it). */
export const handlers: Record<string, Handler> = {
  getMe,
  listSpaces,
  listTeams,
  listUsers,
  listChannels,
  listSenderProfiles: listSenderProfilesRoute,
  getSenderAvailability: getSenderAvailabilityRoute,
  listContacts: listContactsRoute,
  createContact: createContactRoute,
  getContact: getContactRoute,
  updateContact: updateContactRoute,
  listTags: listTagsRoute,
  createTag: createTagRoute,
  listConversations: listConversationsRoute,
  createConversation: createConversationRoute,
  countConversations: countConversationsRoute,
  getConversation: getConversationRoute,
  setConversationStatus: setConversationStatusRoute,
  setConversationAssignment: setConversationAssignmentRoute,
  setConversationTags: setConversationTagsRoute,
  setPresence: setPresenceRoute,
  markConversationRead: markConversationReadRoute,
  getTimeline: getTimelineRoute,
  sendMessage: sendMessageRoute,
  addNote: addNoteRoute,
  cancelMessage: cancelMessageRoute,
  retryMessage: retryMessageRoute,
  uploadAttachment: uploadAttachmentRoute,
  getAttachment: getAttachmentRoute,
  getInboxAccess: getInboxAccessRoute,
  requestInboxAccess: requestInboxAccessRoute,
  getOnboarding: getOnboardingRoute,
  skipOnboardingStep: skipOnboardingStepRoute,
  streamEvents,
  injectInbound,
  approveInboxAccess: approveInboxAccessRoute,
};
