import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { logEvents, pruneEvents } from '../../domain/events-log.js';
import {
  api,
  streamPool,
  startServer,
  TOKENS,
  waitFor,
  type Backend,
  type Conversation,
  type ConversationPage,
  type MessageItem,
} from '../helpers.js';

const SPACE = 'sp_retail';

/** Inbound replies, the event log, and per-subscriber SSE delivery. */
export function realtimeSuite(backend: Backend): void {
  describe(`realtime (${backend.name})`, () => {
    let server: RunningServer;
    const streams = streamPool(SPACE);
    const open = (token: string, lastEventId?: string) => streams.open(server, token, lastEventId);

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 60_000 });
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    it('needs a member space and answers text/event-stream', async () => {
      const s = await open(TOKENS.agent);
      assert.equal(s.status, 200);
      assert.match(s.contentType ?? '', /^text\/event-stream/);
      assert.equal(
        (await api(server, '/api/events?spaceId=sp_wholesale', { token: TOKENS.agent })).status,
        403,
      );
    });

    let firstEventId = '';
    let conversationId = '';

    it('makes an Unanswered conversation Active on an inbound reply and streams it', async () => {
      const agentList = await api<ConversationPage>(
        server,
        `/api/conversations?spaceId=${SPACE}&status=unanswered&sort=newest&limit=200`,
        { token: TOKENS.agent },
      );
      const target = agentList.body.items.find((c) => c.teamIds.includes('tm_support'));
      assert.ok(target, 'a seeded unanswered support conversation');
      conversationId = target.id;
      const before = (
        await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: TOKENS.agent })
      ).body;
      const agentStream = await open(TOKENS.agent);
      const adminStream = await open(TOKENS.admin);

      const res = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId, text: 'Yes please, call me back' },
      });
      assert.equal(res.status, 201);
      assert.equal(res.body.kind, 'message');
      assert.equal(res.body.direction, 'in');
      assert.equal(res.body.seq, before.lastSeq + 1);

      const after = (
        await api<Conversation>(server, `/api/conversations/${conversationId}`, { token: TOKENS.agent })
      ).body;
      assert.equal(after.status, 'active');
      assert.equal(after.version, before.version + 1);
      assert.equal(after.lastSeq, before.lastSeq + 2);
      assert.equal(after.unreadCount, before.unreadCount + 1);
      assert.equal(after.lastMessage?.text, 'Yes please, call me back');
      assert.ok(after.waitingSince);
      const top = await api<ConversationPage>(server, `/api/conversations?spaceId=${SPACE}&limit=1`, {
        token: TOKENS.agent,
      });
      assert.equal(top.body.items[0]?.id, conversationId, 'moves to the top of latest');

      const message = await agentStream.next(
        'timeline.item',
        (d) => d.item.id === res.body.id,
        'the message',
      );
      const statusItem = await agentStream.next(
        'timeline.item',
        (d) => d.item.kind === 'event' && d.item.conversationId === conversationId,
        'the status_changed item',
      );
      assert.deepEqual(statusItem.data.item.kind === 'event' && statusItem.data.item.event, {
        type: 'status_changed',
        from: 'unanswered',
        to: 'active',
        reason: 'contact_replied',
        actorId: null,
      });
      assert.equal(statusItem.data.item.seq, before.lastSeq + 2);
      const updated = await agentStream.next(
        'conversation.updated',
        (d) => d.conversation.id === conversationId,
        'conversation.updated',
      );
      assert.equal(updated.data.conversation.status, 'active');
      assert.equal(updated.data.conversation.unreadCount, after.unreadCount);
      assert.equal(updated.data.spaceId, SPACE);
      assert.equal(updated.id, updated.data.id);
      assert.ok(
        Number(message.id) < Number(statusItem.id) && Number(statusItem.id) < Number(updated.id),
        'ids increase',
      );
      await adminStream.next(
        'conversation.updated',
        (d) => d.conversation.id === conversationId,
        'admin update',
      );
      firstEventId = message.id!;
    });

    it('resumes after Last-Event-ID with only the later events', async () => {
      const resumed = await open(TOKENS.agent, firstEventId);
      await resumed.next(
        'conversation.updated',
        (d) => d.conversation.id === conversationId,
        'replayed update',
      );
      assert.ok(
        resumed.events.every((e) => BigInt(e.id!) > BigInt(firstEventId)),
        'nothing at or before Last-Event-ID',
      );
      assert.ok(!resumed.events.some((e) => e.event === 'resync'));
      // …and it goes on live.
      const res = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId, text: 'Still there?' },
      });
      await resumed.next('timeline.item', (d) => d.item.id === res.body.id, 'live item after replay');
      const seen = resumed.events.map((e) => e.id);
      assert.equal(new Set(seen).size, seen.length, 'no event twice');
    });

    it('answers resync for an id from another log or one already pruned', async () => {
      const future = await open(TOKENS.agent, '999999999999');
      const ev = await future.waitFor(() => true, 'first event');
      assert.equal(ev.event, 'resync');
      assert.equal(ev.data.type, 'resync');

      await server.services.db.query("update events set created_at = created_at - interval '2 days'");
      await pruneEvents(server.services.db, 24 * 3600);
      const old = await open(TOKENS.agent, firstEventId);
      assert.equal((await old.waitFor(() => true, 'first event after prune')).event, 'resync');
    });

    it('never streams a note, or a note preview, to an agent without note access', async () => {
      const sales = await api<ConversationPage>(
        server,
        `/api/conversations?spaceId=${SPACE}&teamId=tm_sales&status=active&limit=1`,
        { token: TOKENS.noNotes },
      );
      const target = sales.body.items[0]!;
      const noNotes = await open(TOKENS.noNotes);
      const admin = await open(TOKENS.admin);
      // Written directly, the way the notes route does it: item + events in one transaction.
      await server.services.db.transaction(async (tx) => {
        const [item] = await tx.query<{ id: string }>(
          `insert into timeline_items (conversation_id, seq, kind, text, author_id)
           select id, last_seq + 1, 'note', 'Secret: customer owes us NB-SECRET', 'usr_olivia' from conversations where id = $1 returning id`,
          [target.id],
        );
        await tx.query(
          'update conversations set last_seq = last_seq + 1, version = version + 1 where id = $1',
          [target.id],
        );
        await logEvents(tx, [
          { spaceId: SPACE, type: 'timeline.item', conversationId: target.id, itemId: item!.id },
          { spaceId: SPACE, type: 'conversation.updated', conversationId: target.id },
        ]);
      });
      await admin.next('timeline.item', (d) => d.item.kind === 'note', 'admin gets the note');
      const adminUpdate = await admin.next(
        'conversation.updated',
        (d) => d.conversation.id === target.id,
        'admin update',
      );
      assert.equal(adminUpdate.data.conversation.lastMessage?.kind, 'note');
      const update = await noNotes.next(
        'conversation.updated',
        (d) => d.conversation.id === target.id,
        'no-notes update',
      );
      assert.notEqual(update.data.conversation.lastMessage?.kind, 'note');
      assert.ok(!JSON.stringify(noNotes.events).includes('NB-SECRET'), 'no note text anywhere in the stream');
      assert.ok(noNotes.ofType('timeline.item').every((e) => e.data.item.kind !== 'note'));
    });

    it('does not stream conversations a subscriber cannot see, and says removed when one leaves their sight', async () => {
      const hidden = await api<ConversationPage>(
        server,
        `/api/conversations?spaceId=${SPACE}&teamId=tm_billing&limit=200`,
        {
          token: TOKENS.admin,
        },
      );
      const target = hidden.body.items.find(
        (c) => !c.teamIds.includes('tm_support') && !c.assigneeIds.includes('usr_aiko'),
      )!;
      const agent = await open(TOKENS.agent);
      const admin = await open(TOKENS.admin);
      const res = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: target.id, text: 'billing question' },
      });
      await admin.next('timeline.item', (d) => d.item.id === res.body.id, 'admin item');
      // The agent's stream is ordered: once a later event for a visible conversation arrives, the hidden one was skipped.
      const visible = await api<MessageItem>(server, '/demo/inbound', {
        method: 'POST',
        body: { conversationId, text: 'ping' },
      });
      await agent.next('timeline.item', (d) => d.item.id === visible.body.id, 'agent item');
      assert.ok(!agent.events.some((e) => JSON.stringify(e.data).includes(target.id)));

      // A change that took a visible conversation away (reassignment, a later issue) renders as removed.
      await server.services.db.transaction(async (tx) => {
        await tx.query(
          "delete from conversation_teams where conversation_id = $1 and team_id = 'tm_support'",
          [conversationId],
        );
        await tx.query('delete from conversation_assignees where conversation_id = $1', [conversationId]);
        await logEvents(tx, [
          {
            spaceId: SPACE,
            type: 'conversation.updated',
            conversationId,
            payload: { before: { teamIds: ['tm_support'], assigneeIds: [] } },
          },
        ]);
      });
      const removed = await agent.next('conversation.removed');
      assert.equal(removed.data.conversationId, conversationId);
    });

    it('closes the stream on client disconnect and on server shutdown', async () => {
      const hub = server.services.hub;
      const s = await open(TOKENS.manager);
      await waitFor(() => hub.size > 0, 'subscriber registered');
      const sizeBefore = hub.size;
      await s.close();
      await waitFor(() => hub.size === sizeBefore - 1, 'subscriber removed after disconnect');

      const last = await open(TOKENS.manager);
      await server.close();
      await waitFor(() => last.ended, 'stream ended by shutdown');
      assert.equal(hub.size, 0);
    });
  });
}
