// Every docs page of the static Storybook build (the guides and each element's API page) renders
// without errors and passes axe in Chromium; llms.txt is in the build, names every element of
// custom-elements.json and links only to pages the build has.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { readIndex, RENDERED, root, useBuildInChromium } from './static-build.js';

const build = useBuildInChromium();

const entries = await readIndex();
const docs = entries.filter((entry) => entry.type === 'docs');

type PreviewWindow = Window & {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string }; storyRenders?: { phase?: string }[] };
  __STORYBOOK_ADDONS_CHANNEL__?: {
    emit(event: string, data: unknown): void;
    on(event: string, listener: (id: string) => void): void;
  };
  /** The docs page Storybook last said it rendered (its `docsRendered` event). */
  lastDocsRendered?: string;
};

/**
 * Shows a docs page in the shared preview page (the first by loading it, the next over Storybook's
 * channel) and waits until it has settled: Storybook has rendered it, its story blocks (Storybook's
 * `.docs-story`) hold rendered inbox elements and their stories have finished, no request is open
 * (the MSW mock's answers, lazy chunks; the event stream stays open by design), and a list that has
 * loaded shows its rows.
 */
async function show(page: Page, open: Set<Request>, id: string, first: boolean): Promise<void> {
  if (first) await page.goto(`${build.base}/iframe.html?id=${id}&viewMode=docs`);
  else
    await page.evaluate((id) => {
      // Nothing a page left in storage reaches the next one.
      localStorage.clear();
      sessionStorage.clear();
      const preview = window as PreviewWindow;
      preview.lastDocsRendered = undefined;
      preview.__STORYBOOK_ADDONS_CHANNEL__!.emit('setCurrentStory', { storyId: id, viewMode: 'docs' });
    }, id);
  // (No named functions inside: tsx would wrap them in a helper the page does not have.)
  await page.waitForFunction(
    ({ id, rendered, first }) => {
      const preview = window as PreviewWindow;
      const docsRoot = document.querySelector('#storybook-docs');
      const elements = [...(docsRoot?.querySelectorAll('*') ?? [])].filter(
        (el) => el.localName.startsWith('inbox-') && el.localName !== 'inbox-provider',
      );
      return (
        preview.__STORYBOOK_PREVIEW__?.currentRender?.id === id &&
        (first || preview.lastDocsRendered === id) &&
        !!docsRoot?.querySelector('h1') &&
        [...docsRoot.querySelectorAll('.docs-story')].every((story) =>
          elements.some((el) => story.contains(el)),
        ) &&
        (preview.__STORYBOOK_PREVIEW__?.storyRenders ?? []).every((render) =>
          ['played', 'completing', 'completed', 'finished'].includes(render.phase ?? ''),
        ) &&
        elements.every((el) => el.shadowRoot?.querySelector(rendered))
      );
    },
    { id, rendered: RENDERED, first },
    { timeout: 15_000 },
  );
  for (let quiet = 0, waited = 0; quiet < 2; waited += 50) {
    assert.ok(waited < 15_000, `still loading: ${[...open].map((r) => r.url()).join(', ')}`);
    quiet = open.size === 0 ? quiet + 1 : 0;
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('#storybook-docs *')]
        .flatMap((el) => [...(el.shadowRoot?.querySelectorAll('[role="listbox"]') ?? [])])
        .every((list) => list.scrollHeight <= list.clientHeight || list.querySelector('[role="option"]')),
    undefined,
    { timeout: 15_000 },
  );
}

describe('docs pages', () => {
  // One preview page for every docs page, as for the stories. A virtualized list renders rows only
  // where it is on screen: a viewport taller than any page shows every list with its rows, as a
  // reader who scrolled to it sees it.
  let page: Page;
  const problems: string[] = [];
  const open = new Set<Request>();
  before(async () => {
    page = await (await build.browser.newContext({ viewport: { width: 1280, height: 12_000 } })).newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => !request.url().includes('/api/events') && open.add(request));
    page.on('requestfinished', (request) => open.delete(request));
    page.on('requestfailed', (request) => open.delete(request));
  });

  test('the build holds every guide page and a page per element group', async () => {
    const guides = (await readdir('docs/guides')).filter((name) => name.endsWith('.mdx'));
    assert.equal(docs.filter((entry) => entry.title.startsWith('Guides/')).length, guides.length);
    const groups = new Set(entries.filter((e) => e.title.startsWith('Elements/')).map((e) => e.title));
    const elementPages = docs
      .filter((entry) => entry.title.startsWith('Elements/'))
      .map((entry) => entry.title);
    assert.deepEqual(elementPages.sort(), [...groups].sort());
  });

  for (const [index, entry] of docs.entries()) {
    test(`${entry.title} renders and passes axe`, async () => {
      problems.length = 0;
      if (index === 0) {
        await show(page, open, entry.id, true);
        // From now on, record each docs page Storybook finishes rendering.
        await page.evaluate(() => {
          const preview = window as PreviewWindow;
          preview.__STORYBOOK_ADDONS_CHANNEL__!.on('docsRendered', (id) => (preview.lastDocsRendered = id));
        });
      } else await show(page, open, entry.id, false);
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollHeight)) <= 12_000,
        'the page is taller than the viewport the test gives it',
      );
      const results = await new AxeBuilder({ page }).include('#storybook-docs').analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
    });
  }
});

describe('llms.txt', () => {
  test('is in the build, names every element and links only to pages of the build', async () => {
    const text = await readFile(join(root, 'llms.txt'), 'utf8');
    const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8')) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.tagName ?? []);
    assert.ok(tags.length > 0);
    for (const tag of tags) assert.ok(text.includes(`<${tag}>`), `llms.txt does not name <${tag}>`);

    const ids = new Set(entries.map((entry) => entry.id));
    const linked = [...text.matchAll(/\?path=\/docs\/([\w-]+)/g)].map(([, id]) => id!);
    assert.ok(linked.length > 0);
    for (const id of linked) assert.ok(ids.has(id), `llms.txt links to ${id}, which the build does not have`);
  });
});
