// The New conversation dialog on the demo page against the running server: conversations started
// on SMS and WhatsApp land Unanswered in the list and selected; a sender profile used up for the
// day answers the plain no-sender error; a known number offers its contact's open conversation.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, demoUser, openDemo, type Conversation, type DemoUser, useDemo } from './demo-page.js';

const demo = useDemo();

// Numbers of the United Kingdom that no seeded contact has (the seed uses 07700 900xxx).
let nextNumber = 100;
const freshNumber = () => `+4474001${String(nextNumber++).padStart(5, '0')}`;

const dialog = (page: Page) => page.locator('inbox-new-conversation dialog');
const field = (page: Page, selector: string) => page.locator(`inbox-new-conversation dialog ${selector}`);
const text = async (page: Page, selector: string) =>
  ((await field(page, selector).textContent()) ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function openDialog(page: Page): Promise<void> {
  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  await dialog(page).waitFor();
}

/** Step one as a user fills it: profile, the only team is chosen for them, the number. */
async function fillDetails(page: Page, profile: string, phone: string): Promise<void> {
  await field(page, '#profile').selectOption({ label: profile });
  await field(page, '#phone').fill(phone);
  await page.waitForFunction(
    () => {
      const root = document.querySelector('inbox-new-conversation')?.shadowRoot;
      return /left today|Pick another/.test(root?.querySelector('[part="availability"]')?.textContent ?? '');
    },
    undefined,
    { timeout: 10_000 },
  );
}

async function writeMessage(page: Page, message: string): Promise<void> {
  await field(page, '[part="next-button"]').click();
  await field(page, '#message').fill(message);
}

/** The row of a conversation under the Unanswered tab, selected. */
async function expectUnansweredAndSelected(page: Page, id: string): Promise<void> {
  await page.locator('inbox-conversation-list #tab-unanswered').click();
  await page
    .locator(`inbox-conversation-list [role="option"][data-id="${id}"][aria-selected="true"]`)
    .waitFor({ timeout: 10_000 });
}

/** Resolves with the id of the next conversation the page creates (listening starts now). */
function createdId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener(
          'inbox-conversation-create',
          (event) => resolve(event.detail.conversationId),
          {
            once: true,
          },
        ),
      ),
  );
}

const aiko = () => demoUser(demo.server, (u) => u.id === 'usr_aiko');

async function start(user: DemoUser): Promise<{ page: Page; problems: string[] }> {
  const opened = await openDemo(demo.browser, demo.server, user);
  await opened.page.locator('inbox-new-conversation [part="trigger-button"]').waitFor();
  return opened;
}

for (const [channel, profile] of [
  ['SMS', 'Northwind Care (SMS)'],
  ['WhatsApp', 'Northwind WhatsApp'],
] as const) {
  test(`an agent starts a ${channel} conversation: Unanswered in the list, assigned to her team and her, selected`, async () => {
    const agent = await aiko();
    const { page, problems } = await start(agent);
    await openDialog(page);
    assert.equal(await text(page, '[part="heading"]'), 'New conversation');
    const phone = freshNumber();
    await fillDetails(page, profile, phone);
    // The team is the agent's only one; the availability names a country, never a sender.
    assert.equal(await field(page, '#team').inputValue(), 'tm_support');
    const availability = await text(page, '[part="availability"]');
    assert.match(
      availability,
      /^A sender in the United Kingdom is available: [\d,]+ of [\d,]+ messages left today$/,
    );
    assert.match(await text(page, '[part="contact"]'), /No contact has this number yet/);
    assert.doesNotMatch(await dialog(page).innerText(), /\+447700900\d{3}|snd_/);

    const created = createdId(page);
    await writeMessage(page, `Hello from Northwind on ${channel}!`);
    await field(page, '[part="send-button"]').click();
    const id = await await created;
    await dialog(page).waitFor({ state: 'detached' });

    const { body } = await api<Conversation>(demo.server, agent, `/conversations/${id}`);
    assert.equal(body.status, 'unanswered');
    assert.equal(body.origin, 'inbox');
    assert.equal(body.channel, channel === 'SMS' ? 'sms' : 'whatsapp');
    assert.equal(body.contact.phone, phone);
    assert.deepEqual(body.teamIds, ['tm_support']);
    assert.deepEqual(body.assigneeIds, [agent.id]);
    await expectUnansweredAndSelected(page, id);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test('a sender profile used up for the day: the plain no-sender error, the message kept', async () => {
  const agent = await aiko();
  const { page, problems } = await start(agent);
  await openDialog(page);
  await fillDetails(page, 'Northwind Alerts (SMS)', freshNumber());
  assert.equal(
    await text(page, '[part="availability"]'),
    'A sender in the United Kingdom is available: 3 of 10 messages left today',
  );
  await writeMessage(page, 'Your verification code is 123456');

  // Meanwhile the profile's last three messages of the day go to other numbers.
  for (let i = 0; i < 3; i++) {
    const { status } = await api(demo.server, agent, '/conversations', {
      method: 'POST',
      headers: { 'Idempotency-Key': `exhaust${i}${Date.now()}` },
      body: JSON.stringify({
        spaceId: 'sp_retail',
        senderProfileId: 'spf_alerts_sms',
        teamId: 'tm_support',
        phone: freshNumber(),
        text: 'Alert',
      }),
    });
    assert.equal(status, 201);
  }

  await field(page, '[part="send-button"]').click();
  await field(page, '[part="error"]').waitFor();
  assert.equal(
    await text(page, '[part="error"]'),
    'No sender of “Northwind Alerts (SMS)” has messages left today for the United Kingdom. Try again tomorrow or pick another sender profile.',
  );
  assert.equal(await field(page, '#message').inputValue(), 'Your verification code is 123456');

  // Back on step one the availability says the same, and Next stays there.
  await field(page, '[part="back-button"]').click();
  await page.waitForFunction(() =>
    /^No sender of this profile/.test(
      document.querySelector('inbox-new-conversation')?.shadowRoot?.querySelector('[part="availability"]')
        ?.textContent ?? '',
    ),
  );
  await field(page, '[part="next-button"]').click();
  assert.equal(await field(page, '#message').count(), 0);
  // The browser logs the refused request itself; nothing else went wrong.
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('status of 409')),
    [],
  );
  await page.context().close();
});

test('the number of an existing contact names it and offers its open conversation', async () => {
  const agent = await aiko();
  const { body: page1 } = await api<{ items: Conversation[] }>(
    demo.server,
    agent,
    '/conversations?spaceId=sp_retail&status=active&limit=100',
  );
  const existing = page1.items.find((c) => c.channel === 'sms' || c.channel === 'whatsapp');
  assert.ok(existing, 'the agent has an open SMS or WhatsApp conversation');
  const { page, problems } = await start(agent);
  await openDialog(page);
  await field(page, '#profile').selectOption(existing.senderProfile.id);
  await field(page, '#phone').fill(existing.contact.phone);
  await field(page, '[part="open-existing-button"]').waitFor({ timeout: 10_000 });
  const name = existing.contact.name || existing.contact.phone;
  assert.equal(await text(page, '[part="contact"]'), `This number belongs to ${name}.`);
  assert.equal(
    await text(page, '[part="existing"] p'),
    `${name} already has an open conversation on ${existing.senderProfile.name}.`,
  );

  await field(page, '[part="open-existing-button"]').click();
  await dialog(page).waitFor({ state: 'detached' });
  await page
    .locator(`inbox-conversation-list [role="option"][data-id="${existing.id}"][aria-selected="true"]`)
    .waitFor({ timeout: 10_000 });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the dialog passes axe on both steps and fits a 320 px wide window', async () => {
  const agent = await aiko();
  const { page, problems } = await start(agent);
  await page.setViewportSize({ width: 320, height: 640 });
  const violations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  await openDialog(page);
  await fillDetails(page, 'Northwind Care (SMS)', freshNumber());
  assert.deepEqual(await violations(), [], 'step one');
  const box = await dialog(page).boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 320, `the dialog fits (${JSON.stringify(box)})`);
  const overflow = await dialog(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.equal(overflow, 0, 'nothing in the dialog scrolls sideways');
  await writeMessage(page, 'Hello');
  assert.deepEqual(await violations(), [], 'step two');
  assert.deepEqual(problems, []);
  await page.context().close();
});
