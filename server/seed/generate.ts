import { createRandom, type Random } from './prng.js';
import { makePerson } from './people.js';
import { FINAL_RECEIPT, SENDERS, SENDER_PROFILES, TAGS, TEAMS, USERS } from './fixtures.js';
import { NOTES, OPENERS_IN, OPENERS_OUT, REPLIES_IN, REPLIES_OUT, fill, firstName } from './texts.js';
import { MORE_SENDER_ADDRESSES } from './more-fixtures.js';
import { UNREACHABLE_PHONE, addUnreachableContact } from './unreachable.js';

/** Rows shaped for jsonb_to_recordset inserts (snake_case, ISO timestamps). */
export interface SeedData {
  contacts: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  conversationTeams: Record<string, unknown>[];
  conversationAssignees: Record<string, unknown>[];
  conversationTags: Record<string, unknown>[];
  items: Record<string, unknown>[];
  readMarkers: Record<string, unknown>[];
}

type Channel = 'sms' | 'whatsapp' | 'telegram';
type Origin = 'api' | 'dialer' | 'campaign' | 'inbox' | 'inbound';
interface DraftItem {
  kind: 'message' | 'note' | 'event';
  direction?: 'in' | 'out';
  text?: string;
  authorId?: string | null;
  status?: string;
  event?: Record<string, unknown>;
}

const CONTACTS_PER_SPACE = { sp_retail: 175, sp_wholesale: 30 } as const;
const CONVERSATIONS_PER_SPACE = { sp_retail: 265, sp_wholesale: 40 } as const;
const MINUTE = 60_000;

const teamMembers = (teamId: string) => USERS.filter((u) => u.teamIds.includes(teamId)).map((u) => u.id);
/** Seeded notes are written by someone who may write notes, never by an agent without note access. */
const writesNotes = (userId: string) => USERS.find((u) => u.id === userId)?.noteAccess ?? false;
const pickOrigin = (r: Random): Origin => {
  const x = r.next();
  return x < 0.2 ? 'api' : x < 0.33 ? 'dialer' : x < 0.53 ? 'campaign' : x < 0.68 ? 'inbox' : 'inbound';
};

export function generateSeed(now: Date, seed = 20240611): SeedData {
  const r = createRandom(seed);
  const out: SeedData = {
    contacts: [],
    conversations: [],
    conversationTeams: [],
    conversationAssignees: [],
    conversationTags: [],
    items: [],
    readMarkers: [],
  };
  // Senders' own numbers and the one unreachable number are nobody else's.
  const phones = new Set<string>([
    UNREACHABLE_PHONE,
    ...SENDERS.map((s) => s.address),
    ...MORE_SENDER_ADDRESSES,
  ]);
  let n = 0;

  for (const [spaceId, contactCount] of Object.entries(CONTACTS_PER_SPACE)) {
    const contacts = Array.from({ length: contactCount }, (_, i) => {
      const p = makePerson(r, phones);
      const row = {
        id: `ct_${spaceId.slice(3)}_${String(i + 1).padStart(3, '0')}`,
        space_id: spaceId,
        name: p.name,
        phone: p.phone,
        email: p.email,
        company: p.company,
        country: p.country,
        notes: r.chance(0.1) ? 'Prefers messages after 5 pm.' : null,
      };
      out.contacts.push(row);
      return row;
    });
    const profiles = SENDER_PROFILES.filter((p) => p.spaceId === spaceId);
    const spaceTeams = TEAMS.filter((t) => t.spaceId === spaceId).map((t) => t.id);
    const spaceTags = TAGS.filter((t) => t.spaceId === spaceId).map((t) => t.id);
    const spaceUsers = USERS.filter((u) => u.spaceIds.includes(spaceId)).map((u) => u.id);

    for (let i = 0; i < CONVERSATIONS_PER_SPACE[spaceId as keyof typeof CONVERSATIONS_PER_SPACE]; i++, n++) {
      const id = `cv_${String(n + 1).padStart(4, '0')}`;
      const contact = r.pick(contacts);
      const profile = r.pick(profiles);
      const channel = profile.channel as Channel;
      const senders = SENDERS.filter((s) => s.profileId === profile.id);
      // As selection would have chosen: the contact's country, the sender with most left today.
      const mostLeft = (country: string) =>
        senders
          .filter((s) => s.country === country)
          .sort((a, b) => b.dailyLimit - b.sentToday - (a.dailyLimit - a.sentToday))[0];
      const sender = mostLeft(String(contact.country)) ?? mostLeft(profile.defaultCountry) ?? senders[0]!;
      const allowedTeams = profile.teamIds.length > 0 ? [...profile.teamIds] : spaceTeams;
      const teams = [r.pick(allowedTeams)];
      if (r.chance(0.15)) {
        const extra = r.pick(spaceTeams);
        if (!teams.includes(extra)) teams.push(extra);
      }
      const members = [...new Set(teams.flatMap(teamMembers))];
      const assignee = members.length > 0 && r.chance(0.45) ? r.pick(members) : null;
      const agent = assignee ?? (members.length > 0 ? r.pick(members) : 'usr_olivia');
      const noteAuthor = writesNotes(agent) ? agent : (members.find(writesNotes) ?? 'usr_olivia');
      const origin = pickOrigin(r);
      const replied = origin === 'inbound' || !r.chance(0.33);
      const closed = replied && r.chance(0.27);
      const ref = `NW-${10000 + n}`;
      const noteToken = `NB-${5000 + n}`;
      const name = firstName(String(contact.name));
      const finalReceipt = FINAL_RECEIPT[channel];

      const draft: DraftItem[] = [
        { kind: 'event', event: { type: 'created', origin, actorId: origin === 'inbox' ? agent : null } },
      ];
      if (origin === 'inbound') {
        draft.push({
          kind: 'message',
          direction: 'in',
          text: fill(r.pick(OPENERS_IN), { ref }),
          status: 'delivered',
        });
      } else {
        draft.push({
          kind: 'message',
          direction: 'out',
          text: fill(r.pick(OPENERS_OUT), { name, ref }),
          authorId: origin === 'inbox' ? agent : null,
          status: finalReceipt,
        });
        if (replied) {
          draft.push({ kind: 'message', direction: 'in', text: r.pick(REPLIES_IN), status: 'delivered' });
          draft.push({
            kind: 'event',
            event: {
              type: 'status_changed',
              from: 'unanswered',
              to: 'active',
              reason: 'contact_replied',
              actorId: null,
            },
          });
        }
      }
      const tags = spaceTags.filter(() => r.chance(0.18));
      if (assignee)
        draft.push({
          kind: 'event',
          event: {
            type: 'assignment_changed',
            teamIds: teams,
            assigneeIds: [assignee],
            actorId: 'usr_marco',
          },
        });
      if (tags.length > 0)
        draft.push({
          kind: 'event',
          event: { type: 'tags_changed', added: tags, removed: [], actorId: agent },
        });
      if (replied) {
        const rounds = r.int(0, 7);
        for (let k = 0; k < rounds; k++) {
          draft.push({
            kind: 'message',
            direction: 'out',
            text: r.pick(REPLIES_OUT),
            authorId: agent,
            status: k === rounds - 1 && r.chance(0.1) ? 'failed' : finalReceipt,
          });
          if (r.chance(0.25))
            draft.push({
              kind: 'note',
              text: fill(r.pick(NOTES), { note: noteToken }),
              authorId: noteAuthor,
            });
          if (k < rounds - 1 || r.chance(0.6))
            draft.push({ kind: 'message', direction: 'in', text: r.pick(REPLIES_IN), status: 'delivered' });
        }
        if (r.chance(0.3))
          draft.push({ kind: 'note', text: fill(r.pick(NOTES), { note: noteToken }), authorId: noteAuthor });
      }
      let closedBy: string | null = null;
      if (closed) {
        closedBy = r.chance(0.8) ? agent : 'usr_olivia';
        draft.push({
          kind: 'event',
          event: { type: 'status_changed', from: 'active', to: 'closed', reason: 'agent', actorId: closedBy },
        });
      }

      // Spread the items between creation (up to 45 days ago) and now, in order.
      const created = now.getTime() - r.int(20, 45 * 24 * 60) * MINUTE;
      const span = Math.max(draft.length * MINUTE, (now.getTime() - created) * 0.9);
      const times = draft
        .map(() => r.next())
        .sort((a, b) => a - b)
        .map((f, k) => new Date(created + k * 1000 + f * span));
      times[0] = new Date(created);
      let lastActivity = times[0]!;
      let waitingSince: Date | null = null;
      let lastInboundSeq = 0;
      draft.forEach((d, k) => {
        const at = times[k]!;
        const seq = k + 1;
        if (d.kind !== 'note') lastActivity = at;
        if (d.kind === 'message' && d.direction === 'in') {
          waitingSince ??= at;
          lastInboundSeq = seq;
        }
        if (d.kind === 'message' && d.direction === 'out') waitingSince = null;
        out.items.push({
          conversation_id: id,
          seq,
          kind: d.kind,
          created_at: at.toISOString(),
          text: d.text ?? null,
          author_id: d.authorId ?? null,
          direction: d.direction ?? null,
          status: d.status ?? null,
          failure_reason: d.status === 'failed' ? 'Carrier rejected the message (unreachable number).' : null,
          event: d.event ?? null,
        });
      });
      const status = closed ? 'closed' : replied ? 'active' : 'unanswered';
      const lastSeq = draft.length;
      out.conversations.push({
        id,
        space_id: spaceId,
        channel,
        contact_id: contact.id,
        sender_profile_id: profile.id,
        sender_id: sender.id,
        status,
        origin,
        version: 1 + draft.filter((d) => d.kind === 'event').length,
        created_at: new Date(created).toISOString(),
        created_by: origin === 'inbox' ? agent : null,
        closed_at: closed ? lastActivity.toISOString() : null,
        closed_by: closedBy,
        waiting_since: closed ? null : ((waitingSince as Date | null)?.toISOString() ?? null),
        last_activity_at: lastActivity.toISOString(),
        last_seq: lastSeq,
        last_inbound_seq: lastInboundSeq,
      });
      for (const t of teams) out.conversationTeams.push({ conversation_id: id, team_id: t });
      if (assignee) out.conversationAssignees.push({ conversation_id: id, user_id: assignee });
      for (const t of tags) out.conversationTags.push({ conversation_id: id, tag_id: t });

      // Most users have read everything; some still have the newest inbound messages unread.
      for (const userId of spaceUsers) {
        const unread = lastInboundSeq > 0 && r.chance(waitingSince && !closed ? 0.6 : 0.1);
        out.readMarkers.push({
          user_id: userId,
          conversation_id: id,
          seq: unread ? lastInboundSeq - 1 - r.int(0, 2) : lastSeq,
        });
      }
    }
  }
  addUnreachableContact(out, now, `cv_${String(n + 1).padStart(4, '0')}`);
  for (const m of out.readMarkers) m.seq = Math.max(0, Number(m.seq));
  return out;
}
