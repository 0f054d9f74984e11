import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';

type Attachment = components['schemas']['Attachment'];
type TimelineItem = components['schemas']['TimelineItem'];

/** A signed link works for at least this long after the response that carried it… */
export const LINK_TTL_SECONDS = 3600;
/**
 * …and at most this much longer: expiry is rounded up to a step, so the same user gets the same
 * URL for a file across reloads within the step, and the browser's cache (and an <img> that is
 * re-rendered) does not fetch it again just because the signature changed.
 */
export const LINK_STEP_SECONDS = 600;

const KEY_SETTING = 'attachment_link_key';
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const EXPIRES = /^[0-9]{1,12}$/;
const USER = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The HMAC key, random per database: created by the first server start (racing starts on one
 * Postgres agree, the first insert wins) and read by every later one, so restarts keep links valid
 * and all processes on the database sign and verify alike.
 */
export async function loadLinkKey(db: Queryable): Promise<Buffer> {
  await db.query('insert into settings (name, value) values ($1, $2) on conflict (name) do nothing', [
    KEY_SETTING,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('select value from settings where name = $1', [
    KEY_SETTING,
  ]);
  const key = Buffer.from(row?.value ?? '', 'base64url');
  if (key.length < 32) throw new Error(`settings.${KEY_SETTING} is missing or too short`);
  return key;
}

export interface SignedLinkQuery {
  expires?: string;
  user?: string;
  signature?: string;
}

export type LinkCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Short-lived URLs for GET /api/attachments/{id} that need no Authorization header, so `<img src>`
 * and `<a download>` work. A URL names its user and is signed for that user and file only
 * (HMAC-SHA256 over id, user and expiry); the download still applies that user's visibility.
 */
export class AttachmentLinks {
  constructor(
    private readonly key: Buffer,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** When a link made now expires (unix seconds). */
  expiry(): number {
    const now = Math.floor(this.nowMs() / 1000);
    return Math.ceil((now + LINK_TTL_SECONDS) / LINK_STEP_SECONDS) * LINK_STEP_SECONDS;
  }

  /** base64url HMAC-SHA256 of an unambiguous encoding of (id, user, expires). */
  signature(attachmentId: string, userId: string, expires: number): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify(['inbox-attachment-v1', attachmentId, userId, expires]))
      .digest('base64url');
  }

  url(attachmentId: string, userId: string, expires: number = this.expiry()): string {
    const q = new URLSearchParams({
      expires: String(expires),
      user: userId,
      signature: this.signature(attachmentId, userId, expires),
    });
    return `/api/attachments/${encodeURIComponent(attachmentId)}?${q.toString()}`;
  }

  /** Signature first: only a genuine link is ever told that it expired. */
  check(attachmentId: string, q: SignedLinkQuery): LinkCheck {
    const { expires, user, signature } = q;
    if (!expires || !user || !signature) return { ok: false, reason: 'invalid' };
    if (!EXPIRES.test(expires) || !USER.test(user) || !SIGNATURE.test(signature))
      return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.signature(attachmentId, user, Number(expires)), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'invalid' };
    if (Number(expires) * 1000 <= this.nowMs()) return { ok: false, reason: 'expired' };
    return { ok: true, userId: user };
  }

  /** The attachment with its URL signed for this user. */
  attachment(a: Attachment, userId: string): Attachment {
    return { ...a, url: this.url(a.id, userId) };
  }

  /** A timeline item as one user receives it: every attachment URL signed for them. */
  item<T extends TimelineItem>(item: T, userId: string): T {
    if (item.kind !== 'message') return item;
    return { ...item, attachments: item.attachments.map((a) => this.attachment(a, userId)) };
  }
}
