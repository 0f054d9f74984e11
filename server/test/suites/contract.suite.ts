import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { CONTRACT_PATH, loadContract } from '../../contract/openapi.js';
import { handlers } from '../../routes/index.js';
import type { components } from '../../../src/api/schema.js';
import {
  api,
  startServer,
  tempDir,
  TOKENS,
  type Backend,
  type Conversation,
  type Problem,
} from '../helpers.js';

type Schemas = components['schemas'];
/** GET /demo/users is outside the contract (a demo convenience); the fields these tests read. */
interface DemoUser {
  token: string;
  capabilities: Schemas['Capabilities'];
}

const PROBLEM = /^application\/problem\+json/;

/** Auth, validation, routing and error shape — for every operation the contract lists. */
export function contractSuite(backend: Backend): void {
  describe(`contract (${backend.name})`, () => {
    let server: RunningServer;
    const demoDir = tempDir('inbox-demo-');
    const distDir = tempDir('inbox-dist-');

    before(async () => {
      writeFileSync(join(demoDir, 'index.html'), '<!doctype html><title>demo</title>');
      mkdirSync(join(distDir, 'cdn'));
      writeFileSync(join(distDir, 'cdn', 'inbox-elements.js'), 'export {};');
      server = await startServer(await backend.newStore(), { demoDir, distDir });
    });
    after(() => server?.close());

    const contract = loadContract();
    const secured = contract.operations.filter((o) => o.secured);

    it('lists every /api operation as secured (and only the simulator as open)', () => {
      assert.ok(secured.length >= 30);
      assert.deepEqual(
        contract.operations
          .filter((o) => !o.secured)
          .map((o) => o.operationId)
          .sort(),
        ['approveInboxAccess', 'injectInbound'],
      );
      assert.ok(contract.operations.filter((o) => !o.secured).every((o) => o.fullPath.startsWith('/demo/')));
    });

    for (const token of [undefined, 'not-a-real-token']) {
      it(`answers 401 problem+json on every /api operation ${token ? 'with an unknown token' : 'without a token'}`, async () => {
        for (const op of secured) {
          const path = op.fullPath.replace(/\{[^}]+\}/g, 'x1');
          const res = await api<Problem>(server, path, { method: op.method, ...(token ? { token } : {}) });
          assert.equal(res.status, 401, `${op.method} ${path}`);
          assert.match(res.headers.get('content-type') ?? '', PROBLEM, `${op.method} ${path}`);
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
          assert.equal(res.body.status, 401);
          assert.ok(res.body.type && res.body.title && res.body.detail);
        }
      });
    }

    it('answers 401 for unknown /api routes without a token, 404 with one', async () => {
      assert.equal((await api(server, '/api/nope')).status, 401);
      const res = await api(server, '/api/nope', { token: TOKENS.admin });
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
    });

    it('answers 405 with Allow for a known path and a wrong method', async () => {
      const res = await api(server, '/api/me', { token: TOKENS.admin, method: 'DELETE' });
      assert.equal(res.status, 405);
      assert.equal(res.headers.get('allow'), 'GET');
    });

    const bad = async (
      path: string,
      init: Parameters<typeof api>[2],
      expected: Record<string, RegExp | string>,
    ) => {
      const res = await api<Problem>(server, path, init);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match(res.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(res.body.type, 'urn:inbox:problem:validation');
      const errors = res.body.errors ?? [];
      assert.ok(errors.length > 0);
      // The detail is sentences naming the fields in words, never a bare count.
      assert.doesNotMatch(res.body.detail, /invalid field/);
      assert.match(res.body.detail, /^(The |“|This ).*\.$/);
      for (const [field, message] of Object.entries(expected)) {
        const e = errors.find((x) => x.path === field);
        assert.ok(e, `expected an error for ${field} in ${JSON.stringify(res.body.errors)}`);
        if (typeof message === 'string') assert.equal(e?.message, message);
        else assert.match(e?.message ?? '', message);
      }
      return res.body;
    };

    it('explains a bad enum, a bad limit and a missing spaceId field by field', async () => {
      const body = await bad(
        '/api/conversations?spaceId=sp_retail&status=open&limit=500',
        { token: TOKENS.admin },
        {
          'query.status': 'must be one of: all, active, unanswered, closed',
          'query.limit': 'must be at most 200',
        },
      );
      assert.equal(
        body.detail,
        'The status must be one of: all, active, unanswered, closed. The page size must be at most 200.',
      );
      await bad(
        '/api/conversations?spaceId=sp_retail&limit=ten',
        { token: TOKENS.admin },
        { 'query.limit': 'must be a whole number' },
      );
      await bad(
        '/api/conversations?spaceId=sp_retail&unread=maybe',
        { token: TOKENS.admin },
        { 'query.unread': 'must be true or false' },
      );
      await bad('/api/conversations', { token: TOKENS.admin }, { 'query.spaceId': 'is required' });
      await bad(
        '/api/conversations/counts?spaceId=sp_retail&sort=latest',
        { token: TOKENS.admin },
        { 'query.sort': 'is not a known field' },
      );
      await bad(
        '/api/conversations?spaceId=a%20b',
        { token: TOKENS.admin },
        { 'query.spaceId': /must be an id/ },
      );
      await bad(
        '/api/conversations?spaceId=sp_retail&cursor=garbage',
        { token: TOKENS.admin },
        { 'query.cursor': /not a cursor/ },
      );
    });

    it('says which field is wrong in words a person reads', async () => {
      const long = await bad(
        `/api/conversations?spaceId=sp_retail&q=${'a'.repeat(201)}`,
        { token: TOKENS.admin },
        { 'query.q': 'must be at most 200 characters long' },
      );
      assert.equal(long.detail, 'The search text is too long: at most 200 characters.');
      const missing = await bad(
        '/api/conversations',
        { token: TOKENS.admin },
        { 'query.spaceId': 'is required' },
      );
      assert.equal(missing.detail, 'The space is missing.');
      const phone = await bad(
        '/api/contacts',
        { token: TOKENS.admin, method: 'POST', body: { spaceId: 'sp_retail', phone: '0044 123' } },
        { 'body.phone': /international format/ },
      );
      assert.equal(phone.detail, 'The phone number must be in international format, e.g. +447700900123.');
      const many = await bad(
        '/api/conversations?spaceId=sp_retail&status=x&view=y&sort=z&limit=0',
        { token: TOKENS.admin },
        {},
      );
      assert.match(many.detail, /And 1 more problem, listed in “errors”\.$/);
      const tags = await bad(
        '/api/conversations/cv_0001/tags',
        {
          token: TOKENS.admin,
          method: 'PUT',
          headers: { 'if-match': '"1"' },
          body: { tagIds: ['ok', 'not ok'] },
        },
        { 'body.tagIds[1]': /must be an id/ },
      );
      assert.match(tags.detail, /^The tag list \(item 2\) must be an id/);
      const ifMatch = await api<Problem>(server, '/api/conversations/cv_0001/status', {
        token: TOKENS.admin,
        method: 'PUT',
        headers: { 'if-match': 'yesterday' },
        body: { status: 'closed' },
      });
      assert.equal(ifMatch.status, 400);
      assert.equal(ifMatch.body.detail, 'The If-Match header must be the version from the ETag, e.g. "7".');
    });

    it('rejects unknown body fields, bad JSON and missing bodies', async () => {
      await bad(
        '/demo/inbound',
        { method: 'POST', body: { conversationId: 'cv_0001', text: 'hi', extra: 1 } },
        { 'body.extra': 'is not a known field' },
      );
      await bad(
        '/demo/inbound',
        { method: 'POST', body: { conversationId: 'cv_0001', text: '' } },
        { 'body.text': 'must not be empty' },
      );
      await bad(
        '/demo/inbound',
        { method: 'POST', body: '{"conversationId":', headers: { 'content-type': 'application/json' } },
        { body: 'is not valid JSON' },
      );
      await bad('/demo/inbound', { method: 'POST' }, { body: 'is required' });
      await bad(
        '/api/conversations/cv_0001/status',
        {
          token: TOKENS.admin,
          method: 'PUT',
          headers: { 'if-match': '"1"' },
          body: { status: 'pending', note: 'x' },
        },
        { 'body.status': 'must be one of: unanswered, active, closed', 'body.note': 'is not a known field' },
      );
      await bad(
        '/api/contacts',
        { token: TOKENS.admin, method: 'POST', body: { spaceId: 'sp_retail', phone: '0044 123' } },
        { 'body.phone': /international format/ },
      );
    });

    it('requires a well-formed Idempotency-Key and If-Match where the contract says so', async () => {
      const note = { token: TOKENS.admin, method: 'POST', body: { text: 'hello' } };
      await bad('/api/conversations/cv_0001/notes', note, { 'header.idempotency-key': 'is required' });
      await bad(
        '/api/conversations/cv_0001/notes',
        { ...note, headers: { 'idempotency-key': 'bad key!' } },
        {
          'header.idempotency-key': /letters, digits/,
        },
      );
      await bad(
        '/api/conversations/cv_0001/notes',
        { ...note, headers: { 'idempotency-key': 'short' } },
        {
          'header.idempotency-key': 'must be at least 8 characters long',
        },
      );
      // If-Match missing from an otherwise valid change: 428, saying where the version comes from.
      const missing = await api<Problem>(server, '/api/conversations/cv_0001/tags', {
        token: TOKENS.admin,
        method: 'PUT',
        body: { tagIds: [] },
      });
      assert.equal(missing.status, 428);
      assert.match(missing.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(missing.body.type, 'urn:inbox:problem:precondition-required');
      assert.match(
        missing.body.detail,
        /If-Match .*conversation's version .*GET \/api\/conversations\/cv_0001\)/,
      );
      // …and still listed with the other field errors when the request has more than that wrong.
      await bad(
        '/api/conversations/cv_0001/tags',
        { token: TOKENS.admin, method: 'PUT', body: { tagIds: 'x' } },
        { 'header.if-match': 'is required', 'body.tagIds': 'must be a list' },
      );
    });

    it('has a handler for every operation of the contract, so none answers 501', () => {
      const missing = contract.operations.map((o) => o.operationId).filter((id) => !(id in handlers));
      assert.deepEqual(missing, []);
      assert.deepEqual(
        Object.keys(handlers).filter((id) => !contract.operations.some((o) => o.operationId === id)),
        [],
        'no handler for an operation the contract does not have',
      );
      const text = readFileSync(CONTRACT_PATH, 'utf8');
      assert.doesNotMatch(text, /not implemented/i);
      assert.doesNotMatch(text, /'501'/);
    });

    it('serves the session, directory and channels', async () => {
      const me = await api<Schemas['Me']>(server, '/api/me', { token: TOKENS.admin });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.id, 'usr_olivia');
      assert.equal(me.body.capabilities.seeAllConversations, true);
      assert.deepEqual(
        me.body.spaces.map((s) => s.id),
        ['sp_retail', 'sp_wholesale'],
      );
      const agent = await api<Schemas['Me']>(server, '/api/me', { token: TOKENS.noNotes });
      assert.equal(agent.body.capabilities.readNotes, false);
      assert.equal(agent.body.capabilities.seeOnboarding, false);
      assert.equal(agent.body.capabilities.seeSenders, false);

      const channels = await api<Schemas['ChannelCapabilities'][]>(server, '/api/channels', {
        token: TOKENS.agent,
      });
      const byName = Object.fromEntries(channels.body.map((c) => [c.channel, c]));
      assert.deepEqual(byName.sms?.receipts, ['sent', 'delivered']);
      assert.equal(byName.sms?.attachments.allowed, false);
      assert.deepEqual(byName.whatsapp?.receipts, ['sent', 'delivered', 'read']);
      assert.deepEqual(byName.telegram?.receipts, ['sent']);

      const adminTeams = await api<Schemas['Team'][]>(server, '/api/teams?spaceId=sp_retail', {
        token: TOKENS.admin,
      });
      assert.deepEqual(
        adminTeams.body.map((t) => t.id),
        ['tm_sales', 'tm_support', 'tm_billing'],
      );
      const agentTeams = await api<Schemas['Team'][]>(server, '/api/teams?spaceId=sp_retail', {
        token: TOKENS.agent,
      });
      assert.deepEqual(
        agentTeams.body.map((t) => t.id),
        ['tm_support'],
      );

      const adminProfiles = await api<Schemas['SenderProfile'][]>(
        server,
        '/api/sender-profiles?spaceId=sp_retail',
        {
          token: TOKENS.admin,
        },
      );
      assert.ok(adminProfiles.body.every((p) => Array.isArray(p.senders) && p.senders.length > 0));
      const agentProfiles = await api<Schemas['SenderProfile'][]>(
        server,
        '/api/sender-profiles?spaceId=sp_retail',
        {
          token: TOKENS.agent,
        },
      );
      assert.ok(agentProfiles.body.length > 0 && agentProfiles.body.every((p) => p.senders === undefined));
      // Billing SMS is restricted to the Billing team.
      assert.ok(!agentProfiles.body.some((p) => p.id === 'spf_billing_sms'));

      assert.equal(
        (await api<Schemas['User'][]>(server, '/api/users?spaceId=sp_wholesale', { token: TOKENS.admin }))
          .body.length,
        2,
      );
      assert.equal(
        (await api<Schemas['Tag'][]>(server, '/api/tags?spaceId=sp_retail', { token: TOKENS.agent })).body
          .length,
        6,
      );
      const forbidden = await api(server, '/api/tags?spaceId=sp_wholesale', { token: TOKENS.agent });
      assert.equal(forbidden.status, 403);
      assert.match(forbidden.headers.get('content-type') ?? '', PROBLEM);
    });

    it('lists the demo users with their tokens', async () => {
      const res = await api<DemoUser[]>(server, '/demo/users');
      assert.equal(res.status, 200);
      assert.ok(res.body.length >= 5);
      assert.ok(res.body.some((u) => u.token === TOKENS.noNotes && u.capabilities.readNotes === false));
    });

    it('sends ETag with a conversation and 404 for missing or invisible ones', async () => {
      const res = await api<Conversation>(server, '/api/conversations/cv_0001', { token: TOKENS.admin });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
      assert.equal((await api(server, '/api/conversations/cv_9999', { token: TOKENS.admin })).status, 404);
    });

    it('serves demo/ and dist/ with content types and no traversal', async () => {
      const index = await fetch(new URL('/', server.url));
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
      const bundle = await fetch(new URL('/dist/cdn/inbox-elements.js', server.url));
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /^text\/javascript/);
      for (const path of [
        '/%2e%2e/package.json',
        '/dist/%2e%2e/package.json',
        '/dist/..%2fpackage.json',
        '/node_modules/hono/package.json',
        '/missing.js',
      ]) {
        const res = await fetch(new URL(path, server.url));
        assert.equal(res.status, 404, path);
        assert.match(res.headers.get('content-type') ?? '', PROBLEM, path);
      }
    });
  });
}
