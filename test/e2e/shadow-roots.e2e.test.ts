// Hosts put widgets inside their own shadow roots, open or closed, under a strict CSP. The status
// menu must work there with a real mouse: pressing on an item must not close the menu first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUser, useDemo } from './demo-page.js';

const demo = useDemo();

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host with shadow roots</title>
<script type="module" src="/dist/cdn/inbox-elements.js"></script>
<script type="module" src="/host-roots.js"></script></head>
<body><div id="open"></div><div id="closed"></div></body></html>`;

// The host's own code: one list in an open root and one in a closed root; it keeps references, as a
// host would, which is the only way the test can reach into the closed one. The loader sees only
// the document, so the host hands it each root it builds.
const SCRIPT = `
import { discover } from '/dist/cdn/inbox-elements.js';
const users = await (await fetch('/demo/users')).json();
const admin = users.find((user) => user.role === 'admin');
for (const mode of ['open', 'closed']) {
  const root = document.getElementById(mode).attachShadow({ mode });
  const provider = document.createElement('inbox-provider');
  provider.setAttribute('base-url', '/api');
  provider.tokenProvider = () => admin.token;
  const list = document.createElement('inbox-conversation-list');
  list.setAttribute('status', 'active');
  list.style.display = 'block';
  list.style.blockSize = '360px';
  list.style.inlineSize = '420px';
  provider.append(list);
  root.append(provider);
  discover(root);
  window['list_' + mode] = list;
}`;

async function openHostPage(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective}`),
    ),
  );
  page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
  page.on('pageerror', (error) => violations.push(error.message));
  await page.route('**/host-roots.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': POLICY }, body: PAGE }),
  );
  await page.route('**/host-roots.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: SCRIPT }),
  );
  await page.goto(`${demo.server.url}/host-roots.html`);
  return violations;
}

/** Inside a page: the list the host placed in an open or closed root (the host kept a reference). */
type HostWindow = Window & Record<string, HTMLElement | undefined>;

/**
 * The centre of something inside the list's shadow root, found through the host's reference, once
 * it has stayed in place for a few frames: a pointer sent to where a row was, before something
 * above it changed height, would miss it.
 */
function centreOf(page: Page, mode: string, selector: string, timeout = 15_000) {
  return page.waitForFunction(
    ({ mode, selector }) => {
      const list = (window as unknown as HostWindow)[`list_${mode}`];
      const el = list?.shadowRoot?.querySelector(selector);
      const rect = el?.getBoundingClientRect();
      const centre = rect?.width ? `${rect.x + rect.width / 2},${rect.y + rect.height / 2}` : '';
      const seen = window as unknown as { centreSeen?: string; centreFrames?: number };
      seen.centreFrames = centre && centre === seen.centreSeen ? (seen.centreFrames ?? 0) + 1 : 0;
      seen.centreSeen = centre;
      if (!centre || seen.centreFrames < 5) return null;
      const [x, y] = centre.split(',').map(Number);
      return { x: x!, y: y! };
    },
    { mode, selector },
    { timeout, polling: 'raf' },
  );
}

for (const mode of ['open', 'closed']) {
  test(`the row menu works with a real mouse inside a ${mode} shadow root under a strict CSP`, async () => {
    await demoUser(demo.server, (user) => user.role === 'admin');
    const page = await demo.browser.newPage();
    const violations = await openHostPage(page);

    // Point at the first row again, as a person would, until its menu button shows: a hover the
    // page had not settled for is tried again.
    for (let attempt = 0; ; attempt++) {
      const row = await (await centreOf(page, mode, '[role="option"]')).jsonValue();
      await page.mouse.move(row!.x, row!.y);
      const shown = await centreOf(page, mode, '[part~="row-menu-button"]', 1000).then(
        () => true,
        () => false,
      );
      if (shown) break;
      assert.ok(attempt < 10, 'the row menu button never showed');
      await page.mouse.move(0, 0);
    }
    const id = await page.evaluate((mode) => {
      const list = (window as unknown as HostWindow)[`list_${mode}`];
      return list?.shadowRoot?.querySelector('[role="option"]')?.getAttribute('data-id');
    }, mode);
    const button = await (await centreOf(page, mode, '[part~="row-menu-button"]')).jsonValue();
    await page.mouse.click(button!.x, button!.y);
    const item = await (await centreOf(page, mode, '[role="menuitem"]')).jsonValue();
    const changed = page.waitForResponse((r) => r.url().endsWith(`/conversations/${id}/status`));
    await page.mouse.click(item!.x, item!.y);
    assert.equal((await changed).status(), 200, 'the click on the menu item changed the status');
    await page.waitForFunction(
      ([mode, id]) =>
        !(window as unknown as HostWindow)[`list_${mode}`]?.shadowRoot?.querySelector(`[data-id="${id}"]`),
      [mode, id],
    );
    assert.deepEqual(violations, []);
    await page.close();
  });
}
