import { randomBytes } from 'node:crypto';
import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { CONTACT_COLUMNS, contactByPhone, getContact, toContact, type ContactRow } from './contact-query.js';
import { conflict, forbidden, invalidField, stale } from './errors.js';
import { logEvents, type LogEvent } from './events-log.js';
import { countryName, intendedCountry, phoneInfo, type PhoneInfo } from './phone.js';
import { requireSpace, type Viewer } from './users.js';
import { describeIfMatch, ifMatchAccepts, type IfMatch } from './versions.js';

type Contact = components['schemas']['Contact'];
type ContactInput = components['schemas']['ContactInput'];
type ContactPatch = components['schemas']['ContactPatch'];
type Field = 'name' | 'phone' | 'email' | 'company' | 'notes';

const mayEdit = (v: Viewer) => {
  if (!v.capabilities.editContacts)
    throw forbidden('You may not create or edit contacts. Ask an admin for this permission.');
};

/** A number the inbox can store: valid for its country, in its current form (phone.ts). */
export function checkedPhone(raw: string, path = 'body.phone'): PhoneInfo {
  const info = phoneInfo(raw);
  if (!info.valid) {
    const country = info.country ?? intendedCountry(info.e164);
    const where = country ? ` for ${countryName(country)}` : '';
    throw invalidField(
      `${raw} is not a valid phone number${where}. Check the country code and the digits.`,
      path,
      `is not a valid phone number${where}`,
    );
  }
  return info;
}

const taken = (existing: Contact) =>
  conflict(
    'contact-exists',
    `${existing.name || existing.phone} already has the number ${existing.phone}. Open that contact instead.`,
    existing,
  );

const contactEvent = (c: Contact): LogEvent => ({
  spaceId: c.spaceId,
  type: 'contact.updated',
  payload: { contactId: c.id },
});

/** Two requests racing for one number: the unique index decides, the loser hears who has it. */
const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * Finds the contact with this number in the space or creates it (a new conversation by phone).
 * Inside the caller's transaction; the row is share-locked so an edit of its number waits.
 */
export async function findOrCreateContact(
  tx: Queryable,
  spaceId: string,
  phone: PhoneInfo,
): Promise<{ contact: Contact; created: boolean }> {
  const inserted = await tx.query<ContactRow>(
    `insert into contacts as ct (id, space_id, phone, country) values ($1, $2, $3, $4)
     on conflict (space_id, phone) do nothing returning ${CONTACT_COLUMNS}`,
    [newContactId(), spaceId, phone.e164, phone.country],
  );
  if (inserted[0]) return { contact: toContact(inserted[0]), created: true };
  const [row] = await tx.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from contacts ct where ct.space_id = $1 and ct.phone = $2 for share`,
    [spaceId, phone.e164],
  );
  return { contact: toContact(row!), created: false };
}

const newContactId = () => `ct_${randomBytes(9).toString('base64url')}`;

/** POST /contacts (editContacts): one contact per number and space, variants included (409). */
export async function createContact(db: Db, v: Viewer, input: ContactInput): Promise<Contact> {
  mayEdit(v);
  requireSpace(v, input.spaceId);
  const phone = checkedPhone(input.phone);
  const existing = await contactByPhone(db, input.spaceId, phone.e164);
  if (existing) throw taken(existing);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.query<ContactRow>(
        `insert into contacts as ct (id, space_id, name, phone, email, company, country, notes)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${CONTACT_COLUMNS}`,
        [
          newContactId(),
          input.spaceId,
          (input.name ?? '').trim(),
          phone.e164,
          input.email ?? null,
          input.company ?? null,
          phone.country,
          input.notes ?? null,
        ],
      );
      const contact = toContact(row!);
      await logEvents(tx, [contactEvent(contact)]);
      return contact;
    });
  } catch (err) {
    const winner = isUniqueViolation(err) ? await contactByPhone(db, input.spaceId, phone.e164) : null;
    throw winner ? taken(winner) : err;
  }
}

/** The fields of a patch that really change the contact, with their new values. */
function changes(before: Contact, patch: ContactPatch, phone: PhoneInfo | null): Map<Field, unknown> {
  const next: Partial<Record<Field, unknown>> = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(phone ? { phone: phone.e164 } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(patch.company !== undefined ? { company: patch.company } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
  };
  return new Map(
    (Object.entries(next) as [Field, unknown][]).filter(([field, value]) => before[field] !== value),
  );
}

/**
 * PATCH /contacts/{id} (editContacts, If-Match). A new number must be valid and nobody else's in
 * the space (409 with that contact). The conversations follow the contact: when its name or
 * number changes each gets a `contact_updated` timeline event and a new version, so every list
 * row and timeline shows the new name at once. An edit that changes nothing is answered as is.
 */
export async function updateContact(
  db: Db,
  v: Viewer,
  id: string,
  patch: ContactPatch,
  ifMatch: IfMatch,
): Promise<Contact> {
  mayEdit(v);
  const phone = patch.phone !== undefined ? checkedPhone(patch.phone) : null;
  const seen = { spaceId: '' };
  try {
    return await db.transaction(async (tx) => {
      const before = await getContact(tx, v, id, true);
      seen.spaceId = before.spaceId;
      if (!ifMatchAccepts(ifMatch, before.version)) {
        throw stale(
          `Someone changed this contact after you loaded it (you have version ${describeIfMatch(ifMatch)}, it is now ${before.version}). Check it and try again.`,
          before,
          before.version,
        );
      }
      const changed = changes(before, patch, phone);
      if (changed.size === 0) return before;
      if (phone && changed.has('phone')) {
        const other = await contactByPhone(tx, before.spaceId, phone.e164);
        if (other && other.id !== id) throw taken(other);
      }
      const set = [...changed.keys()].map((field, i) => `${field} = $${i + 2}`);
      if (phone && changed.has('phone')) set.push(`country = $${changed.size + 2}`);
      const [row] = await tx.query<ContactRow>(
        `update contacts ct set ${set.join(', ')}, version = version + 1, updated_at = now()
         where ct.id = $1 returning ${CONTACT_COLUMNS}`,
        [id, ...changed.values(), ...(phone && changed.has('phone') ? [phone.country] : [])],
      );
      const contact = toContact(row!);
      const fields = [...changed.keys()];
      const events = [contactEvent(contact)];
      if (changed.has('name') || changed.has('phone'))
        events.push(...(await markConversations(tx, v, contact, fields)));
      await logEvents(tx, events);
      return contact;
    });
  } catch (err) {
    const winner =
      isUniqueViolation(err) && phone ? await contactByPhone(db, seen.spaceId, phone.e164) : null;
    throw winner ? taken(winner) : err;
  }
}

/** A `contact_updated` event in each conversation of the contact (locked in id order). */
async function markConversations(
  tx: Queryable,
  v: Viewer,
  contact: Contact,
  fields: Field[],
): Promise<LogEvent[]> {
  const convs = await tx.query<{ id: string; last_seq: number }>(
    'select id, last_seq from conversations where contact_id = $1 order by id for update',
    [contact.id],
  );
  if (convs.length === 0) return [];
  const event = JSON.stringify({ type: 'contact_updated', fields, actorId: v.id });
  const items = await tx.query<{ id: string; conversation_id: string }>(
    `insert into timeline_items (conversation_id, seq, kind, event)
     select id, last_seq + 1, 'event', $2::text::jsonb from conversations where contact_id = $1
     returning id, conversation_id`,
    [contact.id, event],
  );
  await tx.query(
    'update conversations set last_seq = last_seq + 1, version = version + 1 where contact_id = $1',
    [contact.id],
  );
  return items.flatMap((item) => [
    {
      spaceId: contact.spaceId,
      type: 'timeline.item' as const,
      conversationId: item.conversation_id,
      itemId: item.id,
    },
    { spaceId: contact.spaceId, type: 'conversation.updated' as const, conversationId: item.conversation_id },
  ]);
}
