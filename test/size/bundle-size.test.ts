// Size budgets of the CDN build, per page (`pages.ts` holds them, with what bounds them). Size is
// deterministic, so this is a test; speed lives in `npm run bench`. `npm run size:report` shows
// what each page's bytes are spent on, module by module.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { OutputChunk } from 'rollup';
import {
  buildCdn,
  definedTags,
  gzipBytes,
  gzipTotal,
  pageFiles,
  pageTags,
  staticGraph,
  type CdnBuild,
} from './cdn-build.js';
import { NOT_THE_LISTS } from './page-bundles.js';
import { PAGES } from './pages.js';

/** The loader alone, which every page fetches first. */
const LOADER_BUDGET_KB = 1;

const kb = (bytes: number) => bytes / 1024;
let build: CdnBuild;
let tags: string[];

before(async () => {
  build = await buildCdn();
  tags = definedTags(build.chunks);
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
    const files = pageFiles(build.chunks, pageTags(page, build.chunks));
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
  // dialog, the outbox's IndexedDB side, and the languages other than English.
  for (const pattern of [
    /^chunks\/phone-/,
    /^chunks\/details-ui-/,
    /^chunks\/views-/,
    /^chunks\/new-conversation-/,
    /^chunks\/outbox-database-/,
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
