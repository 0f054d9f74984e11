import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../app.js';
import { api, startServer } from './helpers.js';

/** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
function raw(server: RunningServer, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    socket.write(request);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('requests Node refuses before the app sees them', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ dataDir: null });
  });
  after(() => server?.close());

  for (const [what, request, status, detail] of [
    ['a malformed request line', 'GET /\u0001 nonsense\r\n\r\n', 400, /not valid HTTP/],
    [
      'a header without a colon',
      'GET /api/me HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n',
      400,
      /not valid HTTP/,
    ],
    [
      'headers over the 16 KB limit',
      `GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      /headers are too large/,
    ],
    ['a URL over the limit', `GET /api/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, /too large/],
  ] as const) {
    it(`answers ${what} with ${status} problem+json`, async () => {
      const res = parse(await raw(server, request));
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const body = JSON.parse(res.body) as { status: number; detail: string; type: string };
      assert.equal(body.status, status);
      assert.match(body.detail, detail);
      assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(res.body));
    });
  }

  it('still answers ordinary requests afterwards', async () => {
    const res = await api(server, '/api/me', { token: 'demo-admin-token' });
    assert.equal(res.status, 200);
  });
});
