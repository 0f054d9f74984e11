// Starts the reference server the way `npm start` does (a real process, real HTTP, embedded Postgres
// in a data dir of its own) and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Stops the process (SIGTERM: a clean shutdown; SIGKILL: a crash) and starts it again on the same port and data. */
  restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops the process and keeps its data, so a test can read the database it left. */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** What the seeded database depends on: the migrations and the seed. */
async function seedFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['server/db/migrations', 'server/seed']) {
    for (const file of (await readdir(dir)).sort()) hash.update(file).update(await readFile(join(dir, file)));
  }
  // The seed is relative to its day (today's sends per sender): a template is good for an hour.
  hash.update(new Date().toISOString().slice(0, 13));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A freshly seeded data dir, made once by a first start and copied for each server: a first start
 * (initdb, migrations, seed) takes seconds, a copy of its result a fraction of one. Every server
 * still starts the way `npm start` does, on data of its own.
 */
async function seededTemplate(): Promise<string> {
  const template = join(tmpdir(), `inbox-e2e-template-${await seedFingerprint()}`);
  if (existsSync(template)) return template;
  const building = await mkdtemp(join(tmpdir(), 'inbox-e2e-template-building-'));
  const child = await spawnServer(await freePort(), building, {});
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  await exited;
  // Another test file may have made it meanwhile: keep the first, drop this one.
  await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
  // Templates of earlier hours or code are of no more use.
  for (const name of await readdir(tmpdir())) {
    const old = join(tmpdir(), name);
    if (!name.startsWith('inbox-e2e-template-') || old === template) continue;
    const age = Date.now() - ((await stat(old).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > 2 * 3600_000) await rm(old, { recursive: true, force: true });
  }
  return template;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'inbox-e2e-'));
  await cp(await seededTemplate(), dataDir, { recursive: true });
  const port = await freePort();
  let child = await spawnServer(port, dataDir, env);
  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return;
    const exited = new Promise((resolve) => child.process.once('exit', resolve));
    child.process.kill(signal);
    await exited;
  };
  return {
    url: child.url,
    dataDir,
    async restart(signal = 'SIGTERM') {
      await end(signal);
      child = await spawnServer(port, dataDir, env);
    },
    halt: () => end('SIGTERM'),
    async stop() {
      await end('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnServer(
  port: number,
  dataDir: string,
  env: Record<string, string>,
): Promise<{ process: ChildProcess; url: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SIMULATOR_INBOUND_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+?)\/?(\s|$)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
  });
  return { process: child, url };
}
