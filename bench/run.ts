/**
 * npm run bench [-- --runs=5 --suite=conversation-list --name=my-branch --count=10000 --updates=30]
 * npm run bench -- --suite=timeline [--count=10000 --appends=25 --prepends=3 --step=100]
 *
 * Builds each suite's page, serves it on 127.0.0.1, and measures the subject and the baseline on a
 * fresh page per run (alternating which goes first), in headless Chromium. Prints medians and
 * ratios, writes bench/results/<name>.json. Missing a target is reported, not an error; a crash is.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';
import { buildPages } from './lib/build.js';
import { summarize, table, type Samples } from './lib/report.js';
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
  },
  strict: false,
});
const runs = Number(values.runs);
const chosen = suites.filter((s) => !values.suite || (values.suite as string[]).includes(s.name));
if (!chosen.length) throw new Error(`no suite named ${values.suite}; have ${suites.map((s) => s.name)}`);
const params = Object.fromEntries(
  Object.entries(values).filter(([k, v]) => !['runs', 'suite', 'name'].includes(k) && typeof v === 'string'),
) as Record<string, string>;
const options: SuiteOptions = { runs, params };
const resultsDir = resolve(import.meta.dirname, 'results');

const outdir = await buildPages(Object.fromEntries(chosen.map((s) => [s.name, s.entry])));
const server = await serve(outdir);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  // Precise memory figures and gc() for the heap measurements.
  args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

try {
  for (const suite of chosen) {
    const started = Date.now();
    const samples: Samples = { [suite.subject]: [], [suite.baseline]: [] };
    for (let run = 0; run < runs; run++) {
      const order = run % 2 ? [suite.baseline, suite.subject] : [suite.subject, suite.baseline];
      for (const variant of order) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        try {
          await page.goto(`${server.origin}/${suite.name}.html`);
          await page.waitForFunction(() => 'bench' in window);
          samples[variant]!.push(await suite.measure(page, variant, options));
        } catch (error) {
          throw new Error(`${suite.name}/${variant} run ${run + 1} failed: ${error}\n${errors.join('\n')}`, {
            cause: error,
          });
        } finally {
          await context.close();
        }
        process.stderr.write(`  ${suite.name} run ${run + 1}/${runs} ${variant} done\n`);
      }
    }
    const summary = summarize(suite, samples);
    const heading = `${suite.title(options)} (median of ${runs} runs; ratio = ${suite.subject} / ${suite.baseline})`;
    console.log(`\n${table(suite, summary, heading)}\n`);
    const name = values.name
      ? chosen.length > 1
        ? `${values.name}-${suite.name}`
        : values.name
      : suite.name;
    await mkdir(resultsDir, { recursive: true });
    const file = join(resultsDir, `${name}.json`);
    await writeFile(
      file,
      `${JSON.stringify(
        {
          suite: suite.name,
          title: suite.title(options),
          date: new Date().toISOString(),
          runs,
          params,
          seconds: (Date.now() - started) / 1000,
          environment: {
            browser: browser.version(),
            node: process.version,
            cpus: os.cpus().length,
            platform: process.platform,
          },
          summary,
          samples,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(outdir, { recursive: true, force: true });
}
