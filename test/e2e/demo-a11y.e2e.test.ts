// axe on the demo host page in the states a user sees, colour contrast included: what the stories
// check for each element, checked again where the elements meet a real page and real data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations as violations } from './axe-check.js';
import { demoUser, listPart, openDemo, rows, useDemo } from './demo-page.js';

const demo = useDemo();

test('the demo page passes axe: list, open conversation, status menu, no results, narrow', async () => {
  const admin = await demoUser(demo.server, (user) => user.role === 'admin');
  const { page, problems } = await openDemo(demo.browser, demo.server, admin);
  assert.deepEqual(await violations(page), [], 'the list');

  await rows(page).nth(1).click();
  await page.locator('inbox-timeline [part="log"]').waitFor();
  await page.locator('inbox-composer [part="textarea"]:not([disabled])').waitFor();
  assert.deepEqual(await violations(page), [], 'an open conversation');

  await page.locator('inbox-timeline [part="status-button"]').click();
  await page.locator('inbox-timeline [role="menu"]').waitFor();
  assert.deepEqual(await violations(page), [], 'the status menu open');
  await page.keyboard.press('Escape');

  await listPart(page, 'search').fill('zzzz-nobody-is-called-this');
  await page.locator('inbox-conversation-list [part="state"]').waitFor();
  assert.deepEqual(await violations(page), [], 'no search results');

  // Narrow: the open conversation fills the page, with a way back to the list.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.locator('#back').click();
  await listPart(page, 'search').fill('');
  await rows(page).first().click();
  await page.locator('#back').waitFor();
  assert.deepEqual(await violations(page), [], 'narrow, one pane');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling at 390 px (${width} px wide)`);
  assert.deepEqual(problems, []);
  await page.context().close();
});
