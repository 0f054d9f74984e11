import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './app.js';

/**
 * `tsx server/main.ts` — PORT (8080), DATA_DIR (.data/, PGlite), DATABASE_URL (postgres://…,
 * wins over DATA_DIR), NODE_ENV (production disables /demo), SIMULATOR_INBOUND_INTERVAL_MS
 * (30000; 0 disables the demo's inbound replies), SIMULATOR_RECEIPT_DELAY_MS (800: between one
 * delivery receipt and the next), HOST (127.0.0.1), CURSOR_SECRET (signs page cursors; the same
 * on every instance behind one load balancer, else each process makes its own). The simulator fails every message to a number
 * ending in 0000 with "The number is not reachable." (the demo's failure path).
 */
const env = process.env;
// `npm start` runs this from server/: a relative DATA_DIR means relative to where npm was started,
// and the default `.data/` sits at the repository's root.
const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));
const dataDir = env.DATA_DIR
  ? resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR)
  : `${repositoryRoot}.data/`;
const databaseUrl =
  env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
const production = env.NODE_ENV === 'production';

const running = await createServer({
  port: env.PORT ? Number(env.PORT) : 8080,
  host: env.HOST ?? '127.0.0.1',
  ...(databaseUrl ? { databaseUrl } : { dataDir }),
  production,
  ...(env.CURSOR_SECRET ? { cursorSecret: env.CURSOR_SECRET } : {}),
  simulatorIntervalMs:
    env.SIMULATOR_INBOUND_INTERVAL_MS !== undefined ? Number(env.SIMULATOR_INBOUND_INTERVAL_MS) : 30_000,
  simulatorReceiptDelayMs:
    env.SIMULATOR_RECEIPT_DELAY_MS !== undefined ? Number(env.SIMULATOR_RECEIPT_DELAY_MS) : 800,
});

const t = running.timings;
console.log(
  `[inbox] ${databaseUrl ? 'postgres' : 'pglite'} ready in ${Math.round(t.totalMs)} ms ` +
    `(open ${Math.round(t.dbOpenMs)}, migrate ${Math.round(t.migrateMs)}, seed ${running.seeded ? `${Math.round(t.seedMs)}` : 'skipped'})`,
);
console.log(`Inbox reference server: ${running.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[inbox] ${signal}: closing streams and the database…`);
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
