import type { Channel } from './capabilities.js';

/** One outbound message handed to a provider (after the undo window). */
export interface OutboundMessage {
  itemId: string;
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
 * with all receipts once the provider has nothing more to say about the message.
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
