import type { SeedData } from './generate.js';
import { USERS } from './fixtures.js';

/** The simulator fails every message to a number ending in 0000 (channels/simulator.ts). */
export const UNREACHABLE_PHONE = '+447700900000';
const UNREACHABLE_REASON = 'The number is not reachable.';
const HOUR = 3_600_000;

/**
 * The demo's failure path, promised by the README: one contact whose number ends in 0000, with
 * an SMS conversation that Support and Sales see and whose first message already failed, so
 * Retry can be tried (it fails again, as it would with a real carrier).
 */
export function addUnreachableContact(out: SeedData, now: Date, conversationId: string): void {
  const spaceId = 'sp_retail';
  out.contacts.push({
    id: 'ct_retail_176',
    space_id: spaceId,
    name: 'Harriet Cole',
    phone: UNREACHABLE_PHONE,
    email: null,
    company: 'Alder & Co',
    country: 'GB',
    notes: 'Messages to this number do not arrive; ask for a new one by email.',
  });
  const created = new Date(now.getTime() - 3 * HOUR);
  const failed = new Date(created.getTime() + 60_000);
  out.conversations.push({
    id: conversationId,
    space_id: spaceId,
    channel: 'sms',
    contact_id: 'ct_retail_176',
    sender_profile_id: 'spf_care_sms',
    sender_id: 'snd_care_gb',
    status: 'unanswered',
    origin: 'api',
    version: 2,
    created_at: created.toISOString(),
    created_by: null,
    closed_at: null,
    closed_by: null,
    waiting_since: null,
    last_activity_at: failed.toISOString(),
    last_seq: 2,
    last_inbound_seq: 0,
  });
  for (const teamId of ['tm_support', 'tm_sales'])
    out.conversationTeams.push({ conversation_id: conversationId, team_id: teamId });
  out.items.push(
    {
      conversation_id: conversationId,
      seq: 1,
      kind: 'event',
      created_at: created.toISOString(),
      text: null,
      author_id: null,
      direction: null,
      status: null,
      failure_reason: null,
      event: { type: 'created', origin: 'api', actorId: null },
    },
    {
      conversation_id: conversationId,
      seq: 2,
      kind: 'message',
      created_at: failed.toISOString(),
      text: 'Hi Harriet, your order NW-20001 is ready for collection at our Bristol store.',
      author_id: null,
      direction: 'out',
      status: 'failed',
      failure_reason: UNREACHABLE_REASON,
      event: null,
    },
  );
  for (const u of USERS.filter((x) => x.spaceIds.includes(spaceId)))
    out.readMarkers.push({ user_id: u.id, conversation_id: conversationId, seq: 2 });
}
