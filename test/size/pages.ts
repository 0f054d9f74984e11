// The kinds of page whose download the size test budgets and `npm run bench` reports.

export interface SizedPage {
  name: string;
  /** The tags it shows (inside an `<inbox-provider>`), or every tag the build defines. */
  tags: readonly string[] | 'all';
  /** What the size test enforces. */
  budgetKb: number;
  /** The performance issue's target, where it sets one (not met: see below). */
  targetKb?: number;
}

/**
 * Gzipped KB a page downloads before its elements render: the loader, then each tag's file with
 * what it imports statically (every page has an `<inbox-provider>`). Before the loader one 68.9 KB
 * file defined every element on every page. Now a list page fetches 43.6 KB in 4 files; list,
 * timeline and composer 70.1 KB in 9, about what the single file cost; every element 79.5 KB in 16
 * (each file is compressed on its own). `scripts/cdn-chunks.mjs` says how the files are cut. The
 * timeline's and the composer's own words come with them (list 44.3 → 43.3 KB; the three pay 0.3 KB
 * more, as words compressed apart). A live message costing the timeline the same however long the
 * thread (items merged by binary search, rows built on the last rows) added 0.4 KB to the timeline
 * and its stores; conversations and a thread's items sharing the values they repeat (the list's heap
 * halved), 0.4 KB. The virtualizer's layout (3.2 KB) was a file it imported once rows were due, after
 * the page's files and not counted here; the elements now name it in their layout config, so it
 * comes with the shared chunk and is counted: the list 46.7 KB, the three 73.3, every element 82.7.
 * The list's listbox laid out while it loads, so its first rows paint in one pass, added 0.1 KB to
 * each page: 46.9, 73.6 and 83.02 KB, just over every element's budget, now 84. The event
 * stream's parser loaded on demand saved 1.0 KB a page, but stays with the client: a failed
 * dynamic import stays failed in today's browsers, and the stream could never reconnect.
 *
 * What bounds them (`npm run size:report` lists every module): the shared chunk every page fetches,
 * 38.6 KB, holds Lit, @lit/context, the virtualizer and its layout, nanostores, openapi-fetch and
 * the event stream's parser (19 KB together), the core store (session, directory, conversations, realtime,
 * presence, rate limits), the client with its refusal wording, the English words, tokens and
 * controllers. The list adds 7.4 KB; the timeline and composer 8.7 and 7.2 KB, and the messaging
 * stores they build (timelines, outbox, drafts, uploads) 8.5 KB. The targets (28 KB for the
 * list, 40 KB for list, timeline and composer) would need a leaner list element and core store, not
 * only code moved about.
 */
export const PAGES: readonly SizedPage[] = [
  { name: 'the conversation list', tags: ['inbox-conversation-list'], budgetKb: 47, targetKb: 28 },
  {
    name: 'list, timeline and composer',
    tags: ['inbox-conversation-list', 'inbox-timeline', 'inbox-composer'],
    budgetKb: 74,
    targetKb: 40,
  },
  { name: 'every element', tags: 'all', budgetKb: 84 },
];
