import { randomUUID } from 'node:crypto';
import type { Rule } from '../check.js';

/** A send repeated with its Idempotency-Key (a retry after a lost answer) makes one item, not two. */
export const idempotency: Rule = {
  id: 'idempotency',
  title: 'Idempotency-Key: a replay answers the original; the key with other content is 409',
  async run({ backend, conversations }, check) {
    const first = conversations[0];
    if (!first) return check.skip('the user sees no conversation');
    const path = `/conversations/${first.id}/notes`;
    const key = randomUUID();
    const text = `Conformance check ${key.slice(0, 8)}: a note sent twice.`;
    const once = await backend.call<{ id: string }>('POST', path, {
      body: { text },
      headers: { 'Idempotency-Key': key },
    });
    if (once.status === 403) return check.skip('this user may not write notes (give a token that can)');
    if (!check.answer(once, 'addNote', 201, 'POST …/notes')) return;
    const again = await backend.call<{ id: string }>('POST', path, {
      body: { text },
      headers: { 'Idempotency-Key': key },
    });
    if (check.answer(again, 'addNote', [200, 201], 'POST …/notes again with the same key'))
      check.expect(
        again.body.id === once.body.id,
        'the replay made a second note instead of answering the first',
      );
    const timeline = await backend.call<{ items: { id: string; text?: string }[] }>(
      'GET',
      `/conversations/${first.id}/timeline?limit=50`,
    );
    if (check.answer(timeline, 'getTimeline', 200, 'GET …/timeline'))
      check.expect(
        timeline.body.items.filter((i) => i.text === text).length === 1,
        'the timeline holds the note more than once',
      );
    const reused = await backend.call('POST', path, {
      body: { text: `${text} (changed)` },
      headers: { 'Idempotency-Key': key },
    });
    check.answer(reused, 'addNote', 409, 'POST …/notes with a used key and other text');
    check.answer(
      await backend.call('POST', path, { body: { text } }),
      'addNote',
      400,
      'POST …/notes without Idempotency-Key',
    );
  },
};
