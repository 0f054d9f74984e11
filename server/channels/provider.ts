import type { Channel } from './capabilities.js';

/** One outbound message handed to a provider (after the undo window). */
export interface OutboundMessage {
  itemId: string;
  /**
   * The same for every attempt of one send: the message id, or a new key for a retry after a
   * failure. A provider must not send twice under one key (a process that took over from a
   * crashed one hands the message over again).
   */
  idempotencyKey: string;
  conversationId: string;
  channel: Channel;
  /** The contact's number (or chat id). */
  to: string;
  /** The sender's address: a number or a bot id. */
  from: string;
  text: string;
  attachmentIds: string[];
}

export interface Receipt {
  itemId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  failureReason?: string;
}

/**
 * Where a real SMS / WhatsApp / Telegram integration plugs in. dispatch() hands the message to
 * the provider and reports each delivery receipt through onReceipt as it arrives; it resolves
 * with all receipts once the provider has nothing more to say about the message. Pass
 * `message.idempotencyKey` to the provider's API (most have such a header or field): a second
 * dispatch with the same key must answer the first send's receipts and send nothing.
 */
export interface ChannelProvider {
  readonly name: string;
  dispatch(
    message: OutboundMessage,
    onReceipt?: (receipt: Receipt) => void | Promise<void>,
  ): Promise<Receipt[]>;
  /** Stops pending timers (server shutdown). */
  close(): void;
}
