import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import postgres from 'postgres';
import type { Backend } from './helpers.js';

/**
 * Starts a throwaway Postgres cluster for the test run (initdb in a temp dir, loopback only,
 * its socket in /tmp) and stops it afterwards. TEST_DATABASE_URL (a superuser URL) skips all
 * that and uses an existing server, e.g. a CI service container.
 */
export function findPostgresBin(): string | null {
  // INBOX_TEST_POSTGRES=off skips the real-Postgres run on purpose (a quicker local loop).
  if (process.env.INBOX_TEST_POSTGRES === 'off') return null;
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  candidates.push('/usr/local/bin', '/usr/local/pgsql/bin');
  return (
    candidates.find((d) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(d, b)))) ?? null
  );
}

export interface PostgresCluster {
  adminUrl: string;
  backend: Backend;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(bin: string | null): Promise<PostgresCluster> {
  const external = process.env.TEST_DATABASE_URL;
  let stopCluster = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    if (!bin) throw new Error('no postgres binaries');
    const root = process.getuid?.() === 0;
    const asOwner = (cmd: string, args: string[]) =>
      root
        ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
        : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-pg-'));
    const socketDir = mkdtempSync('/tmp/inbox-pgsock-');
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dataDir, uid, gid);
      chownSync(socketDir, uid, gid);
    }
    asOwner('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    const port = await freePort();
    const opts = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    asOwner('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      opts,
      '-w',
      '-t',
      '30',
      'start',
    ]);
    let stopped = false;
    const stopSync = () => {
      if (stopped) return;
      stopped = true;
      try {
        asOwner('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(socketDir, { recursive: true, force: true });
      }
    };
    // Never leave a server behind, even when the test process dies on an assertion.
    process.once('exit', stopSync);
    stopCluster = async () => stopSync();
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let n = 0;
  const created: string[] = [];
  const backend: Backend = {
    name: 'postgres',
    async newStore() {
      const name = `inbox_test_${process.pid}_${++n}`;
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.unsafe(`create database ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { databaseUrl: url.toString() };
    },
  };
  return {
    adminUrl,
    backend,
    async stop() {
      if (external) {
        for (const name of created)
          await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      }
      await admin.end({ timeout: 2 });
      await stopCluster();
    },
  };
}

/**
 * A describe block whose suites run against a throwaway Postgres cluster, one per test file (the
 * runner gives each file its own process), or skipped, loudly, when none can be started.
 */
export function describeOnPostgres(title: string, suites: (backend: Backend) => void): void {
  const bin = findPostgresBin();
  const available = Boolean(process.env.TEST_DATABASE_URL || bin);
  const reason =
    process.env.INBOX_TEST_POSTGRES === 'off'
      ? 'disabled by INBOX_TEST_POSTGRES=off'
      : "no postgres binaries found (install Debian's postgresql: apt-get install -y postgresql, or set TEST_DATABASE_URL)";
  // The runner shows stdout as a "# …" line: impossible to miss in CI logs.
  if (!available) console.log(`SKIPPED Postgres suite (${title}): ${reason}`);

  describe(title, { skip: available ? false : reason }, () => {
    let cluster: PostgresCluster | undefined;
    let ready: Promise<PostgresCluster> | undefined;
    const getCluster = () => (ready ??= startPostgres(bin).then((c) => (cluster = c)));
    before(async () => {
      await getCluster();
    });
    after(async () => {
      await cluster?.stop();
    });
    suites({ name: 'postgres', newStore: async (opts) => (await getCluster()).backend.newStore(opts) });
  });
}
