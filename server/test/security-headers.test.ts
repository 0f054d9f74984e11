import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../app.js';
import { startServer, TOKENS } from './helpers.js';

const DEMO = fileURLToPath(new URL('../../demo/', import.meta.url));
const ORIGIN = 'http://evil.example';

/** The directives of a policy, by name, so order and spacing do not matter. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );

describe('security headers', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ dataDir: null });
  });
  after(() => server?.close());

  const get = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.url), init);
  const authed = { authorization: `Bearer ${TOKENS.admin}` };

  it('lets no other origin read /demo/users (every token) or post to /demo/inbound', async () => {
    const users = await get('/demo/users', { headers: { origin: ORIGIN } });
    assert.equal(users.status, 200);
    assert.equal(users.headers.get('access-control-allow-origin'), null);
    const preflight = await get('/demo/inbound', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const inbound = await get('/demo/inbound', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'cv_0002', text: 'hello' }),
    });
    assert.equal(inbound.headers.get('access-control-allow-origin'), null);
    // The API itself stays callable from any origin: it takes bearer tokens, never cookies.
    const me = await get('/api/me', { headers: { origin: ORIGIN, ...authed } });
    assert.equal(me.headers.get('access-control-allow-origin'), '*');
  });

  it('sends nosniff on every response, and no-store on API answers', async () => {
    const cases: [string, RequestInit, boolean][] = [
      ['/api/me', { headers: authed }, true],
      ['/api/me', {}, true],
      ['/api/conversations?spaceId=sp_retail&limit=oops', { headers: authed }, true],
      ['/api/nope', { headers: authed }, true],
      ['/demo/users', {}, true],
      ['/', {}, false],
      ['/demo.css', {}, false],
      ['/missing.js', {}, false],
    ];
    for (const [path, init, api] of cases) {
      const res = await get(path, init);
      await res.arrayBuffer();
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      if (api) assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
  });

  it('serves the demo pages with their meta policy as a header, plus frame-ancestors and no referrer', async () => {
    for (const page of ['index.html', 'crm.html']) {
      const html = readFileSync(`${DEMO}${page}`, 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      assert.ok(meta, `${page} has a CSP meta tag`);
      const res = await get(`/${page}`);
      await res.text();
      const header = directives(res.headers.get('content-security-policy') ?? '');
      for (const [name, value] of directives(meta)) assert.equal(header.get(name), value, `${page}: ${name}`);
      assert.equal(header.get('require-trusted-types-for'), "'script'");
      assert.equal(header.get('frame-ancestors'), "'self'");
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
  });
});
