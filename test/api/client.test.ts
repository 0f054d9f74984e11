import { expect } from '@open-wc/testing';
import {
  InboxApiError,
  NETWORK_PROBLEM_TYPE,
  createInboxClient,
  idempotencyHeader,
  idempotencyKey,
  ifMatch,
  unwrap,
  type TokenProvider,
} from '../../src/api/index.js';
import { fakeFetch, json, problem } from './fake-fetch.js';

const space = { id: 's1', name: 'North' };

/** A token provider that hands out t1, then t2 on refresh, and records how it was called. */
function tokens(): TokenProvider & { calls: ({ refresh?: boolean } | undefined)[] } {
  let current = 't1';
  const calls: ({ refresh?: boolean } | undefined)[] = [];
  const provider = (options?: { refresh?: boolean }) => {
    calls.push(options);
    if (options?.refresh) current = 't2';
    return Promise.resolve(current);
  };
  return Object.assign(provider, { calls });
}

describe('createInboxClient', () => {
  it('sends the bearer token from the token provider', async () => {
    const server = fakeFetch().on('GET', '/api/spaces', () => json([space]));
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 'abc',
      fetch: server.fetch,
    });

    expect(await unwrap(client.api.GET('/spaces'))).to.deep.equal([space]);
    expect(server.requests[0]?.headers.get('Authorization')).to.equal('Bearer abc');
  });

  it('on 401 refreshes the token once and retries the request with it, body intact', async () => {
    const provider = tokens();
    const server = fakeFetch().on('POST', '/api/tags', (request) =>
      request.headers.get('Authorization') === 'Bearer t2'
        ? request
            .json()
            .then((body: { name: string }) =>
              json({ id: 'tag1', spaceId: 's1', name: body.name, color: '#112233' }, 201),
            )
        : problem(401, 'Token expired.'),
    );
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: provider,
      fetch: server.fetch,
    });

    const tag = await unwrap(client.api.POST('/tags', { body: { spaceId: 's1', name: 'VIP' } }));

    expect(tag.name).to.equal('VIP');
    expect(provider.calls).to.deep.equal([undefined, { refresh: true }]);
    expect(server.requests.map((r) => r.headers.get('Authorization'))).to.deep.equal([
      'Bearer t1',
      'Bearer t2',
    ]);
  });

  it('surfaces a second 401 as InboxApiError 401 without retrying again', async () => {
    const provider = tokens();
    const server = fakeFetch().on('GET', '/api/me', () => problem(401, 'Sign in again.'));
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: provider,
      fetch: server.fetch,
    });

    const error = await unwrap(client.api.GET('/me')).catch((e: unknown) => e);

    expect(error).to.be.instanceOf(InboxApiError);
    expect((error as InboxApiError).status).to.equal(401);
    expect((error as InboxApiError).message).to.equal('Sign in again.');
    expect(server.requests).to.have.length(2);
    expect(provider.calls.filter((c) => c?.refresh)).to.have.length(1);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const provider = tokens();
    const server = fakeFetch().on('GET', '/api/spaces', (request) =>
      request.headers.get('Authorization') === 'Bearer t2' ? json([space]) : problem(401, 'Expired.'),
    );
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: provider,
      fetch: server.fetch,
    });

    await Promise.all([unwrap(client.api.GET('/spaces')), unwrap(client.api.GET('/spaces'))]);

    expect(provider.calls.filter((c) => c?.refresh)).to.have.length(1);
  });

  it('turns problem+json into an InboxApiError with detail, field errors and current', async () => {
    const errors = [{ path: 'body.name', message: 'Too long.' }];
    const server = fakeFetch()
      .on('POST', '/api/tags', () =>
        problem(400, 'The tag name is too long.', { errors, type: 'urn:inbox:problem:validation' }),
      )
      .on('PUT', '/api/conversations/c1/status', () =>
        problem(412, 'Someone changed it.', { current: { id: 'c1', version: 4 } }),
      );
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: server.fetch,
    });

    const invalid = await unwrap(
      client.api.POST('/tags', { body: { spaceId: 's1', name: 'x'.repeat(60) } }),
    ).catch((e: unknown) => e);
    expect(invalid).to.be.instanceOf(InboxApiError);
    expect(invalid).to.include({
      status: 400,
      type: 'urn:inbox:problem:validation',
      detail: 'The tag name is too long.',
      message: 'The tag name is too long.',
    });
    expect((invalid as InboxApiError).errors).to.deep.equal(errors);

    const stale = (await unwrap(
      client.api.PUT('/conversations/{conversationId}/status', {
        params: { path: { conversationId: 'c1' }, header: ifMatch(3) },
        body: { status: 'closed' },
      }),
    ).catch((e: unknown) => e)) as InboxApiError;
    expect(stale.status).to.equal(412);
    expect(stale.current).to.deep.equal({ id: 'c1', version: 4 });
  });

  it('gives a non-JSON error a sensible InboxApiError', async () => {
    const server = fakeFetch().on(
      'GET',
      '/api/me',
      () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: server.fetch,
    });

    const error = (await unwrap(client.api.GET('/me')).catch((e: unknown) => e)) as InboxApiError;

    expect(error).to.be.instanceOf(InboxApiError);
    expect(error.status).to.equal(502);
    expect(error.title).to.equal('Bad Gateway');
    expect(error.problem).to.equal(undefined);
  });

  it('reports a network failure as InboxApiError status 0', async () => {
    const cause = new TypeError('Failed to fetch');
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: () => Promise.reject(cause),
    });

    const error = (await unwrap(client.api.GET('/me')).catch((e: unknown) => e)) as InboxApiError;

    expect(error).to.be.instanceOf(InboxApiError);
    expect(error).to.include({
      status: 0,
      type: NETWORK_PROBLEM_TYPE,
      message: "Can't reach the inbox server. Check your connection.",
    });
    expect(error.cause).to.equal(cause);
  });

  it('lets an abort through as an AbortError, not a network failure', async () => {
    const server = fakeFetch().on(
      'GET',
      '/api/me',
      (request) =>
        new Promise((_, reject) => {
          const fail = () => reject(new DOMException('Aborted', 'AbortError'));
          if (request.signal.aborted) fail();
          request.signal.addEventListener('abort', fail);
        }),
    );
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: server.fetch,
    });
    const controller = new AbortController();

    const pending = client.api.GET('/me', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();

    expect(((await pending) as Error).name).to.equal('AbortError');
  });

  it('sets Idempotency-Key and If-Match through the helpers', async () => {
    const server = fakeFetch()
      .on('POST', '/api/conversations/c1/notes', () =>
        json(
          {
            id: 'n1',
            conversationId: 'c1',
            seq: 1,
            createdAt: '2025-01-01T00:00:00Z',
            kind: 'note',
            text: 'hi',
            authorId: 'u1',
          },
          201,
        ),
      )
      .on('PUT', '/api/conversations/c1/tags', () => problem(501, 'Not implemented yet.'));
    const client = createInboxClient({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: server.fetch,
    });
    const key = idempotencyKey();

    await unwrap(
      client.api.POST('/conversations/{conversationId}/notes', {
        params: { path: { conversationId: 'c1' }, header: idempotencyHeader(key) },
        body: { text: 'hi' },
      }),
    );
    await unwrap(
      client.api.PUT('/conversations/{conversationId}/tags', {
        params: { path: { conversationId: 'c1' }, header: ifMatch(7) },
        body: { tagIds: [] },
      }),
    ).catch(() => undefined);

    expect(server.requests[0]?.headers.get('Idempotency-Key')).to.equal(key);
    expect(server.requests[1]?.headers.get('If-Match')).to.equal('"7"');
  });

  it('makes idempotency keys that match the contract and never repeat', () => {
    const keys = new Set(Array.from({ length: 50 }, idempotencyKey));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[A-Za-z0-9_-]{8,100}$/);
  });
});
