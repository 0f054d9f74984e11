import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { Dispatcher } from './channels/dispatcher.js';
import { startInboundTimer } from './channels/inbound-timer.js';
import type { ChannelProvider } from './channels/provider.js';
import { databaseLedger } from './channels/send-ledger.js';
import { createSimulator } from './channels/simulator.js';
import { servedContract } from './contract/served.js';
import { openDb, type Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { AttachmentLinks, loadLinkKey } from './domain/attachment-links.js';
import { Cursors } from './domain/cursor.js';
import { pruneEvents, prunePresence } from './domain/events-log.js';
import { PRESENCE_TTL_SECONDS } from './domain/presence.js';
import { bearerAuth } from './http/auth.js';
import { jsonBodyLimit } from './http/body-limit.js';
import { answerClientErrors } from './http/client-error.js';
import { contractDispatch } from './http/dispatch.js';
import type { AppEnv, ServerConfig, Services } from './http/env.js';
import { problemResponse, renderError } from './http/problem.js';
import { printable } from './contract/plain-text.js';
import { rateLimit, RateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { securityHeaders } from './http/security-headers.js';
import { serveStatic } from './http/static.js';
import { closeOnUnreadBody } from './http/unread-body.js';
import { EventHub } from './realtime/hub.js';
import { demoUsers } from './routes/demo.js';
import { handlers } from './routes/index.js';
import { seedIfEmpty } from './seed/seed.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port (tests). Default 8080. */
  port?: number;
  host?: string;
  /** PGlite data directory; null keeps the database in memory. Ignored with databaseUrl. */
  dataDir?: string | null;
  databaseUrl?: string;
  production?: boolean;
  /** Demo timer injecting inbound replies; 0 disables it. */
  simulatorIntervalMs?: number;
  keepAliveMs?: number;
  eventRetentionSeconds?: number;
  /** Where outbound messages go; default: the simulator with simulatorReceiptDelayMs between receipts. */
  channels?: ChannelProvider;
  /** The simulator's delay between one delivery receipt and the next (800 ms). */
  simulatorReceiptDelayMs?: number;
  /** How often the dispatcher polls for due messages (250 ms). */
  dispatchPollMs?: number;
  /** A dispatch claim not renewed for this long is taken over by another process (5 s). */
  dispatchLeaseSeconds?: number;
  /** Open event streams per user in this process; the next one answers 429 (6). */
  maxStreamsPerUser?: number;
  /** Per-user request rate in this process (200 a second, bursts of 1000). */
  rateLimit?: RateLimitOptions;
  /** The largest request body outside uploads (1 MB); larger ones answer 413. */
  maxBodyBytes?: number;
  demoDir?: string;
  distDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Hono<AppEnv>;
  services: Services;
  /** True when this start seeded the database. */
  seeded: boolean;
  timings: { dbOpenMs: number; migrateMs: number; seedMs: number; totalMs: number };
  close(): Promise<void>;
}

/** The Hono app over ready services: CORS, auth on /api, the contract dispatcher, static files. */
export function createApp(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(renderError);
  app.notFound((c) => problemResponse(404, 'not-found', `There is nothing at ${printable(c.req.path)}.`));
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', securityHeaders);
  app.use('*', closeOnUnreadBody);
  // Bearer tokens, no cookies: any origin may call /api (Storybook, a host page on another port).
  // Not /demo: its users list hands out every token, and the demo pages call it from their own origin.
  const corsMw = cors({
    origin: '*',
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Last-Event-ID'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    exposeHeaders: ['ETag', 'WWW-Authenticate', 'Retry-After'],
    maxAge: 600,
  });
  app.use('/api/*', corsMw);
  app.use('/api/*', jsonBodyLimit(services.config.maxBodyBytes));
  app.use('/demo/*', jsonBodyLimit(services.config.maxBodyBytes));
  app.use('/api/*', bearerAuth);
  app.use('/api/*', rateLimit(new RateLimiter(services.config.rateLimit)));
  if (!services.config.production) app.get('/demo/users', demoUsers);
  app.use('*', contractDispatch(handlers));
  app.use('/dist/*', serveStatic('/dist/', services.config.distDir));
  app.use('*', serveStatic('/', services.config.demoDir));
  return app;
}

/** Opens the database, migrates, seeds on first start, and listens. */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const db: Db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? null });
  const t1 = performance.now();
  let serverKey: Buffer;
  try {
    await migrate(db);
    // The key of signed attachment URLs and page cursors: made by the first start on this
    // database, then shared by every process on it.
    serverKey = await loadLinkKey(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const t2 = performance.now();
  const seeded = await seedIfEmpty(db);
  const t3 = performance.now();

  const config: ServerConfig = {
    production: options.production ?? false,
    demoDir: options.demoDir ?? `${ROOT}demo`,
    distDir: options.distDir ?? `${ROOT}dist`,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    eventRetentionSeconds: options.eventRetentionSeconds ?? 24 * 3600,
    presenceRetentionSeconds: 60,
    maxStreamsPerUser: options.maxStreamsPerUser ?? 6,
    rateLimit: options.rateLimit ?? { perSecond: 200, burst: 1000 },
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
  };
  const { contract, validate } = servedContract();
  const links = new AttachmentLinks(serverKey);
  const hub = new EventHub(db, links, {
    keepAliveMs: config.keepAliveMs,
    maxStreamsPerUser: config.maxStreamsPerUser,
  });
  await hub.start();
  // The simulator's records of what it sent live in the database, shared by every process on it.
  const channels =
    options.channels ??
    createSimulator({ stepMs: options.simulatorReceiptDelayMs ?? 800, ledger: databaseLedger(db) });
  // Started here, so messages left scheduled by a previous run are dispatched (once) after a restart.
  const dispatcher = new Dispatcher(db, channels, {
    pollMs: options.dispatchPollMs ?? 250,
    leaseSeconds: options.dispatchLeaseSeconds ?? 5,
    log,
  });
  dispatcher.start();
  const services: Services = {
    db,
    contract,
    validate,
    hub,
    channels,
    dispatcher,
    links,
    cursors: new Cursors(serverKey),
    config,
  };
  const app = createApp(services);

  await pruneEvents(db, config.eventRetentionSeconds);
  const pruner = setInterval(
    () => void pruneEvents(db, config.eventRetentionSeconds).catch(() => {}),
    10 * 60_000,
  );
  pruner.unref();
  // Presence events are worthless after a minute; the table's expired rows go with them.
  const presencePruner = setInterval(
    () => void prunePresence(db, config.presenceRetentionSeconds, PRESENCE_TTL_SECONDS).catch(() => {}),
    60_000,
  );
  presencePruner.unref();
  const stopInbound = config.production
    ? () => {}
    : startInboundTimer(db, options.simulatorIntervalMs ?? 0, log);

  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  answerClientErrors(server as HttpServer);
  const port = (server.address() as AddressInfo).port;
  const t4 = performance.now();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopInbound();
      clearInterval(pruner);
      clearInterval(presencePruner);
      // No new claims, then cut the provider's pending receipts short, then wait for what is in flight.
      await dispatcher.stop();
      services.channels.close();
      await dispatcher.drain();
      await hub.close();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => (server as HttpServer).closeAllConnections?.(), 2000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        (server as HttpServer).closeIdleConnections?.();
      });
      await db.close();
    })());

  return {
    url: `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}/`,
    port,
    app,
    services,
    seeded,
    timings: { dbOpenMs: t1 - t0, migrateMs: t2 - t1, seedMs: t3 - t2, totalMs: t4 - t0 },
    close,
  };
}
