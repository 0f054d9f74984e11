import { requireSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';
import { problemResponse } from '../http/problem.js';

/** How long a client refused for too many streams should wait before trying again. */
const STREAM_RETRY_AFTER_SECONDS = 30;

/**
 * GET /api/events: text/event-stream for one space. Without Last-Event-ID the stream starts
 * now; with one it replays the log after it, or sends `resync` when that part was pruned.
 * A user holding their limit of open streams in this process gets 429 instead.
 */
export const streamEvents: Handler = async (c) => {
  const { query, headers } = inputOf(c, 'streamEvents');
  const { db, hub } = c.get('services');
  const v = c.get('viewer');
  requireSpace(v, query.spaceId);

  // `newest` is this space's: ids commit in order within a space (events-log.ts), not across
  // spaces, so starting after another space's newer id could skip one of ours still committing.
  // `issued` is the id sequence itself: a pruned presence event may have been the newest row, and
  // an id this log really gave out must still resume rather than look like one from elsewhere.
  const [state] = await db.query<{ newest: string; issued: string; horizon: string | null }>(
    `select coalesce(greatest((select max(id) from events where space_id = $1),
         (select pruned_through from event_log_horizon where space_id = $1)), 0)::text as newest,
       (select case when is_called then last_value else 0 end from events_id_seq)::text as issued,
       (select pruned_through::text from event_log_horizon where space_id = $1) as horizon`,
    [query.spaceId],
  );
  const newest = BigInt(state?.newest ?? '0');
  const issued = BigInt(state?.issued ?? '0');
  const resumeRaw = headers['last-event-id'];
  let start = newest;
  let resync = false;
  if (resumeRaw !== undefined) {
    const resume = BigInt(resumeRaw);
    // Too old (pruned) or from another database (ahead of us): the client must reload.
    resync = resume < BigInt(state?.horizon ?? '0') || resume > issued;
    if (!resync) start = resume;
  }

  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // start() runs synchronously here, so the controller exists before anything is written.
  const body = new ReadableStream<Uint8Array>({
    start: (ctl) => void (controller = ctl),
    cancel: () => subscriber?.close(),
  });
  const subscriber = hub.subscribe(v, query.spaceId, start, {
    write: (chunk) => controller.enqueue(encoder.encode(chunk)),
    end: () => controller.close(),
  });
  if (!subscriber) {
    return problemResponse(
      429,
      'too-many-streams',
      `You already have ${hub.maxStreamsPerUser} live event streams open on this server. Close another tab or window of the inbox, or wait ${STREAM_RETRY_AFTER_SECONDS} seconds and try again.`,
      {},
      { 'retry-after': String(STREAM_RETRY_AFTER_SECONDS) },
    );
  }
  controller.enqueue(encoder.encode('retry: 3000\n: connected\n\n'));
  if (resync) {
    const id = newest.toString();
    subscriber.send(id, 'resync', {
      id,
      type: 'resync',
      spaceId: query.spaceId,
      at: new Date().toISOString(),
    });
  }
  hub.wake(query.spaceId);
  c.req.raw.signal.addEventListener('abort', () => subscriber.close(), { once: true });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
};
