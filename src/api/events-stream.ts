// Imported with the client, not on demand: browsers today keep a failed dynamic import failed for
// the page's life, so a parser that could not load once (offline as the page starts) would leave
// the stream unable to reconnect until a reload.
import { createParser } from 'eventsource-parser';
import { InboxApiError, isAbortError } from './errors.js';
import type { TokenProvider } from './middleware.js';
import type { InboxEvent } from './types.js';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'offline';

export interface BackoffOptions {
  /** First delay ceiling in ms (default 500). */
  baseMs?: number;
  /** Largest delay ceiling in ms (default 30 000). */
  capMs?: number;
  /** Source of jitter in [0, 1) (default Math.random). */
  random?: () => number;
  /** Waits `ms`, resolving early (or rejecting) when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface EventStreamOptions {
  url: string | URL;
  getToken: TokenProvider;
  /** Resume after this id (sent as `Last-Event-ID`). */
  lastEventId?: string | undefined;
  onEvent: (event: InboxEvent) => void;
  onStatus?: (status: StreamStatus) => void;
  /** A failure that stops the stream for good (403, a second 401, a bad request). */
  onError?: (error: InboxApiError) => void;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  backoff?: BackoffOptions;
}

export interface EventStream {
  /** The newest event id seen; what a reconnect resumes from. */
  readonly lastEventId: string | undefined;
  /** Resolves once the stream has stopped (aborted or a fatal error). */
  readonly done: Promise<void>;
  close(): void;
}

/** Full-jitter exponential backoff: a random delay in [0, min(cap, base·2^attempt)). */
export function backoffDelay(
  attempt: number,
  { baseMs = 500, capMs = 30_000, random = Math.random }: BackoffOptions = {},
): number {
  return random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/**
 * Server-sent events over fetch, so the bearer token travels in a header (EventSource cannot
 * send one). Reconnects with backoff and resumes from the last seen id until closed.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const { url, getToken, onEvent, onError, backoff = {} } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = backoff.sleep ?? abortableSleep;
  const controller = new AbortController();
  const signal = controller.signal;
  const stopOnParentAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', stopOnParentAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  let lastEventId = options.lastEventId;
  let status: StreamStatus | undefined;
  const setStatus = (next: StreamStatus): void => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const parser = createParser({
    onEvent(message) {
      // Keep-alives are comments and never get here; a frame without data carries nothing to apply.
      if (message.id) lastEventId = message.id;
      if (!message.data) return;
      let event: InboxEvent;
      try {
        event = JSON.parse(message.data) as InboxEvent;
      } catch {
        return; // A malformed frame must not cost the connection.
      }
      try {
        onEvent(event);
      } catch (error) {
        // A reducer bug must not drop the connection (and loop on reconnect): report it and go on.
        reportError(error);
      }
    },
  });

  let attempt = 0;
  let refresh = false;

  /** One connection; resolves when the server ends it. Throws on failure. */
  async function connectOnce(): Promise<'ended' | 'unauthorized'> {
    const headers = new Headers({ Accept: 'text/event-stream' });
    headers.set('Authorization', `Bearer ${await getToken(refresh ? { refresh: true } : undefined)}`);
    if (lastEventId) headers.set('Last-Event-ID', lastEventId);
    let response: Response;
    try {
      response = await fetchImpl(url, { headers, signal, cache: 'no-store' });
    } catch (error) {
      throw isAbortError(error) ? error : InboxApiError.network(error);
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return 'unauthorized';
    }
    if (!response.ok || !response.body) {
      throw InboxApiError.fromResponse(response, await response.json().catch(() => undefined));
    }
    // A healthy connection: the next failure starts the backoff and the token afresh.
    attempt = 0;
    refresh = false;
    setStatus('open');
    parser.reset();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        parser.feed(value);
      }
    } catch (error) {
      throw isAbortError(error) || signal.aborted ? error : InboxApiError.network(error);
    } finally {
      reader.releaseLock();
    }
  }

  async function run(): Promise<void> {
    setStatus('connecting');
    while (!signal.aborted) {
      try {
        if ((await connectOnce()) === 'unauthorized') {
          if (refresh) throw UNAUTHORIZED();
          refresh = true; // Retry at once with a renewed token.
          continue;
        }
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof InboxApiError && !isRetryable(error.status)) {
          onError?.(error);
          break;
        }
      }
      setStatus('reconnecting');
      try {
        await sleep(backoffDelay(attempt++, backoff), signal);
      } catch {
        break; // Aborted while waiting.
      }
    }
    options.signal?.removeEventListener('abort', stopOnParentAbort);
    setStatus('offline');
  }

  const done = run();
  return {
    get lastEventId() {
      return lastEventId;
    },
    done,
    close: () => controller.abort(),
  };
}

const UNAUTHORIZED = (): InboxApiError =>
  new InboxApiError({
    type: 'about:blank',
    title: 'Unauthorized',
    status: 401,
    detail: 'The inbox server did not accept the token.',
  });

/** Network errors (0), timeouts, throttling and server errors are worth another try. */
function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
