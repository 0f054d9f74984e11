// The complete conversation list against the running server: tabs, views, search, and a status
// change travelling from one agent's browser to another's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  api,
  demoUser,
  listPart,
  openDemo,
  rows,
  type Conversation,
  type DemoUser,
  useDemo,
} from './demo-page.js';

type Counts = Record<'all' | 'active' | 'unanswered' | 'closed', number>;

const demo = useDemo();

async function spaceOf(user: DemoUser): Promise<string> {
  const me = await api<{ spaces: { id: string }[] }>(demo.server, user, '/me');
  return me.body.spaces[0]!.id;
}

/** The ids the list shows, in the order it shows them (the virtualizer may reuse DOM nodes out of order). */
async function shownIds(page: Page): Promise<string[]> {
  const shown = await rows(page).evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-id') ?? '', at: Number(el.getAttribute('aria-posinset')) })),
  );
  return shown.sort((a, b) => a.at - b.at).map((row) => row.id);
}

async function waitForIds(page: Page, expected: string[]) {
  await page.waitForFunction(
    (ids) => {
      const list = document.querySelector('inbox-conversation-list')?.shadowRoot;
      const shown = [...(list?.querySelectorAll('[role="option"]') ?? [])]
        .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
        .map((el) => el.getAttribute('data-id'));
      return shown.length > 0 && ids.slice(0, shown.length).join() === shown.join();
    },
    expected,
    { timeout: 10_000 },
  );
}

/** A status tab's count shows `expected`, within 5 s: the counts load beside the rows, so may come after them. */
async function assertTabCount(page: Page, status: string, expected: number, what = status): Promise<void> {
  const count = `#tab-${status} [part="tab-count"]`;
  await page
    .waitForFunction(
      ([selector, n]) =>
        document.querySelector('inbox-conversation-list')?.shadowRoot?.querySelector(selector)
          ?.textContent === n,
      [count, String(expected)] as const,
      { timeout: 5000 },
    )
    .catch(() => {}); // the assertion below says what it shows instead
  assert.equal(Number(await page.locator(`inbox-conversation-list ${count}`).textContent()), expected, what);
}

test('each status tab and each view shows exactly what the API returns for that user', async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'agent');
  const spaceId = await spaceOf(agent);
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await page.mouse.move(0, 0);

  for (const view of ['all', 'mine', 'closed_by_me']) {
    await listPart(page, 'view-select').selectOption(view);
    const counts = (
      await api<Counts>(demo.server, agent, `/conversations/counts?spaceId=${spaceId}&view=${view}`)
    ).body;
    for (const status of ['all', 'active', 'unanswered', 'closed'] as const) {
      await page.locator(`inbox-conversation-list #tab-${status}`).click();
      const { body } = await api<{ items: Conversation[] }>(
        demo.server,
        agent,
        `/conversations?spaceId=${spaceId}&view=${view}&status=${status}&limit=30`,
      );
      if (body.items.length === 0) {
        await listPart(page, 'state').waitFor();
      } else {
        await waitForIds(
          page,
          body.items.map((c) => c.id),
        );
      }
      await page.mouse.move(0, 0);
      await assertTabCount(page, status, counts[status], `${view} / ${status} count`);
    }
  }
  assert.ok((await shownIds(page)).length > 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** A conversation whose unique reference appears only in its first (old) message, not in its preview. */
async function conversationFoundOnlyByAnOldMessage(user: DemoUser, spaceId: string) {
  for (let n = 0; n < 300; n++) {
    const ref = `NW-${10000 + n}`;
    const { body } = await api<{ items: Conversation[] }>(
      demo.server,
      user,
      `/conversations?spaceId=${spaceId}&q=${ref}`,
    );
    const [only] = body.items;
    if (body.items.length === 1 && only && !only.lastMessage?.text.includes(ref) && (only.lastSeq ?? 0) > 3)
      return { ref, conversation: only };
  }
  throw new Error('no conversation with an old reference was found');
}

test('search finds a conversation by a word that appears only in an old message, and shows the match', async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'agent');
  const { ref, conversation } = await conversationFoundOnlyByAnOldMessage(agent, await spaceOf(agent));
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await listPart(page, 'search').fill(ref);
  await waitForIds(page, [conversation.id]);
  assert.equal(await rows(page).count(), 1);
  assert.equal(await rows(page).first().locator('mark').first().textContent(), ref);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("a status change in one agent's browser reaches another's list and counts, live", async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'agent' && u.name.startsWith('Aiko'));
  const manager = await demoUser(demo.server, (u) => u.role === 'manager');
  const spaceId = await spaceOf(agent);
  // An active conversation both can see, found by its unique reference.
  let target: { ref: string; conversation: Conversation } | undefined;
  for (let n = 0; n < 300 && !target; n++) {
    const ref = `NW-${10000 + n}`;
    const seenByAgent = (
      await api<{ items: Conversation[] }>(
        demo.server,
        agent,
        `/conversations?spaceId=${spaceId}&q=${ref}&status=active`,
      )
    ).body.items;
    const seenByManager = (
      await api<{ items: Conversation[] }>(
        demo.server,
        manager,
        `/conversations?spaceId=${spaceId}&q=${ref}&status=active`,
      )
    ).body.items;
    if (seenByAgent.length === 1 && seenByManager.length === 1)
      target = { ref, conversation: seenByAgent[0]! };
  }
  assert.ok(target, 'an active conversation visible to both exists');

  const one = await openDemo(demo.browser, demo.server, agent);
  const two = await openDemo(demo.browser, demo.server, manager);
  for (const { page } of [one, two]) {
    await listPart(page, 'search').fill(target.ref);
    await page.locator('inbox-conversation-list #tab-active').click();
    await waitForIds(page, [target.conversation.id]);
    await page.mouse.move(0, 0);
  }
  await assertTabCount(two.page, 'active', 1);
  await assertTabCount(two.page, 'closed', 0);

  // The agent closes it from the row's three-dot menu, which never offers Unanswered.
  await rows(one.page).first().hover();
  await listPart(one.page, 'row-menu-button').click();
  const items = one.page.locator('inbox-conversation-list [role="menuitem"]');
  assert.deepEqual(await items.allTextContents().then((t) => t.map((s) => s.trim())), ['Close conversation']);
  const clickedAt = Date.now();
  await items.first().click();

  // The manager's Active tab loses it and the counts move, without a reload.
  await two.page.waitForFunction(
    () => {
      const list = document.querySelector('inbox-conversation-list')?.shadowRoot;
      return (
        list?.querySelectorAll('[role="option"]').length === 0 &&
        list.querySelector('#tab-closed [part="tab-count"]')?.textContent === '1'
      );
    },
    undefined,
    { timeout: 10_000 },
  );
  console.log(`status change reached the second browser after ${Date.now() - clickedAt} ms`);
  await assertTabCount(two.page, 'active', 0);

  // Forced through the API, the illegal move back to Unanswered is refused with a clear reason.
  const current = await api<Conversation>(demo.server, manager, `/conversations/${target.conversation.id}`);
  const refused = await api<{ detail: string }>(
    demo.server,
    manager,
    `/conversations/${target.conversation.id}/status`,
    {
      method: 'PUT',
      headers: { 'If-Match': `"${current.body.version}"` },
      body: JSON.stringify({ status: 'unanswered' }),
    },
  );
  assert.equal(refused.status, 409);
  assert.match(refused.body.detail, /Unanswered/);

  assert.deepEqual([...one.problems, ...two.problems], []);
  await one.page.context().close();
  await two.page.context().close();
});
