// Two micro-frontends on one page, each bringing its own inbox-elements: the page must not break,
// and the console must say once, plainly, which copy won. Copies of the CDN build (the real one,
// an identical one elsewhere, and one stamped with another version) load into real Chromium.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticSite } from './static-server.js';

const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
const otherVersion = '9.9.9-other';

/** A host page loading two copies' files, one after the other. */
const page = (first: string, second: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Two copies</title></head>
  <body>
    <inbox-conversation-list></inbox-conversation-list>
    <inbox-composer></inbox-composer>
    <script type="module" src="${first}"></script>
    <script type="module" src="${second}"></script>
  </body>
</html>`;

let root: string;
let site: StaticSite;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inbox-two-copies-'));
  for (const copy of ['first', 'same', 'other']) await cp('dist/cdn', join(root, copy), { recursive: true });
  // The other copy is another release: only its stamped version differs.
  let stamped = 0;
  for (const file of await readdir(join(root, 'other'), { recursive: true })) {
    if (!file.endsWith('.js')) continue;
    const code = await readFile(join(root, 'other', file), 'utf8');
    if (!code.includes(JSON.stringify(version))) continue;
    await writeFile(
      join(root, 'other', file),
      code.replaceAll(JSON.stringify(version), JSON.stringify(otherVersion)),
    );
    stamped++;
  }
  assert.ok(stamped > 0, 'the build carries its version (run npm run build first)');
  await writeFile(join(root, 'eager-other.html'), page('/first/all.js', '/other/all.js'));
  await writeFile(join(root, 'eager-same.html'), page('/first/all.js', '/same/all.js'));
  await writeFile(join(root, 'loaders.html'), page('/first/inbox-elements.js', '/other/inbox-elements.js'));
  site = await serveStatic(root);
});

after(async () => {
  await site?.close();
  await rm(root, { recursive: true, force: true });
});

/** Opens a page and collects its inbox-elements warnings, errors and requests until the composer renders. */
async function open(path: string) {
  const tab: Page = await site.browser.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('inbox-elements'))
      warnings.push(message.text());
  });
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await tab.goto(`${site.origin}/${path}`);
  await tab.waitForFunction(() => customElements.get('inbox-composer') !== undefined);
  await tab
    .locator('inbox-composer')
    .evaluate(async (el: Element & { updateComplete?: Promise<unknown> }) => {
      await el.updateComplete;
    });
  const rendered = await tab.locator('inbox-composer').evaluate((el) => el.shadowRoot !== null);
  await tab.close();
  return { warnings, errors, requests, rendered };
}

test('a second copy of another version warns once and the first copy keeps working', async () => {
  const { warnings, errors, rendered } = await open('eager-other.html');
  assert.deepEqual(errors, []);
  assert.equal(warnings.length, 1, `one warning, not one per tag: ${warnings.join('\n')}`);
  assert.match(
    warnings[0]!,
    new RegExp(
      `inbox-elements ${otherVersion}.*already defined by inbox-elements ${version.replaceAll('.', '\\.')}`,
    ),
  );
  assert.equal(rendered, true, "the first copy's elements render");
});

test('a second copy of the same version stays quiet', async () => {
  const { warnings, errors } = await open('eager-same.html');
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
});

test("two copies' loaders fetch each element once, from the copy that found it first", async () => {
  const { warnings, errors, requests, rendered } = await open('loaders.html');
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
  assert.equal(rendered, true);
  assert.ok(requests.includes('/first/define/inbox-composer.js'));
  assert.deepEqual(
    requests.filter((path) => path.startsWith('/other/') && path !== '/other/inbox-elements.js'),
    [],
    'the second copy downloads nothing but its loader',
  );
});
