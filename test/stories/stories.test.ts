// Every story in the static Storybook build renders without errors and passes axe, in Chromium.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readIndex, RENDERED, useBuildInChromium } from './static-build.js';

const build = useBuildInChromium();

const stories = (await readIndex()).filter((entry) => entry.type === 'story');

/** Renders a story in the shared preview page: the first by loading it, the next over its channel. */
async function show(page: Page, storyId: string, first: boolean): Promise<void> {
  if (first) await page.goto(`${build.base}/iframe.html?id=${storyId}&viewMode=story`);
  else
    await page.evaluate((id) => {
      // Nothing a story left in storage reaches the next one.
      localStorage.clear();
      sessionStorage.clear();
      const channel = (
        window as { __STORYBOOK_ADDONS_CHANNEL__?: { emit(event: string, data: unknown): void } }
      ).__STORYBOOK_ADDONS_CHANNEL__;
      channel!.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    }, storyId);
  // Rendered = this story is the current one, every inbox element shows either content or one of
  // its state messages, and the story's play function (opening a dialog, typing) has finished.
  await page.waitForFunction(
    ({ id, rendered }) => {
      const elements = [...document.querySelectorAll('#storybook-root *')].filter(
        (el) => el.localName.startsWith('inbox-') && el.localName !== 'inbox-provider',
      );
      const preview = (
        window as {
          __STORYBOOK_PREVIEW__?: {
            currentRender?: { id?: string };
            storyRenders?: { phase?: string }[];
          };
        }
      ).__STORYBOOK_PREVIEW__;
      const renders = preview?.storyRenders ?? [];
      const played =
        preview?.currentRender?.id === id &&
        renders.length > 0 &&
        renders.every((render) =>
          ['played', 'completing', 'completed', 'finished'].includes(render.phase ?? ''),
        );
      return played && elements.length > 0 && elements.every((el) => el.shadowRoot?.querySelector(rendered));
    },
    { id: storyId, rendered: RENDERED },
    { timeout: 15_000 },
  );
}

describe('stories', () => {
  // One preview page for every story: loading Storybook's preview once, not once per story, is
  // most of this suite's time.
  let page: Page;
  const problems: string[] = [];
  before(async () => {
    page = await (await build.browser.newContext()).newPage();
    page.on('pageerror', (error) => problems.push(error.message));
  });

  test('the build holds stories', () => assert.ok(stories.length > 0));

  for (const [index, story] of stories.entries()) {
    test(`${story.title} / ${story.name} renders and passes axe`, async () => {
      problems.length = 0;
      await show(page, story.id, index === 0);
      const results = await new AxeBuilder({ page }).include('#storybook-root').analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
    });
  }
});
