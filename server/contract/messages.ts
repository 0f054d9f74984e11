import type { ErrorObject } from 'ajv';

/** Turns ajv's keyword errors into sentences a person understands. */
const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9_-]{1,64}$': "must be an id of 1–64 letters, digits, '-' or '_'",
  '^\\+[1-9][0-9]{6,14}$': 'must be a phone number in international format, e.g. +447700900123',
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
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = e.params as ErrorParams;
  if (e.keyword === 'required' && p.missingProperty) segments.push(p.missingProperty);
  if (e.keyword === 'additionalProperties' && p.additionalProperty) segments.push(p.additionalProperty);
  let out = location;
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : `.${s}`;
  return out;
}
