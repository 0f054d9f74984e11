/** Conversation list: first render, live update, scrolling, heap and DOM size at 10,000 rows. */
import type { Page } from 'playwright-core';
import { p95 } from '../lib/stats.js';
import type { Suite, SuiteOptions } from './suite.js';

const count = (o: SuiteOptions) => Number(o.params['count'] ?? 10_000);
const updatesPerKind = (o: SuiteOptions) => Number(o.params['updates'] ?? 25);
const wheelSteps = (o: SuiteOptions) => Number(o.params['wheel-steps'] ?? 60);
const MB = 1024 * 1024;

export const conversationList: Suite = {
  name: 'conversation-list',
  entry: 'page/conversation-list.ts',
  subject: 'inbox',
  baseline: 'plain',
  title: (o) => `conversation list, ${count(o).toLocaleString('en')} rows`,
  scaleMetrics: ['updateP95', 'updateDomP95', 'updateMoveP95', 'updateMoveDomP95', 'firstRender', 'heapPerK'],
  metrics: [
    // From the list's data being in the store (its $state has the ids) to the first paint with rows:
    // the target is about rendering. The second line starts at the /conversations response instead,
    // so it adds parsing the JSON and the store update, which both variants pay.
    { key: 'firstRender', label: 'first render (ms)', digits: 0, target: { max: 50, text: '≤ 50 ms' } },
    { key: 'firstRenderFromResponse', label: '  from the response (ms)', digits: 0 },
    // Painted with neither the loading line nor a row in view (the plain one shows no loading line).
    {
      key: 'firstRenderBlank',
      label: '  frames showing nothing',
      digits: 0,
      target: { max: 0, text: 'none' },
    },
    { key: 'updateP95', label: 'update p95 (ms)', digits: 1, target: { max: 16.7, text: '≤ 16.7 ms' } },
    // The same updates until the new text is in the DOM, before waiting for the frame that paints it.
    { key: 'updateDomP95', label: '  in the DOM, before the frame (ms)', digits: 1 },
    {
      key: 'updateMoveP95',
      label: 'update to top p95 (ms)',
      digits: 1,
      target: { max: 16.7, text: '≤ 16.7 ms' },
    },
    { key: 'updateMoveDomP95', label: '  in the DOM, before the frame (ms)', digits: 1 },
    { key: 'longTasks', label: 'long tasks while scrolling', digits: 0, target: { max: 0, text: '0' } },
    { key: 'longTaskMs', label: '  their total (ms)', digits: 0 },
    { key: 'frameP95', label: 'frame p95 while scrolling', digits: 1 },
    { key: 'heapPerK', label: 'heap per 1,000 (MB)', digits: 3, target: { max: 0.3, text: '≤ 0.3 MB' } },
    { key: 'heapListPerK', label: '  of which the list (MB)', digits: 3 },
    { key: 'heapDataPerK', label: '  of which the data (MB)', digits: 3 },
    { key: 'collected', label: "list GC'd after removal (1 = yes)", digits: 0 },
    { key: 'domNodes', label: 'DOM nodes', digits: 0, target: { max: 2000, text: '≤ 2,000' } },
    { key: 'rowsRendered', label: 'rows in the DOM', digits: 0 },
  ],

  async measure(page: Page, variant: string, options: SuiteOptions) {
    const n = count(options);
    await page.evaluate((n) => window.bench.setup(n), n);
    const mounted = await page.evaluate((v) => window.bench.mount(v as 'inbox' | 'plain'), variant);
    const settled = await page.evaluate(() => window.bench.settled());

    const stay: { painted: number; inDom: number }[] = [];
    const move: { painted: number; inDom: number }[] = [];
    for (let i = 0; i < updatesPerKind(options); i++) {
      stay.push(await page.evaluate(() => window.bench.update(false)));
      await page.evaluate(() => window.bench.nextPaint());
      move.push(await page.evaluate(() => window.bench.update(true)));
      await page.evaluate(() => window.bench.nextPaint());
    }
    const painted = (samples: { painted: number }[]) => samples.map((s) => s.painted);
    const inDom = (samples: { inDom: number }[]) => samples.map((s) => s.inDom);

    const target = await page.evaluate(() => window.bench.scrollTarget());
    await page.mouse.move(target.x, target.y);
    const steps = wheelSteps(options);
    const delta = Math.ceil(target.range / steps);
    // Chromium's own counters say where scrolling time goes (script, style, layout): JSON only.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () =>
      new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
    await page.evaluate(() => window.bench.startRecording());
    const before = await metrics();
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, delta);
      await page.evaluate(() => window.bench.nextPaint());
    }
    const scroll = await page.evaluate(() => window.bench.stopRecording());
    const after = await metrics();
    const spent = (name: string) => (after.get(name) ?? NaN) - (before.get(name) ?? NaN);
    const freed = await page.evaluate(() => window.bench.unmount());

    const perK = (bytes: number) => bytes / MB / (n / 1000);
    return {
      firstRender: mounted.firstRender,
      firstRenderFromResponse: mounted.fromResponse,
      firstRenderBlank: mounted.blankFrames,
      updateP95: p95(painted(stay)),
      updateDomP95: p95(inDom(stay)),
      updateMoveP95: p95(painted(move)),
      updateMoveDomP95: p95(inDom(move)),
      longTasks: scroll.longTasks.length,
      longTaskMs: scroll.longTasks.reduce((a, b) => a + b, 0),
      frameP95: p95(scroll.deltas),
      heapPerK: perK(settled.heapBytes),
      heapListPerK: perK(freed.heapFreed),
      heapDataPerK: perK(freed.heapData),
      collected: freed.collected ? 1 : 0,
      domNodes: settled.domNodes,
      rowsRendered: settled.rendered,
      // Not in the table; kept in the JSON to check the run did what it says.
      scrolledFraction: target.range > 0 ? scroll.scrollTop / target.range : NaN,
      scrollHeight: settled.scrollHeight,
      frames: scroll.deltas.length,
      scrollScriptMs: spent('ScriptDuration'),
      scrollStyleMs: spent('RecalcStyleDuration'),
      scrollLayoutMs: spent('LayoutDuration'),
      scrollTaskMs: spent('TaskDuration'),
    };
  },
};
