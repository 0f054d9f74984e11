import { randomUUID } from 'node:crypto';
import { openEvents, type StreamedEvent } from '../events.js';
import type { Rule } from '../check.js';

/** A dropped connection resumes where it left off; an id the log cannot resume from says `resync`. */
export const eventsResume: Rule = {
  id: 'events-resume',
  title: 'Events are typed SSE; Last-Event-ID resumes after it; an unknown id answers resync',
  async run({ backend, spaceId, conversations, contract }, check) {
    const first = conversations[0];
    if (!first) return check.skip('the user sees no conversation');
    const note = (label: string) =>
      backend.call('POST', `/conversations/${first.id}/notes`, {
        body: { text: `Conformance ${label} ${randomUUID().slice(0, 8)}` },
        headers: { 'Idempotency-Key': randomUUID() },
      });
    const mentions = (text: string) => (e: StreamedEvent) => JSON.stringify(e.data).includes(text);

    const live = await openEvents(backend, spaceId);
    let a: StreamedEvent | undefined;
    let b: StreamedEvent | undefined;
    let bText: string | undefined;
    try {
      if (!check.expect(live.status === 200, `GET /events answered ${live.status}`)) return;
      check.expect(
        live.contentType.startsWith('text/event-stream'),
        `GET /events is ${live.contentType}, not text/event-stream`,
      );
      const sentA = await note('A');
      if (sentA.status === 403)
        return check.skip('this user may not write notes (the rule uses notes to make events)');
      const sentB = await note('B');
      const aText = (sentA.body as { text?: string }).text ?? '';
      bText = (sentB.body as { text?: string }).text ?? '';
      a = await live.next(mentions(aText));
      b = await live.next(mentions(bText));
      if (!check.expect(a !== undefined && b !== undefined, 'the notes’ events never arrived on the stream'))
        return;
      for (const e of live.events) {
        const data = e.data as { id?: unknown; type?: unknown };
        const errors = contract.checkSchema('InboxEvent', e.data);
        check.expect(
          errors.length === 0,
          `an event does not match InboxEvent: ${errors.slice(0, 2).join('; ')}`,
        );
        check.expect(
          e.event === data.type && e.id === data.id,
          `event ${e.id}: its SSE id/event differ from its data`,
        );
      }
    } finally {
      live.close();
    }

    const resumed = await openEvents(backend, spaceId, a!.id);
    try {
      const replayed = await resumed.next(mentions(bText));
      check.expect(replayed !== undefined, 'resuming with Last-Event-ID did not replay the event after it');
      check.expect(
        !resumed.events.some((e) => e.id === a!.id),
        'resuming replayed the Last-Event-ID event itself',
      );
    } finally {
      resumed.close();
    }

    const unknown = await openEvents(backend, spaceId, '999999999999999999');
    try {
      const firstEvent = await unknown.next(() => true);
      check.expect(
        firstEvent?.event === 'resync',
        `a Last-Event-ID the log never issued was answered with ${firstEvent?.event ?? 'nothing'}, not resync`,
      );
    } finally {
      unknown.close();
    }
  },
};
