// Inbox access and onboarding on the demo page, against the reference server and its seeded users.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, demoUser, openDemo, openPage, rows, useDemo, type DemoUser } from './demo-page.js';

const demo = useDemo();

const byName = (name: string) => (user: DemoUser) => user.name === name;
const gate = (page: Page, selector: string) => page.locator(`inbox-access ${selector}`);

/** Every API path the page asks for, to show what a user without the inbox never calls. */
function apiPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) paths.push(url.pathname);
  });
  return paths;
}

test('Nadia: Request Access, "Request Received!", "Request Already Sent", approval, the inbox', async () => {
  const nadia = await demoUser(demo.server, byName('Nadia Karim'));
  let paths: string[] = [];
  const { page, problems } = await openPage(demo.browser, demo.server, nadia, async (p) => {
    paths = apiPaths(p);
  });
  const request = gate(page, '[part="button"]');
  await request.filter({ hasText: 'Request Access' }).waitFor();
  assert.equal(await rows(page).count(), 0, 'no inbox before access');

  await request.click();
  await gate(page, '[part="notice"]').filter({ hasText: 'Request Received!' }).waitFor();

  await request.click();
  const popup = gate(page, 'dialog');
  await popup.filter({ hasText: 'Request Already Sent' }).waitFor();
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'hidden' });

  // Nothing but who she is and her request: every other route would refuse her.
  assert.deepEqual([...new Set(paths)].sort(), ['/api/inbox-access', '/api/me']);

  const approved = await fetch(`${demo.server.url}/demo/inbox-access/${nadia.id}/approve`, {
    method: 'POST',
  });
  assert.equal(approved.status, 200);
  // She comes back to the tab: the page asks again at once and the inbox starts.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await rows(page).first().waitFor({ timeout: 20_000 });
  assert.ok(paths.includes('/api/events'), 'realtime connects after approval');
  assert.equal(await gate(page, '[part~="welcome"]').count(), 0, 'an agent sees no onboarding');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Tomás, whose request waits, is told so and gets the pop-up when he asks again', async () => {
  const tomas = await demoUser(demo.server, byName('Tomás Herrera'));
  const { page, problems } = await openPage(demo.browser, demo.server, tomas);
  await gate(page, '[part="pending"]').waitFor();
  await gate(page, '[part="button"]').click();
  await gate(page, 'dialog').filter({ hasText: 'Request Already Sent' }).waitFor();
  await gate(page, '[part="dialog-button"]').click();
  await gate(page, 'dialog').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Grace: the welcome screen with 3 steps done; skips an optional step, not a required one', async () => {
  const grace = await demoUser(demo.server, byName('Grace Okafor'));
  const { page, problems } = await openPage(demo.browser, demo.server, grace);
  await gate(page, '[part~="title"]')
    .filter({ hasText: 'Welcome to the Inbox' })
    .waitFor({ timeout: 20_000 });
  const step = page.locator('inbox-onboarding li');
  await step.first().waitFor();
  assert.equal(await page.locator('inbox-onboarding [part="progress"]').textContent(), '3 of 6 steps done');
  const states = await page.locator('inbox-onboarding [part="step-state"]').allTextContents();
  assert.deepEqual(states, ['Done', 'Done', 'Done', 'To do', 'To do', 'To do']);

  // Only the optional steps still to do can be skipped; each step links to where it is done.
  const skips = page.locator('inbox-onboarding [part="skip-button"]');
  assert.deepEqual(await skips.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))), [
    'Skip: Create conversation tags',
    'Skip: Add the inbox to your own pages',
  ]);
  const invite = step.filter({ hasText: 'Invite your agents' });
  assert.equal(await invite.locator('[part="skip-button"]').count(), 0);
  assert.match((await invite.locator('[part="step-link"]').getAttribute('href'))!, /\/settings\/users$/);
  const refused = await api<{ type: string }>(demo.server, grace, '/onboarding/steps/invite_agents/skip', {
    method: 'POST',
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.type, 'urn:inbox:problem:step-not-optional');

  await skips.first().click();
  const tags = step.filter({ hasText: 'Create conversation tags' });
  await tags.locator('[part="step-state"]').filter({ hasText: 'Skipped' }).waitFor();
  assert.equal(await tags.locator('[part="skip-button"]').count(), 0);

  await gate(page, '[part="button"]').filter({ hasText: 'Go to the Inbox' }).click();
  await page
    .locator('inbox-conversation-list [part="state"], inbox-conversation-list [role="listbox"]')
    .first()
    .waitFor();
  assert.equal(await page.locator('inbox-onboarding').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const name of ['Olivia Bennett', 'Aiko Tanaka']) {
  test(`${name} goes straight into the inbox and never sees onboarding`, async () => {
    const user = await demoUser(demo.server, (u) => u.name.startsWith(name.split(' ')[0]!));
    let paths: string[] = [];
    const { page, problems } = await openDemo(demo.browser, demo.server, user, async (p) => {
      paths = apiPaths(p);
    });
    assert.equal(await page.locator('inbox-onboarding').count(), 0);
    assert.equal(await gate(page, '[part~="screen"]').count(), 0);
    if (user.role === 'agent') assert.ok(!paths.includes('/api/onboarding'), 'an agent never asks for it');
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
