import { receiptsOf } from './capabilities.js';
import type { ChannelProvider, OutboundMessage, Receipt } from './provider.js';
import { memoryLedger, type SendLedger } from './send-ledger.js';

export interface SimulatorOptions {
  /** Milliseconds between one receipt and the next (SIMULATOR_RECEIPT_DELAY_MS, 800 by default). */
  stepMs?: number;
  /** More numbers that always fail, besides every number ending in 0000. */
  failingNumbers?: readonly string[];
  /** Where sends are recorded by idempotency key; in memory unless given (the server shares its database's). */
  ledger?: SendLedger;
}

/** The simulator, with what it was handed and what it sent (tests assert exactly-once on these). */
export interface Simulator extends ChannelProvider {
  /** Every hand-over to this simulator, repeats under one key included. */
  readonly dispatched: readonly OutboundMessage[];
  /** Provider-level sends by this simulator: a hand-over whose key the ledger had not seen. */
  readonly sent: readonly OutboundMessage[];
}

export const UNREACHABLE = 'The number is not reachable.';

/**
 * Stands where the providers would be: emits exactly the receipts each channel has
 * (SMS sent → delivered; WhatsApp sent → delivered → read; Telegram sent), a step apart.
 * The deterministic failure path for tests and the demo: a contact number ending in 0000 (or
 * one of `failingNumbers`) fails with "The number is not reachable."
 * Like a real provider it honours the idempotency key: a second dispatch under a key it has seen
 * sends nothing and answers the first send's receipts (the first one at once, at the send's time).
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const stepMs = options.stepMs ?? 800;
  const failing = new Set(options.failingNumbers ?? ['+15005550001']);
  const ledger = options.ledger ?? memoryLedger();
  // Pending waits, so close() can end them (a cleared timer alone would leave them hanging).
  const timers = new Map<NodeJS.Timeout, () => void>();
  const dispatched: OutboundMessage[] = [];
  const sent: OutboundMessage[] = [];
  let closed = false;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.set(t, resolve);
    });

  return {
    name: 'simulator',
    dispatched,
    sent,
    async dispatch(message: OutboundMessage, onReceipt) {
      dispatched.push(message);
      const { fresh, sentAt } = await ledger.record(message);
      if (fresh) sent.push(message);
      const receipts: Receipt[] = [];
      const emit = async (r: Receipt) => {
        receipts.push(r);
        await onReceipt?.(r);
      };
      const statuses =
        failing.has(message.to) || message.to.endsWith('0000')
          ? (['failed'] as const)
          : receiptsOf(message.channel);
      for (const [n, status] of statuses.entries()) {
        // A repeat already has its first receipt: the provider answers it at once.
        if (fresh || n > 0) await wait(stepMs);
        if (closed) break;
        const at = !fresh && n === 0 ? sentAt : new Date();
        await emit({
          itemId: message.itemId,
          status,
          at,
          ...(status === 'failed' ? { failureReason: UNREACHABLE } : {}),
        });
      }
      return receipts;
    },
    close() {
      closed = true;
      for (const [t, resolve] of timers) {
        clearTimeout(t);
        resolve();
      }
      timers.clear();
    },
  };
}
