import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, invalidField } from './errors.js';

/** Keyset position of the last row of a page: its sort key (as Postgres printed it) and id. */
export interface Cursor {
  sort: string;
  key: string;
  id: string;
}

const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Page cursors are opaque and tamper-evident: the position plus an HMAC-SHA256 under a server
 * secret. A cursor the server did not hand out is refused before any of it reaches SQL, where a
 * made-up sort key would otherwise fail as "invalid input syntax for type timestamp".
 *
 * The key is derived from the server key kept in the database (the one that signs attachment
 * links), so every process on one database accepts every other's cursors with nothing to configure.
 */
export class Cursors {
  private readonly key: Buffer;

  constructor(serverKey: Buffer) {
    // A key of its own, so a cursor signature can never stand in for an attachment link's.
    this.key = createHmac('sha256', serverKey).update('inbox-cursor-key').digest();
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`inbox-cursor-v1.${payload}`).digest('base64url');
  }

  encode(c: Cursor): string {
    const payload = Buffer.from(JSON.stringify([1, c.sort, c.key, c.id])).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The position in `raw`, which must be a cursor this server made for the same sort order. */
  decode(raw: string, sort: string): Cursor {
    try {
      const [payload, signature, ...rest] = raw.split('.');
      if (payload && signature && rest.length === 0 && SIGNATURE.test(signature)) {
        // Compared as text: decoding would ignore the last character's two padding bits.
        const given = Buffer.from(signature);
        const expected = Buffer.from(this.sign(payload));
        if (timingSafeEqual(given, expected)) {
          const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
          if (Array.isArray(v) && v[0] === 1 && typeof v[2] === 'string' && typeof v[3] === 'string') {
            if (v[1] !== sort)
              throw invalid(
                'The page link belongs to another sort order. Load the list again from its first page.',
                'belongs to another sort order',
              );
            return { sort, key: v[2], id: v[3] };
          }
        }
      }
    } catch (e) {
      if (e instanceof DomainError) throw e;
    }
    throw invalid(
      'This page link is not valid (it may have been changed or copied wrongly). Load the list again from its first page.',
      'is not a cursor this server gave out',
    );
  }
}

const invalid = (detail: string, message: string) => invalidField(detail, 'query.cursor', message);
