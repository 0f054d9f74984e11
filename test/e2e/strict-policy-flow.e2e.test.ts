// The whole day's work under the host pages' strict policy (no inline script, no eval, style-src
// 'self', Trusted Types enforced): every step shows its result, and the browser reports not one
// Content Security Policy or Trusted Types violation, from any frame or shadow root.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  conversationsOf,
  demoUser,
  openConversation,
  openPage,
  rows,
  type Conversation,
  useDemo,
  problemsExcept,
} from './demo-page.js';
import { activePolicy, policyViolations, watchPage, type PageWatch } from './page-guards.js';

const demo = useDemo();

const composerField = (page: Page) => page.locator('inbox-composer [part="textarea"]');
const details = (page: Page, selector: string) => page.locator(`inbox-details ${selector}`);

/** Opens a host page as a user with the violation watch on, once its list shows. */
async function openGuarded(path: string): Promise<{ page: Page; watch: PageWatch; problems: string[] }> {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  let watch!: PageWatch;
  const opened = await openPage(
    demo.browser,
    demo.server,
    admin,
    async (page) => void (watch = await watchPage(page)),
    path,
  );
  await rows(opened.page).first().waitFor({ timeout: 20_000 });
  const policy = await activePolicy(opened.page);
  assert.match(policy, /require-trusted-types-for 'script'/, 'Trusted Types are enforced');
  assert.match(policy, /script-src 'self'/);
  assert.match(policy, /style-src 'self'/);
  return { ...opened, watch };
}

async function reply(page: Page, text: string): Promise<void> {
  await composerField(page).fill(text);
  await composerField(page).press('Enter');
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: text }).waitFor();
}

async function insertEmoji(page: Page): Promise<void> {
  await composerField(page).fill('Thanks ');
  await page.locator('inbox-composer [part="emoji-button"]').click();
  await page.getByRole('searchbox', { name: 'Search emoji' }).fill('grin');
  await page.getByRole('gridcell').getByRole('button', { name: 'grinning face', exact: true }).click();
  assert.equal(await composerField(page).inputValue(), 'Thanks 😀');
}

/** Edit → pick the first choice not yet picked in the editor's `fieldset` → Save; its name. */
async function editAndPick(page: Page, section: string, fieldset: number): Promise<string> {
  await details(page, `[data-section="${section}"] [part="edit-button"]`).click();
  const choice = details(page, `form.editor fieldset`)
    .nth(fieldset)
    .locator('label.choice', { has: page.locator('input:not(:checked):not(:disabled)') })
    .first();
  const name = ((await choice.locator('bdi').textContent()) ?? '').trim();
  await choice.locator('input').check();
  await details(page, 'form.editor [part="save"]').click();
  await details(page, 'form.editor').waitFor({ state: 'detached' });
  return name;
}

test('demo page: select, reply, undo, reply, close, assign, tag, start a conversation, emoji — 0 violations', async () => {
  const { page, watch, problems } = await openGuarded('/');
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const conversation = (await conversationsOf(demo.server, admin, '&status=active')).find(
    (c: Conversation) => c.channel === 'whatsapp' && !c.contact.phone.endsWith('0000'),
  )!;

  await openConversation(page, conversation);
  await page
    .locator(`inbox-conversation-list [data-id="${conversation.id}"][aria-selected="true"]`)
    .waitFor();

  await composerField(page).fill('First thought, taken back.');
  await composerField(page).press('Enter');
  await page.locator('inbox-composer [part="undo-button"]').click();
  await page.waitForFunction(
    () =>
      (
        document
          .querySelector('inbox-composer')
          ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
      )?.value === 'First thought, taken back.',
  );

  await composerField(page).fill('');
  await reply(page, 'Your order ships today.');

  await page.locator('inbox-timeline [part="status-button"]').click();
  await page.locator('inbox-timeline [role="menuitem"]', { hasText: 'Close conversation' }).click();
  await page.locator('inbox-timeline [part="status-button"]', { hasText: 'Closed' }).waitFor();

  await details(page, '[part="assignment-facts"]').waitFor();
  const agent = await editAndPick(page, 'assignment', 1);
  await page.locator('inbox-details [part="assignment-facts"]', { hasText: agent }).waitFor();

  const tag = await editAndPick(page, 'tags', 0);
  await page.locator('inbox-details [part="tag"]', { hasText: tag }).waitFor();

  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  const dialog = (selector: string, options?: { hasText: string }) =>
    page.locator(`inbox-new-conversation dialog ${selector}`, options);
  await dialog('#profile').selectOption({ label: 'Northwind WhatsApp' });
  // An admin may start it for any team: one is chosen, as the dialog asks.
  if ((await dialog('#team').inputValue()) === '') await dialog('#team').selectOption({ index: 1 });
  await dialog('#phone').fill('+447400155501');
  await dialog('[part="availability"]', { hasText: 'left today' }).waitFor({ timeout: 10_000 });
  await dialog('[part="next-button"]').click();
  await dialog('#message').fill('Hello from Northwind!');
  const created = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('inbox-conversation-create', (e) => resolve(e.detail.conversationId), {
          once: true,
        }),
      ),
  );
  await dialog('[part="send-button"]').click();
  const id = await created;
  await page.locator('inbox-new-conversation dialog').waitFor({ state: 'detached' });
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: 'Hello from Northwind!' }).waitFor();
  assert.ok(id);

  await insertEmoji(page);

  assert.deepEqual(await policyViolations(page, watch), []);
  assert.deepEqual(watch.dialogs, []);
  assert.deepEqual(problemsExcept(problems, [412]), []);
  await page.context().close();
});

test('CRM page: select in the widget, reply, tag, emoji — 0 violations', async () => {
  const { page, watch, problems } = await openGuarded('/crm.html');
  await rows(page).first().click();
  await page.locator('#crm-fields dd').first().waitFor();
  await reply(page, 'Following up from your account page.');
  const tag = await editAndPick(page, 'tags', 0);
  await page.locator('inbox-details [part="tag"]', { hasText: tag }).waitFor();
  await insertEmoji(page);

  assert.deepEqual(await policyViolations(page, watch), []);
  assert.deepEqual(watch.dialogs, []);
  assert.deepEqual(problemsExcept(problems, [412]), []);
  await page.context().close();
});
