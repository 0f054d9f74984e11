import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, startServer, TOKENS, type Backend, type Conversation } from '../helpers.js';

/** A second start on the same data keeps it: migrations are recorded and the seed runs once. */
export function persistenceSuite(backend: Backend): void {
  describe(`persistence (${backend.name})`, () => {
    it('keeps data across a restart and does not seed again', async () => {
      const store = await backend.newStore({ persistent: true });
      const first = await startServer(store);
      assert.equal(first.seeded, true);
      const res = await api(first, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: 'cv_0001', text: 'survives a restart' },
      });
      assert.equal(res.status, 201);
      const counts = (
        await api(first, '/api/conversations/counts?spaceId=sp_retail', { token: TOKENS.admin })
      ).body;
      await first.close();

      const second = await startServer(store);
      try {
        assert.equal(second.seeded, false);
        const conv = await api<Conversation>(second, '/api/conversations/cv_0001', { token: TOKENS.admin });
        assert.equal(conv.body.lastMessage?.text, 'survives a restart');
        assert.deepEqual(
          (await api(second, '/api/conversations/counts?spaceId=sp_retail', { token: TOKENS.admin })).body,
          counts,
        );
        const [{ n }] = (await second.services.db.query<{ n: number }>(
          'select count(*)::int as n from tenants',
        )) as [{ n: number }];
        assert.equal(n, 2, 'the demo tenant and the half-onboarded one, seeded once');
      } finally {
        await second.close();
      }
    });
  });
}
