// What the hostile-surface suites share: one demo server per file, the hostile strings, an admin,
// guarded pages and lanes of pages that check strings side by side.
import type { Page } from 'playwright-core';
import { sharedFixturesPresent, writable, xssPayloads } from './hostile-strings.js';
import { demoUser, openPage, rows, type DemoUser, useDemo } from './demo-page.js';
import { watchPage, type PageWatch } from './page-guards.js';

export type Contact = {
  id: string;
  name: string;
  company: string | null;
  notes: string | null;
  version: number;
};
export type Tag = { id: string; name: string };

/**
 * Starts this file's demo server and browser, and returns the strings every test of the file feeds
 * through the real API with what they need to watch the pages.
 */
export function useHostileDemo() {
  const demo = useDemo();
  const payloads = writable(xssPayloads());
  console.log(
    `${payloads.length} hostile strings (shared fixtures ${sharedFixturesPresent() ? 'included' : 'absent'})`,
  );

  const admin = () => demoUser(demo.server, (u) => u.role === 'admin');

  /**
   * Runs `work` once per lane at once, each lane every LANES-th string with its index (each lane
   * opens its own page): a check mostly waits (a lookup, a render), so the waits overlap. 4 pages
   * stay under a user's cap of 6 event streams.
   */
  const LANES = 4;
  function inLanes(work: (lane: [number, string][], index: number) => Promise<void>): Promise<void[]> {
    const lanes = Array.from({ length: LANES }, (_, index) =>
      [...payloads.entries()].filter(([i]) => i % LANES === index),
    );
    return Promise.all(lanes.map((lane, index) => work(lane, index)));
  }

  /** Opens a host page (the demo page unless `path` says) with every guard on. */
  async function guarded(
    user: DemoUser,
    path = '/',
    beforeLoad?: (page: Page) => Promise<void>,
  ): Promise<{ page: Page; watch: PageWatch; problems: string[] }> {
    let watch!: PageWatch;
    const opened = await openPage(
      demo.browser,
      demo.server,
      user,
      async (page) => {
        watch = await watchPage(page);
        await beforeLoad?.(page);
      },
      path,
    );
    await rows(opened.page).first().waitFor({ timeout: 20_000 });
    return { ...opened, watch };
  }

  return { demo, payloads, admin, LANES, inLanes, guarded };
}
