// The core flow by keyboard alone, from the page's first Tab stop: reach the list, open a
// conversation, write and send a reply, close it through the status menu, assign it, and start a
// New conversation. After every key, focus is somewhere visible, never dropped on <body>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUser, openDemo, problemsExcept, useDemo } from './demo-page.js';

const demo = useDemo();

interface Focus {
  /** The focused element's host chain and tag, e.g. `inbox-timeline > button`. */
  path: string;
  part: string;
  role: string;
  /** Its accessible name, roughly: aria-label, label text or its own text. */
  name: string;
  /** It shows a focus ring: :focus-visible with an outline or a box shadow. */
  ring: boolean;
  onBody: boolean;
  /** The Details section it is in, if any. */
  section: string;
  /** A form control's value. */
  value: string;
}

/** The element that really has focus, through every shadow root, and whether it shows it. */
function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const hosts: string[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.localName);
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body)
      return {
        path: 'body',
        part: '',
        role: '',
        name: '',
        ring: false,
        onBody: true,
        section: '',
        value: '',
      };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
    const labels = (el as HTMLInputElement).labels;
    const name =
      el.getAttribute('aria-label') ??
      (labels?.[0]?.textContent || el.textContent || (el as HTMLInputElement).value || '');
    return {
      path: [...hosts, el.localName].join(' > '),
      part: el.getAttribute('part') ?? '',
      role: el.getAttribute('role') ?? '',
      name: name.replace(/\s+/g, ' ').trim().slice(0, 80),
      ring,
      onBody: false,
      section: el.closest('[data-section]')?.getAttribute('data-section') ?? '',
      value: (el as HTMLInputElement).value ?? '',
    };
  });
}

/** Presses a key and checks focus after it: on an element, and visibly so. */
async function press(page: Page, key: string): Promise<Focus> {
  await page.keyboard.press(key);
  // Focus may move in the task after the key (a menu opens, a dialog closes): read it then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const now = await focus(page);
  assert.ok(!now.onBody, `focus is not lost to <body> after ${key}`);
  assert.ok(now.ring, `focus is visible after ${key} (on ${now.path} “${now.name}”)`);
  return now;
}

/** Presses `key` (Tab or Shift+Tab) until focus is where `wanted` says, within `max` presses. */
async function tabTo(page: Page, what: string, wanted: (f: Focus) => boolean, key = 'Tab', max = 60) {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await press(page, key);
    if (wanted(now)) return now;
    visited.push(`${now.path}[${now.part || now.role}] ${now.name}`);
  }
  throw new Error(`${what} was not reached by ${key}; focus went through:\n${visited.join('\n')}`);
}

/** Waits until the focused element is what `wanted` says (after an action moved it). */
async function focusBecomes(page: Page, what: string, wanted: (f: Focus) => boolean): Promise<Focus> {
  for (let i = 0; i < 100; i++) {
    const now = await focus(page);
    if (wanted(now)) return now;
    await page.waitForTimeout(50);
  }
  throw new Error(`focus never reached ${what}: ${JSON.stringify(await focus(page))}`);
}

test('the core flow by keyboard only, with focus always visible', async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'manager');
  const { page, problems } = await openDemo(demo.browser, demo.server, agent);
  await page.locator('inbox-conversation-list [part="tab-count"]').first().waitFor();
  // Start where a keyboard user starts: nothing focused, the first Tab stop next.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // The list: Tab until a conversation (an option of the listbox) has focus, then open the second.
  await tabTo(page, 'a conversation in the list', (f) => f.role === 'option');
  await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await page.locator('inbox-timeline [part="log"]').waitFor();
  const contact = (
    (await page.locator('inbox-timeline [part="header"] [part="contact"]').textContent()) ?? ''
  ).trim();

  // Write and send a reply from the composer.
  await tabTo(page, 'the composer', (f) => f.part === 'textarea');
  await page.keyboard.type('Thanks, I have everything I need.');
  await press(page, 'Enter');
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: 'Thanks, I have everything' }).waitFor();

  // The status menu in the conversation's header: open, move to Close, choose it.
  await tabTo(page, 'the status button', (f) => f.part === 'status-button', 'Shift+Tab');
  await press(page, 'Enter');
  await focusBecomes(page, 'the status menu', (f) => f.role === 'menuitem');
  for (let i = 0; i < 3 && !/Close/.test((await focus(page)).name); i++) await press(page, 'ArrowDown');
  assert.match((await focus(page)).name, /Close conversation/);
  await press(page, 'Enter');
  await page.locator('inbox-timeline [part="status-button"]', { hasText: 'Closed' }).waitFor();

  // Assign: the Details' assignment Edit, a first unassigned agent with Space, Save.
  await tabTo(page, 'the assignment Edit', (f) => f.part === 'edit-button' && f.section === 'assignment');
  await press(page, 'Enter');
  const editor = page.locator('inbox-details [part="assignment-editor"]');
  await editor.waitFor();
  const agentBox = editor
    .locator('fieldset')
    .nth(1)
    .locator('input[type="checkbox"]:not(:checked):not(:disabled)')
    .first();
  const agentName = ((await agentBox.locator('xpath=../bdi').textContent()) ?? '').trim();
  await tabTo(
    page,
    `the agent ${agentName}`,
    (f) => f.path.endsWith('input') && f.name.includes(agentName.split(' ')[0]!),
  );
  await press(page, 'Space');
  await tabTo(page, 'Save', (f) => f.part === 'save');
  await press(page, 'Enter');
  await editor.waitFor({ state: 'detached' });
  await page
    .locator('inbox-details [part="assignment-facts"]', { hasText: agentName.split(' ')[0]! })
    .waitFor();
  await focusBecomes(page, 'a control after saving', (f) => !f.onBody);

  // New conversation: back up to its button, fill the dialog, send.
  await tabTo(page, 'New conversation', (f) => f.part === 'trigger-button', 'Shift+Tab', 120);
  await press(page, 'Enter');
  await page.locator('inbox-new-conversation dialog').waitFor();
  await focusBecomes(page, 'a field of the dialog', (f) => f.path.startsWith('inbox-new-conversation'));
  // Step one: a sender profile and a team chosen with the arrow keys where none is yet, the number.
  for (let f = await focus(page), i = 0; f.part !== 'phone-input'; f = await press(page, 'Tab'), i++) {
    assert.ok(i < 30, 'the phone field comes after the profile and the team');
    if (['profile-select', 'team-select'].includes(f.part) && !f.value) await press(page, 'ArrowDown');
  }
  await page.keyboard.type('+447400166601');
  await page
    .locator('inbox-new-conversation [part="availability"]', { hasText: 'left today' })
    .waitFor({ timeout: 10_000 });
  await tabTo(page, 'Next', (f) => f.part === 'next-button');
  await press(page, 'Enter');
  await focusBecomes(page, 'the message', (f) => f.path.endsWith('textarea'));
  await page.keyboard.type('Hello from Northwind, by keyboard.');
  await tabTo(page, 'Send', (f) => f.part === 'send-button');
  await press(page, 'Enter');
  await page.locator('inbox-new-conversation dialog').waitFor({ state: 'detached' });
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: 'by keyboard' }).waitFor();
  await focusBecomes(page, 'somewhere after the dialog closed', (f) => !f.onBody);
  assert.ok((await focus(page)).ring, 'focus after the dialog is visible');
  assert.ok(contact, 'a conversation was open');
  // The reply's receipts move the conversation's version while the keys go on (problemsExcept).
  assert.deepEqual(problemsExcept(problems, [412]), []);
  await page.context().close();
});
