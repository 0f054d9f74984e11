/**
 * In-page harness of the timeline suite. run.ts drives it through `window.bench`:
 * setup → mount (open at the bottom) → settled → append (× n) → unmount, then
 * mountWindowed → scrollUp (until older history is asked for) → anchorResult (× prepends), then
 * allThree (list, timeline and composer together).
 */
import '../../src/define/index.js';
import type { InboxProvider } from '../../src/elements/provider/inbox-provider.js';
import { messagingStores, type TimelineQuery } from '../../src/stores/index.js';
import { blankFrames, countNodes, heapAfterGc, nextPaint, paintedWhenSeen, until } from './measure.js';
import { PlainConversationList } from './plain-conversation-list.js';
import { PlainTimeline } from './plain-timeline.js';
import { timelineBenchBackend, type TimelineBenchBackend } from './timeline-backend.js';

export type Variant = 'inbox' | 'plain';

let backend: TimelineBenchBackend;
let provider: InboxProvider;
let timeline: HTMLElement | undefined;
let query: TimelineQuery | undefined;
let heapBefore = NaN;
let heapMounted = NaN;
let heapData = NaN;
let appends = 0;
let tracking:
  | { key: string; offset: number; shift: () => number; shifts: number[]; lost: number; stop: () => void }
  | undefined;

/** The timelines of the provider's store: the part the timeline element builds. */
const timelines = () => store().use(messagingStores).timeline;
const store = () => {
  if (!provider.store) throw new Error('provider has no store');
  return provider.store;
};
const host = (): HTMLElement => {
  if (!timeline) throw new Error('no timeline mounted');
  return timeline;
};
const root = (): ShadowRoot => {
  const shadow = host().shadowRoot;
  if (!shadow) throw new Error('timeline has no shadow root');
  return shadow;
};
/** The scrolling log, `.log` in either element. Absent before data. */
const log = (): HTMLElement | null => root().querySelector<HTMLElement>('.log');
const scroller = (): HTMLElement => {
  const el = log();
  if (!el) throw new Error('no log in the timeline');
  return el;
};
const rows = () => Array.from(root().querySelectorAll<HTMLElement>('.row[data-key]'));
const rowOf = (key: string) => root().querySelector<HTMLElement>(`.row[data-key="${CSS.escape(key)}"]`);
const atBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 4;
/** Wholly inside the log's viewport, and laid out. */
function inView(row: HTMLElement | null, el: HTMLElement): boolean {
  if (!row) return false;
  const r = row.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
}
const lastKey = (): string => backend.items.at(-1)!.id;
/** The newest row is rendered and wholly visible, and the log is scrolled to the bottom. */
function bottomShown(): boolean {
  const el = log();
  return !!el && atBottom(el) && inView(rowOf(lastKey()), el);
}

/** Something is in view: a state message (loading) or a row inside the log's box. */
function showsSomething(): boolean {
  if (!timeline) return false;
  if (root().querySelector('.state')) return true;
  const el = log();
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return rows().some((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
  });
}

/** Per frame, until `frames` frames in a row changed nothing: when the view stopped moving. */
async function stableAfter(frames = 10, max = 180): Promise<{ at: number; moves: number }> {
  let last = '';
  let at = performance.now();
  let moves = 0;
  for (let i = 0, same = 0; same < frames && i < max; i++) {
    const now = await nextPaint();
    const el = log();
    const row = rowOf(lastKey());
    const state = el
      ? `${el.scrollTop}|${el.scrollHeight}|${row ? row.getBoundingClientRect().top : 'none'}`
      : '';
    if (state === last) same++;
    else {
      if (last) moves++;
      same = 0;
      last = state;
      at = now;
    }
  }
  return { at, moves };
}

/** Watches the store's next timeline query: records it and when its items land (status ready). */
function watchQuery(): { dataAt: () => number; restore: () => void } {
  const store = timelines();
  const open = store.open;
  let dataAt = NaN;
  store.open = (id) => {
    store.open = open;
    const q = open(id);
    query = q;
    const stop = q.$state.listen((state) => {
      if (state.status !== 'ready' || q.$items.get().length === 0) return;
      dataAt = performance.now();
      performance.mark('bench:timeline-data'); // A landmark for traces of the open.
      stop();
    });
    return q;
  };
  return { dataAt: () => dataAt, restore: () => (store.open = open) };
}

function create(variant: Variant): HTMLElement {
  if (variant === 'plain') {
    const el = new PlainTimeline();
    el.store = store();
    el.conversationId = backend.conversationId;
    return el;
  }
  const el = document.createElement('inbox-timeline');
  el.setAttribute('conversation-id', backend.conversationId);
  return el;
}

/** The thread alone: its heap in a timeline query of the store, with no element (then let go). */
async function weighData(): Promise<number> {
  const before = await heapAfterGc();
  const bare = timelines().open(backend.conversationId);
  await bare.load();
  const loaded = await heapAfterGc();
  bare.dispose();
  await new Promise((r) => setTimeout(r, 1100)); // nanostores' unmount delay.
  return loaded - before;
}

/** Waits for the view to stop moving and for the element to stop settling (its 12-frame stick). */
async function quiet(frames = 14, still = 5): Promise<void> {
  for (let i = 0; i < frames; i++) await nextPaint();
  await stableAfter(still);
}

const api = {
  /**
   * Starts a provider on the fake backend with the conversation cached (as after a click in the
   * list), weighs the thread alone in the store, and takes the heap baseline.
   */
  async setup(count: number, wholeThread: boolean): Promise<void> {
    backend = timelineBenchBackend(count, wholeThread);
    provider = document.createElement('inbox-provider');
    provider.fetch = backend.fetch;
    provider.setAttribute('base-url', '/api');
    provider.setAttribute('token', 'bench');
    document.body.append(provider);
    await provider.updateComplete; // The provider builds its store in its first update.
    await store().start();
    await until(() => store().realtime.$connection.get() === 'open', 10_000, 'the event stream');
    await until(() => store().directory.$activeSpaceId.get() !== null, 10_000, 'the active space');
    await store().conversations.loadConversation(backend.conversationId);
    heapData = await weighData();
    heapBefore = await heapAfterGc();
  },

  /**
   * Mounts the timeline on the whole thread and times the first paint with the newest message wholly
   * visible and the log at the bottom. `open` starts when the thread is in the store (the timeline
   * query's $state turns ready with its items); `fromResponse` starts when the timeline response is
   * handed back (so it adds parsing the JSON and the store update, which both variants pay);
   * `stable` is when the view last moved before staying still for 10 frames; `blankFrames` counts
   * the frames painted meanwhile with neither the loading line nor a row in view.
   */
  async mount(variant: Variant): Promise<{
    open: number;
    fromResponse: number;
    stable: number;
    moves: number;
    shown: boolean;
    blankFrames: number;
  }> {
    backend.newestPage = 'all';
    backend.timelineResponseAt = NaN;
    const watch = watchQuery();
    timeline = create(variant);
    timeline.id = 'list';
    const blank = blankFrames(showsSomething);
    provider.append(timeline);
    try {
      // Never shown (a broken layout) is a result to report, not a crash: NaN times, shown false.
      const paintedAt = await paintedWhenSeen(root(), bottomShown, 5000).catch(() => NaN);
      const stable = await stableAfter();
      return {
        blankFrames: blank.stop(),
        open: paintedAt - watch.dataAt(),
        fromResponse: paintedAt - backend.timelineResponseAt,
        stable: Math.max(paintedAt, stable.at) - watch.dataAt(),
        moves: stable.moves,
        shown: bottomShown(),
      };
    } finally {
      blank.stop();
      watch.restore();
    }
  },

  /** DOM nodes (through shadow roots) and heap growth since setup, once the timeline has settled. */
  async settled(): Promise<{
    domNodes: number;
    heapBytes: number;
    rendered: number;
    scrollHeight: number;
    items: number;
  }> {
    await quiet();
    heapMounted = await heapAfterGc();
    return {
      domNodes: countNodes(document),
      heapBytes: heapMounted - heapBefore,
      rendered: rows().length,
      scrollHeight: scroller().scrollHeight,
      items: query?.$items.get().length ?? 0,
    };
  },

  /**
   * Pushes a `timeline.item` event for a new inbound message (the next seq) and resolves with ms from
   * the push to the paint showing it wholly inside the log's viewport.
   */
  async append(): Promise<number> {
    if (!atBottom(scroller())) throw new Error('the timeline is not at the bottom before an append');
    const text = `bench append ${++appends}`;
    const start = performance.now();
    const item = backend.appendInbound(text);
    const painted = await paintedWhenSeen(root(), () => {
      const el = log();
      return !!el && inView(rowOf(item.id), el);
    });
    return painted - start;
  },

  /** Lets an append's follow-up (sticking to the bottom for 6 frames) finish. */
  afterAppend: () => quiet(7, 3),

  /**
   * Removes the timeline (the harness lets go of its query too) and reports whether the element was
   * collected, whether the store still has a timeline of the conversation open, how many times the
   * thread was fetched again, and the heap left above the baseline.
   */
  async unmount(): Promise<{
    heapData: number;
    heapLeft: number;
    collected: boolean;
    queryLeftOpen: boolean;
    refetched: number;
  }> {
    const requests = backend.newestRequests;
    const ref = new WeakRef(host());
    host().remove();
    timeline = undefined; // Nothing here may keep the removed rows alive.
    query = undefined;
    // nanostores keeps a store mounted for 1 s after its last listener leaves.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await heapAfterGc();
    return {
      heapData,
      heapLeft: after - heapBefore,
      collected: !ref.deref(),
      queryLeftOpen: timelines().latestSeq(backend.conversationId) > 0,
      refetched: backend.newestRequests - requests,
    };
  },

  /**
   * The page most hosts show: list, timeline and composer mounted together, the timeline on the
   * whole thread (the plain variant: its list and timeline; it has no composer). DOM nodes through
   * shadow roots once they have settled; the timeline mounted before is removed first.
   */
  async allThree(variant: Variant): Promise<{ domNodes: number; listRows: number; timelineRows: number }> {
    timeline?.remove();
    backend.newestPage = 'all';
    const list =
      variant === 'plain' ? new PlainConversationList() : document.createElement('inbox-conversation-list');
    if (list instanceof PlainConversationList) list.store = store();
    list.style.cssText = 'display: block; width: 420px; height: 640px';
    timeline = create(variant);
    timeline.id = 'list';
    const parts = [list, timeline];
    if (variant === 'inbox') {
      const composer = document.createElement('inbox-composer');
      composer.setAttribute('conversation-id', backend.conversationId);
      parts.push(composer);
    }
    provider.append(...parts);
    const listRows = () => list.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;
    await until(() => listRows() > 0 && bottomShown(), 10_000, 'the list and the timeline');
    await quiet();
    const counted = { domNodes: countNodes(document), listRows: listRows(), timelineRows: rows().length };
    for (const part of parts) part.remove();
    timeline = undefined;
    return counted;
  },

  /** Mounts the timeline again, with the store holding only the newest page (`hasOlder`). */
  async mountWindowed(variant: Variant): Promise<{ items: number; hasOlder: boolean }> {
    backend.newestPage = 'limit';
    const watch = watchQuery();
    timeline = create(variant);
    timeline.id = 'list';
    provider.append(timeline);
    try {
      await paintedWhenSeen(root(), bottomShown);
    } finally {
      watch.restore();
    }
    await quiet();
    backend.onOlderRequest = () => {
      // The reader's view when the older page is asked for: the first wholly visible row.
      const el = scroller();
      const top = el.getBoundingClientRect().top;
      const first = rows()
        .map((row) => ({ row, top: row.getBoundingClientRect().top }))
        .filter((r) => r.top >= top && r.row.getBoundingClientRect().height > 0)
        .sort((a, b) => a.top - b.top)[0];
      if (!first) return;
      const key = first.row.dataset['key']!;
      const offset = first.top - top;
      const height0 = el.scrollHeight;
      const top0 = el.scrollTop;
      /**
       * Where the anchor row is now, relative to where it was. When it is not rendered (scrolled out
       * of the virtualizer's range) this is estimated: everything added went in above it, so it moved
       * by the growth of the scroll height less the scrolling done to follow it.
       */
      const shift = () => {
        const row = rowOf(key);
        if (row) return row.getBoundingClientRect().top - el.getBoundingClientRect().top - offset;
        return el.scrollHeight - height0 - (el.scrollTop - top0);
      };
      let running = true;
      const t = { key, offset, shift, shifts: [] as number[], lost: 0, stop: () => void (running = false) };
      // Every frame from now on.
      const tick = () => {
        if (!running) return;
        t.shifts.push(shift());
        if (!rowOf(key)) t.lost++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      tracking = t;
    };
    const state = query!.$state.get();
    return { items: query!.$items.get().length, hasOlder: state.hasOlder };
  },

  /** Scrolls the log up by `px` (as a scrollbar drag does, no smooth scrolling) and waits a frame. */
  async scrollUp(px: number): Promise<{ olderRequests: number; scrollTop: number }> {
    scroller().scrollTop -= px;
    await nextPaint();
    return { olderRequests: backend.olderRequests, scrollTop: scroller().scrollTop };
  },

  /**
   * After an older page was asked for: waits for it to land and for `frames` more frames, then
   * reports the anchor row's shift from where it was when the page was asked for, in px: in the
   * last frame and the worst frame, and in how many frames it was not rendered at all (its shift
   * then estimated).
   */
  async anchorResult(
    frames = 12,
  ): Promise<{ final: number; worst: number; lost: number; frames: number; key: string }> {
    if (!tracking) throw new Error('no older page was asked for (or no row was visible)');
    await until(() => !query!.$state.get().loadingOlder, 10_000, 'the older page');
    for (let i = 0; i < frames; i++) await nextPaint();
    const t = tracking;
    t.stop();
    tracking = undefined;
    return {
      final: Math.abs(t.shift()),
      worst: Math.max(0, ...t.shifts.map(Math.abs)),
      lost: t.lost,
      frames: t.shifts.length + t.lost,
      key: t.key,
    };
  },

  nextPaint,
};

export type TimelineHarness = typeof api;
/** `window` on this page (Window's own `bench` is typed for the conversation-list page). */
export interface TimelineWindow {
  bench: TimelineHarness;
}
(window as unknown as TimelineWindow).bench = api;
