import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RunningServer } from '../../app.js';
import {
  api,
  openStream,
  TOKENS,
  type ConversationPage,
  type Problem,
  type TimelineItem,
} from '../helpers.js';

const SPACE = 'sp_retail';

/** What no status code shows: notes and sender addresses kept out of answers that are allowed. */
export function authorizationLeaksSuite(server: () => RunningServer): void {
  const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    server().services.db.query<T>(sql, params);

  it('never lets a note reach a no-notes user: timeline, previews, search, counts, events', async () => {
    const s = server();
    // A conversation of Samir's team (Sales), so he sees everything in it but its notes.
    const [conv] = await q<{ id: string }>(
      `select c.id from conversations c join conversation_teams t on t.conversation_id = c.id
       where c.space_id = $1 and t.team_id = 'tm_sales' order by c.id limit 1`,
      [SPACE],
    );
    const cv = `/api/conversations/${conv!.id}`;
    const secret = `matrix-note-${Date.now()}`;
    const countsBefore = await api(s, `/api/conversations/counts?spaceId=${SPACE}`, {
      token: TOKENS.noNotes,
    });
    const stream = await openStream(s, SPACE, TOKENS.noNotes);
    const watcher = await openStream(s, SPACE, TOKENS.agent2);
    try {
      const note = await api(s, `${cv}/notes`, {
        token: TOKENS.admin,
        method: 'POST',
        body: { text: secret },
        headers: { 'idempotency-key': `${secret}-n` },
      });
      assert.equal(note.status, 201);
      // A reader with notes gets it; then a plain message fences the stream of the one without.
      await watcher.next('timeline.item', (d) => d.item.kind === 'note', 'the note, to a reader of notes');
      // While the note is the newest item of the conversation, Samir's preview is not the note.
      const list = await api<ConversationPage>(s, `/api/conversations?spaceId=${SPACE}&limit=200`, {
        token: TOKENS.noNotes,
      });
      assert.ok(!JSON.stringify(list.body).includes(secret));
      const one = await api(s, cv, { token: TOKENS.noNotes });
      assert.ok(!JSON.stringify(one.body).includes(secret));

      const fence = await api<{ id: string }>(s, '/demo/inbound', {
        method: 'POST',
        body: { conversationId: conv!.id, text: 'after the note' },
      });
      await stream.next('timeline.item', (d) => d.item.id === fence.body.id, 'the message after the note');
      assert.ok(!JSON.stringify(stream.events).includes(secret), 'no event carries the note');
      assert.ok(!stream.events.some((e) => e.data.type === 'timeline.item' && e.data.item.kind === 'note'));

      const timeline = await api<{ items: TimelineItem[] }>(s, `${cv}/timeline`, { token: TOKENS.noNotes });
      assert.ok(!timeline.body.items.some((i) => i.kind === 'note'));
      assert.ok(!JSON.stringify(timeline.body).includes(secret));

      const found = (token: string) =>
        api<ConversationPage>(s, `/api/conversations?spaceId=${SPACE}&q=${secret}`, { token });
      assert.equal((await found(TOKENS.admin)).body.items.length, 1, 'search finds the note for a reader');
      assert.equal((await found(TOKENS.noNotes)).body.items.length, 0, 'search ignores notes without access');

      const countsAfter = await api(s, `/api/conversations/counts?spaceId=${SPACE}`, {
        token: TOKENS.noNotes,
      });
      assert.equal(countsAfter.status, 200);
      assert.ok(!JSON.stringify(countsAfter.body).includes(secret));
      assert.equal(countsBefore.status, 200);
    } finally {
      await stream.close();
      await watcher.close();
    }
  });

  it('hides a conversation of a team a manager is not in, on every conversation route', async () => {
    const s = server();
    const [billingOnly] = await q<{ id: string }>(
      `select c.id from conversations c where c.space_id = $1
         and not exists (select 1 from conversation_teams t where t.conversation_id = c.id and t.team_id <> 'tm_billing')
         and not exists (select 1 from conversation_assignees a where a.conversation_id = c.id and a.user_id = 'usr_marco')
       order by c.id limit 1`,
      [SPACE],
    );
    const cv = `/api/conversations/${billingOnly!.id}`;
    for (const [method, path, body] of [
      ['GET', cv, undefined],
      ['GET', `${cv}/timeline`, undefined],
      ['PUT', `${cv}/read`, { seq: 0 }],
      ['PUT', `${cv}/presence`, { state: 'viewing' }],
      ['POST', `${cv}/notes`, { text: 'not my team' }],
    ] as const) {
      const res = await api<Problem>(s, path, {
        token: TOKENS.manager,
        method,
        body,
        headers: { 'idempotency-key': `manager-${method}-${path.length}` },
      });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(res.body.detail, /\.$/);
    }
  });

  it('sends no sender objects or sender addresses to agents, and sends them to managers', async () => {
    const s = server();
    const addresses = (await q<{ address: string }>('select address from senders')).map((r) => r.address);
    const paths = [`/api/conversations?spaceId=${SPACE}&limit=50`, `/api/sender-profiles?spaceId=${SPACE}`];
    for (const token of [TOKENS.agent, TOKENS.agent2, TOKENS.noNotes, TOKENS.twoSpaces]) {
      for (const path of paths) {
        const text = JSON.stringify((await api(s, path, { token })).body);
        assert.ok(!/"senders?":/.test(text), `${path}: no sender objects`);
        assert.ok(!addresses.some((a) => text.includes(a)), `${path}: no sender address`);
      }
    }
    const managerView = JSON.stringify((await api(s, paths[1]!, { token: TOKENS.manager })).body);
    assert.ok(
      addresses.some((a) => managerView.includes(a)),
      'the manager sees sender addresses',
    );
  });
}
