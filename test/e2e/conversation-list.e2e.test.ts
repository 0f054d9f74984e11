// The foundation's end-to-end path: the demo host page, the built CDN bundle, the reference server
// on embedded Postgres, and a live update over the event stream. No mocks anywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, demoUser, openDemo, rows, type Conversation, useDemo } from './demo-page.js';

const demo = useDemo();

test('the demo page shows the seeded conversations for the chosen user', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, admin);
  const me = await api<{ spaces: { id: string }[] }>(demo.server, admin, '/me');
  const { body } = await api<{ items: Conversation[] }>(
    demo.server,
    admin,
    `/conversations?spaceId=${me.body.spaces[0]?.id}&limit=5`,
  );
  // The first row is what the API says is the latest activity for this user.
  assert.equal(await rows(page).first().getAttribute('data-id'), body.items[0]?.id);
  assert.ok((await rows(page).count()) >= 5);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('an inbound message moves its conversation to the top and raises its unread badge, without a reload', async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'agent');
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await rows(page).nth(5).waitFor();
  const target = rows(page).nth(5);
  const id = await target.getAttribute('data-id');
  assert.ok(id);
  const badge = target.locator('[part="unread-badge"] [aria-hidden="true"]');
  const before = (await badge.count()) ? Number(await badge.textContent()) : 0;
  let reloaded = false;
  page.on('framenavigated', () => (reloaded = true));
  await page.mouse.move(0, 0); // the list holds its order while the pointer rests on it

  const injected = await fetch(`${demo.server.url}/demo/inbound`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ conversationId: id, text: 'Any update on my parcel?' }),
  });
  assert.equal(injected.status, 201);

  const top = rows(page).first();
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('inbox-conversation-list')
        ?.shadowRoot?.querySelector('[role="option"]')
        ?.getAttribute('data-id') === expected,
    id,
    { timeout: 10_000 },
  );
  assert.equal(await top.locator('[part="preview"]').textContent(), 'Any update on my parcel?');
  assert.equal(
    Number(await top.locator('[part="unread-badge"] [aria-hidden="true"]').textContent()),
    before + 1,
  );
  assert.equal(reloaded, false);
  assert.deepEqual(problems, []);
  await page.context().close();
});
