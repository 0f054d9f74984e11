import { INLINE_IMAGES } from '../channels/sniff.js';
import { channelRules, loadAttachment, noAttachments, storeUpload, tooLarge } from '../domain/attachments.js';
import { inputOf, type Handler } from '../http/env.js';
import { notFound } from '../domain/errors.js';
import { ProblemError } from '../http/problem.js';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const fileRequired = () =>
  new ProblemError(400, 'validation', 'Attach the file as the form field “file”.', {
    errors: [{ path: 'body.file', message: 'is required' }],
  });

/** Reads a request body, giving up (null) as soon as it is longer than `cap` bytes. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  cap: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * POST /attachments?channel=… (multipart/form-data, field `file`). The contract validator skips
 * multipart bodies; here the size is capped while reading, then storeUpload applies the rules.
 */
export const uploadAttachmentRoute: Handler = async (c) => {
  const { query } = inputOf(c, 'uploadAttachment');
  const channel = query.channel;
  const { allowed, maxBytes } = channelRules(channel).attachments;
  const refuse = () => (allowed ? tooLarge(channel, null) : noAttachments(channel));
  const cap = (allowed ? maxBytes : 0) + MULTIPART_OVERHEAD;
  if (Number(c.req.header('content-length') ?? 0) > cap) throw refuse();
  // A small body is read even when it is refused: answering while the client is still sending it
  // can reset the connection, and the client then sees a network error instead of the reason.
  const body = c.req.raw.body;
  const bytes = body ? await readCapped(body, cap) : undefined;
  if (!allowed || bytes === null) throw refuse();
  if (!bytes) throw fileRequired();
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { 'content-type': c.req.header('content-type') ?? '' },
    }).formData();
  } catch {
    throw new ProblemError(400, 'validation', 'The upload is not a valid multipart/form-data body.', {
      errors: [{ path: 'body', message: 'must be multipart/form-data with a “file” field' }],
    });
  }
  const file = form.get('file');
  if (file === null) throw fileRequired();
  if (typeof file === 'string') {
    throw new ProblemError(400, 'validation', 'The form field “file” must be a file, not text.', {
      errors: [{ path: 'body.file', message: 'must be a file' }],
    });
  }
  const data = new Uint8Array(await file.arrayBuffer());
  const { db, links } = c.get('services');
  const viewer = c.get('viewer');
  const attachment = await storeUpload(db, viewer, channel, file.name, data);
  return c.json(links.attachment(attachment, viewer.id), 201);
};

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');

/**
 * GET /attachments/{id}: the bytes with their sniffed type. Only JPEG, PNG, GIF and WEBP may be
 * shown inline; everything else is a download. nosniff and a sandbox CSP make sure that even a
 * file a browser would read as a page never runs as one on this origin.
 *
 * Authorized by a bearer token or by a signed link (bearerAuth checked its signature and expiry);
 * either way the file is only served if that user may see it now.
 */
export const getAttachmentRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'getAttachment');
  const signedId = c.get('signedAttachmentId');
  if (signedId !== undefined && signedId !== path.attachmentId)
    throw new ProblemError(
      401,
      'invalid-link',
      'This link is not valid. Reload the conversation to get a fresh one.',
    );
  const file = await loadAttachment(c.get('services').db, c.get('viewer'), path.attachmentId);
  if (!file) throw notFound(`Attachment ${path.attachmentId} does not exist or is not visible to you.`);
  const inline = INLINE_IMAGES.includes(file.contentType);
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;
  return new Response(file.data, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.data.length),
      'content-disposition': disposition,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; media-src 'self'",
      'cache-control': 'private, max-age=3600',
      'cross-origin-resource-policy': 'cross-origin',
    },
  });
};
