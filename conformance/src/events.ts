import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Backend } from './http.js';

export interface StreamedEvent {
  id: string | undefined;
  event: string | undefined;
  data: unknown;
}

/** A server-sent event stream being read; `next` waits for the first event that matches. */
export interface OpenStream {
  status: number;
  contentType: string;
  events: StreamedEvent[];
  next(match: (e: StreamedEvent) => boolean, timeoutMs?: number): Promise<StreamedEvent | undefined>;
  close(): void;
}

export async function openEvents(
  backend: Backend,
  spaceId: string,
  lastEventId?: string,
): Promise<OpenStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${backend.token}`,
    Accept: 'text/event-stream',
  };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(
    `${backend.baseUrl.replace(/\/$/, '')}/events?spaceId=${encodeURIComponent(spaceId)}`,
    {
      headers,
      signal: controller.signal,
    },
  );
  const events: StreamedEvent[] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      let data: unknown = message.data;
      try {
        data = JSON.parse(message.data);
      } catch {
        // Kept as text: the rules say so.
      }
      events.push({ id: message.id, event: message.event, data });
      waiters.forEach((wake) => wake());
    },
  });
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          parser.feed(decoder.decode(chunk, { stream: true }));
      } catch {
        // Closed by us or by the server.
      }
    })();
  } else {
    await response.body?.cancel();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    events,
    next(match, timeoutMs = 5_000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const wake = () => {
          const hit = events.find(match);
          if (!hit) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(undefined);
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    close: () => controller.abort(),
  };
}
