// Customers write message bodies: every hostile string sent as an inbound message renders as text.
// Uses our own hostile set, plus DOMPurify's test vectors when ../shared/fixtures is beside the
// checkout; nothing here depends on which case happens to come last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedFixturesPresent, writable, xssPayloads } from './hostile-strings.js';
import { conversationsOf, demoUser, inbound, openConversation, openDemo, useDemo } from './demo-page.js';
import { assertInert, missing, readWholeLog, watchPage, type PageWatch } from './page-guards.js';

const MAX_TEXT = 4096;
/** Sent after every other case, and looked for by name: markup shown literally, as text. */
const MARKER = '<img src=x onerror="window.__pwned=99"> marker 7f3a stays text';

function payloads(): string[] {
  // The contract caps a message at 4096 characters; longer vectors are cut, still hostile.
  return [...writable(xssPayloads()).map((text) => text.slice(0, MAX_TEXT)), MARKER];
}

const demo = useDemo();

test('hostile inbound messages render as inert text and the timeline keeps working', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  const conversation = (await conversationsOf(demo.server, agent))[0]!;
  const all = payloads();
  console.log(
    `${all.length} hostile messages (shared fixtures ${sharedFixturesPresent() ? 'included' : 'absent'})`,
  );
  for (const text of all) await inbound(demo.server, conversation.id, text);

  let watch!: PageWatch;
  const { page, problems } = await openDemo(
    demo.browser,
    demo.server,
    agent,
    async (p) => void (watch = await watchPage(p)),
  );
  await openConversation(page, conversation);

  // The whole history through the virtual log, every rendered slice checked; each body as typed.
  const seen = await readWholeLog(page, watch, '[part~="inbound"] .text');
  assert.deepEqual(missing(all, seen), [], 'every message shows its text');
  const log = page.locator('inbox-timeline [part="log"]');
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
  await inbound(demo.server, conversation.id, 'Plain words after all that.');
  await page
    .locator('inbox-timeline [part~="inbound"]', { hasText: 'Plain words after all that.' })
    .waitFor();
  await assertInert(page, watch, 'after the history');
  assert.deepEqual(problems, []);
  await page.context().close();
});
