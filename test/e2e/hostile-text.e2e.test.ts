// Customers write message bodies: every hostile string sent as an inbound message renders as text.
// Uses our own hostile set, plus DOMPurify's test vectors when ../shared/fixtures is beside the
// checkout; nothing here depends on which case happens to come last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedFixturesPresent, xssPayloads } from './hostile-strings.js';
import { api, demoUser, listPart, openDemo, type Conversation, useDemo } from './demo-page.js';

const MAX_TEXT = 4096;
/** Sent after every other case, and looked for by name: markup shown literally, as text. */
const MARKER = '<img src=x onerror="window.__pwned=99"> marker 7f3a stays text';

function payloads(): string[] {
  // The contract caps a message at 4096 characters; longer vectors are cut, still hostile.
  return [...xssPayloads().map((text) => text.slice(0, MAX_TEXT)), MARKER];
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
  console.log(
    `${all.length} hostile messages (shared fixtures ${sharedFixturesPresent() ? 'included' : 'absent'})`,
  );
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
  // Our marker, sent last, is there as literal text.
  await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('inbox-timeline')
        ?.shadowRoot?.querySelector('[part="log"]')
        ?.textContent?.includes(expected),
    MARKER,
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
