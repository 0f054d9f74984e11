/**
 * In-page harness of the conversation-list suite. run.ts drives it through `window.bench`:
 * setup → mount (first render) → update (× n) → scroll recording → unmount.
 */
import '../../src/define/index.js';
import type { InboxProvider } from '../../src/elements/provider/inbox-provider.js';
import type { Conversation } from '../../src/api/types.js';
import { makeConversations, space } from '../../test/fixtures/inbox-fixtures.js';
import { benchBackend, type BenchBackend } from './fake-backend.js';
import {
  blankFrames,
  countNodes,
  findScroller,
  heapAfterGc,
  nextPaint,
  paintedWhen,
  recordFrames,
  until,
} from './measure.js';
import { PlainConversationList } from './plain-conversation-list.js';

export type Variant = 'inbox' | 'plain';

let backend: BenchBackend;
let provider: InboxProvider;
let list: HTMLElement | undefined;
let heapBefore = NaN;
let heapMounted = NaN;
let updates = 0;
let recording: ReturnType<typeof recordFrames> | undefined;

const store = () => {
  if (!provider.store) throw new Error('provider has no store');
  return provider.store;
};
const host = (): HTMLElement => {
  if (!list) throw new Error('no list mounted');
  return list;
};
const root = (): ShadowRoot => {
  const shadow = host().shadowRoot;
  if (!shadow) throw new Error('list has no shadow root');
  return shadow;
};
const rows = () => Array.from(root().querySelectorAll<HTMLElement>('[role="option"]'));
const scroller = (): Element => {
  const el = findScroller(host());
  if (!el) throw new Error('no scrollable element in the list');
  return el;
};

/** Rows currently inside the scroller's viewport, top to bottom. */
function visibleRows(): HTMLElement[] {
  const box = scroller().getBoundingClientRect();
  return rows()
    .filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom && r.height > 0;
    })
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
}

/** The scroller once the list has one: found once, as finding it reads every element's style. */
let shownScroller: Element | undefined;

/** Something is in view: a state message (loading) or a row inside the scroller's box. */
function showsSomething(): boolean {
  if (!list) return false;
  if (root().querySelector('.state')) return true;
  shownScroller ??= findScroller(host());
  if (!shownScroller) return false;
  const box = shownScroller.getBoundingClientRect();
  return rows().some((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
  });
}

const api = {
  /** Starts a provider on the fake backend (no list yet) and takes the heap baseline. */
  async setup(count: number): Promise<void> {
    backend = benchBackend(makeConversations(count));
    provider = document.createElement('inbox-provider');
    provider.fetch = backend.fetch;
    provider.setAttribute('base-url', '/api');
    provider.setAttribute('token', 'bench');
    document.body.append(provider);
    await provider.updateComplete; // The provider builds its store in its first update.
    await store().start();
    await until(() => store().realtime.$connection.get() === 'open', 10_000, 'the event stream');
    await until(() => store().directory.$activeSpaceId.get() !== null, 10_000, 'the active space');
    // The list shows its rows once the teams are in: time the render, not the directory's requests.
    await until(() => !store().directory.$directoryPending.get(), 10_000, 'the teams');
    heapBefore = await heapAfterGc();
  },

  /**
   * Mounts the list and times its first paint with rows. `firstRender` starts when the list's data is
   * in the store (its query's $state has the ids): the target is about rendering, and both
   * variants make the same query. `fromResponse` starts earlier, when the /conversations response is
   * handed back, so it also counts parsing ~7 MB of JSON and the store update that every variant pays.
   * `blankFrames` counts the frames painted until 10 after the rows with neither the loading line
   * nor a row in view.
   */
  async mount(
    variant: Variant,
  ): Promise<{ firstRender: number; fromResponse: number; rowsAt: number; blankFrames: number }> {
    const el =
      variant === 'plain' ? new PlainConversationList() : document.createElement('inbox-conversation-list');
    if (el instanceof PlainConversationList) el.store = store();
    el.id = 'list';
    backend.listResponseAt = NaN;
    let dataAt = NaN;
    // The element makes its query itself: watch the one it makes for the moment its ids land.
    const conversations = store().conversations;
    const create = conversations.createConversationList;
    conversations.createConversationList = (filters) => {
      conversations.createConversationList = create;
      const query = create(filters);
      const stop = query.$state.listen((state) => {
        if (state.ids.length === 0) return;
        dataAt = performance.now();
        performance.mark('bench:list-data'); // A landmark for traces of the first render.
        stop();
      });
      return query;
    };
    list = el;
    shownScroller = undefined;
    const blank = blankFrames(showsSomething);
    provider.append(el);
    let rowsAt = NaN;
    try {
      const paintedAt = await paintedWhen(root(), () => {
        if (!root().querySelector('[role="option"]')) return false;
        rowsAt = performance.now();
        return true;
      });
      for (let i = 0; i < 10; i++) await nextPaint();
      return {
        firstRender: paintedAt - dataAt,
        fromResponse: paintedAt - backend.listResponseAt,
        rowsAt: rowsAt - dataAt,
        blankFrames: blank.stop(),
      };
    } finally {
      blank.stop();
      conversations.createConversationList = create;
    }
  },

  /** DOM nodes (through shadow roots) and heap growth since setup, once the list has settled. */
  async settled(): Promise<{ domNodes: number; heapBytes: number; rendered: number; scrollHeight: number }> {
    for (let i = 0; i < 5; i++) await nextPaint();
    heapMounted = await heapAfterGc();
    return {
      domNodes: countNodes(document),
      heapBytes: heapMounted - heapBefore,
      rendered: rows().length,
      scrollHeight: scroller().scrollHeight,
    };
  },

  /**
   * Pushes a `conversation.updated` for a visible row near the top and resolves with ms from the
   * push to the paint showing the new preview. `move` makes it the newest so it jumps to the top.
   * `inDom` stops earlier, when the new preview is in the DOM: the script's share, without the wait
   * for the next frame that every paint pays.
   */
  async update(move: boolean): Promise<{ painted: number; inDom: number }> {
    const visible = visibleRows();
    const row = visible[move ? 3 : 1 + (updates % 3)] ?? visible[0];
    const id = row?.dataset['id'];
    const before: Conversation | undefined = id
      ? store().conversations.$conversationsById.get().get(id)
      : undefined;
    if (!before) throw new Error('no visible row to update');
    const n = ++updates;
    const text = `bench update ${n}`;
    const at = move ? new Date(Date.UTC(2027, 0, 1) + n * 1000).toISOString() : before.lastActivityAt;
    const conversation: Conversation = {
      ...before,
      version: before.version + 1,
      unreadCount: before.unreadCount + 1,
      lastActivityAt: at,
      lastMessage: { kind: 'message', direction: 'in', text, at },
    };
    const preview = () =>
      root().querySelector(`[data-id="${CSS.escape(before.id)}"] [part="preview"]`)?.textContent ?? '';
    let inDomAt = NaN;
    const start = performance.now();
    backend.push({ id: `bench-${n}`, type: 'conversation.updated', spaceId: space.id, at, conversation });
    const painted = await paintedWhen(root(), () => {
      if (!preview().includes(text)) return false;
      inDomAt = performance.now();
      return true;
    });
    return { painted: painted - start, inDom: inDomAt - start };
  },

  /** Where to put the mouse for wheel scrolling, and how far there is to scroll. */
  scrollTarget(): { x: number; y: number; range: number } {
    const el = scroller();
    el.scrollTop = 0;
    const box = el.getBoundingClientRect();
    return {
      x: box.left + box.width / 2,
      y: box.top + box.height / 2,
      range: el.scrollHeight - el.clientHeight,
    };
  },

  startRecording(): void {
    recording = recordFrames();
  },

  async stopRecording(): Promise<{ deltas: number[]; longTasks: number[]; scrollTop: number }> {
    // Let a smooth scroll finish inside the recording window.
    let last = -1;
    for (let same = 0; same < 5;) {
      await nextPaint();
      const top = scroller().scrollTop;
      same = top === last ? same + 1 : 0;
      last = top;
    }
    const result = recording!.stop();
    recording = undefined;
    return { ...result, scrollTop: scroller().scrollTop };
  },

  /** Removes the list; the heap it held (rows, templates, its query) is what gets freed. */
  async unmount(): Promise<{ heapFreed: number; heapData: number; collected: boolean }> {
    const ref = new WeakRef(host());
    host().remove();
    list = undefined; // Nothing here may keep the removed rows alive.
    shownScroller = undefined;
    // nanostores keeps a store mounted for 1 s after its last listener leaves.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await heapAfterGc();
    return { heapFreed: heapMounted - after, heapData: after - heapBefore, collected: !ref.deref() };
  },

  nextPaint,
};

export type ConversationListHarness = typeof api;
declare global {
  interface Window {
    bench: ConversationListHarness;
  }
}
window.bench = api;
