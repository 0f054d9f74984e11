/** Plain HTTP against a server under test: timed requests and light event-stream readers. */

export interface Timed {
  status: number;
  ms: number;
  body: unknown;
}

export async function timed(
  base: string,
  path: string,
  init: { token?: string; method?: string; body?: unknown } = {},
): Promise<Timed> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(new URL(path, base), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON.
  }
  return { status: res.status, ms, body };
}

/**
 * One open /api/events stream that only remembers the ids it has seen in event data (no JSON
 * parsing: 300 of them share the process with the measurements).
 */
export interface LightStream {
  status: number;
  saw(id: string): boolean;
  /** When (performance.now()) an id was first seen, if it was. */
  seenAt(id: string): number | undefined;
  close(): void;
}

const ID = /"id":"([^"]+)"/g;

export async function openLightStream(base: string, spaceId: string, token: string): Promise<LightStream> {
  const controller = new AbortController();
  const res = await fetch(new URL(`/api/events?spaceId=${spaceId}`, base), {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const seen = new Map<string, number>();
  let tail = '';
  if (res.status === 200 && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          const text = tail + decoder.decode(chunk, { stream: true });
          const now = performance.now();
          for (const m of text.matchAll(ID)) if (!seen.has(m[1]!)) seen.set(m[1]!, now);
          tail = text.slice(-200);
        }
      } catch {
        // Closed by the benchmark.
      }
    })();
  } else {
    await res.text().catch(() => '');
  }
  return {
    status: res.status,
    saw: (id) => seen.has(id),
    seenAt: (id) => seen.get(id),
    close: () => controller.abort(),
  };
}
