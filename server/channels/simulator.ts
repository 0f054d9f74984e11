import { receiptsOf } from './capabilities.js';
import type { ChannelProvider, OutboundMessage, Receipt } from './provider.js';

export interface SimulatorOptions {
  /** Milliseconds between one receipt and the next (0 in tests). */
  stepMs?: number;
  /** Numbers that always fail, to exercise the failed path. */
  failingNumbers?: readonly string[];
}

/**
 * Stands where the providers would be: emits exactly the receipts each channel has
 * (SMS sent → delivered; WhatsApp sent → delivered → read; Telegram sent), a step apart.
 */
export function createSimulator(options: SimulatorOptions = {}): ChannelProvider {
  const stepMs = options.stepMs ?? 800;
  const failing = new Set(options.failingNumbers ?? ['+15005550001']);
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  return {
    name: 'simulator',
    async dispatch(message: OutboundMessage, onReceipt) {
      const receipts: Receipt[] = [];
      const emit = async (r: Receipt) => {
        receipts.push(r);
        await onReceipt?.(r);
      };
      if (failing.has(message.to)) {
        await wait(stepMs);
        await emit({
          itemId: message.itemId,
          status: 'failed',
          at: new Date(),
          failureReason: 'The number is not reachable.',
        });
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
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
