import { randomBytes } from 'node:crypto';
import type { components } from '../../src/api/schema.js';
import type { Db, Queryable } from '../db/db.js';
import { changeConversation, diff } from './conversation-change.js';
import { conflict, forbidden, invalid, invalidField, type FieldError } from './errors.js';
import { logEvents } from './events-log.js';
import { textList } from './sql.js';
import { requireSpace, type Viewer } from './users.js';
import type { IfMatch } from './versions.js';

type Conversation = components['schemas']['Conversation'];
type Tag = components['schemas']['Tag'];
type TagInput = components['schemas']['TagInput'];

/** Colours a new tag gets when none is chosen, in turn; all readable as text on white and dark. */
export const TAG_PALETTE = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#dc2626',
  '#7c3aed',
  '#0d9488',
  '#db2777',
  '#4b5563',
];

interface TagRow {
  id: string;
  space_id: string;
  name: string;
  color: string;
  [k: string]: unknown;
}

const toTag = (t: TagRow): Tag => ({ id: t.id, spaceId: t.space_id, name: t.name, color: t.color });

export async function listTags(db: Queryable, spaceId: string): Promise<Tag[]> {
  const rows = await db.query<TagRow>(
    'select id, space_id, name, color from tags where space_id = $1 order by lower(name)',
    [spaceId],
  );
  return rows.map(toTag);
}

/**
 * POST /tags (manageTags). Names are unique per space ignoring case: a taken one answers 409 with
 * the tag that has it. Without a colour the next one of the palette. Everyone in the space hears
 * of it (`tag.changed`).
 */
export async function createTag(db: Db, v: Viewer, input: TagInput): Promise<Tag> {
  if (!v.capabilities.manageTags)
    throw forbidden('You may not create tags. Ask an admin or a manager for this permission.');
  requireSpace(v, input.spaceId);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw invalidField('The tag name must not be empty.', 'body.name', 'must not be empty');
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'select count(*)::int as n from tags where space_id = $1',
      [input.spaceId],
    );
    const color = input.color ?? TAG_PALETTE[Number(n) % TAG_PALETTE.length]!;
    const [row] = await tx.query<TagRow>(
      `insert into tags (id, space_id, name, color) values ($1, $2, $3, $4)
       on conflict do nothing returning id, space_id, name, color`,
      [`tag_${randomBytes(9).toString('base64url')}`, input.spaceId, name, color],
    );
    if (!row) {
      const [existing] = await tx.query<TagRow>(
        'select id, space_id, name, color from tags where space_id = $1 and lower(name) = lower($2)',
        [input.spaceId, name],
      );
      throw conflict(
        'tag-exists',
        `A tag named “${existing!.name}” already exists here. Use that one.`,
        toTag(existing!),
      );
    }
    const tag = toTag(row);
    await logEvents(tx, [{ spaceId: tag.spaceId, type: 'tag.changed', payload: { tag } }]);
    return tag;
  });
}

/**
 * PUT /conversations/{id}/tags (applyTags, If-Match): the whole set. Tags must be of the
 * conversation's space. The event says what was added and removed, and by whom.
 */
export async function setConversationTags(
  db: Db,
  v: Viewer,
  conversationId: string,
  tagIds: string[],
  ifMatch: IfMatch,
): Promise<Conversation> {
  if (!v.capabilities.applyTags)
    throw forbidden('You may not change the tags of conversations. Ask an admin for this permission.');
  const wanted = [...new Set(tagIds)].sort();
  return changeConversation(db, v, conversationId, ifMatch, 'tags', async (tx, c) => {
    const known = await tx.query<{ id: string }>(
      `select id from tags where space_id = $1 and id in ${textList('$2')}`,
      [c.space_id, JSON.stringify(wanted)],
    );
    const errors: FieldError[] = [];
    tagIds.forEach((id, i) => {
      if (!known.some((t) => t.id === id))
        errors.push({ path: `body.tagIds[${i}]`, message: 'is not a tag of this space' });
    });
    if (errors.length > 0)
      throw invalid(
        errors.length === 1
          ? 'One of the tags is not a tag of this space (it may have been deleted). Reload the tags and try again.'
          : `${errors.length} of the tags are not tags of this space. Reload the tags and try again.`,
        errors,
      );
    const { added, removed } = diff(c.tag_ids, wanted);
    if (added.length === 0 && removed.length === 0) return null;
    await tx.query('delete from conversation_tags where conversation_id = $1', [c.id]);
    await tx.query(
      `insert into conversation_tags (conversation_id, tag_id) select $1::text, x.id from ${textList('$2')} x(id)`,
      [c.id, JSON.stringify(wanted)],
    );
    return { event: { type: 'tags_changed', added, removed, actorId: v.id } };
  });
}
