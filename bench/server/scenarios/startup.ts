import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { median } from '../../lib/stats.js';
import type { Scenario } from '../lib/scenario.js';

const SERVER_DIR = fileURLToPath(new URL('../../../server/', import.meta.url));

/**
 * What `npm start -w server` does (the CDN build before it is not counted), timed from the process
 * start until the demo page and the API both answer: on a fresh data directory (migrate and seed)
 * and again on the same one (both skipped).
 */
async function startUntilUsable(env: Record<string, string>): Promise<{ ms: number; stop(): Promise<void> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', SIMULATOR_INBOUND_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const found = /Inbox reference server: (\S+)/.exec(line);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    });
    const page = await fetch(url);
    const me = await fetch(new URL('/api/me', url), {
      headers: { authorization: 'Bearer demo-admin-token' },
    });
    if (page.status !== 200 || me.status !== 200)
      throw new Error(`page ${page.status}, /api/me ${me.status}`);
    await Promise.all([page.text(), me.text()]);
    return { ms: performance.now() - t0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const startup: Scenario = {
  name: 'startup',
  description: 'npm start to a usable page: a fresh data directory, then a second start',
  async run(ctx) {
    const first: number[] = [];
    const second: number[] = [];
    for (let run = 0; run < ctx.runs; run++) {
      const dir = await mkdtemp(join(tmpdir(), 'inbox-start-'));
      const store: Record<string, string> =
        ctx.backend.name === 'pglite'
          ? { DATA_DIR: dir }
          : { DATABASE_URL: (await ctx.backend.newStore()).databaseUrl! };
      try {
        for (const times of [first, second]) {
          const started = await startUntilUsable(store);
          times.push(started.ms);
          await started.stop();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    return [
      {
        label: `${ctx.backend.name}: start to a usable page`,
        figures: { 'fresh (migrate + seed) ms': median(first), 'second start ms': median(second) },
      },
    ];
  },
};
