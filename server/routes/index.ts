import type { Handler } from '../http/env.js';
import {
  countConversationsRoute,
  getConversationRoute,
  listConversationsRoute,
  setConversationStatusRoute,
  setPresenceRoute,
} from './conversations.js';
import { getAttachmentRoute, uploadAttachmentRoute } from './attachments.js';
import { injectInbound } from './demo.js';
import { listChannels, listSenderProfiles, listSpaces, listTags, listTeams, listUsers } from './directory.js';
import { streamEvents } from './events.js';
import { getMe } from './session.js';
import {
  addNoteRoute,
  cancelMessageRoute,
  getTimelineRoute,
  markConversationReadRoute,
  retryMessageRoute,
  sendMessageRoute,
} from './timeline.js';

/** Handlers by operationId; every other operation of the contract answers 501 for now. */
export const handlers: Partial<Record<string, Handler>> = {
  getMe,
  listSpaces,
  listTeams,
  listUsers,
  listChannels,
  listSenderProfiles,
  listTags,
  listConversations: listConversationsRoute,
  countConversations: countConversationsRoute,
  getConversation: getConversationRoute,
  setConversationStatus: setConversationStatusRoute,
  setPresence: setPresenceRoute,
  markConversationRead: markConversationReadRoute,
  getTimeline: getTimelineRoute,
  sendMessage: sendMessageRoute,
  addNote: addNoteRoute,
  cancelMessage: cancelMessageRoute,
  retryMessage: retryMessageRoute,
  uploadAttachment: uploadAttachmentRoute,
  getAttachment: getAttachmentRoute,
  streamEvents,
  injectInbound,
};
