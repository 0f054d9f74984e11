import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { LINK_STEP_SECONDS, LINK_TTL_SECONDS } from '../../domain/attachment-links.js';
import {
  api,
  openStream,
  startServer,
  TOKENS,
  type Backend,
  type MessageItem,
  type Problem,
} from '../helpers.js';
import {
  conversationOf,
  send,
  setUndoWindow,
  startSendingServer,
  upload,
  type TimelinePage,
} from '../sending-helpers.js';

const JOAO = TOKENS.agent2;
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 9, 8, 7, 6,
]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXPIRED = 'This link has expired. Reload the conversation to get a fresh one.';

/** GET a (relative) URL with no Authorization header, as <img src> and <a download> do. */
const anonymous = (server: RunningServer, url: string, method = 'GET') =>
  fetch(new URL(url, server.url), { method });

const withParam = (url: string, name: string, value: string): string => {
  const u = new URL(url, 'http://x');
  u.searchParams.set(name, value);
  return `${u.pathname}${u.search}`;
};

async function userId(server: RunningServer, token: string): Promise<string> {
  return (await api<{ user: { id: string } }>(server, '/api/me', { token })).body.user.id;
}

async function assertRefused(res: Response, type: string, what: string): Promise<Problem> {
  assert.equal(res.status, 401, what);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  const body = (await res.json()) as Problem;
  assert.equal(body.type, `urn:inbox:problem:${type}`, what);
  return body;
}

/** Attachment URLs are short-lived signed links that work without a token, for their user only. */
export function signedLinksSuite(backend: Backend): void {
  describe(`signed attachment links (${backend.name})`, () => {
    let server: RunningServer;
    let conversationId: string;
    let sent: MessageItem;
    let timelineUrl: string;
    let joaoId: string;

    before(async () => {
      ({ server } = await startSendingServer(await backend.newStore()));
      await setUndoWindow(server, 0);
      joaoId = await userId(server, JOAO);
      conversationId = await conversationOf(server, 'whatsapp', 'tm_sales');
    });
    after(() => server?.close());

    it('signs every URL it hands out: upload, send, event and timeline, each working without a token', async () => {
      const stream = await openStream(server, 'sp_retail', JOAO);
      try {
        const up = await upload(server, JOAO, 'whatsapp', { bytes: JPEG, name: 'damage.jpg' });
        assert.equal(up.status, 201);
        const res = await send(server, JOAO, conversationId, { text: 'photo', attachmentIds: [up.body.id] });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        sent = res.body;
        const event = await stream.next('timeline.item', (e) => e.item.id === sent.id, 'the sent item');
        const page = await api<TimelinePage>(server, `/api/conversations/${conversationId}/timeline`, {
          token: JOAO,
        });
        const item = page.body.items.find((i): i is MessageItem => i.id === sent.id)!;
        timelineUrl = item.attachments[0]!.url;

        const now = Math.floor(Date.now() / 1000);
        for (const [where, url] of [
          ['upload', up.body.url],
          ['send', sent.attachments[0]!.url],
          ['event', (event.data.item as MessageItem).attachments[0]!.url],
          ['timeline', timelineUrl],
        ] as const) {
          const u = new URL(url, server.url);
          assert.equal(u.pathname, `/api/attachments/${up.body.id}`, where);
          assert.equal(u.searchParams.get('user'), joaoId, where);
          assert.match(u.searchParams.get('signature') ?? '', /^[A-Za-z0-9_-]{43}$/, where);
          const expires = Number(u.searchParams.get('expires'));
          assert.ok(expires >= now + LINK_TTL_SECONDS - 5, `${where}: valid for about an hour`);
          assert.ok(expires <= now + LINK_TTL_SECONDS + LINK_STEP_SECONDS + 5, `${where}: not much longer`);

          const file = await anonymous(server, url);
          assert.equal(file.status, 200, where);
          assert.equal(file.headers.get('content-type'), 'image/jpeg', where);
          assert.equal(file.headers.get('x-content-type-options'), 'nosniff', where);
          assert.match(file.headers.get('content-security-policy') ?? '', /^sandbox/, where);
          assert.match(file.headers.get('content-disposition') ?? '', /^inline/, where);
          assert.deepEqual(new Uint8Array(await file.arrayBuffer()), JPEG, where);
        }
        // Another user who sees the conversation gets a link of their own.
        const theirs = await api<TimelinePage>(server, `/api/conversations/${conversationId}/timeline`, {
          token: TOKENS.noNotes,
        });
        const theirUrl = theirs.body.items.find((i): i is MessageItem => i.id === sent.id)!.attachments[0]!
          .url;
        assert.equal(
          new URL(theirUrl, server.url).searchParams.get('user'),
          await userId(server, TOKENS.noNotes),
        );
        assert.equal((await anonymous(server, theirUrl)).status, 200);
        assert.equal((await anonymous(server, theirUrl, 'HEAD')).status, 200);
      } finally {
        await stream.close();
      }
    });

    it('serves other files as downloads through a signed link too', async () => {
      const pdf = await upload(server, JOAO, 'telegram', { bytes: PDF, name: 'invoice.pdf' });
      const file = await anonymous(server, pdf.body.url);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="invoice.pdf"/);
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    });

    it('refuses a tampered signature, another user, a moved expiry, another file and an expired link', async () => {
      const sig = new URL(timelineUrl, server.url).searchParams.get('signature')!;
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      const noNotesId = await userId(server, TOKENS.noNotes);
      const other = await upload(server, JOAO, 'whatsapp', { bytes: JPEG, name: 'other.jpg' });
      const otherPath = new URL(timelineUrl, server.url).search;

      for (const [what, url] of [
        ['tampered signature', withParam(timelineUrl, 'signature', flipped)],
        ['truncated signature', withParam(timelineUrl, 'signature', sig.slice(0, 20))],
        ['another user', withParam(timelineUrl, 'user', noNotesId)],
        ['a later expiry', withParam(timelineUrl, 'expires', String(Math.floor(Date.now() / 1000) + 99_999))],
        ['another file', `/api/attachments/${other.body.id}${otherPath}`],
        ['no expiry', withParam(timelineUrl, 'expires', '')],
      ] as const) {
        const body = await assertRefused(await anonymous(server, url), 'invalid-link', what);
        assert.match(body.detail, /Reload the conversation to get a fresh one\.$/, what);
      }

      const attachmentId = sent.attachments[0]!.id;
      const past = Math.floor(Date.now() / 1000) - 1;
      const expired = server.services.links.url(attachmentId, joaoId, past);
      const body = await assertRefused(await anonymous(server, expired), 'link-expired', 'expired');
      assert.equal(body.detail, EXPIRED);
      // The same, signed for a moment from now, still works: it is the expiry that refuses it.
      const fresh = server.services.links.url(attachmentId, joaoId, past + 120);
      assert.equal((await anonymous(server, fresh)).status, 200);
    });

    it('applies the user’s visibility: a genuine link for someone who cannot see the conversation is refused', async () => {
      const attachmentId = sent.attachments[0]!.id;
      const outsiderId = await userId(server, TOKENS.agent);
      // The bearer rule today: this user may not see it.
      assert.equal(
        (await api(server, `/api/attachments/${attachmentId}`, { token: TOKENS.agent })).status,
        404,
      );
      const theirs = server.services.links.url(attachmentId, outsiderId);
      const res = await anonymous(server, theirs);
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal((await res.arrayBuffer()).byteLength > 0, true);
      // An unsent upload is its uploader's only, whoever signs for whom.
      const unsent = await upload(server, JOAO, 'whatsapp', { bytes: JPEG, name: 'draft.jpg' });
      const adminId = await userId(server, TOKENS.admin);
      assert.equal((await anonymous(server, server.services.links.url(unsent.body.id, adminId))).status, 404);
      assert.equal((await anonymous(server, unsent.body.url)).status, 200);
      // A link for a user who no longer exists opens nothing.
      const ghost = server.services.links.url(attachmentId, 'us_nobody');
      await assertRefused(await anonymous(server, ghost), 'invalid-link', 'unknown user');
    });

    it('opens nothing but that download: other routes, methods and bare URLs still need a token', async () => {
      const q = new URL(timelineUrl, server.url).search;
      const attachmentId = sent.attachments[0]!.id;
      assert.equal((await anonymous(server, `/api/attachments/${attachmentId}`)).status, 401);
      for (const path of [
        `/api/me${q}`,
        `/api/conversations/${conversationId}/timeline${q}`,
        `/api/attachments${q}`,
        `/api/attachments/${attachmentId}/x${q}`,
      ]) {
        const res = await anonymous(server, path);
        assert.equal(res.status, 401, path);
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/, path);
      }
      const post = await fetch(new URL(timelineUrl, server.url), { method: 'POST' });
      assert.equal(post.status, 401);
      // With a token the token decides; the link's parameters change nothing.
      assert.equal((await api(server, timelineUrl, { token: TOKENS.noNotes })).status, 200);
      assert.equal((await api(server, timelineUrl, { token: TOKENS.agent })).status, 404);
      assert.equal((await api(server, timelineUrl, { token: 'not-a-real-token' })).status, 401);
    });

    it('keeps the signing key in the database: random per store, the same after a restart', async () => {
      const store = await backend.newStore({ persistent: true });
      const first = await startServer(store);
      let url: string;
      let key: string;
      try {
        const up = await upload(first, JOAO, 'whatsapp', { bytes: JPEG, name: 'kept.jpg' });
        url = up.body.url;
        assert.equal((await anonymous(first, url)).status, 200);
        const rows = await first.services.db.query<{ value: string }>(
          `select value from settings where name = 'attachment_link_key'`,
        );
        key = rows[0]!.value;
        assert.ok(Buffer.from(key, 'base64url').length >= 32);
        const mine = await server.services.db.query<{ value: string }>(
          `select value from settings where name = 'attachment_link_key'`,
        );
        assert.notEqual(mine[0]!.value, key, 'each database has its own key');
        // A link from one database is worthless on another.
        assert.equal((await anonymous(server, url)).status, 401);
      } finally {
        await first.close();
      }
      const second = await startServer(store);
      try {
        const rows = await second.services.db.query<{ value: string }>(
          `select value from settings where name = 'attachment_link_key'`,
        );
        assert.equal(rows[0]!.value, key);
        const file = await anonymous(second, url);
        assert.equal(file.status, 200);
        assert.deepEqual(new Uint8Array(await file.arrayBuffer()), JPEG);
      } finally {
        await second.close();
      }
    });

    if (backend.name === 'postgres') {
      it('signs and verifies alike on two server processes sharing one database', async () => {
        const store = await backend.newStore();
        const a = await startServer(store);
        const b = await startServer(store);
        try {
          const up = await upload(a, JOAO, 'whatsapp', { bytes: JPEG, name: 'shared.jpg' });
          assert.equal((await anonymous(b, up.body.url)).status, 200);
          const id = await userId(b, JOAO);
          assert.equal(
            b.services.links.url(up.body.id, id, 2_000_000_000),
            a.services.links.url(up.body.id, id, 2_000_000_000),
          );
        } finally {
          await a.close();
          await b.close();
        }
      });
    }
  });
}
