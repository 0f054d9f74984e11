/**
 * npm run bench [-- --runs=5 --suite=conversation-list --name=my-branch --count=10000 --updates=30]
 * npm run bench -- --suite=timeline [--count=10000 --appends=25 --prepends=3 --step=100]
 * npm run bench -- --suite=conversation-list --scales=1000,10000,100000 [--runs=5,5,3]
 * npm run bench -- --compare bench/results/old.json [--runs=5]   (runs old's suite and params again)
 * npm run bench -- --compare bench/results/old.json --compare bench/results/new.json   (no run)
 * npm run bench -- --bytes=off   (without the table of bytes each page downloads)
 *
 * Builds each suite's page, serves it on 127.0.0.1, and measures the subject and the baseline on a
 * fresh page per run (alternating which goes first), in headless Chromium. Prints medians and
 * ratios, writes bench/results/<name>.json (<name>-<count>.json per scale). Missing a target is
 * reported, not an error; a crash is.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';
import { buildPages } from './lib/build.js';
import { bytesTable } from './lib/bytes.js';
import { compareTable, readResult, type ResultFile } from './lib/compare.js';
import { summarize, table, type Samples } from './lib/report.js';
import { scalesTable, type ScaleResult } from './lib/scales.js';
import { serve } from './lib/server.js';
import { conversationList } from './suites/conversation-list.js';
import { timeline } from './suites/timeline.js';
import type { Suite, SuiteOptions } from './suites/suite.js';

const suites: Suite[] = [conversationList, timeline];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    suite: { type: 'string', multiple: true },
    name: { type: 'string' },
    scales: { type: 'string' },
    compare: { type: 'string', multiple: true },
    bytes: { type: 'string', default: 'on' },
  },
  strict: false,
});
const own = ['runs', 'suite', 'name', 'scales', 'compare', 'bytes'];
const compared = (values.compare as string[] | undefined) ?? [];
if (compared.length > 2) throw new Error('--compare takes an old result, or an old and a new one');
if (compared.length === 2) {
  const [before, after] = await Promise.all(compared.map(readResult));
  console.log(`\n${compareTable(before!, after!)}\n`);
  process.exit(0);
}
const previous: ResultFile | undefined = compared[0] ? await readResult(compared[0]) : undefined;

const wanted = (values.suite as string[] | undefined) ?? (previous ? [previous.suite] : undefined);
const chosen = suites.filter((s) => !wanted || wanted.includes(s.name));
if (!chosen.length) throw new Error(`no suite named ${wanted}; have ${suites.map((s) => s.name)}`);
// Compared with an earlier result, the run repeats its parameters unless told otherwise.
const params = {
  ...previous?.params,
  ...Object.fromEntries(Object.entries(values).filter(([k, v]) => !own.includes(k) && typeof v === 'string')),
} as Record<string, string>;
const scales = values.scales
  ? String(values.scales)
      .split(',')
      .map((n) => Number(n.trim()))
  : [];
if (scales.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--scales wants counts, got ${values.scales}`);
// One number of runs for every size, or one per size (the largest baseline is the slow one).
const runsList = String(values.runs).split(',').map(Number);
const runsAt = (i: number): number => runsList[Math.min(i, runsList.length - 1)]!;
const resultsDir = resolve(import.meta.dirname, 'results');

const outdir = await buildPages(Object.fromEntries(chosen.map((s) => [s.name, s.entry])));
const server = await serve(outdir);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  // Precise memory figures and gc() for the heap measurements.
  args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

/** Every run of one suite at one size: subject and baseline on fresh pages, alternating which goes first. */
async function measure(
  browser: Browser,
  origin: string,
  suite: Suite,
  options: SuiteOptions,
): Promise<Samples> {
  const samples: Samples = { [suite.subject]: [], [suite.baseline]: [] };
  for (let run = 0; run < options.runs; run++) {
    const order = run % 2 ? [suite.baseline, suite.subject] : [suite.subject, suite.baseline];
    for (const variant of order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        await page.goto(`${origin}/${suite.name}.html`);
        await page.waitForFunction(() => 'bench' in window);
        samples[variant]!.push(await suite.measure(page, variant, options));
      } catch (error) {
        throw new Error(`${suite.name}/${variant} run ${run + 1} failed: ${error}\n${errors.join('\n')}`, {
          cause: error,
        });
      } finally {
        await context.close();
      }
      process.stderr.write(`  ${suite.name} run ${run + 1}/${options.runs} ${variant} done\n`);
    }
  }
  return samples;
}

async function write(name: string, content: unknown): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

try {
  for (const suite of chosen) {
    const base = values.name
      ? chosen.length > 1
        ? `${values.name}-${suite.name}`
        : String(values.name)
      : suite.name;
    const sizes = scales.length ? scales : [undefined];
    const atScale: ScaleResult[] = [];
    for (const [i, count] of sizes.entries()) {
      const options: SuiteOptions = {
        runs: runsAt(i),
        params: count === undefined ? params : { ...params, count: String(count) },
      };
      const started = Date.now();
      const samples = await measure(browser, server.origin, suite, options);
      const summary = summarize(suite, samples);
      const heading = `${suite.title(options)} (median of ${options.runs} runs; ratio = ${suite.subject} / ${suite.baseline})`;
      console.log(`\n${table(suite, summary, heading)}\n`);
      const result = {
        suite: suite.name,
        title: suite.title(options),
        date: new Date().toISOString(),
        runs: options.runs,
        params: options.params,
        seconds: (Date.now() - started) / 1000,
        environment: {
          browser: browser.version(),
          node: process.version,
          cpus: os.cpus().length,
          platform: process.platform,
        },
        summary,
        samples,
      };
      console.log(`wrote ${await write(count === undefined ? base : `${base}-${count}`, result)}`);
      // Against an earlier result of the same size only: other sizes are in the table by size.
      if (previous && (count === undefined || String(count) === previous.params['count']))
        console.log(`\n${compareTable(previous, result)}\n`);
      if (count !== undefined) atScale.push({ count, summary });
    }
    if (atScale.length > 1) {
      const keys = suite.scaleMetrics ?? suite.metrics.filter((m) => m.target).map((m) => m.key);
      const metrics = keys.flatMap((key) => suite.metrics.find((m) => m.key === key) ?? []);
      const heading = `${suite.name} by size (medians; ratio = ${suite.subject} / ${suite.baseline} in the same run)`;
      console.log(`\n${scalesTable(atScale, metrics, heading)}\n`);
      await write(`${base}-scales`, {
        suite: suite.name,
        date: new Date().toISOString(),
        params,
        scales: atScale,
      });
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(outdir, { recursive: true, force: true });
}
if (values.bytes !== 'off') console.log(`\n${await bytesTable()}\n`);
