import type { Rule } from '../check.js';

/** Every route of the API refuses a request without a token, or with a token it never issued. */
export const auth: Rule = {
  id: 'auth',
  title: 'Every route needs a valid bearer token (401 otherwise)',
  async run({ backend, contract, spaceId }, check) {
    for (const op of contract.apiOperations().filter((o) => o.secured)) {
      const path = `${op.path.replace(/\{[^}]+\}/g, 'conformance-unknown')}?spaceId=${encodeURIComponent(spaceId)}`;
      const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
      for (const [token, how] of [
        [null, 'without a token'],
        ['conformance-not-a-token', 'with a token the backend never issued'],
      ] as const) {
        const answer = await backend.call(op.method, path, { token, body });
        if (
          check.expect(
            answer.status === 401,
            `${op.method} ${op.path} ${how} answered ${answer.status}, not 401`,
          )
        )
          check.problem(answer, `${op.method} ${op.path} ${how}`);
      }
    }
  },
};
