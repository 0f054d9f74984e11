import type { Rule } from '../check.js';

/** Refusals are RFC 9457 problems a person can read, with the bad fields named. */
export const problems: Rule = {
  id: 'problem-details',
  title: 'Errors are application/problem+json with a readable detail',
  async run({ backend, spaceId }, check) {
    const s = encodeURIComponent(spaceId);
    const outOfRange = await backend.call('GET', `/conversations?spaceId=${s}&limit=0`);
    if (check.answer(outOfRange, 'listConversations', 400, 'GET /conversations with limit=0')) {
      const errors = (outOfRange.body as { errors?: { path?: string }[] }).errors ?? [];
      check.expect(
        errors.some((e) => e.path?.includes('limit')),
        'GET /conversations with limit=0: `errors` does not name the limit',
      );
    }
    check.answer(
      await backend.call('GET', '/conversations/conformance-unknown'),
      'getConversation',
      404,
      'GET /conversations/{an id that does not exist}',
    );
    check.answer(
      await backend.call('GET', `/conversations?spaceId=${s}&status=nonsense`),
      'listConversations',
      400,
      'GET /conversations with an unknown status',
    );
  },
};
