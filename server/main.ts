import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './app.js';

/**
 * `tsx server/main.ts` — PORT (8080), DATA_DIR (.data/, PGlite), DATABASE_URL (postgres://…,
 * wins over DATA_DIR), NODE_ENV (production disables /demo), SIMULATOR_INBOUND_INTERVAL_MS
 * (30000; 0 disables the demo's inbound replies), SIMULATOR_RECEIPT_DELAY_MS (800: between one
 * delivery receipt and the next), HOST (127.0.0.1). The simulator fails every message to a number
 * ending in 0000 with "The number is not reachable." (the demo's failure path).
 * Limits, each per process: MAX_STREAMS_PER_USER (6), RATE_LIMIT_PER_SECOND (200) and
 * RATE_LIMIT_BURST (1000) per user, MAX_BODY_BYTES (1000000); DISPATCH_LEASE_SECONDS (5).
 */
const env = process.env;
/** A positive number from the environment, or undefined (the server's default) when unset. */
const positive = (name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
};
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
  simulatorIntervalMs:
    env.SIMULATOR_INBOUND_INTERVAL_MS !== undefined ? Number(env.SIMULATOR_INBOUND_INTERVAL_MS) : 30_000,
  simulatorReceiptDelayMs:
    env.SIMULATOR_RECEIPT_DELAY_MS !== undefined ? Number(env.SIMULATOR_RECEIPT_DELAY_MS) : 800,
  maxStreamsPerUser: positive('MAX_STREAMS_PER_USER'),
  rateLimit: {
    perSecond: positive('RATE_LIMIT_PER_SECOND') ?? 200,
    burst: positive('RATE_LIMIT_BURST') ?? 1000,
  },
  maxBodyBytes: positive('MAX_BODY_BYTES'),
  dispatchLeaseSeconds: positive('DISPATCH_LEASE_SECONDS'),
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
