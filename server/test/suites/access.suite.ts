import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { loadContract } from '../../contract/openapi.js';
import type { components } from '../../../src/api/schema.js';
import { api, startServer, TOKENS, type Backend, type Problem } from '../helpers.js';
import { newKey } from '../sending-helpers.js';

type Schemas = components['schemas'];
type Me = Schemas['Me'];
type InboxAccess = Schemas['InboxAccess'];
type Onboarding = Schemas['Onboarding'];
type Team = Schemas['Team'];

/** Inbox access (request, approve, the 403 everywhere else) and onboarding (who, done, skip). */
export function accessSuite(backend: Backend): void {
  describe(`inbox access and onboarding (${backend.name})`, () => {
    let server: RunningServer;

    before(async () => {
      server = await startServer(await backend.newStore());
    });
    after(() => server?.close());

    const access = (token: string, method = 'GET') =>
      api<InboxAccess & Problem>(server, '/api/inbox-access', { token, method });
    const onboarding = (token: string) => api<Onboarding & Problem>(server, '/api/onboarding', { token });
    const skip = (token: string, step: string) =>
      api<Onboarding & Problem>(server, `/api/onboarding/steps/${step}/skip`, { token, method: 'POST' });
    const states = (o: Onboarding) => Object.fromEntries(o.steps.map((s) => [s.id, s.state]));

    it('answers /me for a user without the inbox: no spaces, no capabilities, the access state', async () => {
      const me = await api<Me>(server, '/api/me', { token: TOKENS.noAccess });
      assert.equal(me.status, 200);
      assert.equal(me.body.inboxAccess, 'none');
      assert.deepEqual(me.body.spaces, []);
      assert.ok(Object.values(me.body.capabilities).every((v) => v === false));
      assert.equal(me.body.user.name, 'Nadia Karim');
      assert.equal(me.body.tenant.name, 'Northwind Trading');
      assert.equal(me.body.tenant.timeZone, 'Europe/London');
      assert.equal(
        (await api<Me>(server, '/api/me', { token: TOKENS.requested })).body.inboxAccess,
        'requested',
      );
      assert.equal((await api<Me>(server, '/api/me', { token: TOKENS.agent })).body.inboxAccess, 'granted');
    });

    it('answers 403 inbox-access-required on every other operation, the event stream included', async () => {
      const open = new Set(['getMe', 'getInboxAccess', 'requestInboxAccess']);
      const ops = loadContract().operations.filter((o) => o.secured && !open.has(o.operationId));
      assert.ok(ops.length >= 30);
      for (const op of ops) {
        const path = op.fullPath.replace(/\{[^}]+\}/g, 'x1');
        const res = await api<Problem>(server, path, { token: TOKENS.noAccess, method: op.method });
        assert.equal(res.status, 403, `${op.method} ${path}`);
        assert.equal(res.body.type, 'urn:inbox:problem:inbox-access-required', op.operationId);
        assert.equal(res.body.detail, "Your account doesn't have the Inbox yet. Request access first.");
      }
      const stream = await api<Problem>(server, '/api/events?spaceId=sp_retail', { token: TOKENS.requested });
      assert.equal(stream.status, 403);
    });

    it('Request Access: 201 “Request Received!” the first time, 200 “Request Already Sent” after', async () => {
      const before = await access(TOKENS.noAccess);
      assert.deepEqual(before.body, { state: 'none', alreadyRequested: false, requestedAt: null });
      const [a, b] = await Promise.all([access(TOKENS.noAccess, 'POST'), access(TOKENS.noAccess, 'POST')]);
      assert.deepEqual([a.status, b.status].sort(), [200, 201], 'two requests at once record one');
      const first = a.status === 201 ? a : b;
      assert.equal(first.body.state, 'requested');
      assert.equal(first.body.alreadyRequested, false);
      assert.ok(first.body.requestedAt && Date.parse(first.body.requestedAt) > Date.now() - 60_000);
      const again = await access(TOKENS.noAccess, 'POST');
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, {
        state: 'requested',
        alreadyRequested: true,
        requestedAt: first.body.requestedAt,
      });
      assert.deepEqual((await access(TOKENS.noAccess)).body, again.body);
      const seeded = await access(TOKENS.requested, 'POST');
      assert.equal(seeded.status, 200);
      assert.equal(seeded.body.alreadyRequested, true);
      const granted = await access(TOKENS.agent, 'POST');
      assert.equal(granted.status, 200);
      assert.deepEqual(granted.body, { state: 'granted', alreadyRequested: false, requestedAt: null });
    });

    it('after approval the inbox appears: spaces, capabilities, teams and the user list', async () => {
      const teamsBefore = await api<Team[]>(server, '/api/teams?spaceId=sp_retail', { token: TOKENS.admin });
      assert.ok(!teamsBefore.body.some((t) => t.memberIds.includes('usr_tomas')), 'not a member before');
      const res = await api<InboxAccess>(server, '/demo/inbox-access/usr_tomas/approve', { method: 'POST' });
      assert.equal(res.status, 200);
      assert.equal(res.body.state, 'granted');
      const me = await api<Me>(server, '/api/me', { token: TOKENS.requested });
      assert.equal(me.body.inboxAccess, 'granted');
      assert.deepEqual(
        me.body.spaces.map((s) => s.id),
        ['sp_retail'],
      );
      assert.equal(me.body.capabilities.changeStatus, true);
      const list = await api(server, '/api/conversations?spaceId=sp_retail&limit=5', {
        token: TOKENS.requested,
      });
      assert.equal(list.status, 200);
      const teams = await api<Team[]>(server, '/api/teams?spaceId=sp_retail', { token: TOKENS.admin });
      assert.ok(teams.body.find((t) => t.id === 'tm_sales')!.memberIds.includes('usr_tomas'));
      assert.equal(
        (await api(server, '/demo/inbox-access/usr_nobody/approve', { method: 'POST' })).status,
        404,
      );
    });

    it('shows onboarding to tenant owners and Inbox Admins only', async () => {
      const olivia = await onboarding(TOKENS.admin);
      assert.equal(olivia.status, 200);
      assert.equal(olivia.body.complete, true, 'Northwind has done everything');
      assert.deepEqual(
        olivia.body.steps.map((s) => [s.id, s.optional]),
        [
          ['connect_channel', false],
          ['create_sender_profile', false],
          ['create_team', false],
          ['invite_agents', false],
          ['create_tags', true],
          ['install_elements', true],
        ],
      );
      assert.ok(
        olivia.body.steps.every((s) => s.href.startsWith('/') && s.articleUrl.startsWith('/') && s.title),
      );
      for (const token of [TOKENS.manager, TOKENS.agent, TOKENS.noNotes, TOKENS.twoSpaces, TOKENS.agent2]) {
        const res = await onboarding(token);
        assert.equal(res.status, 403, token);
        assert.equal(res.body.detail, 'Only tenant owners and Inbox Admins see the onboarding steps.');
        assert.equal((await skip(token, 'create_tags')).status, 403);
      }
      // A tenant owner who is not an Inbox Admin sees it too.
      await server.services.db.query("update users set tenant_owner = true where id = 'usr_marco'");
      try {
        assert.equal((await onboarding(TOKENS.manager)).status, 200);
      } finally {
        await server.services.db.query("update users set tenant_owner = false where id = 'usr_marco'");
      }
    });

    it('marks steps done from real state; optional ones can be skipped, required ones cannot', async () => {
      const grace = await onboarding(TOKENS.owner2);
      assert.equal(grace.status, 200);
      assert.deepEqual(states(grace.body), {
        connect_channel: 'done',
        create_sender_profile: 'done',
        create_team: 'done',
        invite_agents: 'todo',
        create_tags: 'todo',
        install_elements: 'todo',
      });
      assert.equal(grace.body.complete, false);
      const refused = await skip(TOKENS.owner2, 'invite_agents');
      assert.equal(refused.status, 409);
      assert.equal(refused.body.type, 'urn:inbox:problem:step-not-optional');
      assert.match(refused.body.detail, /^“Invite your agents” can't be skipped/);
      const skipped = await skip(TOKENS.owner2, 'create_tags');
      assert.equal(skipped.status, 200);
      assert.equal(states(skipped.body).create_tags, 'skipped');
      assert.equal((await skip(TOKENS.owner2, 'create_tags')).status, 200, 'twice is fine');
      assert.equal((await skip(TOKENS.owner2, 'create_team')).status, 409, 'done, and still not optional');

      // Real state turns steps done: an agent joins, a tag is made, a conversation is started.
      await server.services.db.query(
        `insert into users (id, tenant_id, name, email, role, token) values
           ('usr_harbor_agent', 'tn_harbor', 'Sam Baker', 'sam@harborlane.example', 'agent', 'harbor-agent-token')`,
      );
      const tag = await api(server, '/api/tags', {
        token: TOKENS.owner2,
        method: 'POST',
        body: { spaceId: 'sp_harbor', name: 'Wedding cake' },
      });
      assert.equal(tag.status, 201);
      const started = await api(server, '/api/conversations', {
        token: TOKENS.owner2,
        method: 'POST',
        headers: { 'idempotency-key': newKey() },
        body: {
          spaceId: 'sp_harbor',
          senderProfileId: 'spf_harbor_sms',
          teamId: 'tm_harbor_shop',
          phone: '+16175550142',
          text: 'Your order is ready for pickup.',
        },
      });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const after = await onboarding(TOKENS.owner2);
      assert.deepEqual(states(after.body), {
        connect_channel: 'done',
        create_sender_profile: 'done',
        create_team: 'done',
        invite_agents: 'done',
        create_tags: 'done',
        install_elements: 'done',
      });
      assert.equal(after.body.complete, true);
    });

    it('lists the demo users in each state with a label, the demo tenant’s admin first', async () => {
      const users = await api<{ id: string; token: string; roleLabel: string; inboxAccess: string }[]>(
        server,
        '/demo/users',
      );
      assert.equal(users.body[0]?.id, 'usr_olivia');
      const label = (id: string) => users.body.find((u) => u.id === id)?.roleLabel;
      assert.equal(label('usr_samir'), 'Inbox Agent · no note access');
      assert.equal(
        label('usr_nadia'),
        'Inbox Agent · inbox access requested',
        'she asked in an earlier test',
      );
      assert.equal(label('usr_grace'), 'Inbox Admin · tenant owner · Harbor Lane Bakery');
      for (const token of Object.values(TOKENS))
        assert.ok(
          users.body.some((u) => u.token === token),
          token,
        );
    });

    it('has no simulator routes in production', async () => {
      const production = await startServer(await backend.newStore(), { production: true });
      try {
        for (const path of ['/demo/inbox-access/usr_nadia/approve', '/demo/inbound', '/demo/users']) {
          const res = await api(production, path, { method: path.endsWith('users') ? 'GET' : 'POST' });
          assert.equal(res.status, 404, path);
        }
      } finally {
        await production.close();
      }
    });
  });
}
