import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, openStream, startServer, type MessageItem } from './helpers.js';
import { logEvents } from '../domain/events-log.js';
import { describeOnPostgres } from './postgres-harness.js';
import { crashSuite } from './suites/crash.suite.js';
import { dispatchSuite } from './suites/dispatch.suite.js';
import { fanoutSuite } from './suites/fanout.suite.js';
import { multiProcessSuite } from './suites/multi-process.suite.js';
import { sendingSuite } from './suites/sending.suite.js';

/** Sending, dispatch and event fan-out on a real Postgres, with LISTEN/NOTIFY across server instances. */
describeOnPostgres('real Postgres: delivery', (backend) => {
  sendingSuite(backend);
  dispatchSuite(backend);
  fanoutSuite(backend);
  crashSuite(backend);
  multiProcessSuite(backend);

  describe('a stream opening while events commit', () => {
    // Only real Postgres commits two spaces' transactions concurrently (PGlite runs one at a time).
    it("starts after its own space's newest event, so one still committing in it is not skipped", async () => {
      const server = await startServer(await backend.newStore(), { keepAliveMs: 600_000 });
      const { db } = server.services;
      const tag = (name: string) => ({ id: `tag_${name}`, name, color: 'slate' });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let logged!: () => void;
      const inFlight = new Promise<void>((resolve) => (logged = resolve));
      try {
        // Retail's event takes its id, then waits; wholesale's takes a later id and commits first.
        const retail = db.transaction(async (tx) => {
          await logEvents(tx, [{ spaceId: 'sp_retail', type: 'tag.changed', payload: { tag: tag('slow') } }]);
          logged();
          await released;
        });
        await inFlight;
        await db.transaction((tx) =>
          logEvents(tx, [{ spaceId: 'sp_wholesale', type: 'tag.changed', payload: { tag: tag('fast') } }]),
        );
        const stream = await openStream(server, 'sp_retail', 'demo-admin-token');
        release();
        await retail;
        await stream.next('tag.changed', (d) => d.tag.name === 'slow', "retail's own event");
        await stream.close();
      } finally {
        release();
        await server.close();
      }
    });
  });

  describe('two server instances on one database', () => {
    it('fans an inbound reply on instance A out to an SSE client on instance B', async () => {
      const store = await backend.newStore();
      const a = await startServer(store);
      const b = await startServer(store);
      try {
        assert.equal(a.seeded, true);
        assert.equal(b.seeded, false);
        const stream = await openStream(b, 'sp_retail', 'demo-admin-token');
        const res = await api<MessageItem>(a, '/demo/inbound', {
          method: 'POST',
          body: { conversationId: 'cv_0002', text: 'from instance A' },
        });
        assert.equal(res.status, 201);
        const item = await stream.next('timeline.item', (d) => d.item.id === res.body.id, 'item on B');
        assert.equal(item.data.item.kind === 'message' && item.data.item.text, 'from instance A');
        await stream.next('conversation.updated', (d) => d.conversation.id === 'cv_0002', 'update on B');
        await stream.close();
      } finally {
        await b.close();
        await a.close();
      }
    });
  });
});
