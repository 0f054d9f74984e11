import createClient, { type Client } from 'openapi-fetch';
import { openEventStream, type EventStream, type EventStreamOptions } from './events-stream.js';
import { authMiddleware, type TokenProvider } from './middleware.js';
import type { paths } from './types.js';

export interface InboxClientConfig {
  /** Where the API is served, e.g. `/api` or `https://inbox.example.com/api`. */
  baseUrl: string;
  tokenProvider: TokenProvider;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** What `events()` needs besides the space; the URL, token and fetch come from the client. */
export type SpaceEventsOptions = Omit<EventStreamOptions, 'url' | 'getToken' | 'fetch'>;

export interface InboxClient {
  /** The typed openapi-fetch client; wrap calls in `unwrap()` to get data or an InboxApiError. */
  readonly api: Client<paths>;
  readonly baseUrl: string;
  readonly tokenProvider: TokenProvider;
  /** The realtime stream of one space (`GET /events`), resumed from `lastEventId`. */
  events(spaceId: string, options: SpaceEventsOptions): EventStream;
}

export function createInboxClient({ baseUrl, tokenProvider, fetch }: InboxClientConfig): InboxClient {
  // Resolve the global lazily so a test or polyfill that replaces it later is still honoured.
  const fetchImpl: typeof globalThis.fetch = fetch ?? ((input, init) => globalThis.fetch(input, init));
  const api = createClient<paths>({ baseUrl, fetch: (request) => fetchImpl(request) });
  api.use(authMiddleware(tokenProvider));
  const root = baseUrl.replace(/\/+$/, '');

  return {
    api,
    baseUrl,
    tokenProvider,
    events(spaceId, options) {
      const url = `${root}/events?${new URLSearchParams({ spaceId })}`;
      return openEventStream({ ...options, url, getToken: tokenProvider, fetch: fetchImpl });
    },
  };
}
