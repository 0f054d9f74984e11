// Pure channel rules the composer checks before the server would refuse: SMS parts, attachments.
import type { ClientProblem } from '../api/errors.js';
import type { ChannelCapabilities } from '../api/types.js';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** How many SMS parts the text takes (0 for no text). */
  segments: number;
  /** Characters (GSM-7 septets or UTF-16 units) still free in the last part. */
  charactersLeftInSegment: number;
}

// GSM 03.38 basic table (without the escape code itself) and the extension table, whose
// characters are sent as escape + character and so count twice.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  // A concatenated part gives up 7 septets (GSM-7) or 3 characters (UCS-2) to its header.
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

/** How an SMS text is encoded and how many parts it takes. */
export function smsSegments(text: string): SmsSegments {
  const chars = [...text]; // Code points: a surrogate pair is one character.
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  // GSM-7: extension characters take 2 septets. UCS-2: astral characters (emoji) take 2 units.
  const sizes = chars.map((c) => (gsm ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const { single, multi } = LIMITS[encoding];
  if (total <= single) {
    return { encoding, segments: total === 0 ? 0 : 1, charactersLeftInSegment: single - total };
  }
  // Phones never split an escape pair or a surrogate pair across parts, so pack character by character.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, charactersLeftInSegment: multi - used };
}

/** The most characters a message on this channel may have (what a composer's maxlength is). */
export function textLimit(channel: ChannelCapabilities): number {
  return channel.maxTextLength;
}

/** The refusals of checkText and checkAttachment; the i18n layer words them. */
export type ChannelProblem = Extract<
  ClientProblem,
  {
    code:
      | 'text-too-long'
      | 'too-many-sms-parts'
      | 'attachments-not-allowed'
      | 'file-type-refused'
      | 'file-empty'
      | 'file-too-large';
  }
>;

/** Why this text cannot go out on this channel; null when it can. */
export function checkText(text: string, channel: ChannelCapabilities): ChannelProblem | null {
  const length = text.length;
  if (length > channel.maxTextLength)
    return { code: 'text-too-long', channel: channel.channel, length, max: channel.maxTextLength };
  const maxParts = channel.maxSmsSegments;
  if (channel.channel === 'sms' && maxParts) {
    const { segments } = smsSegments(text);
    if (segments > maxParts) return { code: 'too-many-sms-parts', parts: segments, max: maxParts };
  }
  return null;
}

/** The file facts checkAttachment needs (a `File` has them). */
export interface AttachmentCandidate {
  name: string;
  size: number;
  type: string;
}

/** Why this file cannot be attached on this channel; null when it can. */
export function checkAttachment(
  file: AttachmentCandidate,
  channel: ChannelCapabilities,
): ChannelProblem | null {
  const { allowed, contentTypes, maxBytes } = channel.attachments;
  if (!allowed) return { code: 'attachments-not-allowed', channel: channel.channel };
  if (!acceptsType(contentTypes, file.type)) {
    const extension = /\.([A-Za-z0-9]{1,10})$/.exec(file.name)?.[1]?.toLowerCase() ?? null;
    return {
      code: 'file-type-refused',
      channel: channel.channel,
      extension,
      type: file.type,
      accepted: contentTypes,
    };
  }
  if (file.size === 0) return { code: 'file-empty' };
  if (file.size > maxBytes)
    return { code: 'file-too-large', channel: channel.channel, size: file.size, max: maxBytes };
  return null;
}

function acceptsType(contentTypes: readonly string[], type: string): boolean {
  const normalized = type.toLowerCase().split(';')[0]?.trim() ?? '';
  if (!normalized) return false;
  return contentTypes.some((accepted) => {
    const a = accepted.toLowerCase();
    return a === normalized || (a.endsWith('/*') && normalized.startsWith(a.slice(0, -1)));
  });
}
