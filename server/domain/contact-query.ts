import type { components, operations } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import type { Cursors } from './cursor.js';
import { notFound } from './errors.js';
import { canonicalPhone } from './phone.js';
import { Params, foldedContains, likeEscape } from './sql.js';
import type { Viewer } from './users.js';

type Contact = components['schemas']['Contact'];
type ContactPage = components['schemas']['ContactPage'];
type ListQuery = operations['listContacts']['parameters']['query'];

export const CONTACT_COLUMNS = `ct.id, ct.space_id, ct.name, ct.phone, ct.email, ct.company, ct.country, ct.notes, ct.version`;

export interface ContactRow {
  id: string;
  space_id: string;
  name: string;
  phone: string;
  email: string | null;
  company: string | null;
  country: string | null;
  notes: string | null;
  version: number;
  [k: string]: unknown;
}

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  spaceId: r.space_id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  company: r.company,
  country: r.country,
  notes: r.notes,
  version: Number(r.version),
});

/** Every member of a space may read its contacts. */
export const memberOfContactSpace = (me: string) =>
  `exists (select 1 from user_spaces us where us.space_id = ct.space_id and us.user_id = ${me})`;

/**
 * GET /contacts: a space's contacts by name (accents ignored), `q` matching the name or digits
 * of the number, `phone` the one contact with that number in its current form (national
 * variants count as the same number). Paged by (folded name, id).
 */
export async function listContacts(
  db: Queryable,
  v: Viewer,
  query: ListQuery,
  cursors: Cursors,
): Promise<ContactPage> {
  const limit = query.limit ?? 50;
  const p = new Params();
  const where = [`ct.space_id = ${p.add(query.spaceId)}`];
  const q = query.q?.trim().replace(/\s+/g, ' ');
  if (q) {
    const digits = q.replace(/[\s()+.-]/g, '');
    const byNumber = /^\d{3,}$/.test(digits) ? ` or ct.phone like ${p.add(`%${digits}%`)}` : '';
    where.push(`(${foldedContains('ct.name', p.add(`%${likeEscape(q)}%`))}${byNumber})`);
  }
  if (query.phone) where.push(`ct.phone = ${p.add(canonicalPhone(query.phone))}`);
  if (query.cursor) {
    const cur = cursors.decode(query.cursor, 'contacts');
    where.push(`(inbox_fold(ct.name), ct.id) > (${p.add(cur.key)}, ${p.add(cur.id)})`);
  }
  const rows = await db.query<ContactRow & { sort_key: string }>(
    `select ${CONTACT_COLUMNS}, inbox_fold(ct.name) as sort_key from contacts ct
     where ${where.join(' and ')} and ${memberOfContactSpace(p.add(v.id))}
     order by inbox_fold(ct.name), ct.id limit ${p.add(limit + 1)}::int`,
    p.values,
  );
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toContact),
    nextCursor: more && last ? cursors.encode({ sort: 'contacts', key: last.sort_key, id: last.id }) : null,
  };
}

/** One contact for a member of its space, or null (missing and invisible look the same). */
export async function findContact(
  db: Queryable,
  v: Viewer,
  id: string,
  lock = false,
): Promise<Contact | null> {
  const rows = await db.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from contacts ct where ct.id = $1 and ${memberOfContactSpace('$2')}
     ${lock ? 'for update' : ''}`,
    [id, v.id],
  );
  return rows[0] ? toContact(rows[0]) : null;
}

/** GET /contacts/{id}: 404 for anyone but a member of its space. */
export async function getContact(db: Queryable, v: Viewer, id: string, lock = false): Promise<Contact> {
  const contact = await findContact(db, v, id, lock);
  if (!contact) throw notFound(`Contact ${id} does not exist or is not visible to you.`);
  return contact;
}

/** The contact of a space that has this number (already in its current form), if any. */
export async function contactByPhone(db: Queryable, spaceId: string, e164: string): Promise<Contact | null> {
  const [row] = await db.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from contacts ct where ct.space_id = $1 and ct.phone = $2`,
    [spaceId, e164],
  );
  return row ? toContact(row) : null;
}
