import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { ifMatch, unwrap } from '../api/middleware.js';
import type { Assignment, Conversation } from '../api/types.js';
import { changedFields, currentOf, type SaveResult } from './conflict.js';

export type AssignmentField = 'teamIds' | 'assigneeIds';

export interface ConversationEdits {
  /**
   * Replaces the teams and agents with If-Match on the version the edit started from. When a
   * colleague changed them first, the result says what changed and the cache has it; a newer
   * version that changed neither (a message, a delivery) is saved over once, without asking, and
   * straight away when the cache already holds it.
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
    request: (base: Conversation) => Promise<Conversation>,
    retried = false,
  ): Promise<SaveResult<Conversation, K>> {
    // A message or a delivery that arrived while the user chose moved the version: start from it
    // rather than spend a refused request (and a 412 in the host's console) learning so.
    const cached = ctx.get(base.id);
    const on =
      !retried && cached && cached.version > base.version && changedFields(base, cached, fields).length === 0
        ? cached
        : base;
    try {
      const saved = await request(on);
      ctx.upsert(saved);
      return { ok: true, value: ctx.get(base.id) ?? saved };
    } catch (thrown) {
      const error = InboxApiError.from(thrown);
      if (error.status !== 412) return { ok: false, error };
      const sent = currentOf<Conversation>(error, base.id);
      if (sent) ctx.upsert(sent);
      const now = sent ? (ctx.get(base.id) ?? sent) : await ctx.load(base.id);
      if (!now) return { ok: false, error };
      const changed = changedFields(base, now, fields);
      // Only other things moved (a message came, one was delivered): nothing the user chose is in
      // question, so the same choice goes again on the new version, once.
      if (changed.length === 0 && !retried) return save(now, fields, request, true);
      return { ok: false, error, conflict: { current: now, changed } };
    }
  }

  const path = (base: Conversation) => ({
    params: { path: { conversationId: base.id }, header: ifMatch(base.version) },
  });

  return {
    setAssignment(base, assignment) {
      return save(base, ['teamIds', 'assigneeIds'], (on) =>
        unwrap(
          ctx.client.api.PUT('/conversations/{conversationId}/assignment', {
            ...path(on),
            body: assignment,
          }),
        ),
      );
    },
    setTags(base, tagIds) {
      return save(base, ['tagIds'], (on) =>
        unwrap(ctx.client.api.PUT('/conversations/{conversationId}/tags', { ...path(on), body: { tagIds } })),
      );
    },
  };
}
