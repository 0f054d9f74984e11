import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { api, TOKENS, type Backend, type Problem } from '../helpers.js';
import {
  conversationOf,
  send,
  setUndoWindow,
  startSendingServer,
  upload,
  waitForStatus,
} from '../sending-helpers.js';

const JOAO = TOKENS.agent2;
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4,
]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = new TextEncoder().encode('<!doctype html><html><script>alert(document.cookie)</script></html>');
const SVG = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
);

/** Uploads: per-channel rules, sniffed types, safe serving, and use in a send. */
export function attachmentsSuite(backend: Backend): void {
  describe(`attachments (${backend.name})`, () => {
    let server: RunningServer;

    before(async () => {
      ({ server } = await startSendingServer(await backend.newStore()));
      await setUndoWindow(server, 0);
    });
    after(() => server?.close());

    it('refuses SMS, files over the channel limit, and markup whatever its name says', async () => {
      const sms = await upload(server, JOAO, 'sms', { bytes: JPEG, name: 'photo.jpg', type: 'image/jpeg' });
      assert.equal(sms.status, 415);
      assert.equal(sms.body.detail, "SMS messages can't carry attachments.");
      // Refused once read (a small file) or on its declared length alone (a large one), the reason is the same.
      for (const size of [32 * 1024, 2 * 1024 * 1024]) {
        const bytes = new Uint8Array(size);
        bytes.set(JPEG);
        const refused = await upload(server, JOAO, 'sms', { bytes, name: 'photo.jpg', type: 'image/jpeg' });
        assert.equal(refused.status, 415, `${size} bytes`);
        assert.equal(refused.body.detail, "SMS messages can't carry attachments.");
      }

      const big = new Uint8Array(16 * 1024 * 1024 + 1);
      big.set(JPEG);
      const tooBig = await upload(server, JOAO, 'whatsapp', {
        bytes: big,
        name: 'huge.jpg',
        type: 'image/jpeg',
      });
      assert.equal(tooBig.status, 413);
      assert.match(tooBig.body.detail ?? '', /is larger than WhatsApp's 16 MB limit\.$/);

      for (const [bytes, label] of [
        [HTML, 'HTML'],
        [SVG, 'SVG'],
      ] as const) {
        for (const channel of ['whatsapp', 'telegram']) {
          const res = await upload(server, JOAO, channel, { bytes, name: 'cute-cat.png', type: 'image/png' });
          assert.equal(res.status, 415, `${label} on ${channel}`);
          assert.match(res.body.detail ?? '', new RegExp(`^${label} files can't be sent on`));
        }
      }
      const unknown = await upload(server, JOAO, 'whatsapp', {
        bytes: new Uint8Array([0, 1, 2, 3, 4, 5]),
        name: 'blob.bin',
      });
      assert.equal(unknown.status, 415);
      const missing = await upload(server, JOAO, 'whatsapp', null);
      assert.equal(missing.status, 400);
      const json = await api<Problem>(server, '/api/attachments?channel=whatsapp', {
        token: JOAO,
        method: 'POST',
        body: { file: 'x' },
      });
      assert.equal(json.status, 400);
      const rows = await server.services.db.query<{ n: number }>(
        'select count(*)::int as n from attachments',
      );
      assert.equal(Number(rows[0]!.n), 0, 'nothing refused was stored');
    });

    it('stores a JPEG by its bytes and serves it with nosniff and a sandbox; other types as downloads', async () => {
      const res = await upload(server, JOAO, 'whatsapp', {
        bytes: JPEG,
        name: '../../etc/notes.txt',
        type: 'text/html',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.contentType, 'image/jpeg');
      assert.equal(res.body.size, JPEG.length);
      assert.equal(res.body.name, 'notes.txt');
      const file = await fetch(new URL(res.body.url, server.url), {
        headers: { authorization: `Bearer ${JOAO}` },
      });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/jpeg');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.match(file.headers.get('content-security-policy') ?? '', /^sandbox/);
      assert.match(file.headers.get('content-disposition') ?? '', /^inline/);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), JPEG);

      const pdf = await upload(server, JOAO, 'telegram', { bytes: PDF, name: 'invoice.pdf' });
      assert.equal(pdf.status, 201);
      const served = await fetch(new URL(pdf.body.url, server.url), {
        headers: { authorization: `Bearer ${JOAO}` },
      });
      assert.equal(served.headers.get('content-type'), 'application/pdf');
      assert.match(served.headers.get('content-disposition') ?? '', /^attachment; filename="invoice.pdf"/);
      // Not sent yet: only the uploader may fetch it.
      assert.equal((await api(server, pdf.body.url, { token: TOKENS.manager })).status, 404);
    });

    it('sends only the sender’s own uploads for the same channel, once', async () => {
      const conversationId = await conversationOf(server, 'whatsapp', 'tm_sales');
      const mine = await upload(server, JOAO, 'whatsapp', { bytes: JPEG, name: 'damage.jpg' });
      const forTelegram = await upload(server, JOAO, 'telegram', { bytes: JPEG, name: 'other.jpg' });
      const theirs = await upload(server, TOKENS.manager, 'whatsapp', { bytes: JPEG, name: 'theirs.jpg' });

      for (const [id, message] of [
        [forTelegram.body.id, 'was uploaded for Telegram, not WhatsApp'],
        [theirs.body.id, 'is not one of your uploads'],
      ] as const) {
        const res = await send(server, JOAO, conversationId, { text: 'see photo', attachmentIds: [id] });
        assert.equal(res.status, 400);
        const problem = res.body as unknown as Problem;
        assert.deepEqual(problem.errors, [{ path: 'body.attachmentIds[0]', message }]);
      }
      const sent = await send(server, JOAO, conversationId, { text: '', attachmentIds: [mine.body.id] });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.deepEqual(
        sent.body.attachments.map((a) => a.id),
        [mine.body.id],
      );
      const reused = await send(server, JOAO, conversationId, {
        text: 'again',
        attachmentIds: [mine.body.id],
      });
      assert.equal(reused.status, 400);
      await waitForStatus(server, JOAO, conversationId, sent.body.id, 'read');
      // Sent: whoever sees the conversation may fetch it; others still get 404.
      assert.equal((await api(server, mine.body.url, { token: TOKENS.noNotes })).status, 200);
      assert.equal((await api(server, mine.body.url, { token: TOKENS.agent })).status, 404);
    });
  });
}
