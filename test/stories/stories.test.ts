// Every story in the static Storybook build renders without errors and passes axe, in Chromium.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = join(process.cwd(), 'storybook-static');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
      response
        .writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

describe('stories', () => {
  test('the build holds stories', () => assert.ok(stories.length > 0));

  for (const story of stories) {
    test(`${story.title} / ${story.name} renders and passes axe`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      // Rendered = every inbox element shows either content or one of its state messages, and the
      // story's play function (opening a dialog, typing) has finished.
      await page.waitForFunction(
        () => {
          const elements = [...document.querySelectorAll('#storybook-root *')].filter(
            (el) => el.localName.startsWith('inbox-') && el.localName !== 'inbox-provider',
          );
          const preview = (window as { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } })
            .__STORYBOOK_PREVIEW__;
          const renders = preview?.storyRenders ?? [];
          const played =
            renders.length > 0 &&
            renders.every((render) =>
              ['played', 'completing', 'completed', 'finished'].includes(render.phase ?? ''),
            );
          return (
            played &&
            elements.length > 0 &&
            elements.every((el) =>
              el.shadowRoot?.querySelector(
                '[role="listbox"], [part="state"], [part="button"], [part="log"], [part="textarea"], [part="section"], [part="steps"], [part="trigger-button"]',
              ),
            )
          );
        },
        undefined,
        { timeout: 15_000 },
      );
      const results = await new AxeBuilder({ page }).include('#storybook-root').analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
