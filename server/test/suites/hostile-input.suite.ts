import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { api, TOKENS, type ApiResponse, type Backend, type Problem } from '../helpers.js';
import { newKey } from '../sending-helpers.js';

const PROBLEM = /^application\/problem\+json/;
const SPACE = 'sp_retail';
const CONVERSATION = 'cv_0002';

/** Text Postgres refuses (NUL) or that is never real text; each must be a 400 naming its field. */
const BAD_TEXT: [label: string, value: string, why: RegExp][] = [
  ['NUL', 'a\u0000b', /control characters such as U\+0000/],
  ['BEL', 'ring\u0007', /control characters such as U\+0007/],
  ['ESC', '\u001b[31mred', /control characters such as U\+001B/],
  ['C1 control', 'next\u0085line', /control characters such as U\+0085/],
  ['lone high surrogate', 'half \ud83d', /half of a character \(U\+D83D\)/],
  ['lone low surrogate', '\ude00 half', /half of a character \(U\+DE00\)/],
];

/** NUL and friends, numbers past int4, and forged ids: always a 4xx problem, never a 500. */
export function hostileInputSuite(backend: Backend): void {
  describe(`hostile input (${backend.name})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServerFor(backend);
    });
    after(() => server?.close());

    const refused = (res: ApiResponse<Problem>, field: string, why: RegExp, what: string) => {
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM, what);
      const error = res.body.errors?.find((e) => e.path === field);
      assert.ok(error, `${what}: an error for ${field} in ${JSON.stringify(res.body.errors)}`);
      assert.match(error.message, why, what);
      assert.match(res.body.detail, why, what);
    };

    it('refuses control characters and lone surrogates in every kind of text, naming the field', async () => {
      for (const [label, value, why] of BAD_TEXT) {
        const key = { 'idempotency-key': newKey() };
        const cases: [string, string, Parameters<typeof api>[2], string][] = [
          [
            'message',
            `/api/conversations/${CONVERSATION}/messages`,
            { method: 'POST', headers: key, body: { text: value } },
            'body.text',
          ],
          [
            'note',
            `/api/conversations/${CONVERSATION}/notes`,
            { method: 'POST', headers: key, body: { text: value } },
            'body.text',
          ],
          [
            'inbound',
            '/demo/inbound',
            { method: 'POST', body: { conversationId: CONVERSATION, text: value } },
            'body.text',
          ],
          [
            'new contact name',
            '/api/contacts',
            { method: 'POST', body: { spaceId: SPACE, phone: '+447700900555', name: value } },
            'body.name',
          ],
          [
            'contact company',
            '/api/contacts',
            { method: 'POST', body: { spaceId: SPACE, phone: '+447700900556', company: value } },
            'body.company',
          ],
          [
            'contact notes',
            '/api/contacts',
            { method: 'POST', body: { spaceId: SPACE, phone: '+447700900557', notes: value } },
            'body.notes',
          ],
          ['tag name', '/api/tags', { method: 'POST', body: { spaceId: SPACE, name: value } }, 'body.name'],
        ];
        // A URL cannot carry a lone surrogate (it has no UTF-8 form): those reach JSON bodies only.
        if (!/[\ud800-\udfff]/u.test(value)) {
          const q = encodeURIComponent(value);
          cases.push(
            ['conversation search', `/api/conversations?spaceId=${SPACE}&q=${q}`, {}, 'query.q'],
            ['contact search', `/api/contacts?spaceId=${SPACE}&q=${q}`, {}, 'query.q'],
          );
        }
        for (const [what, path, init, field] of cases) {
          const res = await api<Problem>(server, path, { token: TOKENS.admin, ...init });
          refused(res, field, why, `${label} in ${what}`);
        }
      }
    });

    it('keeps tabs and line breaks in multi-line text, and only there', async () => {
      const text = 'line one\r\nline two\n\tindented';
      const note = await api<{ text: string }>(server, `/api/conversations/${CONVERSATION}/notes`, {
        token: TOKENS.admin,
        method: 'POST',
        headers: { 'idempotency-key': newKey() },
        body: { text },
      });
      assert.equal(note.status, 201, JSON.stringify(note.body));
      assert.equal(note.body.text, text);
      const tag = await api<Problem>(server, '/api/tags', {
        token: TOKENS.admin,
        method: 'POST',
        body: { spaceId: SPACE, name: 'two\nlines' },
      });
      refused(tag, 'body.name', /control characters such as U\+000A/, 'a line break in a tag name');
    });

    it('refuses integers past 2^31 − 1, non-finite numbers and fractions instead of failing in SQL', async () => {
      const timeline = `/api/conversations/${CONVERSATION}/timeline`;
      for (const [param, value, why] of [
        ['beforeSeq', '2147483648', /at most 2147483647/],
        ['afterSeq', '2147483648', /at most 2147483647/],
        ['afterSeq', '1e300', /at most 2147483647/],
        ['beforeSeq', 'Infinity', /finite number|at most/],
        ['afterSeq', '-Infinity', /finite number|at least/],
        ['afterSeq', '-1', /at least 0/],
        ['beforeSeq', '1.5', /whole number/],
        ['limit', '1e300', /at most 200/],
      ] as const) {
        const res = await api<Problem>(server, `${timeline}?${param}=${value}`, { token: TOKENS.admin });
        refused(res, `query.${param}`, why, `${param}=${value}`);
      }
      for (const raw of ['{"seq":2147483648}', '{"seq":1e400}', '{"seq":-1e400}', '{"seq":1e300}']) {
        const res = await api<Problem>(server, `/api/conversations/${CONVERSATION}/read`, {
          token: TOKENS.admin,
          method: 'PUT',
          body: raw,
        });
        refused(res, 'body.seq', /at most|finite|at least|whole number/, raw);
      }
    });

    it('answers 404 or 400, never 500, for forged ids of every kind', async () => {
      const forged = ['x', 'cv_999999', 'Z'.repeat(64), 'itm_9999999999999999999999', '0', '-_-'];
      for (const id of forged) {
        const paths: [string, Parameters<typeof api>[2]][] = [
          [`/api/conversations/${id}`, {}],
          [`/api/conversations/${id}/timeline`, {}],
          [`/api/contacts/${id}`, {}],
          [`/api/messages/${id}/cancel`, { method: 'POST' }],
          [`/api/messages/${id}/retry`, { method: 'POST' }],
          [`/api/attachments/${id}`, {}],
          [`/api/sender-profiles/${id}/availability?phone=%2B447700900123`, {}],
          [`/demo/inbox-access/${id}/approve`, { method: 'POST' }],
          [`/api/conversations?spaceId=${id}`, {}],
          [
            `/api/conversations/${CONVERSATION}/messages`,
            {
              method: 'POST',
              headers: { 'idempotency-key': newKey() },
              body: { text: 'hi', attachmentIds: [id] },
            },
          ],
          [
            '/api/conversations',
            {
              method: 'POST',
              headers: { 'idempotency-key': newKey() },
              body: { spaceId: SPACE, senderProfileId: id, teamId: id, phone: '+447700900123', text: 'hi' },
            },
          ],
          ['/demo/inbound', { method: 'POST', body: { conversationId: id, text: 'hi' } }],
        ];
        for (const [path, init] of paths) {
          const res = await api<Problem>(server, path, { token: TOKENS.admin, ...init });
          const what = `${init?.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(res.body)}`;
          assert.ok([400, 403, 404, 409].includes(res.status), what);
          assert.match(res.headers.get('content-type') ?? '', PROBLEM, what);
          assert.ok(res.body.detail.length > 10, what);
        }
      }
      // Ids of other kinds in the bodies of changes, with the conversation's current version.
      const conv = await api<{ version: number }>(server, `/api/conversations/${CONVERSATION}`, {
        token: TOKENS.admin,
      });
      const ifMatch = { 'if-match': `"${conv.body.version}"` };
      for (const [path, body] of [
        ['assignment', { teamIds: ['tm_nope'], assigneeIds: ['usr_nope'] }],
        ['assignment', { teamIds: ['tm_sales'], assigneeIds: ['usr_nope'] }],
        ['tags', { tagIds: ['tag_nope', 'x'] }],
      ] as const) {
        const res = await api<Problem>(server, `/api/conversations/${CONVERSATION}/${path}`, {
          token: TOKENS.admin,
          method: 'PUT',
          headers: ifMatch,
          body,
        });
        assert.equal(res.status, 400, `${path} ${JSON.stringify(res.body)}`);
        assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      }
    });
  });
}

async function startServerFor(backend: Backend): Promise<RunningServer> {
  const { startServer } = await import('../helpers.js');
  return startServer(await backend.newStore());
}
