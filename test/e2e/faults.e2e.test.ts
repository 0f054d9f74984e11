// The promise an agent relies on, tried hard: over many composed messages, with requests dropped
// both ways, offline windows, reloads in the middle of sending, a repeating and reordering event
// stream, a server restart and a server killed mid-dispatch, nothing is lost, nothing is sent
// twice, and the timeline shows the server's order. `FAULT_MESSAGES=1000` runs a longer trial.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openDb } from '../../server/db/db.js';
import type { components } from '../../src/api/schema.js';
import {
  api,
  conversationsOf,
  demoUser,
  openConversation,
  openDemo,
  type Conversation,
  type DemoUser,
  useDemo,
} from './demo-page.js';
import { dropRequests, seededRandom, tamperEventStreams } from './faults.js';

type TimelineItem = components['schemas']['TimelineItem'];
type MessageItem = components['schemas']['MessageItem'];

const TOTAL = Math.max(40, Number(process.env['FAULT_MESSAGES'] ?? 200));
const SEED = Number(process.env['FAULT_SEED'] ?? 20261130);
const demo = useDemo({ SIMULATOR_RECEIPT_DELAY_MS: '400' });

const composerField = (page: Page) => page.locator('inbox-composer [part="textarea"]');
const marker = (n: number) => `[m${String(n).padStart(4, '0')}]`;
const MARKER = /\[m\d{4}\]/g;
const HAS_MARKER = /\[m\d{4}\]/;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string | (() => string),
  check: () => Promise<T | undefined | false>,
  timeout: number,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
    await pause(250);
  }
}

/** Conversations that take free text from this agent and whose numbers the simulator delivers to. */
async function writableConversations(agent: DemoUser, count: number): Promise<Conversation[]> {
  const found: Conversation[] = [];
  for (const c of await conversationsOf(demo.server, agent)) {
    if (c.channel === 'sms' || c.contact.phone.endsWith('0000')) continue;
    const probe = await api(demo.server, agent, `/conversations/${c.id}/messages`, {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ text: 'Checking in before the trial.' }),
    });
    if (probe.status < 300) found.push(c);
    if (found.length === count) return found;
  }
  assert.fail(`only ${found.length} conversations take free text`);
}

async function serverTimeline(agent: DemoUser, conversationId: string): Promise<MessageItem[]> {
  const { body } = await api<{ items: TimelineItem[] }>(
    demo.server,
    agent,
    `/conversations/${conversationId}/timeline?limit=200`,
  );
  return body.items.filter((i): i is MessageItem => i.kind === 'message');
}

/** Types and sends each message the way an agent does: text, then Enter. */
async function compose(page: Page, from: number, count: number, onEach?: (n: number) => Promise<void>) {
  for (let n = from; n < from + count; n++) {
    await composerField(page).fill(`Update ${marker(n)}: your order is on its way.`);
    await composerField(page).press('Enter');
    await onEach?.(n);
  }
}

/**
 * The markers the open timeline shows, top to bottom, read by scrolling the virtualized log up from
 * the bottom and joining the overlapping views (it fails if two views disagree on the order).
 */
async function shownMarkers(page: Page): Promise<string[]> {
  const log = page.locator('inbox-timeline [part="log"]');
  await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
  let order: string[] = [];
  for (let step = 0; step < 400; step++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const view = await log.evaluate((el) => {
      const rows = [...el.querySelectorAll<HTMLElement>('.row[data-key]')]
        .map((row) => ({
          key: row.dataset['key']!,
          top: row.getBoundingClientRect().top,
          text: row.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top);
      return { rows, atTop: el.scrollTop <= 0 };
    });
    const keys = view.rows.map((r) => r.key);
    const known = new Map(order.map((key, i) => [key, i]));
    const firstKnown = keys.findIndex((k) => known.has(k));
    const tail = firstKnown < 0 ? [] : keys.slice(firstKnown).filter((k) => known.has(k));
    for (let i = 1; i < tail.length; i++)
      assert.ok(
        known.get(tail[i]!)! > known.get(tail[i - 1]!)!,
        'the timeline keeps one order while scrolling',
      );
    const above = firstKnown < 0 ? keys : keys.slice(0, firstKnown);
    const rowsByKey = new Map(view.rows.map((r) => [r.key, r.text]));
    order = [...above, ...order];
    for (const key of above) textByKey.set(key, rowsByKey.get(key) ?? '');
    if (view.atTop) break;
    await log.evaluate((el) => (el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight * 0.6)));
  }
  return order.flatMap((key) => textByKey.get(key)?.match(MARKER) ?? []);
}
const textByKey = new Map<string, string>();

/** Waits until the server has dispatched every marked message in the conversation, and returns them. */
async function settled(agent: DemoUser, conversationId: string, expected: number): Promise<MessageItem[]> {
  let seen = 'nothing yet';
  return until(
    () => `${expected} messages are dispatched in ${conversationId} (the server has ${seen})`,
    async () => {
      const items = (await serverTimeline(agent, conversationId)).filter((m) =>
        HAS_MARKER.test(m.text ?? ''),
      );
      const statuses = new Map<string, number>();
      for (const m of items) statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
      seen = `${items.length}: ${[...statuses].map(([status, n]) => `${n} ${status}`).join(', ')}`;
      const done = items.every((m) => !['scheduled', 'queued'].includes(m.status));
      return items.length >= expected && done ? items : undefined;
    },
    120_000,
  );
}

test(`${TOTAL} composed messages through dropped requests, offline windows, reloads, a tampered stream, a restart and a crash`, async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Olivia'));
  const [first, second, third, fourth] = await writableConversations(agent, 4);
  const random = seededRandom(SEED);
  const { page, problems } = await openDemo(demo.browser, demo.server, agent, (p) =>
    tamperEventStreams(p, SEED),
  );
  const context = page.context();
  const share = (part: number) => Math.round(TOTAL * part);
  const phases = [share(0.3), share(0.25), share(0.2)];
  const plan: [Conversation, number, number][] = [];
  let next = 0;
  for (const [conversation, count] of [
    [first!, phases[0]!],
    [second!, phases[1]!],
    [third!, phases[2]!],
    [fourth!, TOTAL - phases[0]! - phases[1]! - phases[2]!],
  ] as const) {
    plan.push([conversation, next, count]);
    next += count;
  }
  const figures: Record<string, number | string> = { messages: TOTAL, seed: SEED };

  // 1. 30 % of requests dropped, half of them after the server answered.
  {
    const [conversation, from, count] = plan[0]!;
    await openConversation(page, conversation);
    const drops = await dropRequests(context, 0.3, random);
    await compose(page, from, count);
    await settled(agent, conversation.id, count);
    await drops.stop();
    figures['requests dropped before the server'] = drops.before;
    figures['answers dropped after the server'] = drops.after;
  }

  // 2. Five-second offline windows while the agent keeps writing.
  {
    const [conversation, from, count] = plan[1]!;
    await openConversation(page, conversation);
    const windows = [Math.floor(count / 5), Math.floor((count * 3) / 5)];
    await compose(page, from, count, async (n) => {
      if (!windows.includes(n - from)) return;
      await context.setOffline(true);
      setTimeout(() => void context.setOffline(false), 5_000);
    });
    await pause(5_500);
    figures['offline windows'] = windows.length;
  }

  // 3. A reload in the middle of sending, twice.
  {
    const [conversation, from, count] = plan[2]!;
    const half = Math.floor(count / 2);
    for (const [start, size] of [
      [from, half],
      [from + half, count - half],
    ] as const) {
      await openConversation(page, conversation);
      await compose(page, start, size);
      await page.reload();
      await page.locator('inbox-conversation-list [role="option"]').first().waitFor({ timeout: 20_000 });
    }
    figures['reloads mid-send'] = 2;
  }

  // 4. A restart while messages are on their way, then a crash while the provider has some of them.
  {
    const [conversation, from, count] = plan[3]!;
    const half = Math.floor(count / 2);
    await openConversation(page, conversation);
    await compose(page, from, Math.floor(half / 2));
    const restarting = demo.server.restart('SIGTERM');
    await compose(page, from + Math.floor(half / 2), half - Math.floor(half / 2));
    await restarting;
    await compose(page, from + half, count - half);
    await until(
      'the provider has started on the last messages',
      async () =>
        (await serverTimeline(agent, conversation.id)).some(
          (m) => m.text?.includes(marker(from + half)) && m.status === 'sent',
        ),
      60_000,
    );
    await demo.server.restart('SIGKILL');
    figures['server restarts'] = 1;
    figures['server crashes mid-dispatch'] = 1;
  }

  // Everything the agent wrote reaches the server once, is dispatched, and shows in server order.
  let lost = 0;
  let duplicated = 0;
  let misordered = 0;
  for (const [conversation, from, count] of plan) {
    const items = await settled(agent, conversation.id, count);
    const onServer = items.flatMap((m) => m.text?.match(MARKER) ?? []);
    for (let n = from; n < from + count; n++) {
      const copies = onServer.filter((m) => m === marker(n)).length;
      if (copies === 0) lost++;
      if (copies > 1) duplicated += copies - 1;
    }
    await openConversation(page, conversation);
    await until(
      'the timeline shows every message',
      async () => (await shownMarkers(page)).length >= onServer.length,
      30_000,
    );
    const shown = await shownMarkers(page);
    if (shown.join() !== onServer.join()) misordered++;
    assert.deepEqual(shown, onServer, `the timeline of ${conversation.contact.name} is in server order`);
    assert.ok(
      items.every((m) => m.status !== 'failed'),
      'no message failed at the provider',
    );
  }
  // What the provider was really asked to send: the simulator's ledger, read once the server stopped.
  const sentIds = new Set<string>();
  const itemIds: string[] = [];
  for (const [conversation] of plan)
    for (const m of await serverTimeline(agent, conversation.id))
      if (HAS_MARKER.test(m.text ?? '')) itemIds.push(m.id);
  await demo.server.halt();
  const db = await openDb({ dataDir: demo.server.dataDir });
  let providerSends = 0;
  let handOvers = 0;
  try {
    const ledger = await db.query<{ item_id: string; sends: number; dispatches: number }>(
      `select item_id, count(*)::int as sends, sum(dispatches)::int as dispatches
       from simulator_sends where item_id = any($1) group by item_id`,
      [itemIds],
    );
    for (const row of ledger) {
      sentIds.add(row.item_id);
      providerSends += Number(row.sends);
      handOvers += Number(row.dispatches);
    }
  } finally {
    await db.close();
  }
  figures['provider sends'] = providerSends;
  figures['provider hand-overs'] = handOvers;
  const stream = await page.evaluate(
    () => (window as unknown as { __streamFaults: { duplicated: number; reordered: number } }).__streamFaults,
  );
  figures['stream events repeated'] = stream.duplicated;
  figures['stream events reordered'] = stream.reordered;
  Object.assign(figures, { lost, duplicated, 'timelines out of order': misordered });
  console.log(
    `fault injection: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  );
  assert.equal(lost, 0, 'no message is lost');
  assert.equal(duplicated, 0, 'no message is sent twice');
  assert.equal(providerSends, TOTAL, 'the provider sent each message exactly once');
  assert.equal(sentIds.size, TOTAL);
  assert.deepEqual(
    problems.filter((p) => p.startsWith('page error')),
    [],
  );
});
