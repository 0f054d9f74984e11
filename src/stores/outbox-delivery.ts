// One send's way to the server: the request, and trying again with the same key until a verdict.
import type { InboxClient } from '../api/client.js';
import { InboxApiError, type ClientProblem } from '../api/errors.js';
import { idempotencyHeader, unwrap } from '../api/middleware.js';
import type { MessageItem, NoteItem, TimelineItem } from '../api/types.js';
import type { DraftTab } from './drafts.js';
import type { Timers } from './context.js';
import type { StoredSend } from './outbox-storage.js';
import { isRetryable, retryWait } from './outbox-retry.js';
import type { PendingEntry, PendingState } from './timeline-items.js';

export interface Job {
  send: StoredSend;
  /** Requests made so far: once one has left, only the server can say whether it arrived. */
  attempts: number;
  inFlight: boolean;
  failed: boolean;
  /** When the next try is due after a failure, else null. */
  retryAt: number | null;
  /** The wait is the server's (`Retry-After`): a new connection does not cut it short. */
  told: boolean;
  /** The server said too many requests. */
  rateLimited: boolean;
  error: InboxApiError | null;
  /** Undone before any request: it must never go out. */
  dropped: boolean;
  /** Re-sent from storage after a reload: no composer of this page started it. */
  resumed: boolean;
  /** Ends the wait early (undo, dispose, the connection is back). */
  wake: (() => void) | undefined;
  /** The server's item, or why there is none; settles at once when the send is undone. */
  settled: Promise<TimelineItem>;
  /** Settles `settled` for a send undone while it waits its turn. */
  abandon: (error: InboxApiError) => void;
}

/** What a person sees of a job: waiting (its turn, the network, the server's limit), going, refused. */
export const stateOf = (job: Job): PendingState =>
  job.failed ? 'failed' : job.inFlight ? 'sending' : 'queued';

/** How the timelines show a job. `windowMs` is the tenant's undo window (an estimate until the server answers). */
export function pendingEntry(job: Job, windowMs: number): PendingEntry {
  const { send, failed, retryAt, rateLimited, error } = job;
  return {
    kind: 'pending',
    clientMessageId: send.clientMessageId,
    conversationId: send.conversationId,
    itemKind: send.kind,
    text: send.text,
    attachmentIds: send.attachmentIds,
    authorId: send.authorId,
    createdAt: send.createdAt,
    status: failed ? 'failed' : 'scheduled',
    state: stateOf(job),
    retrying: retryAt !== null,
    retryAt,
    rateLimited: retryAt !== null && rateLimited,
    error,
    undoUntil:
      send.kind === 'message' && !failed && windowMs > 0 ? Date.parse(send.createdAt) + windowMs : null,
  };
}

export const tabOf = (kind: StoredSend['kind']): DraftTab => (kind === 'note' ? 'note' : 'message');

/** When the server holds a message until (its undo window), or null when it is already going out. */
export function serverUndoDeadline(item: MessageItem | NoteItem): number | null {
  return item.kind === 'message' && item.status === 'scheduled' && item.scheduledFor
    ? Date.parse(item.scheduledFor)
    : null;
}

export const refuse = (problem: ClientProblem): InboxApiError => InboxApiError.client(problem);
export const undoneError = (): InboxApiError => refuse({ code: 'send-undone' });

export interface DeliveryDeps {
  client: InboxClient;
  timers: Timers;
  now: () => number;
  closed(): boolean;
  /** A job changed state (a request left, a wait began). */
  onChange(job: Job): void;
}

export function createDelivery({ client, timers, now, closed, onChange }: DeliveryDeps) {
  /** One request for the send; `keepalive` lets the browser finish it after the page is gone. */
  async function post(send: StoredSend, keepalive = false): Promise<TimelineItem> {
    const params = {
      path: { conversationId: send.conversationId },
      header: idempotencyHeader(send.clientMessageId),
    };
    if (send.kind === 'note') {
      return unwrap(
        client.api.POST('/conversations/{conversationId}/notes', {
          params,
          body: { text: send.text },
          keepalive,
        }),
      );
    }
    const body = send.attachmentIds.length
      ? { text: send.text, attachmentIds: send.attachmentIds }
      : { text: send.text };
    return unwrap(client.api.POST('/conversations/{conversationId}/messages', { params, body, keepalive }));
  }

  function pause(job: Job, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = timers.setTimeout(() => job.wake?.(), ms);
      job.wake = () => {
        timers.clearTimeout(timer);
        job.wake = undefined;
        resolve();
      };
    });
  }

  /** Posts with the same key until the server answers with the message or a verdict against it. */
  async function deliver(job: Job): Promise<TimelineItem> {
    for (;;) {
      if (job.dropped) throw undoneError();
      if (closed()) throw refuse({ code: 'inbox-closed' });
      job.attempts++;
      Object.assign(job, { inFlight: true, retryAt: null, told: false });
      onChange(job);
      let error: InboxApiError;
      try {
        const item = await post(job.send);
        job.inFlight = false;
        return item;
      } catch (thrown) {
        job.inFlight = false;
        error = InboxApiError.from(thrown);
      }
      if (!isRetryable(error)) throw error;
      const wait = retryWait(error, job.attempts - 1, now());
      Object.assign(job, { error, retryAt: now() + wait.ms, told: wait.told, rateLimited: wait.rateLimited });
      onChange(job);
      await pause(job, wait.ms);
    }
  }

  /**
   * The page is going away: a request in flight would be cancelled and one still waiting (for its
   * save, its turn or a retry) would never leave. One more request under the send's key, which the
   * browser finishes after the page is gone; the server makes one message of any repeats, and
   * storage keeps the send for the next start should this one not arrive.
   */
  function sendBeforeLeaving(job: Job): void {
    if (job.dropped || job.failed) return;
    job.attempts++; // It may reach the server now, so an undo must ask the server.
    post(job.send, true).catch(() => undefined);
  }

  return { deliver, sendBeforeLeaving };
}
