import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSimulator } from '../channels/simulator.js';
import type { OutboundMessage, Receipt } from '../channels/provider.js';
import { SENDERS, USERS } from '../seed/fixtures.js';
import { generateSeed } from '../seed/generate.js';

const message = (channel: OutboundMessage['channel'], to = '+447700900123'): OutboundMessage => ({
  itemId: 'itm_1',
  idempotencyKey: `itm_1-${channel}-${to}`,
  conversationId: 'cv_1',
  channel,
  to,
  from: '+447700900001',
  text: 'hi',
  attachmentIds: [],
});

describe('channel simulator', () => {
  it('emits exactly the receipts each channel has, in order', async () => {
    const sim = createSimulator({ stepMs: 0 });
    for (const [channel, expected] of [
      ['sms', ['sent', 'delivered']],
      ['whatsapp', ['sent', 'delivered', 'read']],
      ['telegram', ['sent']],
    ] as const) {
      const seen: Receipt[] = [];
      const receipts = await sim.dispatch(message(channel), (r) => void seen.push(r));
      assert.deepEqual(
        receipts.map((r) => r.status),
        expected,
        channel,
      );
      assert.deepEqual(seen, receipts);
    }
    sim.close();
  });

  it('fails for an unreachable number with a reason', async () => {
    const sim = createSimulator({ stepMs: 0, failingNumbers: ['+15005550001'] });
    const [r] = await sim.dispatch(message('sms', '+15005550001'));
    assert.equal(r?.status, 'failed');
    assert.ok(r?.failureReason);
    sim.close();
  });
});

describe('channel simulator idempotency', () => {
  it('sends once per key: a repeat answers the first receipt at once and sends nothing', async () => {
    const sim = createSimulator({ stepMs: 0 });
    const first = await sim.dispatch(message('sms'));
    const again = await sim.dispatch(message('sms'));
    assert.equal(sim.dispatched.length, 2);
    assert.equal(sim.sent.length, 1, 'one provider-level send');
    assert.deepEqual(
      again.map((r) => r.status),
      first.map((r) => r.status),
      'the same receipts',
    );
    await sim.dispatch({ ...message('sms'), idempotencyKey: 'itm_1:2' });
    assert.equal(sim.sent.length, 2, 'a new key (a retry after a failure) sends again');
    sim.close();
  });
});

describe('seed generator', () => {
  it('is deterministic and produces valid, plausible data', () => {
    const now = new Date('2024-06-01T12:00:00Z');
    const a = generateSeed(now);
    const b = generateSeed(now);
    assert.deepEqual(a, b);
    assert.ok(a.contacts.length >= 200 && a.conversations.length >= 300);
    assert.ok(a.contacts.every((c) => /^\+[1-9][0-9]{6,14}$/.test(String(c.phone))));
    const scripts = [
      /\p{Script=Arabic}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hangul}/u,
      /[À-ž]/u,
    ];
    for (const s of scripts)
      assert.ok(
        a.contacts.some((c) => s.test(String(c.name))),
        `a name matching ${s}`,
      );
    for (const status of ['unanswered', 'active', 'closed'])
      assert.ok(a.conversations.some((c) => c.status === status));
    // Nothing that starts from api/dialer/campaign without a reply is anything but Unanswered.
    assert.ok(a.conversations.every((c) => c.status !== 'unanswered' || c.origin !== 'inbound'));
    assert.ok(a.items.some((i) => i.kind === 'note') && a.items.some((i) => i.kind === 'event'));
  });

  it('has the unreachable contact the README promises, in a conversation agents see', () => {
    const data = generateSeed(new Date('2024-06-01T12:00:00Z'));
    const unreachable = data.contacts.filter((c) => String(c.phone).endsWith('0000'));
    assert.equal(unreachable.length, 1, 'exactly one number ending in 0000');
    const contact = unreachable[0]!;
    assert.equal(contact.space_id, 'sp_retail');
    const conversation = data.conversations.find((c) => c.contact_id === contact.id);
    assert.ok(conversation, 'the contact has a conversation');
    const teams = data.conversationTeams.filter((t) => t.conversation_id === conversation.id);
    assert.ok(teams.some((t) => t.team_id === 'tm_support') && teams.some((t) => t.team_id === 'tm_sales'));
    const failed = data.items.find((i) => i.conversation_id === conversation.id && i.status === 'failed');
    assert.equal(failed?.failure_reason, 'The number is not reachable.');
    // The simulator really fails a message to it.
    assert.ok(String(contact.phone).endsWith('0000'));
  });

  it('never makes an agent without note access the author of a note', () => {
    const data = generateSeed(new Date('2024-06-01T12:00:00Z'));
    const withoutNotes = new Set(USERS.filter((u) => !u.noteAccess).map((u) => u.id));
    assert.ok(withoutNotes.has('usr_samir'));
    const notes = data.items.filter((i) => i.kind === 'note');
    assert.ok(notes.length > 50);
    assert.deepEqual(
      notes.filter((i) => withoutNotes.has(String(i.author_id))),
      [],
    );
  });

  it('gives no contact a sender’s own number', () => {
    const data = generateSeed(new Date('2024-06-01T12:00:00Z'));
    const addresses = new Set<string>(SENDERS.map((s) => s.address));
    assert.ok(data.contacts.every((c) => !addresses.has(String(c.phone))));
  });
});
