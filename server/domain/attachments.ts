import { randomBytes } from 'node:crypto';
import type { components } from '../../src/api/schema.js';
import { CHANNELS, type Channel } from '../channels/capabilities.js';
import { sniff, typeLabel } from '../channels/sniff.js';
import type { Queryable } from '../db/db.js';
import { DomainError, invalidField } from './errors.js';
import { canSeeConversation } from './conversation-lock.js';
import { cleanName } from './file-name.js';
import type { Viewer } from './users.js';

type Attachment = components['schemas']['Attachment'];

export const channelRules = (channel: Channel) => CHANNELS.find((c) => c.channel === channel)!;

export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function tooLarge(channel: Channel, name: string | null): DomainError {
  const caps = channelRules(channel);
  return new DomainError(
    'too-large',
    'payload-too-large',
    `${name ? `“${name}”` : 'The file'} is larger than ${caps.label}'s ${megabytes(caps.attachments.maxBytes)} limit.`,
  );
}

export function noAttachments(channel: Channel): DomainError {
  return new DomainError(
    'unsupported-type',
    'attachments-not-allowed',
    `${channelRules(channel).label} messages can't carry attachments.`,
  );
}

/**
 * POST /attachments: checks one upload against the channel (allowed at all, size, the type
 * sniffed from the bytes) and stores it in the database, so every server process on a shared
 * Postgres can serve it. It belongs to its uploader until a send of theirs on that channel uses it.
 */
export async function storeUpload(
  db: Queryable,
  v: Viewer,
  channel: Channel,
  rawName: string,
  bytes: Uint8Array,
): Promise<Attachment> {
  const caps = channelRules(channel);
  if (!caps.attachments.allowed) throw noAttachments(channel);
  const name = cleanName(rawName);
  if (bytes.length > caps.attachments.maxBytes) throw tooLarge(channel, name);
  if (bytes.length === 0) throw invalidField(`“${name}” is empty.`, 'body.file', 'must not be empty');
  const type = sniff(bytes);
  if (!type || !caps.attachments.contentTypes.includes(type)) {
    const allowed = caps.attachments.contentTypes.map(typeLabel).join(', ');
    const what = type ? `${typeLabel(type)} files` : `“${name}” is not a file type that`;
    throw new DomainError(
      'unsupported-type',
      'unsupported-media-type',
      type
        ? `${what} can't be sent on ${caps.label}. Allowed: ${allowed}.`
        : `${what} can be sent on ${caps.label}. Allowed: ${allowed}.`,
    );
  }
  const id = `att_${randomBytes(12).toString('base64url')}`;
  await db.query(
    `insert into attachments (id, uploaded_by, channel, name, content_type, size, data)
     values ($1, $2, $3, $4, $5, $6::int, $7)`,
    [id, v.id, channel, name, type, bytes.length, bytes],
  );
  return { id, name, contentType: type, size: bytes.length, url: `/api/attachments/${id}` };
}

export interface StoredFile {
  name: string;
  contentType: string;
  data: Uint8Array<ArrayBuffer>;
}

/** The bytes, for their uploader or anyone who can see the conversation they were sent in. */
export async function loadAttachment(db: Queryable, v: Viewer, id: string): Promise<StoredFile | null> {
  const [row] = await db.query<{
    name: string;
    content_type: string;
    data: Uint8Array | null;
    uploaded_by: string | null;
    conversation_id: string | null;
  }>(
    `select a.name, a.content_type, a.data, a.uploaded_by, ti.conversation_id
     from attachments a left join timeline_items ti on ti.id = a.item_id where a.id = $1`,
    [id],
  );
  if (!row?.data) return null;
  const mine = row.uploaded_by === v.id;
  if (!mine && !(row.conversation_id && (await canSeeConversation(db, v, row.conversation_id)))) return null;
  // Both drivers hand out views (a Buffer may share a pool); a copy of its own can be a response body.
  return { name: row.name, contentType: row.content_type, data: new Uint8Array(row.data) };
}
