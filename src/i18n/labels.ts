// Words for the contract's codes (statuses, channels): one place, every element.
import type { Channel, Conversation, StatusFilter } from '../api/types.js';
import type { Catalogue } from './en.js';

export function statusLabel(status: StatusFilter, messages: Catalogue): string {
  const labels: Record<StatusFilter, string> = {
    all: messages.statusAll,
    active: messages.statusActive,
    unanswered: messages.statusUnanswered,
    closed: messages.statusClosed,
  };
  return labels[status];
}

/** The channel's name in the current language (also the text alternative of its icon). */
export function channelLabel(channel: Channel, messages: Catalogue): string {
  const labels: Record<Channel, string> = {
    sms: messages.channelSms,
    whatsapp: messages.channelWhatsapp,
    telegram: messages.channelTelegram,
  };
  return labels[channel];
}

/** How a conversation's contact is named: the name, or the number when it has none. */
export function contactName(conversation: Pick<Conversation, 'contact'>): string {
  return conversation.contact.name || conversation.contact.phone;
}
