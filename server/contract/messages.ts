import type { ErrorObject } from 'ajv';
import { printable } from './plain-text.js';

/** Turns ajv's keyword errors into sentences a person understands. */
const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9_-]{1,64}$': "must be an id of 1–64 letters, digits, '-' or '_'",
  '^\\+[1-9][0-9]{6,14}$': 'must be in international format, e.g. +447700900123',
  '^[A-Z]{2}$': 'must be a two-letter country code, e.g. GB',
  '^#[0-9a-fA-F]{6}$': 'must be a colour like #1a2b3c',
  '^[A-Za-z0-9_-]+$': "may contain only letters, digits, '-' and '_'",
  '^[0-9]{1,18}$': 'must be a number (an event id)',
};

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'a date and time like 2024-05-01T12:00:00Z',
  email: 'an email address',
  uri: 'a URL',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The ajv params the messages read (each keyword fills its own). */
interface ErrorParams {
  allowedValues?: unknown[];
  allowedValue?: unknown;
  type?: string | string[];
  limit?: number;
  pattern?: string;
  format?: string;
  missingProperty?: string;
  additionalProperty?: string;
}

export function describeError(e: ErrorObject): string {
  const p = e.params as ErrorParams;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of: ${(p.allowedValues ?? []).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'type': {
      const types = String(p.type)
        .split(',')
        .filter((t) => t !== 'null');
      return `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
    }
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${p.limit}`;
    case 'minLength':
      return p.limit === 1
        ? 'must not be empty'
        : `must be at least ${plural(p.limit ?? 0, 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(p.limit ?? 0, 'character')} long`;
    case 'minItems':
      return `must have at least ${plural(p.limit ?? 0, 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(p.limit ?? 0, 'item')}`;
    case 'uniqueItems':
      return 'must not contain the same item twice';
    case 'minProperties':
      return p.limit === 1 ? 'must contain at least one field' : `must contain at least ${p.limit} fields`;
    case 'pattern':
      return PATTERN_WORDS[p.pattern ?? ''] ?? 'is not in the expected format';
    case 'format':
      return `must be ${FORMAT_WORDS[p.format ?? ''] ?? `in ${p.format} format`}`;
    case 'oneOf':
    case 'anyOf':
      return 'does not match any of the allowed shapes';
    default:
      return e.message ?? 'is not valid';
  }
}

/** query.status, body.tagIds[0], header.idempotency-key … */
export function errorPath(location: string, e: ErrorObject): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    // A field name comes from the client: shown, but never with control characters or at length.
    .map((s) => printable(s.replace(/~1/g, '/').replace(/~0/g, '~'), 64));
  const p = e.params as ErrorParams;
  if (e.keyword === 'required' && p.missingProperty) segments.push(p.missingProperty);
  if (e.keyword === 'additionalProperties' && p.additionalProperty)
    segments.push(printable(p.additionalProperty, 64));
  let out = location;
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : `.${s}`;
  return out;
}

/** What a person calls each field of the contract; anything else is its name split into words. */
const FIELD_WORDS: Record<string, string> = {
  q: 'search text',
  limit: 'page size',
  cursor: 'page cursor',
  spaceId: 'space',
  teamId: 'team',
  contactId: 'contact',
  conversationId: 'conversation',
  senderProfileId: 'sender profile',
  messageId: 'message',
  attachmentId: 'attachment',
  userId: 'user',
  stepId: 'onboarding step',
  tagIds: 'tag list',
  teamIds: 'team list',
  assigneeIds: 'agent list',
  attachmentIds: 'attachment list',
  phone: 'phone number',
  email: 'email address',
  color: 'colour',
  sort: 'sort order',
  unread: 'unread filter',
  seq: 'read position',
  beforeSeq: 'older-than position',
  afterSeq: 'newer-than position',
  file: 'file',
  expires: 'link expiry',
  signature: 'link signature',
  'if-match': 'If-Match header',
  'idempotency-key': 'Idempotency-Key header',
  'last-event-id': 'Last-Event-ID header',
};

/** `query.q` → "search text", `body.tagIds[2]` → "tag list (item 3)", `body` → "request body". */
export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  if (path === 'body') return 'request body';
  const m = /^(.*?)((?:\[\d+\])*)$/.exec(last)!;
  const name = m[1]!;
  const words = FIELD_WORDS[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const index = /\[(\d+)\]$/.exec(m[2] ?? '');
  return index ? `${words} (item ${Number(index[1]) + 1})` : words;
}

/** One whole sentence about one field, e.g. "The search text is too long: at most 200 characters." */
export function sentenceFor(path: string, e: ErrorObject | null, message: string): string {
  const label = fieldLabel(path);
  const p = (e?.params ?? {}) as ErrorParams;
  switch (e?.keyword) {
    case 'required':
      return `The ${label} is missing.`;
    case 'additionalProperties':
      return `“${label}” is not a field this request takes.`;
    case 'maxLength':
      return `The ${label} is too long: at most ${plural(p.limit ?? 0, 'character')}.`;
    case 'minLength':
      return p.limit === 1
        ? `The ${label} must not be empty.`
        : `The ${label} is too short: at least ${plural(p.limit ?? 0, 'character')}.`;
    case 'maxItems':
      return `The ${label} is too long: at most ${plural(p.limit ?? 0, 'item')}.`;
    default:
      return `The ${label} ${message}.`;
  }
}

/** The detail of a validation problem: each field's sentence (the first three), not a count. */
export function summarizeErrors(
  errors: readonly { sentence?: string; path: string; message: string }[],
): string {
  const sentences = errors.map((e) => e.sentence ?? sentenceFor(e.path, null, e.message));
  const shown = sentences.slice(0, 3).join(' ');
  const more = sentences.length - 3;
  return more > 0 ? `${shown} And ${plural(more, 'more problem')}, listed in “errors”.` : shown;
}
