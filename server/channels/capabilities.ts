import type { components } from '../../src/api/schema.js';

type ChannelCapabilities = components['schemas']['ChannelCapabilities'];
export type Channel = components['schemas']['Channel'];

const MB = 1024 * 1024;
const MEDIA = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'audio/ogg',
  'application/pdf',
];

/** What each channel really does; the UI renders from this list, never from channel names. */
export const CHANNELS: readonly ChannelCapabilities[] = [
  {
    channel: 'sms',
    label: 'SMS',
    attachments: { allowed: false, contentTypes: [], maxBytes: 0 },
    maxTextLength: 1600,
    maxSmsSegments: 10,
    receipts: ['sent', 'delivered'],
    startByPhone: true,
  },
  {
    channel: 'whatsapp',
    label: 'WhatsApp',
    attachments: { allowed: true, contentTypes: MEDIA, maxBytes: 16 * MB },
    maxTextLength: 4096,
    maxSmsSegments: null,
    receipts: ['sent', 'delivered', 'read'],
    startByPhone: true,
  },
  {
    channel: 'telegram',
    label: 'Telegram',
    attachments: {
      allowed: true,
      contentTypes: [...MEDIA, 'application/zip', 'text/plain'],
      maxBytes: 20 * MB,
    },
    maxTextLength: 4096,
    maxSmsSegments: null,
    receipts: ['sent'],
    // A bot cannot message a phone number that has not written to it first.
    startByPhone: false,
  },
];

export function receiptsOf(channel: Channel): ChannelCapabilities['receipts'] {
  return CHANNELS.find((c) => c.channel === channel)?.receipts ?? ['sent'];
}
