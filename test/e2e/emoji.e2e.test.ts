// Emoji on the demo page as shipped: a strict Content Security Policy (`style-src 'self'`, no inline
// script) with Trusted Types enforced. The picker opens, searches and inserts an emoji, with its
// code and data loaded on demand from the same origin, and the page reports no policy violation.
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUser, openDemo, rows, useDemo } from './demo-page.js';

const demo = useDemo();

type ViolationWindow = Window & { policyViolations: string[] };

/** Records every CSP and Trusted Types violation from the first script on. */
async function collectViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const target = window as unknown as ViolationWindow;
    target.policyViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        target.policyViolations.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`,
        ),
      true,
    );
  });
}

test('the emoji picker opens, searches and inserts an emoji under the strict policy, with no violation', async () => {
  const agent = await demoUser(demo.server, (u) => u.role === 'agent');
  const requests: string[] = [];
  /** What the console says about the policy, at any level (openDemo's problems hold every error). */
  const policyMessages: string[] = [];
  const { page, problems } = await openDemo(demo.browser, demo.server, agent, async (page) => {
    await collectViolations(page);
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy|Trusted ?Type/i.test(message.text()))
        policyMessages.push(`${message.type()}: ${message.text()}`);
    });
  });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy ?? '', /require-trusted-types-for 'script'/);
  assert.match(policy ?? '', /style-src 'self';/);

  await rows(page).first().click();
  const field = page.locator('inbox-composer [part="textarea"]');
  await field.fill('See you soon ');
  assert.deepEqual(
    requests.filter((url) => url.includes('/emoji/')),
    [],
    'nothing of the picker loads before it is opened',
  );

  await page.locator('inbox-composer [part="emoji-button"]').click();
  const search = page.getByRole('searchbox', { name: 'Search emoji' });
  await search.waitFor();
  // Focus is in the search field, deep in the composer's and the picker's shadow roots.
  const focused = await page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('aria-label');
  });
  assert.equal(focused, 'Search emoji');
  await page.keyboard.type('grin');
  const grinning = page.getByRole('gridcell').getByRole('button', { name: 'grinning face', exact: true });
  await grinning.waitFor();
  const count = await page.locator('inbox-emoji-picker [role="status"]').textContent();
  assert.match(count?.trim() ?? '', /^\d+ emoji$/);
  await grinning.click();

  assert.equal(await field.inputValue(), 'See you soon 😀');
  assert.equal(await page.locator('inbox-composer [part="emoji-popup"]').count(), 0, 'the popup closed');

  const origin = new URL(demo.server.url).origin;
  assert.deepEqual(
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')),
    [],
    'everything comes from the page’s own origin',
  );
  assert.ok(
    requests.some((url) => url.startsWith(`${origin}/dist/cdn/emoji/en.json`)),
    'the data is the copy shipped beside the bundle',
  );
  const violations = await page.evaluate(() => (window as unknown as ViolationWindow).policyViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(policyMessages, []);
  assert.deepEqual(problems, []);

  // The open picker on the demo page, with its real colours, passes axe (checked last: axe itself
  // is not written for Trusted Types).
  await page.locator('inbox-composer [part="emoji-button"]').click();
  await page.getByRole('gridcell').first().waitFor();
  const axe = await new AxeBuilder({ page }).include('inbox-composer').analyze();
  assert.deepEqual(
    axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    [],
  );
});
