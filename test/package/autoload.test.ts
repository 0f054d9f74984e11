// The CDN loader, as a host page meets it: `dist/cdn/inbox-elements.js` in a plain script tag, in
// real Chromium under a strict Content Security Policy with Trusted Types. A page downloads the
// elements it shows, later ones when they appear, and one element that cannot load spoils no other.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticSite } from './static-server.js';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

const page = (body: string, script = '') => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${POLICY}">
    <title>Loader</title>
    <link rel="icon" href="data:,">
    <script type="module" src="/cdn/inbox-elements.js"></script>
    ${script ? `<script type="module" src="/${script}"></script>` : ''}
  </head>
  <body>${body}</body>
</html>`;

// A host that builds its widget inside its own closed shadow root and hands the root to the loader.
const SHADOW_HOST = `
import { discover } from '/cdn/inbox-elements.js';
const root = document.getElementById('widget').attachShadow({ mode: 'closed' });
root.append(document.createElement('inbox-conversation-list'));
discover(root);
window.widgetRoot = root;
`;

let root: string;
let site: StaticSite;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inbox-autoload-'));
  await cp('dist/cdn', join(root, 'cdn'), { recursive: true });
  await writeFile(
    join(root, 'list.html'),
    page('<inbox-provider><inbox-conversation-list></inbox-conversation-list></inbox-provider>'),
  );
  await writeFile(join(root, 'shadow.html'), page('<div id="widget"></div>', 'shadow-host.js'));
  await writeFile(join(root, 'shadow-host.js'), SHADOW_HOST);
  site = await serveStatic(root);
});

after(async () => {
  await site?.close();
  await rm(root, { recursive: true, force: true });
});

/** A tab that records the paths it requests, its warnings, and its errors (CSP violations too). */
async function tab() {
  const tab: Page = await site.browser.newPage();
  const seen = { requests: [] as string[], warnings: [] as string[], errors: [] as string[] };
  tab.on('request', (request) => seen.requests.push(new URL(request.url()).pathname));
  tab.on('console', (message) => {
    if (message.type() === 'warning') seen.warnings.push(message.text());
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  tab.on('pageerror', (error) => seen.errors.push(error.message));
  return { tab, ...seen };
}

const defined = (tab: Page, tag: string) =>
  tab.waitForFunction((tag) => customElements.get(tag) !== undefined, tag);

test('a page downloads the elements it shows, and the others when the host adds them', async () => {
  const { tab: page, requests, errors } = await tab();
  await page.goto(`${site.origin}/list.html`);
  await defined(page, 'inbox-conversation-list');
  await defined(page, 'inbox-provider');
  assert.equal(await page.locator('inbox-conversation-list').evaluate((el) => el.shadowRoot !== null), true);
  assert.ok(!requests.includes('/cdn/define/inbox-timeline.js'), 'no timeline on the page, none downloaded');
  assert.equal(await page.evaluate(() => customElements.get('inbox-timeline')), undefined);

  // A route change in a single-page app: the host adds a timeline.
  await page.evaluate(() =>
    document.querySelector('inbox-provider')!.append(document.createElement('inbox-timeline')),
  );
  await defined(page, 'inbox-timeline');
  assert.ok(requests.includes('/cdn/define/inbox-timeline.js'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an element that cannot load is named in a warning and the others still work', async () => {
  const { tab: page } = await tab();
  await page.route('**/cdn/define/inbox-timeline.js', (route) => route.abort());
  const warning = page.waitForEvent('console', {
    predicate: (message) => message.type() === 'warning' && message.text().includes('<inbox-timeline>'),
  });
  await page.goto(`${site.origin}/list.html`);
  await page.evaluate(() =>
    document.querySelector('inbox-provider')!.append(document.createElement('inbox-timeline')),
  );
  assert.match((await warning).text(), /could not load <inbox-timeline>/);
  await defined(page, 'inbox-conversation-list');
  assert.equal(await page.evaluate(() => customElements.get('inbox-timeline')), undefined);
  assert.equal(await page.locator('inbox-conversation-list').evaluate((el) => el.shadowRoot !== null), true);
  await page.close();
});

test('elements in a shadow root load once the host passes the root to discover()', async () => {
  const { tab: page, errors } = await tab();
  await page.goto(`${site.origin}/shadow.html`);
  await defined(page, 'inbox-conversation-list');
  // Later additions to that root load too.
  await page.evaluate(() =>
    (window as unknown as { widgetRoot: ShadowRoot }).widgetRoot.append(
      document.createElement('inbox-composer'),
    ),
  );
  await defined(page, 'inbox-composer');
  assert.deepEqual(errors, []);
  await page.close();
});
