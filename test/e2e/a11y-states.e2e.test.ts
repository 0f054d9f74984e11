// axe on the demo page in the states demo-a11y.e2e.test.ts does not reach: an empty inbox, the list
// loading and failing, dialogs and the row menu open, a colleague's change refused as a conflict,
// the realtime stream down, the access screens and onboarding. The server is real; routing only
// holds, fails or empties the one response a state needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { axeViolations } from './axe-check.js';
import {
  api,
  conversationsOf,
  demoUser,
  openConversation,
  openDemo,
  openPage,
  rows,
  type Conversation,
  type DemoUser,
  useDemo,
  problemsExcept,
  until,
} from './demo-page.js';

const demo = useDemo();

/** The conversation list request (not its counts). */
const LIST = /\/api\/conversations\?/;
const byName = (name: string) => (user: DemoUser) => user.name === name;
const admin = () => demoUser(demo.server, (u) => u.role === 'admin');
const listState = (page: Page, kind: string) =>
  page.locator(`inbox-conversation-list [part="state"].${kind}`);

test('the list loading, failing with a 500, and empty', async () => {
  const user = await admin();
  // Loading: the list request is held until axe has looked.
  let held: Route | undefined;
  const { page, problems } = await openPage(demo.browser, demo.server, user, async (p) => {
    await p.route(LIST, (route) => void (held = route));
  });
  // The loading line shows from the start, before the list asks: wait for the request itself.
  await until('the list request is held', async () => held, 20_000);
  await listState(page, 'loading').waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(page), [], 'loading');
  await page.unroute(LIST); // Lets the held request through.

  // Error: the server answers the list with a 500 problem.
  await page.route(LIST, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Down.',
      }),
    }),
  );
  await page.reload();
  await listState(page, 'error').waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(page), [], 'error');
  await page.unroute(LIST);

  // Empty: a space with no conversations at all.
  await page.route(LIST, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...body, items: [], nextCursor: null } });
  });
  await page.reload();
  await listState(page, 'empty').waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(page), [], 'empty');
  assert.deepEqual(problemsExcept(problems, [500]), []);
  await page.context().close();
});

test('dialogs and the row menu open: New conversation, contact edit, row status menu', async () => {
  const { page, problems } = await openDemo(demo.browser, demo.server, await admin());
  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  await page.locator('inbox-new-conversation dialog #phone').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'New conversation');
  await page.keyboard.press('Escape');
  await page.locator('inbox-new-conversation dialog').waitFor({ state: 'detached' });

  await rows(page).first().click();
  await page.locator('inbox-details [data-section="contact"] [part="edit-button"]').click();
  await page.locator('inbox-details #contact-dialog #contact-phone').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'contact edit');
  await page.keyboard.press('Escape');
  await page.locator('inbox-details #contact-dialog #contact-phone').waitFor({ state: 'hidden' });

  await rows(page).nth(1).hover();
  await page.locator('inbox-conversation-list [part="row-menu-button"]').click();
  await page.locator('inbox-conversation-list [role="menu"]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'row menu');
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a colleague changed the assignment first: the 412 conflict as shown', async () => {
  const manager = await demoUser(demo.server, (u) => u.role === 'manager');
  const colleague = await admin();
  const conversation = (await conversationsOf(demo.server, manager, '&status=active'))[2]!;
  const { page, problems } = await openDemo(demo.browser, demo.server, manager);
  await openConversation(page, conversation);
  await page.locator('inbox-details [data-section="assignment"] [part="edit-button"]').click();
  const editor = page.locator('inbox-details [part="assignment-editor"]');
  await editor.waitFor();

  const current = await api<Conversation>(demo.server, colleague, `/conversations/${conversation.id}`);
  const changed = await api(demo.server, colleague, `/conversations/${conversation.id}/assignment`, {
    method: 'PUT',
    headers: { 'If-Match': `"${current.body.version}"` },
    body: JSON.stringify({
      teamIds: current.body.teamIds,
      assigneeIds: current.body.assigneeIds.includes(manager.id)
        ? current.body.assigneeIds.filter((id) => id !== manager.id)
        : [...current.body.assigneeIds, manager.id],
    }),
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  await editor.locator('fieldset').nth(1).locator('input[type="checkbox"]:not(:disabled)').last().click();
  await editor.locator('[part="save"]').click();
  await page.locator('inbox-details [part="conflict"]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'conflict');
  assert.deepEqual(problemsExcept(problems, [412]), []);
  await page.context().close();
});

test('the realtime stream down: the offline banner', async () => {
  const { page, problems } = await openDemo(demo.browser, demo.server, await admin(), async (p) => {
    await p.route(/\/api\/events\?/, (route) => route.abort('internetdisconnected'));
  });
  await page.locator('inbox-conversation-list [part="banner"].offline').waitFor({ timeout: 20_000 });
  await rows(page).first().click();
  await page.locator('inbox-timeline [part="log"]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'offline');
  assert.deepEqual(
    problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')),
    [],
  );
  await page.context().close();
});

test('the access screens: no access, request received, already sent, pending; and onboarding', async () => {
  const nadia = await openPage(demo.browser, demo.server, await demoUser(demo.server, byName('Nadia Karim')));
  const gate = (page: Page, selector: string) => page.locator(`inbox-access ${selector}`);
  const request = gate(nadia.page, '[part="button"]').filter({ hasText: 'Request Access' });
  await request.waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(nadia.page), [], 'no access');
  await request.click();
  await gate(nadia.page, '[part="notice"]').filter({ hasText: 'Request Received!' }).waitFor();
  assert.deepEqual(await axeViolations(nadia.page), [], 'request received');
  await request.click();
  await gate(nadia.page, 'dialog').filter({ hasText: 'Request Already Sent' }).waitFor();
  assert.deepEqual(await axeViolations(nadia.page), [], 'request already sent');
  assert.deepEqual(nadia.problems, []);
  await nadia.page.context().close();

  const tomas = await openPage(
    demo.browser,
    demo.server,
    await demoUser(demo.server, byName('Tomás Herrera')),
  );
  await gate(tomas.page, '[part="pending"]').waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(tomas.page), [], 'request pending');
  assert.deepEqual(tomas.problems, []);
  await tomas.page.context().close();

  const grace = await openPage(
    demo.browser,
    demo.server,
    await demoUser(demo.server, byName('Grace Okafor')),
  );
  await grace.page.locator('inbox-onboarding [part="step-state"]').first().waitFor({ timeout: 20_000 });
  assert.deepEqual(await axeViolations(grace.page), [], 'onboarding');
  assert.deepEqual(grace.problems, []);
  await grace.page.context().close();
});
