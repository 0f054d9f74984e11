// Two micro-frontends on one page, each bundling its own inbox-elements: the page must not break,
// and the console must say once, plainly, which copy won. Two builds of the CDN bundle (the real
// one and a copy stamped with another version) load into real Chromium from a local server.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
const otherVersion = '9.9.9-other';

const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Two copies</title></head>
  <body>
    <inbox-conversation-list></inbox-conversation-list>
    <inbox-composer></inbox-composer>
    <script type="module" src="/first/inbox-elements.js"></script>
    <script type="module" src="/second/inbox-elements.js"></script>
  </body>
</html>`;

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

let root: string;
let server: Server;
let browser: Browser;
let origin: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inbox-two-copies-'));
  await cp('dist/cdn', join(root, 'first'), { recursive: true });
  await cp('dist/cdn', join(root, 'second'), { recursive: true });
  // The second copy is another release: only its stamped version differs.
  const second = join(root, 'second', 'inbox-elements.js');
  const bundle = await readFile(second, 'utf8');
  assert.ok(
    bundle.includes(JSON.stringify(version)),
    'the bundle carries its version (run npm run build first)',
  );
  await writeFile(second, bundle.replaceAll(JSON.stringify(version), JSON.stringify(otherVersion)));
  await writeFile(join(root, 'index.html'), page);

  server = createServer((request, response) => {
    const path =
      normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    readFile(join(root, path)).then(
      (body) => response.writeHead(200, { 'content-type': types[extname(path)] ?? 'text/plain' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

test('a second copy of another version warns once and the first copy keeps working', async () => {
  const tab = await browser.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/index.html`);
  // Both copies have run once the second one's module has evaluated.
  await tab.waitForFunction(() => customElements.get('inbox-composer') !== undefined);
  await tab
    .locator('inbox-composer')
    .evaluate(async (el: Element & { updateComplete?: Promise<unknown> }) => {
      await el.updateComplete;
    });

  assert.deepEqual(errors, []);
  const clashes = warnings.filter((text) => text.includes('inbox-elements'));
  assert.equal(clashes.length, 1, `one warning, not one per tag: ${clashes.join('\n')}`);
  assert.match(
    clashes[0]!,
    new RegExp(
      `inbox-elements ${otherVersion}.*already defined by inbox-elements ${version.replaceAll('.', '\\.')}`,
    ),
  );
  // The first copy's elements render.
  assert.equal(await tab.locator('inbox-composer').evaluate((el) => el.shadowRoot !== null), true);
  await tab.close();
});

test('a second copy of the same version stays quiet', async () => {
  const tab = await browser.newPage();
  const warnings: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.route('**/second/inbox-elements.js', (route) =>
    route.fulfill({ path: join(root, 'first', 'inbox-elements.js'), contentType: 'text/javascript' }),
  );
  await tab.goto(`${origin}/index.html`);
  await tab.waitForFunction(() => customElements.get('inbox-composer') !== undefined);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    warnings.filter((text) => text.includes('inbox-elements')),
    [],
  );
  await tab.close();
});
