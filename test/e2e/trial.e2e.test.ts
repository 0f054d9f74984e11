// What a new user tripped over on the demo page, tried again end to end against the real server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, conversationsOf, demoUser, listPart, openDemo, rows, useDemo } from './demo-page.js';

const demo = useDemo();

test("a colleague's message previews with their name, and only its author sees “You:”", async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const manager = await demoUser(demo.server, (u) => u.role === 'manager');
  const shared = (await conversationsOf(demo.server, manager)).find(
    (c) => !c.contact.phone.endsWith('0000'),
  )!;
  const text = `Checking in from the admin ${Date.now()}`;
  const sent = await api(demo.server, admin, `/conversations/${shared.id}/messages`, {
    method: 'POST',
    headers: { 'Idempotency-Key': `trial${Date.now()}` },
    body: JSON.stringify({ text }),
  });
  assert.equal(sent.status, 201);

  const preview = async (user: typeof admin) => {
    const { page } = await openDemo(demo.browser, demo.server, user);
    await listPart(page, 'search').fill(shared.contact.phone);
    const row = page.locator(
      `inbox-conversation-list [role="option"][data-id="${shared.id}"] [part="preview"]`,
    );
    await row.filter({ hasText: text }).waitFor();
    const shown = (await row.textContent())!.replace(/\s+/g, ' ').trim();
    await page.context().close();
    return shown;
  };
  assert.equal(await preview(admin), `You: ${text}`);
  assert.equal(await preview(manager), `Olivia: ${text}`);
});

test('Simulate a reply is off until a conversation is open, and again after a space switch', async () => {
  const twoSpaces = await demoUser(demo.server, (u) => u.spaceIds.length > 1 && u.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, twoSpaces);
  const simulate = page.locator('#simulate');
  assert.equal(await simulate.isDisabled(), true);
  await rows(page).first().click();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#simulate')!.disabled);

  await page.locator('inbox-space-switcher button').click();
  await page.locator('inbox-space-switcher [role="menuitemradio"][aria-checked="false"]').first().click();
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#simulate')!.disabled);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the undo bar never makes the page taller than the window', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, admin);
  await page.setViewportSize({ width: 1440, height: 900 });
  await rows(page).first().click();
  const field = page.locator('inbox-composer [part="textarea"]:not([disabled])');
  await field.fill('On my way, thank you!');
  await field.press('Enter');
  await page.locator('inbox-composer [part="undo-bar"]').waitFor();
  const { scrollHeight, clientHeight } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  assert.ok(
    scrollHeight <= clientHeight,
    `the page is ${scrollHeight} px tall in a ${clientHeight} px window`,
  );
  await page.locator('inbox-composer [part="undo-button"]').click();
  assert.deepEqual(problems, []);
  await page.context().close();
});
