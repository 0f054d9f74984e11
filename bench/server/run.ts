/**
 * npm run bench:server [-- --runs=3 --scenario=streams --backend=pglite --streams=300 --uncapped=off]
 *   --scenario=fanout --subscribers=100,300,1000 --events=20
 *   --scenario=sends --sends=1000
 *   --scenario=startup
 *   --scenario=scale --scales=10000,100000 --items-per=20 --amount=100 --connections=4
 *
 * Starts reference servers as child processes (in-memory PGlite, and a throwaway local Postgres
 * when its binaries are installed), runs each scenario against them and prints medians and
 * ratios. It measures; it asserts nothing. A scenario is one file under scenarios/.
 */
import { parseArgs } from 'node:util';
import { pglite, postgresBackend, type BenchBackend } from './lib/backends.js';
import { printTable } from './lib/print.js';
import type { Scenario } from './lib/scenario.js';
import { fanout } from './scenarios/fanout.js';
import { scale } from './scenarios/scale.js';
import { sends } from './scenarios/sends.js';
import { startup } from './scenarios/startup.js';
import { streams } from './scenarios/streams.js';

const scenarios: Scenario[] = [streams, fanout, sends, startup, scale];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scenario: { type: 'string', multiple: true },
    backend: { type: 'string', multiple: true },
  },
  strict: false,
});
const chosen = scenarios.filter((s) => !values.scenario || (values.scenario as string[]).includes(s.name));
if (!chosen.length)
  throw new Error(`no scenario named ${values.scenario}; have ${scenarios.map((s) => s.name)}`);
const wanted = (name: string) => !values.backend || (values.backend as string[]).includes(name);
const params = Object.fromEntries(
  Object.entries(values).filter(
    ([k, v]) => !['runs', 'scenario', 'backend'].includes(k) && typeof v === 'string',
  ),
) as Record<string, string>;

const backends: BenchBackend[] = [];
if (wanted('pglite')) backends.push(pglite);
if (wanted('postgres')) {
  const pg = await postgresBackend();
  if (pg) backends.push(pg);
  else
    console.log(
      'Postgres: no binaries found (apt-get install postgresql, or set TEST_DATABASE_URL); skipped.',
    );
}

try {
  for (const scenario of chosen) {
    console.log(`\n${scenario.name}: ${scenario.description}`);
    for (const backend of backends) {
      const rows = await scenario.run({
        backend,
        runs: Number(values.runs),
        params,
        log: (line) => console.log(line),
      });
      console.log(
        printTable(`${scenario.name} on ${backend.name} (medians of ${String(values.runs)} runs)`, rows),
      );
    }
  }
} finally {
  for (const b of backends) await b.stop();
}
