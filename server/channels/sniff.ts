/**
 * The content type of a file from its bytes (magic numbers), never from its name or the client's
 * header. Markup (HTML, SVG, XML) is recognised so it can be refused by name: it is never served
 * inline. null = nothing we know.
 */
export function sniff(bytes: Uint8Array): string | null {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  const ascii = (text: string, at = 0) =>
    starts(
      [...text].map((ch) => ch.charCodeAt(0)),
      at,
    );
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'image/gif';
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'image/webp';
  if (ascii('%PDF-')) return 'application/pdf';
  if (ascii('ftyp', 4)) return 'video/mp4';
  if (ascii('OggS')) return 'audio/ogg';
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  return sniffText(bytes);
}

const MARKUP: readonly [RegExp, string][] = [
  [/^<\?xml[\s\S]*<svg[\s>]/i, 'image/svg+xml'],
  [/^<svg[\s>]/i, 'image/svg+xml'],
  [/^<\?xml/i, 'application/xml'],
  [/^<(!doctype\s+html|html|head|body|script|iframe|div|p|a|img|style|title|meta|!--)[\s>/]/i, 'text/html'],
];

/** UTF-8 text without control characters is text/plain, unless it looks like markup. */
function sniffText(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const b of sample) if (b < 9 || (b > 13 && b < 32) || b === 127) return null;
  let text: string;
  try {
    // A multi-byte character cut at the sample's end is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
  } catch {
    return null;
  }
  const head = text.replace(/^\uFEFF/, '').trimStart();
  for (const [pattern, type] of MARKUP) if (pattern.test(head)) return type;
  // Markup later in a file still renders as a page in a browser that sniffs: refuse it too.
  if (/<(script|html|svg|iframe)[\s>]/i.test(text)) return 'text/html';
  return 'text/plain';
}

const LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'application/pdf': 'PDF',
  'video/mp4': 'MP4',
  'audio/ogg': 'OGG',
  'application/zip': 'ZIP',
  'text/plain': 'plain text',
  'text/html': 'HTML',
  'image/svg+xml': 'SVG',
  'application/xml': 'XML',
};

export const typeLabel = (type: string): string => LABELS[type] ?? type;

/** Images a browser may show inline; everything else is served as a download. */
export const INLINE_IMAGES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
