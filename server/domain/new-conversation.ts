import { randomBytes } from 'node:crypto';
import type { components } from '../../src/api/schema.js';
import { CHANNELS } from '../channels/capabilities.js';
import type { Db, Queryable } from '../db/db.js';
import { checkedPhone, findOrCreateContact } from './contacts.js';
import { getConversation } from './conversation-query.js';
import { conversationNotFound, forbidden, invalidField } from './errors.js';
import { logEvents, type LogEvent } from './events-log.js';
import { completeKey, fingerprint, reserveKey } from './idempotency.js';
import { insertOutbound, noSenderAvailable } from './outbound.js';
import { usableProfile, type ProfileRow } from './sender-profiles.js';
import { reserveForNumber } from './senders.js';
import { checkText } from './send.js';
import { requireSpace, type Viewer } from './users.js';

type Conversation = components['schemas']['Conversation'];
type NewConversation = components['schemas']['NewConversation'];

export interface NewConversationResult {
  conversation: Conversation;
  replay: boolean;
  /** When the first message is due for dispatch (null for a replay). */
  dueAt: Date | null;
}

/** The team must be of the space, one of the user's own (admins: any), and allowed on the profile. */
async function checkTeam(db: Queryable, v: Viewer, profile: ProfileRow, teamId: string): Promise<string> {
  const [team] = await db.query<{ id: string; name: string }>(
    'select id, name from teams where id = $1 and space_id = $2',
    [teamId, profile.space_id],
  );
  if (!team)
    throw invalidField(
      `Team ${teamId} is not a team of this space.`,
      'body.teamId',
      'is not a team of this space',
    );
  if (!v.capabilities.seeAllConversations && !v.teamIds.includes(team.id))
    throw forbidden(
      `You can start conversations only for your own teams, and ${team.name} isn't one of them.`,
    );
  if (profile.team_ids.length > 0 && !profile.team_ids.includes(team.id)) {
    throw invalidField(
      `“${profile.name}” can't be used by ${team.name}. Pick another sender profile or team.`,
      'body.teamId',
      `may not use the sender profile “${profile.name}”`,
    );
  }
  return team.id;
}

/**
 * POST /conversations: a conversation started from the inbox by phone number with its first
 * message. It starts Unanswered, origin `inbox`, assigned to the team and to the user who started
 * it; the contact is found by its number (variants count) or created. One sender of the profile
 * is chosen and its day's count taken in the same transaction (senders.ts), so concurrent starts
 * never exceed a limit; none left answers 409 no-sender-available. The first message goes
 * through the undo window like any send. A replayed Idempotency-Key answers the conversation.
 */
export async function startConversation(
  db: Db,
  v: Viewer,
  key: string,
  input: NewConversation,
): Promise<NewConversationResult> {
  if (!v.capabilities.startConversations)
    throw forbidden('You may not start conversations. Ask an admin for this permission.');
  requireSpace(v, input.spaceId);
  const phone = checkedPhone(input.phone);
  const print = fingerprint('createConversation', { ...input, phone: phone.e164 });

  return db.transaction(async (tx) => {
    const original = await reserveKey(tx, v.id, key, 'createConversation', print);
    if (original) {
      const conversation = await getConversation(tx, v, original);
      if (!conversation) throw conversationNotFound(original);
      return { conversation, replay: true, dueAt: null };
    }
    const profile = await usableProfile(tx, v, input.senderProfileId);
    if (profile.space_id !== input.spaceId)
      throw invalidField(
        `“${profile.name}” belongs to another space.`,
        'body.senderProfileId',
        'is a sender profile of another space',
      );
    const caps = CHANNELS.find((c) => c.channel === profile.channel)!;
    if (!caps.startByPhone) {
      throw invalidField(
        `${caps.label} conversations can't be started by phone number: the contact has to write first.`,
        'body.senderProfileId',
        `is a ${caps.label} profile, which can't start conversations by phone`,
      );
    }
    const teamId = await checkTeam(tx, v, profile, input.teamId);
    checkText(profile.channel, input.text, 0);

    const { contact, created } = await findOrCreateContact(tx, input.spaceId, phone);
    const reservation = await reserveForNumber(
      tx,
      v.tenantId,
      { id: profile.id, defaultCountry: profile.default_country },
      contact.country,
    );
    if (!reservation.senderId) throw noSenderAvailable(profile.name, reservation);

    const id = `cv_${randomBytes(9).toString('base64url')}`;
    await tx.query(
      `insert into conversations (id, space_id, channel, contact_id, sender_profile_id, sender_id, status, origin,
         created_by, last_seq)
       values ($1, $2, $3, $4, $5, $6, 'unanswered', 'inbox', $7, 2)`,
      [id, input.spaceId, profile.channel, contact.id, profile.id, reservation.senderId, v.id],
    );
    await tx.query('insert into conversation_teams (conversation_id, team_id) values ($1, $2)', [id, teamId]);
    await tx.query('insert into conversation_assignees (conversation_id, user_id) values ($1, $2)', [
      id,
      v.id,
    ]);
    const [createdItem] = await tx.query<{ id: string }>(
      `insert into timeline_items (conversation_id, seq, kind, event) values ($1, 1, 'event', $2::text::jsonb)
       returning id`,
      [id, JSON.stringify({ type: 'created', origin: 'inbox', actorId: v.id })],
    );
    const message = await insertOutbound(tx, v, {
      conversationId: id,
      seq: 2,
      text: input.text,
      key,
      senderId: reservation.senderId,
    });
    await completeKey(tx, v.id, key, id);

    const events: LogEvent[] = [];
    if (created)
      events.push({ spaceId: input.spaceId, type: 'contact.updated', payload: { contactId: contact.id } });
    events.push(
      { spaceId: input.spaceId, type: 'conversation.created', conversationId: id },
      { spaceId: input.spaceId, type: 'timeline.item', conversationId: id, itemId: createdItem!.id },
      { spaceId: input.spaceId, type: 'timeline.item', conversationId: id, itemId: message.id },
    );
    await logEvents(tx, events);
    const conversation = (await getConversation(tx, v, id))!;
    return { conversation, replay: false, dueAt: message.dueAt };
  });
}
