import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';
import { applyReceipt, claimDue, failDispatch, finishDispatch, renewClaims } from '../domain/delivery.js';
import type { ChannelProvider, OutboundMessage } from './provider.js';

export interface DispatcherOptions {
  /** How often the database is asked for due messages (also what catches other processes' sends). */
  pollMs?: number;
  /**
   * A claim not renewed for this long belongs to a process that died mid-dispatch; another
   * process takes it. The live one renews its claims a few times per lease.
   */
  leaseSeconds?: number;
  batch?: number;
  log?: (line: string) => void;
}

/**
 * Runs in every server process: claims due outbound messages (delivery.ts makes each claim
 * exclusive across processes), hands them to the channel provider and records its receipts.
 * A send wakes it at the end of its undo window; the poll covers everything else — messages
 * sent through another process, and ones left in the database by a restart or a crash.
 * Claims are short leases renewed by a heartbeat while the provider has the message, so a
 * crashed process's messages go out within seconds from another one; the provider gets the
 * same idempotency key again and sends nothing twice.
 */
export class Dispatcher {
  private readonly pollMs: number;
  private readonly leaseSeconds: number;
  private readonly batch: number;
  private readonly log: (line: string) => void;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Map<Promise<void>, string>();
  /** This dispatcher's name on its claims, so its heartbeat renews its own and no others. */
  private readonly owner = randomUUID();
  private heartbeat?: NodeJS.Timeout;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly provider: ChannelProvider,
    options: DispatcherOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.leaseSeconds = options.leaseSeconds ?? 5;
    this.batch = options.batch ?? 20;
    this.log = options.log ?? (() => {});
  }

  start(): void {
    const loop = () => {
      this.after(this.pollMs, async () => {
        await this.tick();
        loop();
      });
    };
    void this.tick();
    loop();
    this.heartbeat = setInterval(() => void this.renew(), (this.leaseSeconds * 1000) / 3);
    this.heartbeat.unref();
  }

  private async renew(): Promise<void> {
    if (this.stopped || this.inflight.size === 0) return;
    await renewClaims(this.db, this.owner, [...this.inflight.values()]).catch((err: unknown) =>
      this.log(`dispatcher: renewing claims failed: ${String(err)}`),
    );
  }

  /** Look for due messages now, or at `at` (the end of an undo window). */
  wake(at?: Date | null): void {
    const ms = at ? at.getTime() - Date.now() : 0;
    if (ms <= 0) void this.tick();
    else this.after(ms + 5, () => this.tick());
  }

  /** How many messages are with the provider right now. */
  get busy(): number {
    return this.inflight.size;
  }

  private after(ms: number, fn: () => Promise<void>): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      try {
        do {
          this.again = false;
          const claimed = await claimDue(this.db, this.owner, this.leaseSeconds, this.batch);
          for (const m of claimed) this.deliver(m);
          if (claimed.length === this.batch) this.again = true;
        } while (this.again && !this.stopped);
      } catch (err) {
        if (!this.stopped) this.log(`dispatcher: claiming failed: ${String(err)}`);
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  private deliver(message: OutboundMessage): void {
    const job = (async () => {
      try {
        await this.provider.dispatch(message, async (receipt) => {
          await applyReceipt(this.db, receipt);
        });
      } catch (err) {
        if (this.stopped) return;
        this.log(`dispatcher: ${message.itemId} failed: ${String(err)}`);
        await failDispatch(this.db, message.itemId).catch((e: unknown) =>
          this.log(`dispatcher: could not record the failure of ${message.itemId}: ${String(e)}`),
        );
      }
      // Cut short by a shutdown, the claim stays: its lease runs out and the receipts still owed
      // come through whichever process takes it over (the provider knows the key).
      if (this.stopped) return;
      await finishDispatch(this.db, this.owner, message.itemId).catch((e: unknown) =>
        this.log(`dispatcher: could not end the claim on ${message.itemId}: ${String(e)}`),
      );
    })();
    this.inflight.set(job, message.itemId);
    void job.finally(() => this.inflight.delete(job));
  }

  /** No new claims; the current claim round finishes. Call before closing the provider. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.ticking;
  }

  /** Waits for messages already with the provider (close the provider first to cut them short). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inflight.keys()]);
  }
}
