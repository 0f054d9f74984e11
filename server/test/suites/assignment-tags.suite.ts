import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { components } from '../../../src/api/schema.js';
import {
  api,
  fetchAll,
  startServer,
  streamPool,
  TOKENS,
  type Backend,
  type Conversation,
  type Problem,
  type TimelineItem,
} from '../helpers.js';

type Tag = components['schemas']['Tag'];
type User = components['schemas']['User'];
type Answer = Conversation & Pick<Problem, 'type' | 'detail' | 'errors'> & { current?: Conversation };
const SPACE = 'sp_retail';
const PROBLEM = /^application\/problem\+json/;
const eventOf = (item: TimelineItem) => (item.kind === 'event' ? item.event : null);

/** Assignment and tags of a conversation (If-Match, permissions, badges, live), and creating tags. */
export function assignmentTagsSuite(backend: Backend): void {
  describe(`assignment and tags (${backend.name})`, () => {
    let server: RunningServer;
    let all: Conversation[] = [];
    const taken = new Set<string>();
    const streams = streamPool(SPACE);

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 60_000 });
      all = await fetchAll(server, TOKENS.admin, { spaceId: SPACE }, 200);
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    const pick = (pred: (c: Conversation) => boolean, what: string) => {
      const c = all.find((x) => !taken.has(x.id) && pred(x));
      assert.ok(c, what);
      taken.add(c.id);
      return c;
    };
    const assign = (token: string, id: string, body: object, ifMatch?: string) =>
      api<Answer>(server, `/api/conversations/${id}/assignment`, {
        token,
        method: 'PUT',
        body,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const tag = (token: string, id: string, tagIds: string[], ifMatch?: string) =>
      api<Answer>(server, `/api/conversations/${id}/tags`, {
        token,
        method: 'PUT',
        body: { tagIds },
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const lastEvent = async (id: string, token = TOKENS.admin) => {
      const page = await api<{ items: TimelineItem[] }>(server, `/api/conversations/${id}/timeline`, {
        token,
      });
      return eventOf(page.body.items[page.body.items.length - 1]!);
    };

    it('reassigns with If-Match, says who was added and removed and by whom, and moves it between agents live', async () => {
      // A Support conversation that Aiko sees only through her team, handed over to Sales and Samir.
      const c = pick(
        (x) => x.teamIds.length === 1 && x.teamIds[0] === 'tm_support' && x.assigneeIds.length === 0,
        'a Support-only conversation',
      );
      const aiko = await streams.open(server, TOKENS.agent);
      const samir = await streams.open(server, TOKENS.noNotes);
      const res = await assign(
        TOKENS.manager,
        c.id,
        { teamIds: ['tm_sales'], assigneeIds: ['usr_samir'] },
        `"${c.version}"`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.teamIds, ['tm_sales']);
      assert.deepEqual(res.body.assigneeIds, ['usr_samir']);
      assert.equal(res.body.version, c.version + 1);
      assert.equal(res.headers.get('etag'), `"${c.version + 1}"`);
      assert.deepEqual(await lastEvent(c.id), {
        type: 'assignment_changed',
        teamIds: ['tm_sales'],
        assigneeIds: ['usr_samir'],
        addedTeamIds: ['tm_sales'],
        removedTeamIds: ['tm_support'],
        addedAssigneeIds: ['usr_samir'],
        removedAssigneeIds: [],
        actorId: 'usr_marco',
      });
      const removed = await aiko.next('conversation.removed', (d) => d.conversationId === c.id);
      assert.equal(removed.data.spaceId, SPACE);
      const gained = await samir.next('conversation.created', (d) => d.conversation.id === c.id);
      assert.deepEqual(gained.data.conversation.assigneeIds, ['usr_samir']);
      assert.equal((await api(server, `/api/conversations/${c.id}`, { token: TOKENS.agent })).status, 404);
      // The same assignment again changes nothing.
      const again = await assign(
        TOKENS.manager,
        c.id,
        { teamIds: ['tm_sales'], assigneeIds: ['usr_samir'] },
        `"${c.version + 1}"`,
      );
      assert.equal(again.status, 200);
      assert.equal(again.body.version, c.version + 1);
    });

    it('answers 428 without If-Match and 412 with the conversation as it is now', async () => {
      const c = pick((x) => x.teamIds.includes('tm_support'), 'a Support conversation');
      const missing = await assign(TOKENS.manager, c.id, { teamIds: ['tm_support'], assigneeIds: [] });
      assert.equal(missing.status, 428);
      assert.equal(missing.body.type, 'urn:inbox:problem:precondition-required');
      const first = await assign(
        TOKENS.manager,
        c.id,
        { teamIds: ['tm_support'], assigneeIds: ['usr_aiko'] },
        `"${c.version}"`,
      );
      assert.equal(first.status, 200);
      const stale = await assign(
        TOKENS.admin,
        c.id,
        { teamIds: ['tm_support'], assigneeIds: [] },
        `"${c.version}"`,
      );
      assert.equal(stale.status, 412);
      assert.match(stale.headers.get('content-type') ?? '', PROBLEM);
      assert.match(stale.body.detail, /^Someone changed this conversation after you loaded it/);
      const now = await api<Conversation>(server, `/api/conversations/${c.id}`, { token: TOKENS.admin });
      assert.deepEqual(stale.body.current, now.body);
      assert.deepEqual(stale.body.current?.assigneeIds, ['usr_aiko']);
      assert.equal(stale.headers.get('etag'), `"${c.version + 1}"`);
      const staleTags = await tag(TOKENS.agent, c.id, ['tag_vip'], `"${c.version}"`);
      assert.equal(staleTags.status, 412);
      assert.equal(staleTags.body.current?.sender, undefined, 'an agent’s `current` has no sender');
    });

    it('checks teams of the space, assignees of those teams, and who may assign', async () => {
      const c = pick(
        (x) => x.teamIds.includes('tm_sales') && !x.teamIds.includes('tm_billing'),
        'a Sales conversation',
      );
      const v = `"${c.version}"`;
      const foreign = await assign(TOKENS.admin, c.id, { teamIds: ['tm_partners'], assigneeIds: [] }, v);
      assert.equal(foreign.status, 400);
      assert.deepEqual(foreign.body.errors, [
        { path: 'body.teamIds[0]', message: 'is not a team of this space' },
      ]);
      assert.equal(foreign.body.detail, 'Team tm_partners is not a team of this space.');
      const outsider = await assign(
        TOKENS.admin,
        c.id,
        { teamIds: ['tm_sales'], assigneeIds: ['usr_joao', 'usr_aiko'] },
        v,
      );
      assert.equal(outsider.status, 400);
      assert.deepEqual(outsider.body.errors, [
        { path: 'body.assigneeIds[1]', message: 'is not a member of the assigned teams' },
      ]);
      assert.match(outsider.body.detail, /^Aiko Tanaka is not in any of the assigned teams/);
      const noAccess = await assign(
        TOKENS.admin,
        c.id,
        { teamIds: ['tm_support'], assigneeIds: ['usr_nadia'] },
        v,
      );
      assert.equal(noAccess.status, 400, 'a member without the inbox cannot be assigned');
      for (const token of [TOKENS.agent, TOKENS.noNotes, TOKENS.agent2, TOKENS.twoSpaces]) {
        const res = await assign(token, c.id, { teamIds: ['tm_sales'], assigneeIds: [] }, v);
        assert.equal(res.status, 403, token);
        assert.match(res.body.detail, /may not assign conversations/);
      }
      const notHis = await assign(
        TOKENS.manager,
        c.id,
        { teamIds: ['tm_sales', 'tm_billing'], assigneeIds: [] },
        v,
      );
      assert.equal(notHis.status, 403);
      assert.match(notHis.body.detail, /only teams you belong to, and Billing isn't among them/);
      const admin = await assign(
        TOKENS.admin,
        c.id,
        { teamIds: ['tm_sales', 'tm_billing'], assigneeIds: ['usr_lena'] },
        v,
      );
      assert.equal(admin.status, 200, 'admins assign any team of the space');
      assert.equal(
        (await assign(TOKENS.admin, 'cv_nope', { teamIds: [], assigneeIds: [] }, '"1"')).status,
        404,
      );
    });

    it('counts each user’s open conversations in the space', async () => {
      const users = await api<User[]>(server, `/api/users?spaceId=${SPACE}`, { token: TOKENS.agent });
      const rows = await server.services.db.query<{ user_id: string; n: number }>(
        `select a.user_id, count(*)::int as n from conversation_assignees a join conversations c on c.id = a.conversation_id
         where c.space_id = $1 and c.status <> 'closed' group by a.user_id`,
        [SPACE],
      );
      for (const u of users.body)
        assert.equal(u.openConversations, Number(rows.find((r) => r.user_id === u.id)?.n ?? 0), u.name);
      assert.ok(users.body.some((u) => (u.openConversations ?? 0) > 0));
      assert.ok(
        !users.body.some((u) => u.id === 'usr_nadia' || u.id === 'usr_tomas'),
        'only users with the inbox',
      );
    });

    it('replaces tags with If-Match, with a badge of what was added and removed, live', async () => {
      const c = pick((x) => x.teamIds.includes('tm_support') && x.tagIds.length === 0, 'untagged Support');
      const manager = await streams.open(server, TOKENS.manager);
      const res = await tag(TOKENS.agent, c.id, ['tag_vip', 'tag_order'], `"${c.version}"`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.tagIds, ['tag_order', 'tag_vip']);
      assert.deepEqual(await lastEvent(c.id), {
        type: 'tags_changed',
        added: ['tag_order', 'tag_vip'],
        removed: [],
        actorId: 'usr_aiko',
      });
      const update = await manager.next('conversation.updated', (d) => d.conversation.id === c.id);
      assert.deepEqual(update.data.conversation.tagIds, ['tag_order', 'tag_vip']);
      const next = await tag(TOKENS.agent, c.id, ['tag_vip', 'tag_refund'], `"${res.body.version}"`);
      assert.deepEqual(await lastEvent(c.id), {
        type: 'tags_changed',
        added: ['tag_refund'],
        removed: ['tag_order'],
        actorId: 'usr_aiko',
      });
      const same = await tag(TOKENS.agent, c.id, ['tag_refund', 'tag_vip'], `"${next.body.version}"`);
      assert.equal(same.body.version, next.body.version, 'the same set is no change');
      const foreign = await tag(TOKENS.agent, c.id, ['tag_bulk'], `"${next.body.version}"`);
      assert.equal(foreign.status, 400);
      assert.deepEqual(foreign.body.errors, [
        { path: 'body.tagIds[0]', message: 'is not a tag of this space' },
      ]);
      const missing = await tag(TOKENS.agent, c.id, []);
      assert.equal(missing.status, 428);
    });

    it('creates tags for those who manage them: unique per space ignoring case, a default colour, live', async () => {
      const agent = await streams.open(server, TOKENS.agent);
      const create = (token: string, body: object) =>
        api<Tag & Problem<Tag>>(server, '/api/tags', {
          token,
          method: 'POST',
          body: { spaceId: SPACE, ...body },
        });
      const res = await create(TOKENS.manager, { name: '  Callback   requested ' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.name, 'Callback requested');
      assert.match(res.body.color, /^#[0-9a-f]{6}$/);
      const live = await agent.next('tag.changed', (d) => d.tag.id === res.body.id);
      assert.equal(live.data.tag.name, 'Callback requested');
      const coloured = await create(TOKENS.admin, { name: 'Wholesale lead', color: '#123456' });
      assert.equal(coloured.body.color, '#123456');
      const dupe = await create(TOKENS.admin, { name: 'CALLBACK REQUESTED' });
      assert.equal(dupe.status, 409);
      assert.equal(dupe.body.type, 'urn:inbox:problem:tag-exists');
      assert.deepEqual(dupe.body.current, res.body);
      assert.equal((await create(TOKENS.admin, { name: 'vip' })).status, 409, 'a seeded tag, other case');
      const elsewhere = await api<Tag>(server, '/api/tags', {
        token: TOKENS.admin,
        method: 'POST',
        body: { spaceId: 'sp_wholesale', name: 'Callback requested' },
      });
      assert.equal(elsewhere.status, 201, 'another space may have the same name');
      for (const token of [TOKENS.agent, TOKENS.noNotes, TOKENS.agent2]) {
        const refused = await create(token, { name: `By ${token}` });
        assert.equal(refused.status, 403);
        assert.match(refused.body.detail, /may not create tags/);
      }
      const blank = await create(TOKENS.admin, { name: '   ' });
      assert.equal(blank.status, 400);
      assert.equal(blank.body.errors?.[0]?.path, 'body.name');
      const badColour = await create(TOKENS.admin, { name: 'Blue', color: 'blue' });
      assert.equal(badColour.status, 400);
      assert.equal(badColour.body.detail, 'The colour must be a colour like #1a2b3c.');
    });
  });
}
