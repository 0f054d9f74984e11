import { receiptsOf } from './capabilities.js';
import type { ChannelProvider, OutboundMessage, Receipt } from './provider.js';

export interface SimulatorOptions {
  /** Milliseconds between one receipt and the next (SIMULATOR_RECEIPT_DELAY_MS, 800 by default). */
  stepMs?: number;
  /** More numbers that always fail, besides every number ending in 0000. */
  failingNumbers?: readonly string[];
}

/** The simulator, with what it was handed (tests assert exactly-once dispatch on it). */
export interface Simulator extends ChannelProvider {
  readonly dispatched: readonly OutboundMessage[];
}

export const UNREACHABLE = 'The number is not reachable.';

/**
 * Stands where the providers would be: emits exactly the receipts each channel has
 * (SMS sent → delivered; WhatsApp sent → delivered → read; Telegram sent), a step apart.
 * The deterministic failure path for tests and the demo: a contact number ending in 0000 (or
 * one of `failingNumbers`) fails with "The number is not reachable."
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const stepMs = options.stepMs ?? 800;
  const failing = new Set(options.failingNumbers ?? ['+15005550001']);
  // Pending waits, so close() can end them (a cleared timer alone would leave them hanging).
  const timers = new Map<NodeJS.Timeout, () => void>();
  const dispatched: OutboundMessage[] = [];
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
    async dispatch(message: OutboundMessage, onReceipt) {
      dispatched.push(message);
      const receipts: Receipt[] = [];
      const emit = async (r: Receipt) => {
        receipts.push(r);
        await onReceipt?.(r);
      };
      if (failing.has(message.to) || message.to.endsWith('0000')) {
        await wait(stepMs);
        if (closed) return receipts;
        await emit({ itemId: message.itemId, status: 'failed', at: new Date(), failureReason: UNREACHABLE });
        return receipts;
      }
      for (const status of receiptsOf(message.channel)) {
        await wait(stepMs);
        if (closed) break;
        await emit({ itemId: message.itemId, status, at: new Date() });
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
