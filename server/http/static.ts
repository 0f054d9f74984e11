import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { printable } from '../contract/plain-text.js';
import { problemResponse } from './problem.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves files under `root` for URLs under `prefix` (GET/HEAD only). The resolved path must stay
 * inside root, so `..`, encoded or not, never escapes it; node_modules is never served.
 */
export function serveStatic(prefix: string, root: string): MiddlewareHandler<AppEnv> {
  const base = resolve(root);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!c.req.path.startsWith(prefix)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return problemResponse(400, 'bad-path', 'The path is not valid URL encoding.');
    }
    if (rel.includes('\0') || rel.split(/[\\/]/).some((s) => s === '..' || s === 'node_modules')) {
      return problemResponse(404, 'not-found', `There is no file at ${printable(c.req.path)}.`);
    }
    let file = resolve(base, `.${sep}${rel}`);
    if (file !== base && !file.startsWith(base + sep))
      return problemResponse(404, 'not-found', `There is no file at ${printable(c.req.path)}.`);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!c.req.path.endsWith('/')) return c.redirect(`${c.req.path}/`, 301);
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return next();
    const type =
      TYPES[file.endsWith('.d.ts') ? '.d.ts' : extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = {
      'content-type': type,
      'content-length': String(info.size),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'last-modified': info.mtime.toUTCString(),
    };
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers });
  };
}
