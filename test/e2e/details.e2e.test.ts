// The Details against the real server: two agents edit the same assignment (the second sees the
// conflict with their choice kept), a contact edit with a bad number, and live updates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  api,
  conversationsOf,
  demoUser,
  openConversation,
  openDemo,
  type Conversation,
  type DemoUser,
  useDemo,
  problemsExcept,
} from './demo-page.js';

const demo = useDemo();

async function openInDemo(user: DemoUser, conversation: Conversation) {
  const opened = await openDemo(demo.browser, demo.server, user);
  await openConversation(opened.page, conversation);
  await opened.page.locator('inbox-details [part="contact-facts"]').waitFor();
  return opened;
}

const details = (page: Page, selector: string) => page.locator(`inbox-details ${selector}`);

async function startAssignmentEdit(page: Page) {
  await details(page, '[data-section="assignment"] [part="edit-button"]').click();
  await details(page, '[part="assignment-editor"]').waitFor();
}

test('two managers edit one assignment: the second sees what changed, with their choice kept', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const manager = await demoUser(demo.server, (u) => u.role === 'manager');
  const shared = (await conversationsOf(demo.server, manager, '&status=active'))[0]!;
  const one = await openInDemo(admin, shared);
  const two = await openInDemo(manager, shared);
  await startAssignmentEdit(one.page);
  await startAssignmentEdit(two.page);

  // The first saves a different set of agents.
  const firstEditor = details(one.page, '[part="assignment-editor"]');
  const firstAgent = firstEditor.locator('fieldset').nth(1).locator('input[type="checkbox"]').first();
  await firstAgent.click();
  await details(one.page, '[part="assignment-editor"] [part="save"]').click();
  await details(one.page, '[part="assignment-editor"]').waitFor({ state: 'detached' });

  // The second, still on the old version, changes something else and saves.
  const secondEditor = details(two.page, '[part="assignment-editor"]');
  const lastAgent = secondEditor.locator('fieldset').nth(1).locator('input[type="checkbox"]').last();
  const wanted = !(await lastAgent.isChecked());
  await lastAgent.click();
  await details(two.page, '[part="assignment-editor"] [part="save"]').click();
  await details(two.page, '[part="conflict"]').waitFor();
  const said = (await details(two.page, '[part="conflict"]').textContent())!;
  assert.match(said, /Someone else changed this/);
  assert.match(said, /Agents/);
  assert.equal(await lastAgent.isChecked(), wanted, 'the second manager’s choice is still on screen');

  await details(two.page, '[part="conflict-keep-mine"]').click();
  await details(two.page, '[part="assignment-editor"]').waitFor({ state: 'detached' });
  const after = await api<Conversation>(demo.server, manager, `/conversations/${shared.id}`);
  assert.equal(after.status, 200);
  assert.deepEqual(one.problems, []);
  assert.deepEqual(problemsExcept(two.problems, [412]), []);
  await one.page.context().close();
  await two.page.context().close();
});

test('a contact edit with an invalid number shows the error beside the field, and saves nothing', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const target = (await conversationsOf(demo.server, admin))[0]!;
  const { page, problems } = await openInDemo(admin, target);
  await details(page, '[data-section="contact"] [part="edit-button"]').click();
  await details(page, '#contact-phone').fill('+44 20 7946');
  await details(page, '#contact-dialog [part="save"]').click();
  const error = details(page, '#contact-dialog [part="field-error"]');
  await error.waitFor();
  assert.equal(await details(page, '#contact-phone').getAttribute('aria-invalid'), 'true');
  assert.match((await error.textContent())!, /too short|not a valid/i);
  const contact = await api<{ phone: string }>(demo.server, admin, `/contacts/${target.contact.id}`);
  assert.equal(contact.body.phone, target.contact.phone);

  // A valid number the server refuses for its country is named beside the field too.
  await details(page, '#contact-phone').fill('+44 7911 555001');
  await details(page, '#contact-dialog [part="save"]').click();
  await page.waitForFunction(() =>
    /United Kingdom/.test(
      document
        .querySelector('inbox-details')
        ?.shadowRoot?.querySelector('#contact-dialog [part="field-error"]')?.textContent ?? '',
    ),
  );
  assert.deepEqual(problemsExcept(problems, [400]), []);
  await page.context().close();
});

test('when the Details chunk cannot be fetched it says so, and Try again loads it', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const conversation = (await conversationsOf(demo.server, admin))[0]!;
  const { page, problems } = await openDemo(demo.browser, demo.server, admin, async (p) => {
    await p.route('**/chunks/details-ui-*.js', (route) => route.abort('internetdisconnected'));
  });
  await openConversation(page, conversation);
  const failed = details(page, '[part="state"][role="alert"]');
  await failed.waitFor();
  assert.match((await failed.textContent())!, /The details could not be loaded/);

  await page.unroute('**/chunks/details-ui-*.js');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await details(page, '[part="contact-facts"]').waitFor();
  assert.deepEqual(
    problems.filter((p) => p.startsWith('page error')),
    [],
  );
});
