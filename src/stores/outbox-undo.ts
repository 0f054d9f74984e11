// Undo of a send the server already has: it cancels the message while it waits out the window.
import type { InboxClient } from '../api/client.js';
import { unwrap } from '../api/middleware.js';
import type { MessageItem, TimelineItem } from '../api/types.js';
import type { DraftsOutboxSide } from './drafts.js';
import { refuse } from './outbox-delivery.js';
import type { StoredSend } from './outbox-storage.js';
import type { SendOutcome, UndoneSend } from './outbox-types.js';

export interface ServerUndoDeps {
  client: InboxClient;
  drafts: DraftsOutboxSide;
  emit(outcome: SendOutcome): void;
  onItem(item: TimelineItem): void;
  /** A loaded message by client message id, to undo a send made before a reload. */
  findMessage(clientMessageId: string): MessageItem | undefined;
}

export function createServerUndo({ client, drafts, emit, onItem, findMessage }: ServerUndoDeps) {
  // Acknowledged messages this session, for undo (text and attachments as sent).
  const acknowledged = new Map<string, { messageId: string; send: StoredSend }>();
  return {
    remember(send: StoredSend, messageId: string): void {
      acknowledged.set(send.clientMessageId, { messageId, send });
    },
    /** Cancels on the server; the text goes back into the draft. Rejects with the server's words (409). */
    async cancel(clientMessageId: string): Promise<UndoneSend> {
      const known = acknowledged.get(clientMessageId);
      const loaded = known ? undefined : findMessage(clientMessageId);
      const messageId = known?.messageId ?? loaded?.id;
      if (!messageId) throw refuse({ code: 'undo-too-late' });
      const cancelled = await unwrap(
        client.api.POST('/messages/{messageId}/cancel', { params: { path: { messageId } } }),
      );
      acknowledged.delete(clientMessageId);
      onItem(cancelled);
      const conversationId = known?.send.conversationId ?? cancelled.conversationId;
      const text = known?.send.text ?? cancelled.text;
      const attachmentIds = known?.send.attachmentIds ?? cancelled.attachments.map((a) => a.id);
      drafts.restore(conversationId, 'message', text);
      emit({ type: 'undone', clientMessageId, conversationId, text, attachmentIds, resumed: false });
      return { conversationId, text, attachmentIds };
    },
  };
}
