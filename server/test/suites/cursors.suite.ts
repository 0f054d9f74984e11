import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { Cursors } from '../../domain/cursor.js';
import { api, startServer, TOKENS, type Backend, type ConversationPage, type Problem } from '../helpers.js';

const SPACE = 'sp_retail';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Page cursors are signed: a made-up, edited or foreign one is a 400, never SQL's 500. */
export function cursorsSuite(backend: Backend): void {
  describe(`page cursors (${backend.name})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(await backend.newStore());
    });
    after(() => server?.close());

    const list = (path: string) => api<ConversationPage & Problem>(server, path, { token: TOKENS.admin });

    const refused = async (path: string, what: string) => {
      const res = await list(path);
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(res.body.detail, /^This page link is not valid/, what);
      assert.equal(res.body.errors?.[0]?.path, 'query.cursor', what);
    };

    it('refuses hand-made cursors, including well-formed tuples of the old unsigned kind', async () => {
      const forged = [
        b64([1, 'latest', 'not a time', 'cv_0001']),
        b64([1, 'latest', '2024-01-01T00:00:00Z', 'cv_0001']),
        b64([1, 'contacts', 'x', 'ct_1']),
        `${b64([1, 'latest', 'x', 'y'])}.${'A'.repeat(43)}`,
        'not-base64!',
        '..',
      ];
      for (const cursor of forged) {
        await refused(`/api/conversations?spaceId=${SPACE}&cursor=${encodeURIComponent(cursor)}`, cursor);
        await refused(`/api/contacts?spaceId=${SPACE}&cursor=${encodeURIComponent(cursor)}`, cursor);
      }
    });

    it('follows its own cursors, and refuses one with a single character changed', async () => {
      for (const base of [
        `/api/conversations?spaceId=${SPACE}&limit=3`,
        `/api/contacts?spaceId=${SPACE}&limit=3`,
      ]) {
        const first = await list(base);
        const cursor = first.body.nextCursor;
        assert.ok(cursor, base);
        const second = await list(`${base}&cursor=${encodeURIComponent(cursor)}`);
        assert.equal(second.status, 200, JSON.stringify(second.body));
        assert.notDeepEqual(second.body.items[0], first.body.items[0]);
        // Change the sort key inside the signed part: the signature no longer matches.
        const [payload, signature] = cursor.split('.') as [string, string];
        const tuple = JSON.parse(Buffer.from(payload, 'base64url').toString()) as unknown[];
        tuple[2] = 'garbage';
        await refused(`${base}&cursor=${b64(tuple)}.${signature}`, `${base}: edited payload`);
        // The last character carries two padding bits a base64 decoder drops: still refused.
        const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
        await refused(`${base}&cursor=${payload}.${flipped}`, `${base}: edited signature`);
      }
    });

    it('verifies with the database’s key: every process on one database, and no other', () => {
      const position = { sort: 'latest', key: '2024-05-01 12:00:00+00', id: 'cv_0001' };
      const shared = randomBytes(32);
      const a = new Cursors(shared);
      const b = new Cursors(Buffer.from(shared));
      assert.deepEqual(b.decode(a.encode(position), 'latest'), position);
      assert.throws(() => new Cursors(randomBytes(32)).decode(a.encode(position), 'latest'), /not valid/);
    });
  });
}
