import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { idempotencyKey, unwrap } from '../api/middleware.js';
import type { MessageItem, NoteItem, TimelineItem } from '../api/types.js';
import type { Timers } from './context.js';
import type { DraftsOutboxSide } from './drafts.js';
import {
  createDelivery,
  pendingEntry,
  refuse,
  serverUndoDeadline,
  tabOf,
  undoneError,
  type Job,
} from './outbox-delivery.js';
import { createServerUndo } from './outbox-undo.js';
import { migrateLegacyOutbox, type OutboxStorage, type StoredSend } from './outbox-storage.js';
import type { SessionStore } from './session.js';
import type {
  OutboxStore,
  SendHandle,
  SendInput,
  SendOutcome,
  SendReceipt,
  UndoneSend,
} from './outbox-types.js';
import type { RateLimitsStore } from './rate-limits.js';
import type { ConnectionStatus } from './realtime.js';
import type { PageEventSource } from './page-events.js';
import type { PendingEntry } from './timeline-items.js';
import type { UserStorage } from './user-storage.js';

export type { OutboxStore } from './outbox-types.js';

export interface OutboxDeps {
  client: InboxClient;
  session: SessionStore;
  drafts: DraftsOutboxSide;
  /** Where sends wait for the server (IndexedDB, else memory). */
  storage: OutboxStorage;
  /** Where an earlier version kept them (localStorage), read once to move them over. */
  legacyStorage: UserStorage;
  /** Shows a 429's wait to the composer of the conversation. */
  rateLimits: RateLimitsStore;
  /** The realtime stream: when it comes back, sends waiting for the network try at once. */
  connection: ReadableAtom<ConnectionStatus>;
  timers: Timers;
  now: () => number;
  /** Where the server's answers go (the open timelines). */
  onItem(item: TimelineItem): void;
  /** A loaded message by client message id, to undo a send made before a reload. */
  findMessage(clientMessageId: string): MessageItem | undefined;
  /** Calls back when the page is going away (by default `pagehide`). */
  onPageLeave: PageEventSource;
}

export function createOutbox(deps: OutboxDeps): OutboxStore {
  const { client, session, drafts, timers, now, rateLimits } = deps;
  const stored = deps.storage;
  const $pending = atom<PendingEntry[]>([]);
  const $retrying = atom<readonly string[]>([]);
  const jobs = new Map<string, Job>();
  // Sends of one conversation go out in order: the server numbers them as they arrive.
  const lanes = new Map<string, Promise<unknown>>();
  const undoing = new Map<string, Promise<UndoneSend>>();
  const listeners = new Set<(outcome: SendOutcome) => void>();
  let disposed = false;

  // The handles waiting for their send's outcome, by client message id.
  const outcomeWaiters = new Map<string, (outcome: SendOutcome) => void>();
  const emit = (outcome: SendOutcome): void => {
    if (outcome.clientMessageId) {
      outcomeWaiters.get(outcome.clientMessageId)?.(outcome);
      outcomeWaiters.delete(outcome.clientMessageId);
    }
    listeners.forEach((listener) => listener(outcome));
  };
  const serverUndo = createServerUndo({
    client,
    drafts,
    emit,
    onItem: deps.onItem,
    findMessage: deps.findMessage,
  });
  const undoWindowMs = (): number => (session.$me.get()?.tenant.undoWindowSeconds ?? 0) * 1000;

  function publish(): void {
    const windowMs = undoWindowMs();
    $pending.set([...jobs.values()].map((job) => pendingEntry(job, windowMs)));
  }

  const { deliver, sendBeforeLeaving } = createDelivery({
    client,
    timers,
    now,
    closed: () => disposed,
    onChange(job) {
      const scope = `send:${job.send.conversationId}` as const;
      if (job.retryAt !== null && job.rateLimited && job.told) rateLimits.hold(scope, job.retryAt);
      else if (job.inFlight) rateLimits.release(scope);
      publish();
    },
  });

  // The stream is back, so the network is: sends waiting out a backoff try now (not a server's wait).
  const stopFollowingConnection = deps.connection.listen((status) => {
    if (status !== 'open') return;
    for (const job of jobs.values()) if (job.retryAt !== null && !job.told) job.wake?.();
  });

  const stopFollowingLeave = deps.onPageLeave(() => jobs.forEach(sendBeforeLeaving));

  function acknowledge(job: Job, item: TimelineItem): void {
    const { send } = job;
    void stored.remove(send.authorId, send.clientMessageId);
    rateLimits.release(`send:${send.conversationId}`);
    drafts.settle(send.clientMessageId);
    if (send.kind === 'message') serverUndo.remember(send, item.id);
    // The item first, then the pending entry goes: the timeline never shows neither nor both.
    deps.onItem(item);
    jobs.delete(send.clientMessageId);
    publish();
    if (item.kind === 'message' || item.kind === 'note')
      emit({
        type: 'sent',
        clientMessageId: send.clientMessageId,
        conversationId: send.conversationId,
        item,
        undoUntil: serverUndoDeadline(item),
        resumed: job.resumed,
      });
  }

  function fail(job: Job, error: InboxApiError): void {
    const { send } = job;
    Object.assign(job, { failed: true, retryAt: null, error });
    // Refused for good: re-sending it after a reload would only be refused again.
    void stored.remove(send.authorId, send.clientMessageId);
    rateLimits.release(`send:${send.conversationId}`);
    drafts.restore(send.conversationId, tabOf(send.kind), send.text, send.clientMessageId);
    publish();
    const { clientMessageId, conversationId, kind, text, attachmentIds } = send;
    emit({
      type: 'failed',
      clientMessageId,
      conversationId,
      kind,
      text,
      attachmentIds,
      error,
      resumed: job.resumed,
    });
  }

  /** Queues a send behind its conversation's earlier ones; `saved` is its write to storage. */
  function start(send: StoredSend, attempts: number, resumed = false, saved?: Promise<unknown>): Job {
    const lane = send.conversationId;
    const previous = lanes.get(lane) ?? Promise.resolve();
    let abandon: (error: InboxApiError) => void = () => undefined;
    const abandoned = new Promise<never>((_, reject) => (abandon = reject));
    const job: Job = {
      send,
      attempts,
      inFlight: false,
      failed: false,
      retryAt: null,
      told: false,
      rateLimited: false,
      error: null,
      dropped: false,
      resumed,
      wake: undefined,
      settled: abandoned,
      abandon,
    };
    // The lane waits for this send's own turn to end, even when undone, so later sends keep their order.
    // Nothing leaves before it is saved: from then on a crash or reload re-sends it with the same key.
    const turn = Promise.all([previous.catch(() => undefined), saved])
      .then(() => deliver(job))
      .then(
        (item) => {
          acknowledge(job, item);
          return item;
        },
        (thrown: unknown) => {
          const error = InboxApiError.from(thrown);
          // Undone or closed: undo has cleaned up, or storage keeps it for the next start.
          if (!job.dropped && !disposed) fail(job, error);
          throw error;
        },
      );
    job.settled = Promise.race([turn, abandoned]);
    jobs.set(send.clientMessageId, job);
    publish();
    lanes.set(lane, turn);
    const forget = (): void => {
      if (lanes.get(lane) === turn) lanes.delete(lane);
    };
    // Handled here so a send nobody awaits (resumed after a reload) is not an unhandled rejection.
    turn.then(forget, forget);
    job.settled.catch(() => undefined);
    return job;
  }

  function enqueue(
    conversationId: string,
    kind: StoredSend['kind'],
    text: string,
    attachmentIds: string[],
  ): Job {
    const me = session.$me.get();
    if (!me || disposed) throw refuse({ code: 'not-signed-in' });
    const send: StoredSend = {
      clientMessageId: idempotencyKey(),
      conversationId,
      kind,
      text,
      attachmentIds,
      authorId: me.user.id,
      createdAt: new Date(now()).toISOString(),
    };
    const saved = stored.add(send);
    drafts.handOff(conversationId, tabOf(kind), send.clientMessageId, text, attachmentIds);
    return start(send, 0, false, saved);
  }

  /**
   * Queues a send and returns its handle: the promise of the server's answer, the send's id, and
   * its outcome (which never rejects). A refusal before queueing has no id, and its outcome says why.
   */
  function handle<T>(
    conversationId: string,
    kind: StoredSend['kind'],
    text: string,
    attachmentIds: string[],
    answer: (item: TimelineItem, job: Job) => T,
    refused?: InboxApiError,
  ): SendHandle<T> {
    let job: Job | undefined;
    let refusal = refused;
    try {
      if (!refusal) job = enqueue(conversationId, kind, text, attachmentIds);
    } catch (thrown) {
      refusal = InboxApiError.from(thrown);
    }
    const result: Promise<T> = job
      ? job.settled.then((item) => answer(item, job))
      : Promise.reject(refusal ?? refuse({ code: 'unexpected-answer' }));
    const outcome: Promise<SendOutcome> = job
      ? new Promise((resolve) => outcomeWaiters.set(job.send.clientMessageId, resolve))
      : Promise.resolve({
          type: 'failed',
          clientMessageId: null,
          conversationId,
          kind,
          text,
          attachmentIds,
          error: refusal!,
          resumed: false,
        });
    result.catch(() => undefined); // Callers may follow `outcome` instead.
    return Object.assign(result, {
      clientMessageId: job?.send.clientMessageId ?? null,
      undoUntil: job ? estimatedUndoDeadline(job.send) : null,
      outcome,
    });
  }

  function estimatedUndoDeadline(send: StoredSend): number | null {
    const windowMs = undoWindowMs();
    return send.kind === 'message' && windowMs > 0 ? Date.parse(send.createdAt) + windowMs : null;
  }

  function send(conversationId: string, input: SendInput): SendHandle<SendReceipt> {
    const text = input.text.trim();
    const attachmentIds = [...(input.attachmentIds ?? [])];
    const empty = !text && attachmentIds.length === 0;
    return handle(
      conversationId,
      'message',
      text,
      attachmentIds,
      (item, job) => {
        if (item.kind !== 'message') throw refuse({ code: 'unexpected-answer' });
        return { clientMessageId: job.send.clientMessageId, item, undoUntil: serverUndoDeadline(item) };
      },
      empty ? refuse({ code: 'empty-message' }) : undefined,
    );
  }

  function addNote(conversationId: string, input: string): SendHandle<NoteItem> {
    const text = input.trim();
    const refusal = !session.$capabilities.get()?.writeNotes
      ? refuse({ code: 'notes-not-allowed' })
      : !text
        ? refuse({ code: 'empty-note' })
        : undefined;
    return handle(
      conversationId,
      'note',
      text,
      [],
      (item) => {
        if (item.kind !== 'note') throw refuse({ code: 'unexpected-answer' });
        return item;
      },
      refusal,
    );
  }

  async function undoSend(clientMessageId: string): Promise<UndoneSend> {
    const job = jobs.get(clientMessageId);
    if (job?.failed) {
      // Never accepted: nothing to cancel, the text is already back in the draft.
      jobs.delete(clientMessageId);
      publish();
      const { conversationId, text, attachmentIds } = job.send;
      return { conversationId, text, attachmentIds };
    }
    if (job && job.attempts === 0 && !job.inFlight) {
      // It never left this browser: dropping it here is the whole undo.
      job.dropped = true;
      job.abandon(undoneError());
      job.wake?.();
      jobs.delete(clientMessageId);
      void stored.remove(job.send.authorId, clientMessageId);
      const { conversationId, kind, text, attachmentIds } = job.send;
      drafts.restore(conversationId, tabOf(kind), text, clientMessageId);
      publish();
      emit({ type: 'undone', clientMessageId, conversationId, text, attachmentIds, resumed: job.resumed });
      return { conversationId, text, attachmentIds };
    }
    if (job) {
      // A request has left, so the server may hold it: finish the send (now), then cancel it there.
      job.wake?.();
      await job.settled;
    }
    return serverUndo.cancel(clientMessageId);
  }

  function resend(clientMessageId: string): Promise<TimelineItem> {
    const failed = jobs.get(clientMessageId);
    if (!failed?.failed || disposed) return Promise.reject(refuse({ code: 'unexpected-answer' }));
    const { send, attempts, resumed } = failed;
    jobs.delete(clientMessageId);
    // The refusal put the text back in the draft: it leaves the composer again with the send.
    drafts.handOff(
      send.conversationId,
      tabOf(send.kind),
      send.clientMessageId,
      send.text,
      send.attachmentIds,
    );
    return start(send, attempts, resumed, stored.add(send)).settled;
  }

  async function retryOnServer(messageId: string): Promise<MessageItem> {
    $retrying.set([...$retrying.get(), messageId]);
    try {
      const item = await unwrap(
        client.api.POST('/messages/{messageId}/retry', { params: { path: { messageId } } }),
      );
      deps.onItem(item);
      return item;
    } finally {
      $retrying.set($retrying.get().filter((id) => id !== messageId));
    }
  }

  return {
    $pending,
    $retrying,
    send,
    addNote,
    undo(clientMessageId) {
      let running = undoing.get(clientMessageId);
      if (!running) {
        running = undoSend(clientMessageId).finally(() => undoing.delete(clientMessageId));
        undoing.set(clientMessageId, running);
      }
      return running;
    },
    retry: retryOnServer,
    resend,
    dismiss(clientMessageId) {
      if (!jobs.get(clientMessageId)?.failed) return;
      jobs.delete(clientMessageId);
      publish();
    },
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async resume() {
      const me = session.$me.get();
      if (!me || disposed) return;
      await migrateLegacyOutbox(deps.legacyStorage, stored, me.user.id);
      const saved = await stored.readAll(me.user.id);
      if (disposed) return;
      // It may have reached the server before the reload, so count it as attempted: undo asks the server.
      const resumed = saved.filter((s) => !jobs.has(s.clientMessageId)).map((s) => start(s, 1, true));
      // Handed off but never saved (a reload between the two writes): nothing left the page, since a
      // send waits for its record, so it goes now with the key it was given.
      const live = new Set([...saved.map((s) => s.clientMessageId), ...jobs.keys()]);
      for (const lost of drafts.unsaved(live)) {
        const send: StoredSend = {
          clientMessageId: lost.clientMessageId,
          conversationId: lost.conversationId,
          kind: lost.tab === 'note' ? 'note' : 'message',
          text: lost.text,
          attachmentIds: lost.attachmentIds,
          authorId: me.user.id,
          createdAt: new Date(now()).toISOString(),
        };
        resumed.push(start(send, 0, true, stored.add(send)));
      }
      await Promise.allSettled(resumed.map((job) => job.settled));
    },
    dispose() {
      disposed = true;
      stopFollowingConnection();
      stopFollowingLeave();
      for (const job of jobs.values()) job.wake?.();
    },
  };
}
