// A deliberately broken backend for the kit's own tests: a proxy in front of the reference server
// that breaks one rule of the contract per fault, so the report must fail exactly those rules.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';

export interface BrokenBackend {
  /** The proxy's API root. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Which rule each fault breaks. */
export const BROKEN_RULES = [
  'schemas',
  'problem-details',
  'auth',
  'if-match',
  'idempotency',
  'status-machine',
  'events-resume',
] as const;

export async function startBrokenBackend(target: string, anyValidToken: string): Promise<BrokenBackend> {
  // A client that hangs up mid-answer aborts the forwarded request: nothing to report then.
  const server = createServer((req, res) => void forward(req, res).catch(() => res.destroy()));

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', target);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers.set(name, value);
    // auth: one route lets anyone in.
    if (url.pathname === '/api/tags' && !headers.has('authorization'))
      headers.set('authorization', `Bearer ${anyValidToken}`);
    // if-match: a missing version is taken as "any version".
    if (req.method === 'PUT' && !headers.has('if-match')) headers.set('if-match', '*');
    // idempotency: notes forget their key.
    if (req.method === 'POST' && url.pathname.endsWith('/notes'))
      headers.set('idempotency-key', randomUUID());
    // events-resume: the stream ignores where the client left off.
    headers.delete('last-event-id');

    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    let answer: Response;
    try {
      answer = await fetch(url, {
        method: req.method!,
        headers,
        body: body ?? null,
        signal: controller.signal,
      });
    } catch {
      res.writeHead(502).end();
      return;
    }
    const type = answer.headers.get('content-type') ?? '';
    if (type.startsWith('text/event-stream') && answer.body) {
      res.writeHead(answer.status, { 'content-type': type, 'cache-control': 'no-cache' });
      Readable.fromWeb(answer.body as WebStream)
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
    let text = await answer.text();
    let status = answer.status;
    let contentType = type;
    // problem-details: "not found" is plain JSON without a detail.
    if (status === 404) {
      contentType = 'application/json';
      text = JSON.stringify({ error: 'not found' });
    }
    // status-machine: a move back to Unanswered is "accepted".
    if (status === 409 && text.includes('illegal-status-change')) {
      status = 200;
      text = await (await fetch(url, { headers })).text();
      contentType = 'application/json';
    }
    // schemas: /me loses its user.
    if (url.pathname === '/api/me' && status === 200) {
      const me = JSON.parse(text) as Record<string, unknown>;
      delete me['user'];
      text = JSON.stringify(me);
    }
    const out: Record<string, string> = { 'content-type': contentType };
    const etag = answer.headers.get('etag');
    if (etag) out['etag'] = etag;
    res.writeHead(status, out).end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
