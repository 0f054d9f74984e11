// DOM size of the usual page, list, timeline and composer mounted together: deterministic for the
// same data and size, so a budget here (time lives in `npm run bench`, which also counts at 10,000).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxProvider } from '../../src/index.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { timelineBackend } from '../helpers/timeline-fetch.js';

/**
 * The target, for nodes under the provider through shadow roots, side by side in view (a
 * virtualizer renders no rows out of the window). Rows are most of them: here 2,456 when a
 * conversation row held 46 nodes and a message row 50, a quarter of them whitespace between their
 * parts; 1,942 without it; 1,265 once list and timeline rendered rows 400 px past their view
 * instead of 1,000. Most of the rest are Lit's comment markers, one per binding.
 */
const BUDGET = 2000;

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) => (left ? requestAnimationFrame(() => tick(left - 1)) : resolve());
    tick(n);
  });

function countNodes(root: Node): number {
  let count = 1;
  if (root instanceof Element && root.shadowRoot) count += countNodes(root.shadowRoot);
  for (let child = root.firstChild; child; child = child.nextSibling) count += countNodes(child);
  return count;
}

describe('DOM size', () => {
  it(`list, timeline and composer together stay within ${BUDGET} nodes`, async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(60)), 200);
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <div style="display: flex; block-size: 560px">
          <inbox-conversation-list style="inline-size: 360px"></inbox-conversation-list>
          <div style="display: flex; flex-direction: column; inline-size: 420px">
            <inbox-timeline conversation-id="conv-0" style="flex: 1"></inbox-timeline>
            <inbox-composer conversation-id="conv-0"></inbox-composer>
          </div>
        </div>
      </inbox-provider>
    `);
    const root = (tag: string) => provider.querySelector(tag)!.shadowRoot!;
    const listRows = () => root('inbox-conversation-list').querySelectorAll('[role="option"]').length;
    const timelineRows = () => root('inbox-timeline').querySelectorAll('.row').length;
    await waitUntil(
      () =>
        listRows() > 0 && timelineRows() > 0 && !root('inbox-composer').querySelector('textarea')?.disabled,
      'the three did not render',
      { timeout: 4000 },
    );
    await frames(30);
    const nodes = countNodes(provider);
    console.log(`DOM nodes: ${nodes} (list rows ${listRows()}, timeline rows ${timelineRows()})`);
    expect(nodes).to.be.at.most(BUDGET);
    // Rows are rendered no further than 400 px past the view: below the list's, above the
    // timeline's (it opens at the bottom).
    const box = (el: Element) => el.getBoundingClientRect();
    const list = root('inbox-conversation-list');
    const listBottom = box(list.querySelector('[role="listbox"]')!).bottom;
    const listTops = [...list.querySelectorAll('[role="option"]')].map((row) => box(row).top);
    expect(Math.max(...listTops) - listBottom).to.be.at.most(400);
    const timeline = root('inbox-timeline');
    const logTop = box(timeline.querySelector('[part="log"]')!).top;
    const rowBottoms = [...timeline.querySelectorAll('.row')].map((row) => box(row).bottom);
    expect(logTop - Math.min(...rowBottoms)).to.be.at.most(400);
  });
});
