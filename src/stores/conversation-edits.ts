import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { ifMatch, unwrap } from '../api/middleware.js';
import type { Assignment, Conversation } from '../api/types.js';
import { changedFields, currentOf, type SaveResult } from './conflict.js';

export type AssignmentField = 'teamIds' | 'assigneeIds';

export interface ConversationEdits {
  /**
   * Replaces the teams and agents with If-Match on the version the edit started from. When a
   * colleague changed the conversation first, the result says what changed and the cache has it.
   */
  setAssignment(
    base: Conversation,
    assignment: Assignment,
  ): Promise<SaveResult<Conversation, AssignmentField>>;
  /** Replaces the tags, the same way. */
  setTags(base: Conversation, tagIds: string[]): Promise<SaveResult<Conversation, 'tagIds'>>;
}

/** What the edits need from the conversations store. */
export interface EditsContext {
  client: InboxClient;
  upsert(conversation: Conversation): boolean;
  get(id: string): Conversation | undefined;
  load(id: string): Promise<Conversation | undefined>;
}

export function createConversationEdits(ctx: EditsContext): ConversationEdits {
  async function save<K extends keyof Conversation & string>(
    base: Conversation,
    fields: readonly K[],
    request: () => Promise<Conversation>,
  ): Promise<SaveResult<Conversation, K>> {
    try {
      const saved = await request();
      ctx.upsert(saved);
      return { ok: true, value: ctx.get(base.id) ?? saved };
    } catch (thrown) {
      const error = InboxApiError.from(thrown);
      if (error.status !== 412) return { ok: false, error };
      const sent = currentOf<Conversation>(error, base.id);
      if (sent) ctx.upsert(sent);
      const now = sent ? (ctx.get(base.id) ?? sent) : await ctx.load(base.id);
      return now
        ? { ok: false, error, conflict: { current: now, changed: changedFields(base, now, fields) } }
        : { ok: false, error };
    }
  }

  const path = (base: Conversation) => ({
    params: { path: { conversationId: base.id }, header: ifMatch(base.version) },
  });

  return {
    setAssignment(base, assignment) {
      return save(base, ['teamIds', 'assigneeIds'], () =>
        unwrap(
          ctx.client.api.PUT('/conversations/{conversationId}/assignment', {
            ...path(base),
            body: assignment,
          }),
        ),
      );
    },
    setTags(base, tagIds) {
      return save(base, ['tagIds'], () =>
        unwrap(
          ctx.client.api.PUT('/conversations/{conversationId}/tags', { ...path(base), body: { tagIds } }),
        ),
      );
    },
  };
}
