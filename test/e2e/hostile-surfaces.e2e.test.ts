// Every place the inbox shows someone else's text, fed every hostile string through the real API:
// notes, the contact's name, company and notes (Details, list row, header, the CRM page's own
// fields), tag names, upload file names, search matches and the New conversation dialog. Each shows
// the text as typed and makes nothing of it: no element, attribute or script, no dialog, no
// navigation, no policy violation. Message bodies are hostile-text.e2e.test.ts's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { oneLine, sharedFixturesPresent, writable, xssPayloads } from './hostile-strings.js';
import {
  api,
  conversationsOf,
  demoUser,
  inbound,
  listPart,
  openConversation,
  openPage,
  rows,
  type Conversation,
  type DemoUser,
  until,
  useDemo,
} from './demo-page.js';
import {
  assertInert,
  missing,
  readable,
  readWholeLog,
  textsOf,
  watchPage,
  type PageWatch,
} from './page-guards.js';

const demo = useDemo();
const payloads = writable(xssPayloads());
console.log(
  `${payloads.length} hostile strings (shared fixtures ${sharedFixturesPresent() ? 'included' : 'absent'})`,
);

type Contact = { id: string; name: string; company: string | null; notes: string | null; version: number };
type Tag = { id: string; name: string };

/** +447700900123 as +44 7700900123: the same number, typed differently. */
const spaced = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3)}`;

const admin = () => demoUser(demo.server, (u) => u.role === 'admin');

/**
 * Runs `work` once per lane at once, each lane every LANES-th string with its index (each lane opens
 * its own page): a check mostly waits (a lookup, a render), so the waits overlap. 4 pages stay under
 * a user's cap of 6 event streams.
 */
const LANES = 4;
function inLanes(work: (lane: [number, string][], index: number) => Promise<void>): Promise<void[]> {
  const lanes = Array.from({ length: LANES }, (_, index) =>
    [...payloads.entries()].filter(([i]) => i % LANES === index),
  );
  return Promise.all(lanes.map((lane, index) => work(lane, index)));
}

/** Opens a host page (the demo page unless `path` says) with every guard on. */
async function guarded(
  user: DemoUser,
  path = '/',
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ page: Page; watch: PageWatch; problems: string[] }> {
  let watch!: PageWatch;
  const opened = await openPage(
    demo.browser,
    demo.server,
    user,
    async (page) => {
      watch = await watchPage(page);
      await beforeLoad?.(page);
    },
    path,
  );
  await rows(opened.page).first().waitFor({ timeout: 20_000 });
  return { ...opened, watch };
}

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

test('the contact’s name, company and notes, on the demo page and on the CRM page', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user, '&view=mine'))[0]!;
  const demoPage = await guarded(user);
  await openConversation(demoPage.page, conversation);
  const crm = await guarded(user, '/crm.html');
  await listPart(crm.page, 'search').fill(conversation.contact.phone);
  await crm.page.locator(`inbox-conversation-list [role="option"][data-id="${conversation.id}"]`).click();
  await crm.page.locator('inbox-details [part="contact-facts"]').waitFor();

  let contact = (await api<Contact>(demo.server, user, `/contacts/${conversation.contact.id}`)).body;
  for (const [i, text] of payloads.entries()) {
    // Each value distinct from the one before, so every step is a change the pages must show.
    const patch = {
      name: oneLine(`${i} ${text}`).slice(0, 200),
      company: oneLine(`${text} ${i}`).slice(0, 200),
      notes: `${i}: ${text}`.slice(0, 5000),
    };
    const saved = await api<Contact>(demo.server, user, `/contacts/${contact.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': `"${contact.version}"` },
      body: JSON.stringify(patch),
    });
    assert.equal(saved.status, 200, `contact edit ${i}`);
    contact = saved.body;
    const name = readable(contact.name);
    for (const { page, watch } of [demoPage, crm]) {
      const facts = page.locator('inbox-details [part="contact-facts"]');
      await until(`the Details show contact ${i}`, async () => {
        const shown = readable((await facts.textContent()) ?? '');
        return (
          shown.includes(name) &&
          shown.includes(readable(contact.company!)) &&
          shown.includes(readable(contact.notes!))
        );
      });
      await assertInert(page, watch, `contact ${i}`);
    }
    // The list row and the conversation header say the name too; the CRM fields name it as well.
    const row = demoPage.page.locator(
      `inbox-conversation-list [data-id="${conversation.id}"] [part="contact"]`,
    );
    assert.ok(readable((await row.textContent()) ?? '').includes(name), `row ${i}`);
    const header = demoPage.page.locator('inbox-timeline [part="header"] [part="contact"]');
    await until(`the header names contact ${i}`, async () =>
      readable((await header.textContent()) ?? '').includes(name),
    );
    const record = await crm.page.locator('#record-name').textContent();
    assert.equal(record, contact.name, `the CRM record's heading ${i}`);
    assert.ok(
      (await crm.page.locator('#record-meta').textContent())?.includes(contact.company!),
      `CRM meta ${i}`,
    );
  }
  assert.deepEqual(demoPage.problems, []);
  assert.deepEqual(crm.problems, []);
  await demoPage.page.context().close();
  await crm.page.context().close();
});

test('tag names: on the conversation, in the tags editor and in the timeline', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user))[5]!;
  const me = await api<{ spaces: { id: string }[] }>(demo.server, user, '/me');
  const tags: Tag[] = [];
  // A tag name is at most 50 characters, and not blank.
  for (const name of payloads.map((text) => oneLine(text).slice(0, 50)).filter((name) => name.trim())) {
    const created = await api<Tag>(demo.server, user, '/tags', {
      method: 'POST',
      body: JSON.stringify({ spaceId: me.body.spaces[0]!.id, name }),
    });
    // Names the space already has (two vectors alike in their first 50 characters) are that tag.
    if (created.status === 201) tags.push(created.body);
    else assert.equal(created.status, 409, `tag ${name}`);
  }
  const { page, watch, problems } = await guarded(user);
  await openConversation(page, conversation);
  for (let start = 0; start < tags.length; start += 50) {
    const batch = tags.slice(start, start + 50);
    const current = await api<Conversation>(demo.server, user, `/conversations/${conversation.id}`);
    const put = await api(demo.server, user, `/conversations/${conversation.id}/tags`, {
      method: 'PUT',
      headers: { 'If-Match': `"${current.body.version}"` },
      body: JSON.stringify({ tagIds: batch.map((t) => t.id) }),
    });
    assert.equal(put.status, 200);
    const names = batch.map((t) => t.name);
    await until(`the Details show tags ${start}…`, async () => {
      const shown = (await textsOf(page, 'inbox-details [part="tag"]')).map(readable);
      return shown.length === batch.length && missing(names, new Set(shown)).length === 0;
    }).catch(async (error: Error) => {
      const shown = (await textsOf(page, 'inbox-details [part="tag"]')).map(readable);
      throw new Error(`${error.message}: missing ${JSON.stringify(missing(names, new Set(shown)))}`);
    });
    await assertInert(page, watch, `tags ${start}…`);
  }
  // The editor lists every tag of the space by name.
  await page.locator('inbox-details [data-section="tags"] [part="edit-button"]').click();
  const labels = new Set(
    (await textsOf(page, 'inbox-details [part="tags-editor"] label.choice')).map(readable),
  );
  assert.deepEqual(
    missing(
      tags.map((t) => t.name),
      labels,
    ),
    [],
  );
  await assertInert(page, watch, 'the tags editor');
  await page.keyboard.press('Escape');
  // The timeline's "tags changed" events name them too.
  await readWholeLog(page, watch, '[part="event"]');
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

test('New conversation dialog: the contact a number belongs to and the sender profile names', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  // One conversation, and so one contact, per lane: each lane renames its own.
  const conversations = (await conversationsOf(demo.server, agent, '&status=active')).filter(
    (c, i, all) => c.channel !== 'telegram' && all.findIndex((o) => o.contact.id === c.contact.id) === i,
  );
  assert.ok(conversations.length >= LANES, `${LANES} contacts to rename`);
  const editor = await admin();
  await inLanes(async (lane, index) => {
    const existing = conversations[index]!;
    const { page, watch, problems } = await guarded(agent);
    const dialog = (selector: string) => page.locator(`inbox-new-conversation dialog ${selector}`);
    await page.locator('inbox-new-conversation [part="trigger-button"]').click();
    await dialog('#profile').selectOption(existing.senderProfile.id);

    // An admin renames the contact (agents may not edit contacts); the agent's dialog names it.
    let contact = (await api<Contact>(demo.server, editor, `/contacts/${existing.contact.id}`)).body;
    for (const [step, [i, text]] of lane.entries()) {
      const saved = await api<Contact>(demo.server, editor, `/contacts/${contact.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': `"${contact.version}"` },
        body: JSON.stringify({ name: oneLine(`${i} ${text}`).slice(0, 200) }),
      });
      assert.equal(saved.status, 200);
      contact = saved.body;
      // The same number written two ways in turn: each is a new lookup.
      await dialog('#phone').fill(step % 2 ? existing.contact.phone : spaced(existing.contact.phone));
      await until(`the dialog names contact ${i}`, async () => {
        const said = readable(
          (await dialog('[part="contact"]')
            .textContent()
            .catch(() => '')) ?? '',
        );
        return said.includes(readable(contact.name));
      });
      assert.ok(
        readable((await dialog('[part="existing"]').textContent()) ?? '').includes(readable(contact.name)),
      );
      await assertInert(page, watch, `dialog contact ${i}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

test('New conversation dialog: sender profile names a backend hands the page', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  // No route of the reference server writes sender profiles: the list comes back renamed, the way
  // another backend's data could read.
  const { page, watch, problems } = await guarded(agent, '/', async (page) => {
    await page.route(/\/api\/sender-profiles(\?|$)/, async (route) => {
      const response = await route.fetch();
      // Telegram profiles cannot start a conversation by number: the dialog leaves them out.
      const profiles = ((await response.json()) as { id: string; name: string; channel: string }[]).filter(
        (profile) => profile.channel !== 'telegram',
      );
      const renamed = payloads.map((name, i) => {
        const profile = profiles[i % profiles.length]!;
        return { ...profile, id: `${profile.id}${i}`, name };
      });
      await route.fulfill({ response, json: renamed });
    });
  });
  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  const options = page.locator('inbox-new-conversation dialog #profile option');
  await until('the profiles are listed', async () => (await options.count()) >= payloads.length).catch(
    async (error: Error) => {
      throw new Error(
        `${error.message}: ${await page.locator('inbox-new-conversation dialog').textContent()}`,
      );
    },
  );
  const seen = new Set((await options.allTextContents()).map(readable));
  assert.deepEqual(missing(payloads, seen), []);
  await assertInert(page, watch, 'profile names');
  assert.deepEqual(problems, []);
  await page.context().close();
});
