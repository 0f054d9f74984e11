// The host pages `npm start` serves: the whole inbox (with its theme, language and narrow layouts)
// and a CRM contact page where the pieces sit apart and share one store.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUser, listPart, openDemo, rows, useDemo } from './demo-page.js';

const demo = useDemo();

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('the CRM page: the widget, the record and the Details share one store, with the CRM’s own fields', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${demo.server.url}/crm.html?user=${admin.id}`);
  const first = rows(page).first();
  await first.waitFor();
  const name = (await first.locator('[part="contact"]').textContent())!.trim();
  await first.click();
  await page.locator('#record-name', { hasText: name }).waitFor();
  await page.locator('inbox-timeline [part="log"]').waitFor();
  await page.locator('inbox-details [part="contact-facts"]', { hasText: name }).waitFor();
  await page.locator('#crm-fields dt', { hasText: 'Account owner' }).waitFor();
  assert.equal(
    await page
      .locator('inbox-details')
      .evaluate((el) => (el as HTMLElement & { contact?: { name: string } }).contact?.name),
    name,
  );
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the whole inbox in dark, in the host’s brand, and in Arabic right to left', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, admin);
  await rows(page).nth(1).click();
  await page.locator('inbox-details [part="contact-facts"]').waitFor();

  await page.selectOption('#theme-switcher', 'dark');
  assert.equal(await page.locator('inbox-timeline').getAttribute('theme'), 'dark');
  const background = await page
    .locator('inbox-details')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, 'rgb(21, 24, 29)');
  assert.deepEqual(await axe(page), [], 'dark');

  await page.selectOption('#theme-switcher', 'brand');
  const accent = await page
    .locator('inbox-conversation-list [role="tab"][aria-selected="true"]')
    .evaluate((el) => getComputedStyle(el).borderBottomColor);
  assert.equal(accent, 'rgb(138, 59, 18)', 'the brand colour reaches the elements through --inbox-*');

  await page.selectOption('#language-switcher', 'ar');
  await page.locator('inbox-conversation-list #tab-all', { hasText: 'الكل' }).waitFor();
  const direction = await page
    .locator('inbox-conversation-list')
    .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.frame')!).direction);
  assert.equal(direction, 'rtl');
  await page.locator('inbox-details [part="section-toggle"]', { hasText: 'بيانات جهة الاتصال' }).waitFor();
  assert.deepEqual(await axe(page), [], 'Arabic');
  assert.ok(
    page.url().includes('lang=ar') && page.url().includes('theme=brand'),
    'the choices stay in the URL',
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('at 360 px the inbox is one pane at a time, with a way back, and never scrolls sideways', async () => {
  const admin = await demoUser(demo.server, (u) => u.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, admin);
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await noSidewaysScroll(page), 'the list');
  await rows(page).first().click();
  await page.locator('inbox-timeline [part="log"]').waitFor();
  assert.equal(
    await listPart(page, 'search').isVisible(),
    false,
    'the list gave its place to the conversation',
  );
  assert.ok(await noSidewaysScroll(page), 'the conversation');
  await page.locator('#show-details').click();
  await page.locator('inbox-details [part="contact-facts"]').waitFor();
  assert.equal(await page.locator('inbox-timeline').isVisible(), false);
  assert.ok(await noSidewaysScroll(page), 'the details');
  assert.deepEqual(await axe(page), []);
  await page.locator('#back-to-conversation').click();
  await page.locator('inbox-timeline [part="log"]').waitFor();
  await page.locator('#back').click();
  await listPart(page, 'search').waitFor();
  assert.deepEqual(problems, []);
  await page.context().close();
});
