import { DomainError, invalidField } from './errors.js';

/** Keyset position of the last row of a page: its sort key (as Postgres printed it) and id. */
export interface Cursor {
  sort: string;
  key: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([1, c.sort, c.key, c.id])).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v[0] === 1 && typeof v[2] === 'string' && typeof v[3] === 'string') {
      if (v[1] !== sort) throw invalid('belongs to another sort order; start again without a cursor');
      return { sort, key: v[2], id: v[3] };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
  }
  throw invalid('is not a cursor this server gave out');
}

const invalid = (message: string) =>
  invalidField(
    `The page cursor ${message}. Load the list again from its first page.`,
    'query.cursor',
    message,
  );
