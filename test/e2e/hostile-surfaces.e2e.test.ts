// Every place the inbox shows someone else's text, fed every hostile string through the real API:
// notes, upload file names and search matches. Each shows the text as typed and makes nothing of
// it: no element, attribute or script, no dialog, no navigation, no policy violation. Names (the
// contact's fields, tags, the New conversation dialog) are hostile-names.e2e.test.ts's; message
// bodies are hostile-text.e2e.test.ts's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  conversationsOf,
  demoUser,
  inbound,
  listPart,
  openConversation,
  rows,
  until,
} from './demo-page.js';
import { assertInert, missing, readable, readWholeLog, textsOf } from './page-guards.js';
import { useHostileDemo } from './hostile-surface.js';

const { demo, payloads, admin, inLanes, guarded } = useHostileDemo();

test('notes: every hostile string written as an internal note shows as its text', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user))[3]!;
  const notes = payloads.map((text) => text.slice(0, 4096));
  for (const [i, text] of notes.entries()) {
    const { status } = await api(demo.server, user, `/conversations/${conversation.id}/notes`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `hostile-note-${i}` },
      body: JSON.stringify({ text }),
    });
    assert.equal(status, 201, `note ${i}`);
  }
  const { page, watch, problems } = await guarded(user);
  await openConversation(page, conversation);
  const seen = await readWholeLog(page, watch, '[part~="note"] .text');
  assert.deepEqual(missing(notes, seen), [], 'every note is on screen as typed');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('upload file names: chips in the composer, attachments in the timeline', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const conversation = (await conversationsOf(demo.server, agent)).find((c) => c.channel === 'telegram')!;
  const pdf = new TextEncoder().encode('%PDF-1.4\n%hostile\n');
  const names: string[] = [];
  for (let start = 0; start < payloads.length; start += 10) {
    const ids: string[] = [];
    for (const text of payloads.slice(start, start + 10)) {
      const form = new FormData();
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), text.slice(0, 200));
      const response = await fetch(`${demo.server.url}/api/attachments?channel=telegram`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${agent.token}` },
        body: form,
      });
      assert.equal(response.status, 201, `upload ${text.slice(0, 40)}`);
      const uploaded = (await response.json()) as { id: string; name: string };
      ids.push(uploaded.id);
      names.push(uploaded.name);
    }
    const sent = await api(demo.server, agent, `/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `hostile-files-${start}` },
      body: JSON.stringify({ text: `Files ${start}`, attachmentIds: ids }),
    });
    assert.equal(sent.status, 201);
  }
  const { page, watch, problems } = await guarded(agent);
  await openConversation(page, conversation);
  const seen = await readWholeLog(page, watch, '[part="attachment"]');
  assert.deepEqual(missing(names, seen), [], 'every file is named as stored');

  // Picked in the composer, the names show on their chips before anything is sent.
  const picker = page.locator('inbox-composer input[type="file"]');
  for (let start = 0; start < payloads.length; start += 10) {
    const batch = payloads.slice(start, start + 10).map((text) => text.slice(0, 200));
    await picker.setInputFiles(
      batch.map((name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(pdf) })),
    );
    const chips = await until('the chips show', async () => {
      const shown = (await textsOf(page, 'inbox-composer [part="attachment-chip"] .chip-name')).map(readable);
      return shown.length === batch.length && shown;
    });
    assert.deepEqual(missing(batch, new Set(chips)), []);
    await assertInert(page, watch, `chips ${start}…`);
    for (let left = batch.length; left > 0; left--) {
      await page.locator('inbox-composer [part="attachment-remove"]').first().click();
    }
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('search: a hostile query finds the message and its match is marked, as text', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user))[7]!;
  for (const text of payloads) await inbound(demo.server, conversation.id, text.slice(0, 4096));
  await inLanes(async (lane) => {
    const { page, watch, problems } = await guarded(user);
    const preview = page.locator(`inbox-conversation-list [data-id="${conversation.id}"] [part="preview"]`);
    for (const [i, text] of lane) {
      // A query as typed, which the server compares with single spaces: the text up to its first
      // line break, tab or run of spaces, 60 characters at most.
      const query = (text.split(/[^\S ]| {2,}/)[0] ?? '').slice(0, 60).trim();
      if (!query) continue;
      // The server matches the phrase or all its words: the row shows the match it found, as text.
      const found = await conversationsOf(demo.server, user, `&q=${encodeURIComponent(query)}`);
      const match = found.find((c) => c.id === conversation.id)?.searchMatch?.text;
      assert.ok(match, `the API finds query ${i}`);
      // Enter searches at once, without the pause a typist gets.
      await listPart(page, 'search').fill(query);
      await listPart(page, 'search').press('Enter');
      // Shown once the row is this query's: the match as its text, only searched words marked (the
      // server may match on fewer words than typed: text search drops what looks like markup).
      const words = query.toLowerCase().split(/\s+/);
      const marks = `inbox-conversation-list [data-id="${conversation.id}"] [part="match"]`;
      await until(`the match for query ${i} shows, marked`, async () => {
        const shown = readable((await preview.textContent().catch(() => '')) ?? '');
        const marked = await textsOf(page, marks);
        return shown.includes(readable(match)) && marked.every((mark) => words.includes(mark.toLowerCase()));
      }).catch(async (error: Error) => {
        const said = JSON.stringify([await preview.textContent(), await textsOf(page, marks), match, words]);
        throw new Error(`${error.message}: ${said}`);
      });
      await assertInert(page, watch, `search ${i}`);
    }
    assert.ok((await rows(page).count()) >= 1);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
