/**
 * Runs one reference server in its own process for the multi-process tests and the server
 * benchmark: options come as JSON in INBOX_CHILD_OPTIONS, and stdout carries JSON lines: the URL
 * once it listens, then one line per message its simulator really sent (so a test knows the
 * provider has it before crashing the process). SIGTERM closes it cleanly; tests use SIGKILL.
 */
import { createServer, type ServerOptions } from '../../app.js';
import { databaseLedger, type SendLedger } from '../../channels/send-ledger.js';
import { createSimulator } from '../../channels/simulator.js';
import type { Db } from '../../db/db.js';

const options = JSON.parse(process.env.INBOX_CHILD_OPTIONS ?? '{}') as ServerOptions;
const line = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

// The server's own database holds the ledger, as in createServer; it exists once the server does.
let resolveDb!: (db: Db) => void;
const dbReady = new Promise<Db>((resolve) => (resolveDb = resolve));
const ledger: SendLedger = {
  async record(message) {
    const entry = await databaseLedger(await dbReady).record(message);
    if (entry.fresh) line({ sent: message.itemId, key: message.idempotencyKey });
    return entry;
  },
};

const running = await createServer({
  port: 0,
  simulatorIntervalMs: 0,
  log: (text) => process.stderr.write(`${text}\n`),
  ...options,
  channels: createSimulator({ stepMs: options.simulatorReceiptDelayMs ?? 800, ledger }),
});
resolveDb(running.services.db);
line({ url: running.url, pid: process.pid });
process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
