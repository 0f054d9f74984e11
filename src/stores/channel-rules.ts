// Pure channel rules the composer shows before the server would refuse: SMS parts, attachments.
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

/** Why this text cannot go out on this channel, in words for people; null when it can. */
export function checkText(text: string, channel: ChannelCapabilities): string | null {
  const length = text.length;
  if (length > channel.maxTextLength) {
    return `That message is ${length} characters; ${channel.label} takes up to ${channel.maxTextLength}.`;
  }
  const maxParts = channel.maxSmsSegments;
  if (channel.channel === 'sms' && maxParts) {
    const { segments } = smsSegments(text);
    if (segments > maxParts) return `That message needs ${segments} SMS parts; the limit is ${maxParts}.`;
  }
  return null;
}

/** The file facts checkAttachment needs (a `File` has them). */
export interface AttachmentCandidate {
  name: string;
  size: number;
  type: string;
}

const MB = 1024 * 1024;

/** Why this file cannot be attached on this channel, in words for people; null when it can. */
export function checkAttachment(file: AttachmentCandidate, channel: ChannelCapabilities): string | null {
  const { allowed, contentTypes, maxBytes } = channel.attachments;
  const label = channel.label;
  if (!allowed) return `${label} messages can't carry attachments.`;
  if (!acceptsType(contentTypes, file.type)) {
    const extension = /\.([A-Za-z0-9]{1,10})$/.exec(file.name)?.[1]?.toLowerCase();
    const what = extension ? `.${extension} files` : `this kind of file (${file.type || 'unknown type'})`;
    const takes = contentTypes.map(typeLabel);
    return `${label} doesn't take ${what}.${takes.length ? ` It takes ${listOf(takes)}.` : ''}`;
  }
  if (file.size === 0) return 'That file is empty.';
  if (file.size > maxBytes)
    return `That file is ${megabytes(file.size)}; ${label} takes up to ${megabytes(maxBytes)}.`;
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

/** `image/jpeg` → `JPEG`, `text/plain` → `TXT`, `image/*` → `images`. */
function typeLabel(contentType: string): string {
  const [kind = '', subtype = ''] = contentType.toLowerCase().split('/');
  if (subtype === '*') return `${kind}s`;
  if (contentType === 'text/plain') return 'TXT';
  return subtype.replace(/^x-/, '').toUpperCase();
}

function listOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length < 2 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function megabytes(bytes: number): string {
  const value = bytes / MB;
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}
