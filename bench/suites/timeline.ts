/**
 * Timeline: opening a 10,000-message thread at the bottom, appending live messages, keeping the
 * reader's place while older history is prepended, heap and DOM size.
 */
import type { Page } from 'playwright-core';
import { median, p95 } from '../lib/stats.js';
import type { TimelineWindow } from '../page/timeline.js';
import type { Suite, SuiteOptions } from './suite.js';

const count = (o: SuiteOptions) => Number(o.params['count'] ?? 10_000);
const appendCount = (o: SuiteOptions) => Number(o.params['appends'] ?? 25);
const prepends = (o: SuiteOptions) => Number(o.params['prepends'] ?? 3);
/** How far one scroll step moves up, about one wheel notch. */
const stepPx = (o: SuiteOptions) => Number(o.params['step'] ?? 100);
/** `--whole-thread=1`: the 10,000 are the whole thread (`hasOlder: false`); see timeline-backend.ts. */
const wholeThread = (o: SuiteOptions) => ['1', 'true', 'yes'].includes(o.params['whole-thread'] ?? '');
const MB = 1024 * 1024;

type Variant = 'inbox' | 'plain';
// page.evaluate callbacks run in the page, where `window` is the harness's TimelineWindow.
declare const window: TimelineWindow;

export const timeline: Suite = {
  name: 'timeline',
  entry: 'page/timeline.ts',
  subject: 'inbox',
  baseline: 'plain',
  title: (o) => `timeline, ${count(o).toLocaleString('en')} messages`,
  metrics: [
    // From the thread being in the store (the timeline query's $state ready with its items) to the
    // first paint with the newest message wholly visible and the log at the bottom.
    { key: 'open', label: 'open at the bottom (ms)', digits: 0, target: { max: 50, text: '≤ 50 ms' } },
    { key: 'openFromResponse', label: '  from the response (ms)', digits: 0 },
    { key: 'openStable', label: '  until it stops moving (ms)', digits: 0 },
    { key: 'openMoves', label: '  frames that moved after', digits: 0 },
    // Painted with neither the loading line nor a row in view (the plain one shows no loading line).
    { key: 'openBlank', label: '  frames showing nothing', digits: 0, target: { max: 0, text: 'none' } },
    { key: 'openShown', label: '  newest row shown (1 = yes)', digits: 0 },
    { key: 'appendP95', label: 'append p95 (ms)', digits: 1, target: { max: 33, text: '≤ 33 ms' } },
    { key: 'appendMedian', label: '  median (ms)', digits: 1 },
    {
      key: 'anchorShift',
      label: 'anchor shift, settled (px)',
      digits: 1,
      target: { max: 1, text: '≤ 1 px' },
    },
    { key: 'anchorShiftWorst', label: '  worst frame (px)', digits: 1 },
    { key: 'anchorLost', label: '  frames without the anchor row', digits: 0 },
    { key: 'heapPerK', label: 'heap per 1,000 (MB)', digits: 3, target: { max: 0.3, text: '≤ 0.3 MB' } },
    { key: 'heapViewPerK', label: '  of which the element (MB)', digits: 3 },
    { key: 'heapDataPerK', label: '  of which the data (MB)', digits: 3 },
    { key: 'heapLeftPerK', label: '  left after removal (MB)', digits: 3 },
    { key: 'collected', label: "element GC'd after removal (1 = yes)", digits: 0 },
    { key: 'queryLeftOpen', label: 'query left open after removal (1 = yes)', digits: 0 },
    { key: 'domNodes', label: 'DOM nodes', digits: 0, target: { max: 2000, text: '≤ 2,000' } },
    { key: 'rowsRendered', label: 'rows in the DOM', digits: 0 },
    // The figure: list, timeline and composer mounted together (the plain one has no composer).
    {
      key: 'domNodesAllThree',
      label: 'DOM nodes, list + timeline + composer',
      digits: 0,
      target: { max: 2000, text: '≤ 2,000' },
    },
  ],

  async measure(page: Page, variant: string, options: SuiteOptions) {
    const n = count(options);
    await page.evaluate(([n, whole]) => window.bench.setup(n, whole), [n, wholeThread(options)] as const);
    const opened = await page.evaluate((v) => window.bench.mount(v as Variant), variant);
    const settled = await page.evaluate(() => window.bench.settled());

    // Appends need a timeline that shows its newest row (see --whole-thread).
    const appends: number[] = [];
    for (let i = 0; opened.shown && i < appendCount(options); i++) {
      appends.push(await page.evaluate(() => window.bench.append()));
      await page.evaluate(() => window.bench.afterAppend());
    }
    const freed = await page.evaluate(() => window.bench.unmount());

    // A fresh timeline holding only the newest page: scroll up until it asks for older history (as
    // a reader would), then see where the row under the eye ends up.
    const windowed = await page.evaluate((v) => window.bench.mountWindowed(v as Variant), variant);
    if (!windowed.hasOlder) throw new Error('the windowed timeline has no older history');
    const shifts: { final: number; worst: number; lost: number; frames: number }[] = [];
    for (let i = 0; i < prepends(options); i++) {
      const asked = shifts.length;
      for (let step = 0; ; step++) {
        const { olderRequests, scrollTop } = await page.evaluate(
          (px) => window.bench.scrollUp(px),
          stepPx(options),
        );
        if (olderRequests > asked) break;
        if (step > 400 || scrollTop === 0) {
          if (olderRequests > asked) break;
          throw new Error(`no older page asked for after scrolling up (scrollTop ${scrollTop})`);
        }
      }
      shifts.push(await page.evaluate(() => window.bench.anchorResult()));
    }

    const three = await page.evaluate((v) => window.bench.allThree(v as Variant), variant);

    const perK = (bytes: number) => bytes / MB / (n / 1000);
    const max = (values: number[]) => (values.length ? Math.max(...values) : NaN);
    return {
      open: opened.open,
      openFromResponse: opened.fromResponse,
      openStable: opened.stable,
      openMoves: opened.moves,
      openBlank: opened.blankFrames,
      openShown: opened.shown ? 1 : 0,
      appendP95: p95(appends),
      appendMedian: median(appends),
      anchorShift: max(shifts.map((s) => s.final)),
      anchorShiftWorst: max(shifts.map((s) => s.worst)),
      anchorLost: shifts.reduce((a, s) => a + s.lost, 0),
      heapPerK: perK(settled.heapBytes),
      heapViewPerK: perK(settled.heapBytes - freed.heapData),
      heapDataPerK: perK(freed.heapData),
      heapLeftPerK: perK(freed.heapLeft),
      collected: freed.collected ? 1 : 0,
      queryLeftOpen: freed.queryLeftOpen ? 1 : 0,
      domNodes: settled.domNodes,
      rowsRendered: settled.rendered,
      domNodesAllThree: three.domNodes,
      // Not in the table; kept in the JSON to check the run did what it says.
      itemsInStore: settled.items,
      scrollHeight: settled.scrollHeight,
      windowedItems: windowed.items,
      anchorShifts: shifts.length,
      refetchedOnRemoval: freed.refetched,
      anchorFrames: shifts.reduce((a, s) => a + s.frames, 0),
      allThreeListRows: three.listRows,
      allThreeTimelineRows: three.timelineRows,
    };
  },
};
