import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { ifMatch, unwrap } from '../api/middleware.js';
import type { Conversation, ConversationStatus } from '../api/types.js';
import type { LiveList } from './conversation-list.js';

/** What a status change needs from the conversations store. */
export interface StatusChangeContext {
  client: InboxClient;
  get(id: string): Conversation | undefined;
  /** Stores a conversation by the version rule (server answers). */
  upsert(conversation: Conversation): boolean;
  /** Writes a conversation regardless of version (optimistic state and its rollback). */
  replace(conversation: Conversation): void;
  lists(): Iterable<LiveList>;
  meId(): string | undefined;
  now(): number;
}

/** `setStatus` of the conversations store: optimistic, conditional on the cached version. */
export function createStatusChange(ctx: StatusChangeContext) {
  // Changes to one conversation go one after another: the second needs the first's new version.
  const queues = new Map<string, Promise<unknown>>();

  async function fetchConversation(conversationId: string): Promise<Conversation> {
    const params = { path: { conversationId } };
    const fetched = await unwrap(ctx.client.api.GET('/conversations/{conversationId}', { params }));
    ctx.upsert(fetched);
    return ctx.get(conversationId) ?? fetched;
  }

  async function change(id: string, status: ConversationStatus, retried = false): Promise<Conversation> {
    const original = ctx.get(id) ?? (await fetchConversation(id));
    if (original.status === status) return original;
    const closing = status === 'closed';
    const optimistic: Conversation = {
      ...original,
      status,
      closedAt: closing ? new Date(ctx.now()).toISOString() : null,
      closedBy: closing ? (ctx.meId() ?? null) : null,
    };
    // Counts first: with a search, whether a list counts the row depends on it still being shown.
    const undoCounts = [...ctx.lists()].map((list) => list.adjustCounts(original, optimistic));
    ctx.replace(optimistic);
    try {
      const saved = await unwrap(
        ctx.client.api.PUT('/conversations/{conversationId}/status', {
          params: { path: { conversationId: id }, header: ifMatch(original.version) },
          body: { status },
        }),
      );
      ctx.upsert(saved);
      return ctx.get(id) ?? saved;
    } catch (thrown) {
      // Roll back unless something fresher (a realtime update) has replaced the guess meanwhile.
      if (ctx.get(id) === optimistic) ctx.replace(original);
      undoCounts.forEach((undo) => undo());
      const error = InboxApiError.from(thrown);
      if (error.status !== 412) throw error;
      const sent = asConversation(error.current, id);
      if (sent) ctx.upsert(sent);
      // Only other things moved (a message came, one was delivered): the status the user saw is
      // still the status, so the same change goes again on the new version, once.
      if (!retried && sent?.status === original.status) return change(id, status, true);
      throw await explainStale(id, error);
    } finally {
      // The server's counts are the truth, whatever happened.
      for (const list of ctx.lists()) list.scheduleCounts();
    }
  }

  /** Takes in the conversation as it is now, and says what its status became (the i18n layer words it). */
  async function explainStale(id: string, error: InboxApiError): Promise<InboxApiError> {
    const current = asConversation(error.current, id) ?? (await fetchConversation(id).catch(() => undefined));
    // The server's problem (with `current`) stays, so an element can still show what changed.
    return InboxApiError.client({ code: 'status-conflict', status: current?.status ?? null }, error);
  }

  return function setStatus(id: string, status: ConversationStatus): Promise<Conversation> {
    const previous = queues.get(id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => change(id, status));
    queues.set(id, run);
    const forget = (): void => {
      if (queues.get(id) === run) queues.delete(id);
    };
    run.then(forget, forget);
    return run;
  };
}

function asConversation(value: unknown, id: string): Conversation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Partial<Conversation>;
  return c.id === id && typeof c.version === 'number' && typeof c.status === 'string'
    ? (value as Conversation)
    : undefined;
}
