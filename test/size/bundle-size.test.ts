// Size budget of the CDN bundle. Size is deterministic, so this is a test; speed lives in `npm run bench`.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type OutputOptions } from 'rollup';
import config from '../../rollup.config.mjs';
import { staticGraph } from './page-bundles.js';

/**
 * Everything a page downloads before the first element renders: our code and Lit, nanostores,
 * openapi-fetch. Every element is in it (the CDN file defines them all), but the Details, the New
 * conversation dialog and the access screens bring only a shell: what they render loads on demand.
 * 60 KB held list, timeline and composer; 64 KB adds those three shells and their English words;
 * 67 KB adds the outbox's states (queued, sending, failed with Retry), the rate-limit countdowns and
 * the collision warning with their words (the IndexedDB code itself loads with the first send);
 * 68 KB adds the list's sorted id window and the per-conversation stores that keep an update's cost
 * flat at 100,000 rows; 69 KB adds the context root that lets an element defined before its provider
 * still find it (the elements' narrower imports took back most of it). The store parts elements build
 * on demand (`use(messagingStores)`…) save a list-only page 10 KB (page-size.test.ts budgets pages
 * that bundle only their tags) and cost this file 2.1 KB: 0.4 KB of code (brotli sees only that),
 * the rest gzip's 32 KB window, now that those stores sit further from the ones they resemble. The
 * words of the Details, the New conversation dialog and the access screens, which now load with
 * them, took back 1.7 KB.
 */
const EAGER_BUDGET_KB = 69;

const gzippedKb = (code: string) => gzipSync(code, { level: 9 }).length / 1024;

test(`the eagerly loaded CDN bundle stays within ${EAGER_BUDGET_KB} KB gzipped`, async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'inbox-size-'));
  try {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    const { output } = await bundle.write({
      ...(config.output as OutputOptions),
      dir: outDir,
      sourcemap: false,
    });
    await bundle.close();
    const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));

    // Eager = the entry plus everything it imports statically; the rest loads on demand.
    const eager = new Set(
      chunks.filter((c) => c.isEntry).flatMap((entry) => staticGraph(entry, byName).map((c) => c.fileName)),
    );

    let eagerKb = 0;
    let lazyKb = 0;
    for (const chunk of chunks) {
      const kb = gzippedKb(await readFile(join(outDir, chunk.fileName), 'utf8'));
      if (eager.has(chunk.fileName)) eagerKb += kb;
      else lazyKb += kb;
      console.log(
        `${eager.has(chunk.fileName) ? 'eager' : 'lazy '} ${chunk.fileName}: ${kb.toFixed(1)} KB gz`,
      );
    }
    console.log(
      `eager total: ${eagerKb.toFixed(1)} KB gz of ${EAGER_BUDGET_KB} KB budget; lazy chunks: ${lazyKb.toFixed(1)} KB gz`,
    );
    // The emoji picker is its own lazy chunk in emoji/, with its self-hosted data files beside it.
    const emojiChunks = chunks.filter((chunk) => chunk.fileName.startsWith('emoji/'));
    assert.equal(emojiChunks.length, 1, 'one emoji chunk');
    assert.ok(!eager.has(emojiChunks[0]!.fileName), 'the emoji picker is not part of the eager bundle');
    const emojiData = output.filter(
      (item) => item.type === 'asset' && /^emoji\/[a-z-]+\.json$/.test(item.fileName),
    );
    assert.deepEqual(emojiData.map((item) => item.fileName).sort(), ['emoji/en.json', 'emoji/es.json']);
    for (const asset of emojiData) {
      const kb = gzippedKb(await readFile(join(outDir, asset.fileName), 'utf8'));
      console.log(`data  ${asset.fileName}: ${kb.toFixed(1)} KB gz (loaded with the emoji picker)`);
    }
    // What most pages never show loads on demand: phone parsing, the Details' sections and editors.
    for (const lazy of [
      /^chunks\/phone-/,
      /^chunks\/details-ui-/,
      /^chunks\/views-/,
      /^chunks\/new-conversation-/,
    ]) {
      const chunk = chunks.find((c) => lazy.test(c.fileName));
      assert.ok(chunk, `a chunk matching ${lazy}`);
      assert.ok(!eager.has(chunk.fileName), `${chunk.fileName} is loaded on demand, not eagerly`);
    }
    assert.ok(eagerKb > 5, 'the bundle should contain the elements');
    assert.ok(
      eagerKb <= EAGER_BUDGET_KB,
      `eager bundle is ${eagerKb.toFixed(1)} KB gz, over the ${EAGER_BUDGET_KB} KB budget`,
    );
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});
