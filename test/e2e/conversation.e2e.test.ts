// The conversation against the running server: undo send, receipts, idempotent sends, note access,
// attachments on SMS, drafts across switching and reload. Real server, real browser, no mocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  api,
  conversationsOf as listConversations,
  demoUser,
  listPart,
  nestedShapes,
  openConversation,
  openDemo,
  rows,
  type Conversation,
  type DemoUser,
  until,
  useDemo,
} from './demo-page.js';
import type { components } from '../../src/api/schema.js';

type TimelineItem = components['schemas']['TimelineItem'];
type MessageItem = components['schemas']['MessageItem'];

// Receipts quickly, so "Sent, then Delivered, then Read" takes a moment, not seconds.
const demo = useDemo({ SIMULATOR_RECEIPT_DELAY_MS: '150' });

const conversationsOf = (user: DemoUser, query = '') => listConversations(demo.server, user, query);

/** A conversation of the channel whose number will not fail in the simulator. */
async function pick(
  user: DemoUser,
  channel: Conversation['channel'],
  except: string[] = [],
): Promise<Conversation> {
  const found = (await conversationsOf(user)).find(
    (c) => c.channel === channel && !c.contact.phone.endsWith('0000') && !except.includes(c.id),
  );
  assert.ok(found, `a ${channel} conversation is visible to ${user.name}`);
  return found;
}

async function timelineOf(user: DemoUser, conversationId: string): Promise<TimelineItem[]> {
  const { body } = await api<{ items: TimelineItem[] }>(
    demo.server,
    user,
    `/conversations/${conversationId}/timeline?limit=200`,
  );
  return body.items;
}

const composerField = (page: Page) => page.locator('inbox-composer [part="textarea"]');

test('send then Undo: the text is back in the composer and the message is never dispatched', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const conversation = await pick(agent, 'whatsapp');
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await openConversation(page, conversation);

  await composerField(page).fill('Let me check that for you — one moment.');
  await composerField(page).press('Enter');
  await page.locator('inbox-composer [part="undo-bar"]').waitFor();
  assert.equal(await composerField(page).inputValue(), '');
  await page.locator('inbox-composer [part="undo-button"]').click();
  await page.waitForFunction(
    () =>
      (
        document
          .querySelector('inbox-composer')
          ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
      )?.value,
  );
  assert.equal(await composerField(page).inputValue(), 'Let me check that for you — one moment.');

  // A later message goes out; by then the undone one was due long ago, and it stayed cancelled.
  await composerField(page).fill('Your parcel is on its way.');
  await composerField(page).press('Enter');
  const items = await until('the second message is sent', async () => {
    const timeline = await timelineOf(agent, conversation.id);
    const sent = timeline.find(
      (i) =>
        i.kind === 'message' &&
        i.text === 'Your parcel is on its way.' &&
        ['sent', 'delivered', 'read'].includes(i.status),
    );
    return sent && timeline;
  });
  const undone = items.filter(
    (i): i is MessageItem => i.kind === 'message' && i.text === 'Let me check that for you — one moment.',
  );
  assert.deepEqual(
    undone.map((i) => i.status),
    ['cancelled'],
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('closing the tab right after sending neither loses nor cancels the message', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const conversation = await pick(agent, 'telegram');
  const { page } = await openDemo(demo.browser, demo.server, agent);
  await openConversation(page, conversation);
  const text = `Sent, then the tab closed ${Date.now()}`;
  await composerField(page).fill(text);
  await composerField(page).press('Enter');
  await page.locator('inbox-composer [part="undo-bar"]').waitFor();
  // The tab, not the browser: the browser finishes what the page handed it as it went away.
  await page.close();
  let seen = 'nothing';
  const sent = await until(
    () => `the message is dispatched after the undo window (the server has ${seen})`,
    async () => {
      const item = (await timelineOf(agent, conversation.id)).find(
        (i): i is MessageItem => i.kind === 'message' && i.text === text,
      );
      seen = item ? `it ${item.status}` : 'nothing';
      return item?.status === 'sent' && item;
    },
  );
  assert.equal(sent.direction, 'out');
  await page.context().close();
});

test('a send shows Sent, then Delivered, then Read on WhatsApp; SMS stops at Delivered', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  for (const [channel, final] of [
    ['whatsapp', 'Read'],
    ['sms', 'Delivered'],
  ] as const) {
    const conversation = await pick(agent, channel);
    const { page, problems } = await openDemo(demo.browser, demo.server, agent);
    await openConversation(page, conversation);
    const text = `Receipt check on ${channel} ${Date.now()}`;
    await composerField(page).fill(text);
    await composerField(page).press('Enter');
    const bubble = page.locator('inbox-timeline [part~="outbound"]', { hasText: text });
    const seen = new Set<string>();
    await until(
      `the ${channel} message shows ${final}`,
      async () => {
        const status =
          (
            await bubble
              .locator('[part="delivery-status"]')
              .textContent()
              .catch(() => '')
          )?.trim() ?? '';
        if (status) seen.add(status);
        return status === final;
      },
      30_000,
    );
    const item = (await timelineOf(agent, conversation.id)).find(
      (i): i is MessageItem => i.kind === 'message' && i.text === text,
    );
    assert.equal(item?.status, final === 'Read' ? 'read' : 'delivered');
    if (channel === 'sms') assert.ok(!seen.has('Read'), 'SMS never shows Read');
    // The icons of the channels, the statuses and the composer show every stroke (the built bundle's).
    assert.deepEqual(await nestedShapes(page), [], 'every icon draws all its shapes');
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the same send retried with the same Idempotency-Key yields one message', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const conversation = await pick(agent, 'telegram');
  const send = () =>
    api<MessageItem>(demo.server, agent, `/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'e2e-retry-key-0001' },
      body: JSON.stringify({ text: 'Only once, please.' }),
    });
  const [first, second] = await Promise.all([send(), send()]);
  const third = await send();
  assert.deepEqual([first.status, second.status].sort(), [200, 201]);
  assert.equal(third.status, 200);
  assert.equal(new Set([first.body.id, second.body.id, third.body.id]).size, 1);
  const copies = (await timelineOf(agent, conversation.id)).filter(
    (i) => i.kind === 'message' && i.text === 'Only once, please.',
  );
  assert.equal(copies.length, 1);
});

test('an agent without note access never sees a note: timeline, preview, search or event stream', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const samir = await demoUser(demo.server, (u) => u.token === 'demo-agent-nonotes-token');
  const conversation = (await conversationsOf(samir))[0]!;
  const me = await api<{ spaces: { id: string }[] }>(demo.server, samir, '/me');

  // Samir listens to the event stream while the admin writes a note, then the contact replies.
  const controller = new AbortController();
  const stream = await fetch(`${demo.server.url}/api/events?spaceId=${me.body.spaces[0]!.id}`, {
    headers: { Authorization: `Bearer ${samir.token}` },
    signal: controller.signal,
  });
  const received: string[] = [];
  const reading = (async () => {
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received.push(value ?? '');
    }
  })();
  const token = `secret-note-${Date.now()}`;
  const note = await api(demo.server, admin, `/conversations/${conversation.id}/notes`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `e2e-note-${Date.now()}` },
    body: JSON.stringify({ text: `VIP customer ${token}` }),
  });
  assert.equal(note.status, 201);
  await fetch(`${demo.server.url}/demo/inbound`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ conversationId: conversation.id, text: 'Marker after the note' }),
  });
  await until('the inbound reply reaches the stream', async () =>
    received.join('').includes('Marker after the note'),
  );
  controller.abort();
  await reading;
  assert.ok(!received.join('').includes(token), 'the note never reached the stream');

  const { page, problems } = await openDemo(demo.browser, demo.server, samir);
  await openConversation(page, conversation);
  await page.locator('inbox-timeline [part~="inbound"]', { hasText: 'Marker after the note' }).waitFor();
  assert.equal(await page.locator('inbox-timeline [part~="note"]').count(), 0);
  assert.ok(!(await page.locator('inbox-timeline').textContent())?.includes(token));
  assert.ok(!(await rows(page).allTextContents()).join(' ').includes(token), 'no preview of the note');
  await listPart(page, 'search').fill(token);
  await listPart(page, 'state').filter({ hasText: 'No conversations match' }).waitFor();
  const search = await conversationsOf(samir, `&q=${token}`);
  assert.equal(search.length, 0);
  assert.equal(
    (await conversationsOf(admin, `&q=${token}`)).length,
    1,
    'the admin finds it: the note exists',
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('attachments are refused on SMS, with a message', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const sms = await pick(agent, 'sms');
  const whatsapp = await pick(agent, 'whatsapp');
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await openConversation(page, sms);
  assert.equal(
    await page.locator('inbox-composer [part="attach-button"]').count(),
    0,
    'no attach button on SMS',
  );
  await openConversation(page, whatsapp);
  await page.locator('inbox-composer [part="attach-button"]').waitFor();

  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])], { type: 'image/jpeg' }),
    'photo.jpg',
  );
  const refused = await fetch(`${demo.server.url}/api/attachments?channel=sms`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${agent.token}` },
    body: form,
  });
  const problem = (await refused.json()) as { detail: string };
  assert.ok(refused.status >= 400 && refused.status < 500);
  assert.match(problem.detail, /SMS/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a draft survives switching away and a reload, and never appears in another conversation', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const first = await pick(agent, 'whatsapp');
  const second = await pick(agent, 'telegram', [first.id]);
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await openConversation(page, first);
  await composerField(page).fill('Half-written answer about the refund');
  await openConversation(page, second);
  assert.equal(await composerField(page).inputValue(), '');
  await openConversation(page, first);
  assert.equal(await composerField(page).inputValue(), 'Half-written answer about the refund');

  // The store saves drafts after a short pause in typing: reload once it has.
  await page.waitForFunction(() =>
    Object.values(localStorage).some((value) => value.includes('Half-written answer')),
  );
  await page.reload();
  await rows(page).first().waitFor();
  await openConversation(page, first);
  await page.waitForFunction(
    () =>
      (
        document
          .querySelector('inbox-composer')
          ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
      )?.value,
  );
  assert.equal(await composerField(page).inputValue(), 'Half-written answer about the refund');
  await openConversation(page, second);
  assert.equal(await composerField(page).inputValue(), '');
  assert.deepEqual(problems, []);
  await page.context().close();
});
