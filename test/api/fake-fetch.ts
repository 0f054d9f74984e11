/** A scriptable fetch for client, stream and store tests: routes by method and path, records requests. */

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  /** Every request, in order (cloned, so bodies can still be read). */
  requests: Request[];
  /** Routes `method path`; a `:name` segment of the path matches any one segment. */
  on(method: string, path: string, handler: Handler): FakeFetch;
  /** Requests to one path, as URLs. */
  calls(path: string): URL[];
}

export function fakeFetch(): FakeFetch {
  const routes = new Map<string, Handler>();
  const requests: Request[] = [];
  // A route like `/api/conversations/:id/status` matches any one segment where `:id` stands.
  const match = (method: string, pathname: string): Handler | undefined => {
    const segments = pathname.split('/');
    for (const [key, handler] of routes) {
      const [routeMethod, path = ''] = key.split(' ');
      const pattern = path.split('/');
      if (
        routeMethod === method &&
        pattern.length === segments.length &&
        pattern.every((part, i) => part.startsWith(':') || part === segments[i])
      )
        return handler;
    }
    return undefined;
  };
  const fake: FakeFetch = {
    requests,
    on(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
      return fake;
    },
    calls: (path) => requests.map((r) => new URL(r.url)).filter((u) => u.pathname === path),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      const url = new URL(request.url);
      const handler = routes.get(`${request.method} ${url.pathname}`) ?? match(request.method, url.pathname);
      if (!handler)
        return json(
          { type: 'about:blank', title: 'Not Found', status: 404, detail: `No route ${url.pathname}` },
          404,
        );
      return handler(request, url);
    },
  };
  return fake;
}

export function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return json(
    { type: `urn:inbox:problem:test-${status}`, title: `Problem ${status}`, status, detail, ...extra },
    status,
  );
}

/** A promise plus its resolver, for holding a response until the test says so. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Bytes of one server-sent event frame. */
export function sseFrame(id: string, data: unknown, event = 'message'): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * An event-stream response that sends `chunks` and then stays open until the request aborts
 * (as a real connection does), or closes at once with `close: true`.
 */
export function sseResponse(
  request: Request,
  chunks: (string | Uint8Array)[],
  { close = false } = {},
): {
  response: Response;
  push(chunk: string): void;
  end(): void;
} {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      for (const chunk of chunks) c.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      if (close) c.close();
    },
  });
  request.signal.addEventListener('abort', () => {
    try {
      controller.error(new DOMException('The operation was aborted.', 'AbortError'));
    } catch {
      // Already closed.
    }
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (chunk) => controller.enqueue(encoder.encode(chunk)),
    end: () => controller.close(),
  };
}

/** Resolves after pending promise callbacks (and one macrotask) have run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Polls `check` until it passes (a few ms apart), failing after `ms`. */
export async function until(check: () => boolean, ms = 1000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('Timed out waiting for a condition');
    await settle();
  }
}
