import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ServerOptions } from '../../app.js';

const CHILD = fileURLToPath(new URL('./child-server.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** A reference server in a child process: what a load balancer sees, and what SIGKILL can crash. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Ends it at once, like a crash (no shutdown, claims and connections left behind). */
  kill(): Promise<void>;
  /** A clean shutdown (SIGTERM). */
  close(): Promise<void>;
  /** What it wrote to stderr (its log), for failure messages. */
  readonly log: string;
  /** Item ids its simulator really sent (first hand-overs of a key), in order. */
  readonly sent: readonly string[];
}

/** Options must be JSON (no providers or callbacks): the child builds its own simulator. */
export type ChildOptions = Omit<ServerOptions, 'channels' | 'log'>;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

export async function spawnServer(options: ChildOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: SERVER_DIR,
    env: { ...process.env, INBOX_CHILD_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const sent: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  // Never leave a child behind when the test process ends.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { url?: string; sent?: string };
      if (message.url) resolve(message.url);
      if (message.sent) sent.push(message.sent);
    });
    child.once('exit', (code) =>
      reject(new Error(`server process exited (${code}) before listening:\n${log}`)),
    );
  });
  return {
    url,
    pid: child.pid!,
    get log() {
      return log;
    },
    sent,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
      process.removeListener('exit', reap);
    },
    async close() {
      child.kill('SIGTERM');
      await exited(child);
      process.removeListener('exit', reap);
    },
  };
}
