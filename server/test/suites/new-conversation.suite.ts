import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import type { components } from '../../../src/api/schema.js';
import {
  api,
  streamPool,
  TOKENS,
  type ApiResponse,
  type Backend,
  type Conversation,
  type Problem,
  type TimelineItem,
} from '../helpers.js';
import { newKey, startSendingServer, type TimelinePage } from '../sending-helpers.js';

type NewConversation = components['schemas']['NewConversation'];
type Availability = components['schemas']['SenderAvailability'];
/** A conversation, or a problem (its status is the HTTP one); tests read whichever came. */
type Answer = Conversation & Pick<Problem, 'type' | 'detail' | 'errors'>;
const SPACE = 'sp_retail';
const PROBLEM = /^application\/problem\+json/;

/** POST /conversations and sender selection: a new conversation by phone, limits, availability. */
export function newConversationSuite(backend: Backend): void {
  describe(`new conversations and sender selection (${backend.name})`, () => {
    let server: RunningServer;
    const streams = streamPool(SPACE);
    let n = 0;
    /** A fresh UK mobile number no seeded contact has (they use the drama range +447700900xxx). */
    const ukNumber = () => `+447911${String(1_000_000 + ++n).slice(1)}`;

    before(async () => {
      ({ server } = await startSendingServer(await backend.newStore(), { keepAliveMs: 60_000 }));
    });
    after(async () => {
      await streams.closeAll();
      await server?.close();
    });

    const start = (
      token: string,
      body: Partial<NewConversation>,
      key: string = newKey(),
    ): Promise<ApiResponse<Answer>> =>
      api(server, '/api/conversations', {
        token,
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          spaceId: SPACE,
          senderProfileId: 'spf_care_sms',
          teamId: 'tm_support',
          text: 'Hello from Northwind',
          ...body,
        },
      });
    const sender = async (conversationId: string) =>
      (
        await server.services.db.query<{ id: string; country: string }>(
          'select s.id, s.country from conversations c join senders s on s.id = c.sender_id where c.id = $1',
          [conversationId],
        )
      )[0];
    const availability = (token: string, profile: string, phone: string) =>
      api<Availability>(
        server,
        `/api/sender-profiles/${profile}/availability?phone=${encodeURIComponent(phone)}`,
        {
          token,
        },
      );

    it('starts an Unanswered inbox conversation assigned to the team and its creator, live for the team', async () => {
      const colleague = await streams.open(server, TOKENS.manager);
      const key = newKey();
      const res = await start(TOKENS.agent, { phone: '+447911123456', text: 'Your parcel is ready' }, key);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const c = res.body;
      assert.equal(res.headers.get('etag'), `"${c.version}"`);
      assert.equal(c.status, 'unanswered');
      assert.equal(c.origin, 'inbox');
      assert.equal(c.channel, 'sms');
      assert.deepEqual(c.teamIds, ['tm_support']);
      assert.deepEqual(c.assigneeIds, ['usr_aiko']);
      assert.equal(c.contact.phone, '+447911123456');
      assert.equal(c.senderProfile.name, 'Northwind Care (SMS)');
      assert.equal(c.sender, undefined, 'an agent never sees the sender');
      assert.equal(c.lastMessage?.text, 'Your parcel is ready');
      const timeline = await api<TimelinePage>(server, `/api/conversations/${c.id}/timeline`, {
        token: TOKENS.agent,
      });
      const [created, message] = timeline.body.items as [TimelineItem, TimelineItem];
      assert.deepEqual(created.kind === 'event' && created.event, {
        type: 'created',
        origin: 'inbox',
        actorId: 'usr_aiko',
      });
      assert.ok(message.kind === 'message');
      assert.equal(message.status, 'scheduled', 'held for the undo window like any send');
      assert.equal(message.clientMessageId, key);
      assert.equal(message.authorId, 'usr_aiko');
      const live = await colleague.next('conversation.created', (d) => d.conversation.id === c.id);
      assert.equal(live.data.conversation.status, 'unanswered');
      assert.equal((await sender(c.id))?.country, 'GB');
      // The contact was created with the number; starting again finds it (and the same key replays).
      const replay = await start(TOKENS.agent, { phone: '+447911123456', text: 'Your parcel is ready' }, key);
      assert.equal(replay.status, 200);
      assert.equal(replay.body.id, c.id);
      const reused = await start(TOKENS.agent, { phone: '+447911123456', text: 'Something else' }, key);
      assert.equal(reused.status, 409);
      assert.equal(reused.body.type, 'urn:inbox:problem:idempotency-key-reused');
      const second = await start(TOKENS.agent, { phone: '+447911123456', text: 'Second one' });
      assert.equal(second.status, 201);
      assert.equal(second.body.contact.id, c.contact.id, 'one contact per number');
    });

    it('recognises a contact by a national variant of its number (Brazil’s 9)', async () => {
      const seeded = (
        await server.services.db.query<{ id: string; phone: string }>(
          `select id, phone from contacts where space_id = $1 and phone ~ '^\\+55[1-9][0-9]9[6-9][0-9]{7}$' limit 1`,
          [SPACE],
        )
      )[0]!;
      const without9 = `+55${seeded.phone.slice(3, 5)}${seeded.phone.slice(6)}`;
      const res = await start(TOKENS.admin, { phone: without9, senderProfileId: 'spf_care_wa' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.contact.id, seeded.id);
      assert.equal(res.body.channel, 'whatsapp');
      assert.equal(res.body.sender?.country, 'BR', 'the Brazilian sender, which admins may see');
    });

    it('refuses what cannot start: Telegram by phone, a team of nobody’s, a profile the team may not use', async () => {
      const tg = await start(TOKENS.agent, { phone: ukNumber(), senderProfileId: 'spf_care_tg' });
      assert.equal(tg.status, 400);
      assert.match(tg.headers.get('content-type') ?? '', PROBLEM);
      assert.match(tg.body.detail, /^Telegram conversations can't be started by phone number/);
      assert.equal(tg.body.errors?.[0]?.path, 'body.senderProfileId');
      const foreign = await start(TOKENS.admin, { phone: ukNumber(), teamId: 'tm_partners' });
      assert.equal(foreign.status, 400);
      assert.equal(foreign.body.errors?.[0]?.path, 'body.teamId');
      const notMine = await start(TOKENS.agent, { phone: ukNumber(), teamId: 'tm_sales' });
      assert.equal(notMine.status, 403);
      const billing = await start(TOKENS.twoSpaces, {
        phone: ukNumber(),
        senderProfileId: 'spf_billing_sms',
        teamId: 'tm_billing',
      });
      assert.equal(billing.status, 201, 'Billing may use the Billing profile');
      const restricted = await start(TOKENS.admin, { phone: ukNumber(), senderProfileId: 'spf_billing_sms' });
      assert.equal(restricted.status, 400);
      assert.match(restricted.body.detail, /can't be used by Support/);
      const hidden = await start(TOKENS.agent, { phone: ukNumber(), senderProfileId: 'spf_billing_sms' });
      assert.equal(hidden.status, 404, 'a profile of another team is not one to know about');
      const invalid = await start(TOKENS.agent, { phone: '+440000000000' });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.errors?.[0]?.path, 'body.phone');
      const tooLong = await start(TOKENS.agent, { phone: ukNumber(), text: 'x'.repeat(1601) });
      assert.equal(tooLong.status, 400);
      assert.match(tooLong.body.detail, /SMS messages can be at most 1600 characters/);
    });

    it('says what selection would do, never which sender; agents and admins alike', async () => {
      const gb = await availability(TOKENS.agent, 'spf_care_sms', '+447911000001');
      assert.deepEqual(gb.body, {
        available: true,
        country: 'GB',
        senderCountry: 'GB',
        fallback: false,
        remainingToday: gb.body.remainingToday,
        dailyLimit: 1000,
      });
      assert.ok(gb.body.remainingToday > 0 && gb.body.remainingToday <= 588);
      const us = await availability(TOKENS.agent, 'spf_care_sms', '+12125550199');
      assert.equal(us.body.dailyLimit, 1000, 'both US senders together');
      assert.ok(us.body.remainingToday <= 363, 'the full one adds nothing');
      const jp = await availability(TOKENS.agent, 'spf_care_sms', '+819012345678');
      assert.deepEqual(
        { ...jp.body, remainingToday: 0 },
        {
          available: true,
          country: 'JP',
          senderCountry: 'GB',
          fallback: true,
          remainingToday: 0,
          dailyLimit: 1000,
        },
      );
      const none = await availability(TOKENS.agent, 'spf_alerts_sms', '+819012345678');
      assert.deepEqual(none.body, {
        available: false,
        country: 'JP',
        senderCountry: null,
        fallback: false,
        remainingToday: 0,
        dailyLimit: 0,
      });
      for (const r of [gb, us, jp, none]) assert.ok(!JSON.stringify(r.body).includes('+'), 'no address');
      assert.equal((await availability(TOKENS.agent, 'spf_billing_sms', '+447911000001')).status, 404);
      // The fallback really sends: a Japanese number through the profile's UK senders.
      const started = await start(TOKENS.admin, { phone: '+819012345678' });
      assert.equal(started.status, 201);
      assert.equal(started.body.sender?.country, 'GB');
      assert.equal(started.body.contact.phone, '+819012345678');
    });

    it('answers the plain no-sender error naming the country when none is left or none exists', async () => {
      const profile = 'spf_alerts_sms';
      const before = await availability(TOKENS.agent, profile, ukNumber());
      assert.equal(before.body.remainingToday, 3, 'the seeded sender has 3 of 10 left');
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await start(TOKENS.agent, { phone: ukNumber(), senderProfileId: profile })).status,
          201,
        );
      const refused = await start(TOKENS.agent, { phone: ukNumber(), senderProfileId: profile });
      assert.equal(refused.status, 409);
      assert.match(refused.headers.get('content-type') ?? '', PROBLEM);
      assert.equal(refused.body.type, 'urn:inbox:problem:no-sender-available');
      assert.equal(
        refused.body.detail,
        'No sender of “Northwind Alerts (SMS)” has messages left today for the United Kingdom. Try again tomorrow or pick another sender profile.',
      );
      const nowhere = await start(TOKENS.agent, { phone: '+5511912340000', senderProfileId: profile });
      assert.equal(nowhere.status, 409);
      assert.equal(
        nowhere.body.detail,
        '“Northwind Alerts (SMS)” has no sender for Brazil. Pick another sender profile.',
      );
      assert.deepEqual(
        { ...(await availability(TOKENS.agent, profile, ukNumber())).body },
        {
          available: false,
          country: 'GB',
          senderCountry: 'GB',
          fallback: false,
          remainingToday: 0,
          dailyLimit: 10,
        },
      );
      const contacts = await server.services.db.query<{ n: number }>(
        "select count(*)::int as n from contacts where phone = '+5511912340000'",
      );
      assert.equal(Number(contacts[0]!.n), 0, 'a refused start leaves nothing behind');
    });

    it('creates exactly 20 of 50 simultaneous conversations when 20 sends are left, the rest get the error', async () => {
      await server.services.db.query(
        `update senders set daily_limit = 100, sent_today = 80,
           sent_on = (select (now() at time zone time_zone)::date from tenants where id = 'tn_northwind')
         where id = 'snd_care_de'`,
      );
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          start(TOKENS.admin, { phone: `+49151${String(70000000 + i)}`, text: `Angebot ${i}` }),
        ),
      );
      const created = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      assert.equal(created.length, 20, results.map((r) => r.status).join(','));
      assert.equal(refused.length, 30);
      assert.ok(refused.every((r) => r.body.type === 'urn:inbox:problem:no-sender-available'));
      assert.ok(refused.every((r) => r.body.detail.includes('for Germany')));
      assert.ok(created.every((r) => r.body.sender?.id === 'snd_care_de'));
      const [row] = await server.services.db.query<{ sent_today: number }>(
        "select sent_today from senders where id = 'snd_care_de'",
      );
      assert.equal(Number(row!.sent_today), 100, 'the limit, exactly');
      const made = await server.services.db.query<{ n: number }>(
        `select count(*)::int as n from conversations where origin = 'inbox' and sender_id = 'snd_care_de'
           and created_at > now() - interval '5 minutes'`,
      );
      assert.equal(Number(made[0]!.n), 20);
    });

    it('counts sends into existing conversations too, atomically; an undo gives the message back', async () => {
      const c = (await start(TOKENS.admin, { phone: '+33687654321', text: 'Bonjour' })).body;
      const senderId = (await sender(c.id))!.id;
      const setLeft = (left: number) =>
        server.services.db.query(
          `update senders set daily_limit = 50, sent_today = 50 - $2::int,
             sent_on = (select (now() at time zone time_zone)::date from tenants where id = 'tn_northwind')
           where id = $1`,
          [senderId, left],
        );
      const send = (text: string) =>
        api<{ id: string } & Problem>(server, `/api/conversations/${c.id}/messages`, {
          token: TOKENS.admin,
          method: 'POST',
          headers: { 'idempotency-key': newKey() },
          body: { text },
        });
      await setLeft(3);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => send(`Message ${i}`)));
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 201, 201, ...Array(7).fill(409)]);
      const refused = results.find((r) => r.status === 409)!.body;
      assert.equal(refused.type, 'urn:inbox:problem:sender-limit-reached');
      assert.equal(
        refused.detail,
        "This conversation's sender has no messages left today (its limit is 50 a day). Try again tomorrow, or start a new conversation from another sender profile.",
      );
      const sent = results.find((r) => r.status === 201)!.body;
      const undo = await api(server, `/api/messages/${sent.id}/cancel`, {
        token: TOKENS.admin,
        method: 'POST',
      });
      assert.equal(undo.status, 200);
      assert.equal((await send('After the undo')).status, 201, 'the undone message gave its slot back');
      assert.equal((await send('One too many')).status, 409);
    });

    it('retries a failed message only while its sender has messages left (the unreachable contact)', async () => {
      const [row] = await server.services.db.query<{ id: string; item: string; sender_id: string }>(
        `select c.id, ti.id as item, c.sender_id from conversations c join contacts ct on ct.id = c.contact_id
         join timeline_items ti on ti.conversation_id = c.id and ti.status = 'failed'
         where ct.phone = '+447700900000'`,
      );
      assert.ok(row, 'the seeded unreachable contact has a failed message');
      const setUsed = (used: string) =>
        server.services.db.query(
          `update senders set sent_today = ${used},
             sent_on = (select (now() at time zone time_zone)::date from tenants where id = 'tn_northwind')
           where id = $1`,
          [row.sender_id],
        );
      const retry = () =>
        api<Problem & { status: string }>(server, `/api/messages/${row.item}/retry`, {
          token: TOKENS.agent,
          method: 'POST',
        });
      await setUsed('daily_limit');
      const refused = await retry();
      assert.equal(refused.status, 409);
      assert.equal(refused.body.type, 'urn:inbox:problem:sender-limit-reached');
      await setUsed('0');
      const retried = await retry();
      assert.equal(retried.status, 200);
      assert.equal(retried.body.status, 'queued');
      const [sender] = await server.services.db.query<{ sent_today: number }>(
        'select sent_today from senders where id = $1',
        [row.sender_id],
      );
      assert.equal(Number(sender!.sent_today), 1, 'the retry took one message of the day');
    });

    it('starts each day again at midnight in the tenant’s time zone', async () => {
      const c = (await start(TOKENS.admin, { phone: '+34612398765', text: 'Hola' })).body;
      const senderId = (await sender(c.id))!.id;
      const send = () =>
        api(server, `/api/conversations/${c.id}/messages`, {
          token: TOKENS.admin,
          method: 'POST',
          headers: { 'idempotency-key': newKey() },
          body: { text: 'Otra vez' },
        });
      // UTC+14 and UTC−11 are never on the same date: a day full in one is untouched in the other.
      const useZone = (zone: string) =>
        server.services.db.query("update tenants set time_zone = $1 where id = 'tn_northwind'", [zone]);
      try {
        await useZone('Pacific/Kiritimati');
        await server.services.db.query(
          `update senders set sent_today = daily_limit, sent_on = (now() at time zone 'Pacific/Kiritimati')::date
           where id = $1`,
          [senderId],
        );
        assert.equal((await send()).status, 409, 'used up today, in Kiritimati');
        await useZone('Pacific/Pago_Pago');
        assert.equal((await send()).status, 201, 'another day in Pago Pago: the count starts again');
        const [row] = await server.services.db.query<{ sent_today: number; today: boolean }>(
          `select sent_today, sent_on = (now() at time zone 'Pacific/Pago_Pago')::date as today from senders where id = $1`,
          [senderId],
        );
        assert.equal(Number(row!.sent_today), 1);
        assert.equal(row!.today, true);
        const me = await api<components['schemas']['Me']>(server, '/api/me', { token: TOKENS.agent });
        assert.equal(me.body.tenant.timeZone, 'Pacific/Pago_Pago');
      } finally {
        await useZone('Europe/London');
      }
    });
  });
}
