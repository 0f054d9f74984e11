import type { Rule, Versioned } from '../check.js';

/** Changes to shared state name the version they are based on, so nobody overwrites what they never saw. */
export const preconditions: Rule = {
  id: 'if-match',
  title: 'Shared-state changes need If-Match: 428 without it, 412 when stale',
  async run({ backend, conversations }, check) {
    const first = conversations[0];
    if (!first) return check.skip('the user sees no conversation');
    const read = await backend.call<Versioned>('GET', `/conversations/${first.id}`);
    if (!check.answer(read, 'getConversation', 200, 'GET /conversations/{id}')) return;
    const c = read.body;
    const base = `/conversations/${c.id}`;
    const changes: [string, string, unknown][] = [
      ['setConversationStatus', `${base}/status`, { status: c.status }],
      ['setConversationTags', `${base}/tags`, { tagIds: [] }],
      ['setConversationAssignment', `${base}/assignment`, { teamIds: [], assigneeIds: [] }],
    ];
    for (const [operationId, path, body] of changes)
      check.answer(
        await backend.call('PUT', path, { body }),
        operationId,
        428,
        `PUT ${path} without If-Match`,
      );

    const stale = await backend.call('PUT', `${base}/status`, {
      body: { status: c.status === 'closed' ? 'active' : 'closed' },
      headers: { 'If-Match': `"${c.version - 1}"` },
    });
    if (check.answer(stale, 'setConversationStatus', 412, 'PUT …/status with a stale If-Match')) {
      const current = (stale.body as { current?: { version?: unknown } }).current;
      check.expect(
        current?.version === c.version,
        'PUT …/status with a stale If-Match: the problem does not carry the conversation as it is now (`current`)',
      );
    }
    const same = await backend.call<Versioned>('PUT', `${base}/status`, {
      body: { status: c.status },
      headers: { 'If-Match': `"${c.version}"` },
    });
    if (check.answer(same, 'setConversationStatus', 200, 'PUT …/status with the current If-Match')) {
      const etag = same.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '');
      check.expect(
        etag === String(same.body.version),
        'PUT …/status: the ETag is not the conversation’s version',
      );
    }
  },
};
