import type { Rule, Versioned } from '../check.js';

/** Unanswered means nobody has answered yet: once answered or closed, nothing goes back to it. */
export const statusMachine: Rule = {
  id: 'status-machine',
  title: 'No conversation ever goes back to Unanswered (409)',
  async run({ backend, conversations }, check) {
    const answered = conversations.find((c) => c.status !== 'unanswered');
    if (!answered) return check.skip('every conversation the user sees is Unanswered');
    const read = await backend.call<Versioned>('GET', `/conversations/${answered.id}`);
    if (!check.answer(read, 'getConversation', 200, 'GET /conversations/{id}')) return;
    const back = await backend.call('PUT', `/conversations/${answered.id}/status`, {
      body: { status: 'unanswered' },
      headers: { 'If-Match': `"${read.body.version}"` },
    });
    check.answer(
      back,
      'setConversationStatus',
      409,
      `PUT …/status back to unanswered from ${read.body.status}`,
    );
    const after = await backend.call<Versioned>('GET', `/conversations/${answered.id}`);
    if (check.answer(after, 'getConversation', 200, 'GET /conversations/{id} afterwards'))
      check.expect(
        after.body.status === read.body.status && after.body.version === read.body.version,
        `the refused move changed the conversation (now ${after.body.status}, version ${after.body.version})`,
      );
  },
};
