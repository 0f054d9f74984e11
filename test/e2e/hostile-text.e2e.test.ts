// Customers write message bodies: every hostile string sent as an inbound message renders as text.
// Uses the shared fixture of DOMPurify's test vectors when it is beside the checkout, plus our own set.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { api, demoUser, listPart, openDemo, type Conversation, useDemo } from './demo-page.js';

const sharedFixture = '../shared/fixtures/xss-payloads.json';
const ownPayloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">click</a>',
  '<svg><script>window.__pwned=4</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '<object data="javascript:window.__pwned=6"></object>',
  '"><details open ontoggle="window.__pwned=7">',
  'javascript:window.__pwned=8',
  '*<b>bold?</b>* _<i onmouseover="window.__pwned=9">x</i>_ ```<script>window.__pwned=10</script>```',
];
const MAX_TEXT = 4096;

function payloads(): string[] {
  const shared = existsSync(sharedFixture)
    ? (JSON.parse(readFileSync(sharedFixture, 'utf8')) as { payload: string }[]).map((entry) => entry.payload)
    : [];
  // The contract caps a message at 4096 characters; longer vectors are cut, still hostile.
  return [...ownPayloads, ...shared].filter(Boolean).map((text) => text.slice(0, MAX_TEXT));
}

const demo = useDemo();

test('hostile inbound messages render as inert text and the timeline keeps working', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const me = await api<{ spaces: { id: string }[] }>(demo.server, agent, '/me');
  const { body } = await api<{ items: Conversation[] }>(
    demo.server,
    agent,
    `/conversations?spaceId=${me.body.spaces[0]!.id}&limit=1`,
  );
  const conversation = body.items[0]!;
  const all = payloads();
  for (const text of all) {
    const response = await fetch(`${demo.server.url}/demo/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId: conversation.id, text }),
    });
    assert.equal(response.status, 201, `injecting ${text.slice(0, 60)}`);
  }

  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await listPart(page, 'search').fill(conversation.contact.phone);
  await page.locator(`inbox-conversation-list [role="option"][data-id="${conversation.id}"]`).click();
  const log = page.locator('inbox-timeline [part="log"]');
  await log.waitFor();

  // Scroll the whole history through the virtual log, checking every rendered slice.
  const inspect = () =>
    page.evaluate(() => {
      // A loop, not a named helper: tsx's function naming does not exist inside the page.
      const found: string[] = [];
      const roots: (Document | ShadowRoot)[] = [document];
      while (roots.length) {
        const root = roots.pop()!;
        for (const el of root.querySelectorAll('*')) {
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && root !== document)
            found.push(`<${el.tagName}>`);
          for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
            if (
              /^\s*javascript:/i.test(attr.value) &&
              ['href', 'src', 'action', 'data', 'xlink:href'].includes(attr.name)
            ) {
              found.push(`${el.tagName} ${attr.name}=${attr.value}`);
            }
          }
          if (el.shadowRoot) roots.push(el.shadowRoot);
        }
      }
      return { found, pwned: (window as { __pwned?: unknown }).__pwned ?? null };
    });
  for (let step = 0; step < 400; step++) {
    const { found, pwned } = await inspect();
    assert.deepEqual(found, []);
    assert.equal(pwned, null);
    const top = await log.evaluate((el) => {
      el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight);
      return el.scrollTop;
    });
    await page.waitForTimeout(30);
    if (top === 0 && step > 3) break;
  }
  // The last payload's text is there, as text.
  const lastText = all.at(-1)!.slice(0, 40);
  await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('inbox-timeline')
        ?.shadowRoot?.querySelector('[part="log"]')
        ?.textContent?.includes(expected),
    lastText,
  );

  // And the timeline still works: a normal reply arrives and shows.
  await fetch(`${demo.server.url}/demo/inbound`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ conversationId: conversation.id, text: 'Plain words after all that.' }),
  });
  await page
    .locator('inbox-timeline [part~="inbound"]', { hasText: 'Plain words after all that.' })
    .waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await page.context().close();
});
