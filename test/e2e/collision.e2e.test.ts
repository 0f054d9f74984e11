// Two agents in one conversation: Marco replies while Olivia is writing, and Olivia's composer says
// so before her send. Real server, real browser, the reply through Marco's own token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, conversationsOf, demoUser, openConversation, openDemo, until, useDemo } from './demo-page.js';
import type { components } from '../../src/api/schema.js';

type TimelineItem = components['schemas']['TimelineItem'];

const demo = useDemo();

test('Marco replies while Olivia is writing: Olivia sees the warning, reviews, then sends', async () => {
  const olivia = await demoUser(demo.server, (u) => u.name === 'Olivia Bennett');
  const marco = await demoUser(demo.server, (u) => u.name === 'Marco Rossi');
  const hers = new Set((await conversationsOf(demo.server, olivia)).map((c) => c.id));
  const shared = (await conversationsOf(demo.server, marco)).find(
    (c) => hers.has(c.id) && !c.contact.phone.endsWith('0000'),
  );
  assert.ok(shared, 'a conversation both see');

  const { page, problems } = await openDemo(demo.browser, demo.server, olivia);
  await openConversation(page, shared);
  const field = page.locator('inbox-composer [part="textarea"]');
  const draft = `Olivia's answer ${Date.now()}`;
  await field.fill(draft);

  const reply = `Marco got there first ${Date.now()}`;
  const sent = await api(demo.server, marco, `/conversations/${shared.id}/messages`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `collision${Date.now()}` },
    body: JSON.stringify({ text: reply }),
  });
  assert.equal(sent.status, 201);
  // Olivia's timeline shows it (the stream delivered it) before she presses Send.
  await page.locator('inbox-timeline [part~="message"]', { hasText: reply }).waitFor();

  await page.locator('inbox-composer [part="send-button"]').click();
  const warning = page.locator('inbox-composer [part="collision"]');
  await warning.waitFor();
  assert.match(
    (await warning.textContent())!.replace(/\s+/g, ' ').trim(),
    /^New reply from \u2068Marco Rossi\u2069 — send anyway\? Send anyway Review$/,
  );
  assert.equal(await field.inputValue(), draft, 'the draft stays');

  await page.locator('inbox-composer [part="review"]').click();
  await warning.waitFor({ state: 'detached' });
  assert.equal(await field.inputValue(), draft, 'Review keeps the draft');
  // Focus moves once the timeline has rendered the reply in view, a frame or two after Review.
  const focused = () =>
    page.evaluate(
      () => document.querySelector('inbox-timeline')?.shadowRoot?.activeElement?.textContent ?? '',
    );
  await until('Review brings the new reply into focus', async () => (await focused()).includes(reply), 5_000);

  // Seen: the next Send goes out at once, once.
  await page.locator('inbox-composer [part="send-button"]').click();
  await page.locator('inbox-timeline [part~="message"]:not([part~="pending"])', { hasText: draft }).waitFor();
  const { body } = await api<{ items: TimelineItem[] }>(
    demo.server,
    olivia,
    `/conversations/${shared.id}/timeline?limit=200`,
  );
  const mine = body.items.filter((i) => i.kind === 'message' && i.text === draft);
  assert.equal(mine.length, 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});
