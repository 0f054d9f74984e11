import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { viewerByToken } from '../../domain/users.js';
import { EventHub } from '../../realtime/hub.js';
import { countingDb, observedDb } from '../counting-db.js';
import {
  api,
  startServer,
  TOKENS,
  waitFor,
  type Backend,
  type ConversationPage,
  type MessageItem,
} from '../helpers.js';

const SPACE = 'sp_retail';
const USERS = [TOKENS.agent, TOKENS.admin, TOKENS.noNotes];

interface Work {
  queries: number;
  reads: number;
  renders: number;
  writes: number;
  frames: string[][];
}

/** Fan-out of live events: the database work per event does not grow with the number of streams. */
export function fanoutSuite(backend: Backend): void {
  describe(`event fan-out (${backend.name})`, () => {
    let server: RunningServer;
    let conversationId: string;

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 600_000 });
      const list = await api<ConversationPage>(server, `/api/conversations?spaceId=${SPACE}&limit=1`, {
        token: TOKENS.agent,
      });
      conversationId = list.body.items[0]!.id;
    });
    after(async () => {
      await server?.close();
    });

    /** One inbound message, delivered to `perUser` streams of each of three users through a hub of our own. */
    async function deliverOne(perUser: number): Promise<Work> {
      const { db, links } = server.services;
      const counting = countingDb(db);
      const hub = new EventHub(counting.db, links, { keepAliveMs: 600_000, maxStreamsPerUser: 1000 });
      await hub.start();
      try {
        const [newest] = await db.query<{ id: string }>(
          'select coalesce(max(id), 0)::text as id from events',
        );
        const frames: string[][] = [];
        for (const token of USERS) {
          const viewer = (await viewerByToken(db, token))!;
          for (let i = 0; i < perUser; i++) {
            const chunks: string[] = [];
            frames.push(chunks);
            hub.subscribe(viewer, SPACE, BigInt(newest!.id), { write: (c) => chunks.push(c), end() {} });
          }
        }
        hub.wake(SPACE);
        await hub.idle(SPACE);
        counting.reset();
        const before = { ...hub.stats };

        const res = await api<MessageItem>(server, '/demo/inbound', {
          method: 'POST',
          body: { conversationId, text: `fan-out to ${perUser} streams a user` },
        });
        assert.equal(res.status, 201);
        const updated = (chunks: string[]) =>
          chunks.some(
            (c) =>
              c.startsWith('id:') && c.includes('event: conversation.updated') && c.includes(conversationId),
          );
        await waitFor(
          () => frames.every((chunks) => chunks.some((c) => c.includes(res.body.id)) && updated(chunks)),
          'every stream has the message and the update',
        );
        await hub.idle(SPACE);
        return {
          queries: counting.queries,
          reads: hub.stats.reads - before.reads,
          renders: hub.stats.renders - before.renders,
          writes: hub.stats.writes - before.writes,
          frames,
        };
      } finally {
        await hub.close();
      }
    }

    it('reads the log once and renders once per audience, however many streams a user holds', async () => {
      // The first reply makes the conversation Active (one more event); then both runs see the same events.
      await deliverOne(1);
      const one = await deliverOne(1);
      const many = await deliverOne(40);
      assert.equal(many.queries, one.queries, 'the same database work for 40 streams a user as for 1');
      assert.equal(many.reads, one.reads);
      assert.equal(many.renders, one.renders, 'rendered once per audience, not per stream');
      assert.equal(many.writes, 40 * one.writes, 'yet every stream gets every frame');
      assert.ok(one.queries <= 8, `a handful of queries per event batch, not ${one.queries}`);
      // Three users, at most three versions of an event; the streams of one user get identical bytes.
      assert.ok(one.renders <= 3 * 3, `${one.renders} renders for 3 events and 3 users`);
      for (let u = 0; u < USERS.length; u++) {
        const mine = many.frames.slice(u * 40, (u + 1) * 40);
        for (const chunks of mine) assert.deepEqual(chunks, mine[0]);
      }
    });

    it('keeps and serves a stream that opens while a round is asking who is subscribed', async () => {
      const { db, links } = server.services;
      // The first read of the subscribers' users waits until the second stream has opened.
      let reading!: () => void;
      const read = new Promise<void>((resolve) => (reading = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held = false;
      const gated = observedDb(db, async (sql) => {
        if (!held && sql.includes('from users u')) {
          held = true;
          reading();
          await released;
        }
      });
      const hub = new EventHub(gated, links, { keepAliveMs: 600_000, maxStreamsPerUser: 10 });
      await hub.start();
      try {
        const [newest] = await db.query<{ id: string }>(
          'select coalesce(max(id), 0)::text as id from events',
        );
        const streams = [TOKENS.agent, TOKENS.admin].map(() => ({ chunks: [] as string[], ended: false }));
        const open = async (token: string, i: number) => {
          const viewer = (await viewerByToken(db, token))!;
          const stream = streams[i]!;
          hub.subscribe(viewer, SPACE, BigInt(newest!.id), {
            write: (c) => stream.chunks.push(c),
            end: () => void (stream.ended = true),
          });
          hub.wake(SPACE);
        };
        await open(TOKENS.agent, 0);
        await read;
        await open(TOKENS.admin, 1);
        release();
        await hub.idle(SPACE);
        assert.deepEqual(
          streams.map((stream) => stream.ended),
          [false, false],
          'neither stream was ended',
        );
        const res = await api<MessageItem>(server, '/demo/inbound', {
          method: 'POST',
          body: { conversationId, text: 'to a stream that opened mid-round' },
        });
        assert.equal(res.status, 201);
        await waitFor(
          () => streams.every((stream) => stream.chunks.some((c) => c.includes(res.body.id))),
          'both streams have the message',
        );
      } finally {
        await hub.close();
      }
    });
  });
}
