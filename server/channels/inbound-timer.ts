import type { Db } from '../db/db.js';
import { receiveInbound } from '../domain/inbound.js';
import { createRandom } from '../seed/prng.js';
import { REPLIES_IN } from '../seed/texts.js';

/**
 * For the demo: every 20–40 s (scaled by intervalMs) a contact of a random open conversation
 * replies, so the inbox moves while someone looks at it. 0 disables it (tests).
 */
export function startInboundTimer(db: Db, intervalMs: number, log: (line: string) => void): () => void {
  if (intervalMs <= 0) return () => {};
  const r = createRandom(Date.now() & 0xffff);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, Math.round(intervalMs * (0.67 + r.next() * 0.66)));
    timer.unref();
  };
  const tick = async () => {
    try {
      const rows = await db.query<{ id: string }>(
        `select id from conversations where status <> 'closed' order by last_activity_at desc limit 60`,
      );
      if (rows.length > 0 && !stopped) {
        const id = r.pick(rows).id;
        await receiveInbound(db, id, r.pick(REPLIES_IN));
        log(`simulator: inbound reply in ${id}`);
      }
    } catch (err) {
      if (!stopped) log(`simulator: inbound failed: ${String(err)}`);
    }
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
