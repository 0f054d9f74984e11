import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { Queryable, Row } from '../../db/db.js';
import { listContacts } from '../../domain/contact-query.js';
import { viewerByToken } from '../../domain/users.js';
import type { components } from '../../../src/api/schema.js';
import {
  api,
  startServer,
  streamPool,
  TOKENS,
  type Backend,
  type Contact,
  type Conversation,
  type Problem,
  type TimelineItem,
} from '../helpers.js';

type ContactPage = components['schemas']['ContactPage'];
const SPACE = 'sp_retail';
const PROBLEM = /^application\/problem\+json/;

/** Contacts: list and search, by phone with national variants, create, edit with If-Match, events. */
export function contactsSuite(backend: Backend): void {
  describe(`contacts (${backend.name})`, () => {
    let server: RunningServer;
    const streams = streamPool(SPACE);

    before(async () => {
      server = await startServer(await backend.newStore(), { keepAliveMs: 60_000 });
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    const create = (token: string, body: Record<string, unknown>) =>
      api<Contact & Problem<Contact>>(server, '/api/contacts', {
        token,
        method: 'POST',
        body: { spaceId: SPACE, ...body },
      });
    const patch = (token: string, id: string, body: Record<string, unknown>, ifMatch?: string) =>
      api<Contact & Problem<Contact>>(server, `/api/contacts/${id}`, {
        token,
        method: 'PATCH',
        body,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    const list = (token: string, params: Record<string, string>) =>
      api<ContactPage>(server, `/api/contacts?${new URLSearchParams({ spaceId: SPACE, ...params })}`, {
        token,
      });

    it('lists every contact of the space once, by name, page after page', async () => {
      const [{ n }] = (await server.services.db.query<{ n: number }>(
        'select count(*)::int as n from contacts where space_id = $1',
        [SPACE],
      )) as [{ n: number }];
      const seen: Contact[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list(TOKENS.agent, {
          limit: '40',
          ...(cursor ? { cursor } : {}),
        });
        assert.equal(page.status, 200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(seen.length, n);
      assert.equal(new Set(seen.map((c) => c.id)).size, n);
      assert.ok(seen.every((c) => c.spaceId === SPACE && /^\+[1-9]\d{6,14}$/.test(c.phone)));
      assert.equal((await list(TOKENS.agent, { spaceId: 'sp_wholesale' })).status, 403);
    });

    it('creates a contact with its number in E.164, the country from it, ETag and an event', async () => {
      const stream = await streams.open(server, TOKENS.agent);
      const res = await create(TOKENS.manager, {
        name: '  Ingrid Schröder ',
        phone: '+4915123456789',
        email: 'ingrid@example.com',
        company: 'Kiruna Outdoor',
        notes: 'Prefers mornings.',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.headers.get('etag'), '"1"');
      assert.deepEqual(
        { ...res.body, id: 'x' },
        {
          id: 'x',
          spaceId: SPACE,
          name: 'Ingrid Schröder',
          phone: '+4915123456789',
          email: 'ingrid@example.com',
          company: 'Kiruna Outdoor',
          country: 'DE',
          notes: 'Prefers mornings.',
          version: 1,
        },
      );
      const event = await stream.next('contact.updated', (d) => d.contact.id === res.body.id);
      assert.equal(event.data.contact.name, 'Ingrid Schröder');
      const got = await api<Contact>(server, `/api/contacts/${res.body.id}`, { token: TOKENS.agent });
      assert.deepEqual(got.body, res.body);
      assert.equal(got.headers.get('etag'), '"1"');
      // Found by name without its accents, and by digits of its number.
      for (const q of ['schroder', 'INGRID', '23456789'])
        assert.ok(
          (await list(TOKENS.agent, { q })).body.items.some((c) => c.id === res.body.id),
          q,
        );
    });

    it('refuses an invalid number beside its field, and creating without editContacts', async () => {
      const bad = await create(TOKENS.admin, { phone: '+440000000' });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', PROBLEM);
      assert.deepEqual(bad.body.errors, [
        { path: 'body.phone', message: 'is not a valid phone number for the United Kingdom' },
      ]);
      assert.equal(
        bad.body.detail,
        '+440000000 is not a valid phone number for the United Kingdom. Check the country code and the digits.',
      );
      for (const token of [TOKENS.agent, TOKENS.noNotes, TOKENS.agent2, TOKENS.twoSpaces]) {
        const agent = await create(token, { phone: '+447700900555' });
        assert.equal(agent.status, 403, token);
        assert.match(agent.body.detail, /may not create or edit contacts/);
      }
      const malformed = await list(TOKENS.agent, { phone: '447700900555' });
      assert.equal(malformed.status, 400);
      assert.equal(
        (malformed.body as unknown as Problem).detail,
        'The phone number must be in international format, e.g. +447700900123.',
      );
      const other = await api<Problem>(server, '/api/contacts', {
        token: TOKENS.manager,
        method: 'POST',
        body: { spaceId: 'sp_wholesale', phone: '+447700900556' },
      });
      assert.equal(other.status, 403, 'not a member of that space');
    });

    it('treats Brazil’s added 9 and Mexico’s +52 1 as the same number (stored in the current form)', async () => {
      const br = await create(TOKENS.admin, { name: 'Luíza Araújo', phone: '+552187654321' });
      assert.equal(br.status, 201);
      assert.equal(br.body.phone, '+5521987654321', 'the ninth digit is added');
      assert.equal(br.body.country, 'BR');
      const mx = await create(TOKENS.admin, { name: 'Rubén Núñez', phone: '+5213312345678' });
      assert.equal(mx.status, 201);
      assert.equal(mx.body.phone, '+523312345678', 'the 1 after +52 is dropped');

      for (const [phone, existing] of [
        ['+5521987654321', br.body],
        ['+552187654321', br.body],
        ['+523312345678', mx.body],
        ['+5213312345678', mx.body],
      ] as const) {
        const found = await list(TOKENS.agent, { phone });
        assert.deepEqual(
          found.body.items.map((c) => c.id),
          [existing.id],
          `phone=${phone}`,
        );
        const dupe = await create(TOKENS.admin, { phone });
        assert.equal(dupe.status, 409, phone);
        assert.equal(dupe.body.type, 'urn:inbox:problem:contact-exists');
        assert.deepEqual(dupe.body.current, existing);
        assert.match(dupe.body.detail, /already has the number .*Open that contact instead\./);
      }
      // A landline keeps its 8 digits: it is not a mobile number missing its 9.
      const landline = await create(TOKENS.admin, { phone: '+551133334444' });
      assert.equal(landline.status, 201);
      assert.equal(landline.body.phone, '+551133334444');
    });

    it('makes one contact of many simultaneous creates of one number', async () => {
      const results = await Promise.all(
        ['+5511987776666', '+551187776666', '+5511987776666', '+551187776666', '+5511987776666'].map(
          (phone) => create(TOKENS.admin, { phone }),
        ),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 201)!.body;
      assert.ok(results.every((r) => r.status === 201 || r.body.current?.id === winner.id));
    });

    it('edits with If-Match: 428 without, 412 with the contact as it is now, then the change', async () => {
      const c = (await create(TOKENS.admin, { name: 'Theo Girard', phone: '+33698765432' })).body;
      const missing = await patch(TOKENS.manager, c.id, { company: 'Delta Freight' });
      assert.equal(missing.status, 428);
      assert.match(missing.body.detail, /^Send If-Match with the contact's version/);
      const ok = await patch(TOKENS.manager, c.id, { company: 'Delta Freight' }, '"1"');
      assert.equal(ok.status, 200);
      assert.equal(ok.body.version, 2);
      assert.equal(ok.headers.get('etag'), '"2"');
      const old = await patch(TOKENS.admin, c.id, { notes: 'from an old copy' }, '"1"');
      assert.equal(old.status, 412);
      assert.equal(old.body.type, 'urn:inbox:problem:precondition-failed');
      assert.deepEqual(old.body.current, ok.body);
      assert.equal(old.headers.get('etag'), '"2"');
      const same = await patch(TOKENS.manager, c.id, { company: 'Delta Freight' }, '"2"');
      assert.equal(same.status, 200);
      assert.equal(same.body.version, 2, 'nothing changed, no new version');
      const agent = await patch(TOKENS.agent, c.id, { name: 'x' }, '"2"');
      assert.equal(agent.status, 403);
      const taken = await create(TOKENS.admin, { phone: '+33611112222' });
      const clash = await patch(TOKENS.admin, c.id, { phone: '+33611112222' }, '"2"');
      assert.equal(clash.status, 409);
      assert.equal(clash.body.type, 'urn:inbox:problem:contact-exists');
      assert.deepEqual(clash.body.current, taken.body);
      const bad = await patch(TOKENS.admin, c.id, { phone: '+331' }, '"2"');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors?.[0]?.path, 'body.phone');
      assert.equal((await api(server, '/api/contacts/ct_nope', { token: TOKENS.admin })).status, 404);
      const [foreign] = await server.services.db.query<{ id: string }>(
        "select id from contacts where space_id = 'sp_wholesale' limit 1",
      );
      assert.equal((await api(server, `/api/contacts/${foreign!.id}`, { token: TOKENS.agent })).status, 404);
    });

    it('renaming a contact updates its conversations live, with a badge in each timeline', async () => {
      const [row] = await server.services.db.query<{ contact_id: string; id: string }>(
        `select c.contact_id, c.id from conversations c join conversation_teams t on t.conversation_id = c.id
         where c.space_id = $1 and t.team_id = 'tm_support'
           and (select count(*) from conversations x where x.contact_id = c.contact_id) >= 2
         order by c.id limit 1`,
        [SPACE],
      );
      const ids = (
        await server.services.db.query<{ id: string }>('select id from conversations where contact_id = $1', [
          row!.contact_id,
        ])
      ).map((r) => r.id);
      const before = await api<Conversation>(server, `/api/conversations/${row!.id}`, {
        token: TOKENS.agent,
      });
      const contact = await api<Contact>(server, `/api/contacts/${row!.contact_id}`, { token: TOKENS.agent });
      const stream = await streams.open(server, TOKENS.agent);
      const res = await patch(
        TOKENS.manager,
        row!.contact_id,
        { name: 'Renamed Person', notes: 'x' },
        `"${contact.body.version}"`,
      );
      assert.equal(res.status, 200);
      const update = await stream.next(
        'conversation.updated',
        (d) => d.conversation.id === row!.id && d.conversation.contact.name === 'Renamed Person',
      );
      assert.equal(update.data.conversation.version, before.body.version + 1);
      const badge = await stream.next(
        'timeline.item',
        (d) => d.item.conversationId === row!.id && d.item.kind === 'event',
      );
      assert.deepEqual((badge.data.item as Extract<TimelineItem, { kind: 'event' }>).event, {
        type: 'contact_updated',
        fields: ['name', 'notes'],
        actorId: 'usr_marco',
      });
      await stream.next('contact.updated', (d) => d.contact.id === row!.contact_id);
      const rows = await server.services.db.query<{ n: number }>(
        `select count(*)::int as n from timeline_items where conversation_id in (select id from conversations where contact_id = $1)
           and event->>'type' = 'contact_updated'`,
        [row!.contact_id],
      );
      assert.equal(Number(rows[0]!.n), ids.length, 'every conversation of the contact');
      // Previous conversations of this contact: the list filter.
      const mine = await api<{ items: Conversation[] }>(
        server,
        `/api/conversations?spaceId=${SPACE}&contactId=${row!.contact_id}&limit=200`,
        { token: TOKENS.admin },
      );
      assert.deepEqual(mine.body.items.map((c) => c.id).sort(), ids.sort());
      // A change of notes alone does not touch the conversations.
      const again = await patch(
        TOKENS.manager,
        row!.contact_id,
        { notes: 'only notes' },
        `"${res.body.version}"`,
      );
      assert.equal(again.status, 200);
      const after = await api<Conversation>(server, `/api/conversations/${row!.id}`, { token: TOKENS.agent });
      assert.equal(after.body.version, before.body.version + 1);
    });

    // Query plans mean something on real Postgres only.
    if (backend.name === 'postgres')
      it('searches contacts by name through the folded trigram index', async () => {
        const q = <T extends Row>(sql: string, params: unknown[] = []) =>
          server.services.db.query<T>(sql, params);
        await q(`insert into contacts (id, space_id, name, phone)
          select 'ct_bulk_' || g, 'sp_retail', 'Bulk Person ' || md5(g::text), '+4477119' || lpad(g::text, 6, '0')
          from generate_series(1, 20000) g`);
        await q('analyze contacts');
        const captured: { sql: string; params: readonly unknown[] }[] = [];
        const capture: Queryable = {
          query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
            captured.push({ sql, params });
            return server.services.db.query<T>(sql, params);
          },
          exec: (sql) => server.services.db.exec(sql),
        };
        const viewer = (await viewerByToken(server.services.db, TOKENS.agent))!;
        const page = await listContacts(
          capture,
          viewer,
          { spaceId: SPACE, q: 'schroder' },
          server.services.cursors,
        );
        assert.ok(page.items.length >= 1);
        const { sql, params } = captured[0]!;
        const plan = (await q<{ 'QUERY PLAN': string }>(`explain (costs off) ${sql}`, [...params]))
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        assert.match(plan, /contacts_name_fold_trgm/, plan);
      });
  });
}
