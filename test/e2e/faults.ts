// Faults for the end-to-end fault-injection suite: requests dropped on the way out or on the way
// back, and a server-sent event stream that repeats and reorders events. Deterministic: each takes
// a seeded random source, so a failing run can be replayed.
import type { BrowserContext, Page, Route } from 'playwright-core';

/** A small seeded generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RequestDrops {
  /** Requests that never reached the server. */
  before: number;
  /** Requests the server answered, whose answer the page never got (the dangerous half). */
  after: number;
  stop(): Promise<void>;
}

/**
 * Drops `rate` of the context's API requests: half before the server sees them, half after it has
 * answered (so a send can succeed on the server while the page sees a network error). The event
 * stream is only ever refused at connection time: a streaming answer cannot be fetched whole.
 */
export async function dropRequests(
  context: BrowserContext,
  rate: number,
  random: () => number,
): Promise<RequestDrops> {
  const drops = { before: 0, after: 0 };
  const handler = async (route: Route) => {
    const roll = random();
    if (roll >= rate) return route.continue();
    const streaming = route.request().url().includes('/api/events');
    if (streaming || roll < rate / 2) {
      drops.before++;
      return route.abort('connectionreset');
    }
    try {
      await route.fetch();
      drops.after++;
    } catch {
      // The server was down anyway: the page sees the same failure.
    }
    return route.abort('connectionreset');
  };
  await context.route('**/api/**', handler);
  return {
    get before() {
      return drops.before;
    },
    get after() {
      return drops.after;
    },
    stop: () => context.unroute('**/api/**', handler),
  };
}

/**
 * Adds an init script that wraps the page's fetch so every server-sent event stream repeats about one
 * event in five and swaps about one in five with the event after it. The counts are on
 * `window.__streamFaults`. It is a string: a compiled function would carry the compiler's helpers.
 */
export async function tamperEventStreams(page: Page, seed: number): Promise<void> {
  await page.addInitScript(`(() => {
    let state = ${seed >>> 0};
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const counts = { duplicated: 0, reordered: 0 };
    window.__streamFaults = counts;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes('/api/events') || !response.body) return response;
      let buffer = '';
      let held = null;
      const blocks = new TransformStream({
        transform(chunk, controller) {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\\n\\n')) >= 0) {
            const block = buffer.slice(0, end + 2);
            buffer = buffer.slice(end + 2);
            const isEvent = /^data:/m.test(block);
            if (isEvent && held === null && random() < 0.2) {
              held = block;
              counts.reordered++;
              continue;
            }
            controller.enqueue(block);
            if (isEvent && random() < 0.2) {
              controller.enqueue(block);
              counts.duplicated++;
            }
            if (held !== null) {
              controller.enqueue(held);
              held = null;
            }
          }
        },
        flush(controller) {
          if (held !== null) controller.enqueue(held);
          if (buffer) controller.enqueue(buffer);
        },
      });
      const body = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(blocks)
        .pipeThrough(new TextEncoderStream());
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
  })();`);
}
