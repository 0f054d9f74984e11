import { randomUUID } from 'node:crypto';
import { openEvents } from '../events.js';
import type { Rule } from '../check.js';

/** Internal notes reach only users who may read them: not through the timeline, previews, search or events. */
export const noteVisibility: Rule = {
  id: 'note-visibility',
  title: 'A user without the notes capability never sees a note, anywhere',
  async run({ backend, noNotes, spaceId }, check) {
    if (!noNotes) return check.skip('give --no-notes-token (a user of the same space without notes)');
    const theirs = await noNotes.call<{ items: { id: string }[] }>(
      'GET',
      `/conversations?spaceId=${encodeURIComponent(spaceId)}&limit=5`,
    );
    if (!check.answer(theirs, 'listConversations', 200, 'GET /conversations as the no-notes user')) return;
    const conversation = theirs.body.items[0];
    if (!conversation) return check.skip('the no-notes user sees no conversation');

    const word = `conformance${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const text = `Internal: ${word} — only for colleagues who read notes.`;
    const watching = await openEvents(noNotes, spaceId);
    const writer = await openEvents(backend, spaceId);
    try {
      const added = await backend.call('POST', `/conversations/${conversation.id}/notes`, {
        body: { text },
        headers: { 'Idempotency-Key': randomUUID() },
      });
      if (added.status === 403) return check.skip('the main user may not write notes');
      if (!check.answer(added, 'addNote', 201, 'POST …/notes')) return;
      // Once a reader's stream has the note, the no-notes stream has had its chance to leak it.
      const seen = await writer.next((e) => JSON.stringify(e.data).includes(word), 10_000);
      check.expect(seen !== undefined, 'the note’s event never reached a user who reads notes');
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const leaks = (what: string, body: unknown) =>
        check.expect(!JSON.stringify(body).includes(word), `the note leaks through ${what}`);
      const timeline = await noNotes.call<{ items: { kind: string }[] }>(
        'GET',
        `/conversations/${conversation.id}/timeline?limit=50`,
      );
      if (check.answer(timeline, 'getTimeline', 200, 'GET …/timeline as the no-notes user')) {
        leaks('the timeline', timeline.body);
        check.expect(!timeline.body.items.some((i) => i.kind === 'note'), 'the timeline holds notes');
      }
      leaks(
        'the conversation (its preview)',
        (await noNotes.call('GET', `/conversations/${conversation.id}`)).body,
      );
      const search = await noNotes.call(
        'GET',
        `/conversations?spaceId=${encodeURIComponent(spaceId)}&q=${encodeURIComponent(word)}`,
      );
      if (check.answer(search, 'listConversations', 200, 'searching for the note’s words'))
        leaks('search', search.body);
      leaks('the event stream', watching.events);
    } finally {
      watching.close();
      writer.close();
    }
  },
};
