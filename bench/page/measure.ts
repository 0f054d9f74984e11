/** In-page measuring helpers shared by every suite's harness. */

/** Resolves once the frame that follows now has been produced: rAF, then a task after the paint. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    }),
  );
}

/**
 * Counts painted frames in which `shows()` is false, until stopped: checked in a task posted from
 * each frame callback, which runs once that frame has been painted, so it sees what was painted.
 */
export function blankFrames(shows: () => boolean): { stop(): number } {
  let blank = 0;
  let frame = requestAnimationFrame(function tick() {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!shows()) blank++;
    };
    channel.port2.postMessage(null);
    frame = requestAnimationFrame(tick);
  });
  return {
    stop: () => {
      cancelAnimationFrame(frame);
      return blank;
    },
  };
}

export const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));

/**
 * Resolves with the time of the first paint after `check()` turns true, watching mutations under
 * `root` (so rows rendered in any later frame, as a virtualizer does, are seen).
 */
export function paintedWhen(root: Node, check: () => boolean, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      nextPaint().then(resolve, reject);
    };
    const observer = new MutationObserver(() => {
      if (!done && check()) finish();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    if (check()) finish();
  });
}

/**
 * Like paintedWhen, but also checks on scroll events and once per frame, for states a scroll
 * reaches without touching the DOM (a row scrolled into view). Resolves with the time of the paint
 * that follows the first check that passes.
 */
export function paintedWhenSeen(root: Node, check: () => boolean, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    let frame = 0;
    const stop = () => {
      done = true;
      observer.disconnect();
      root.removeEventListener('scroll', test, true);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    const test = () => {
      if (done || !check()) return;
      stop();
      nextPaint().then(resolve, reject);
    };
    // Checked in a frame callback, the state is what this frame paints: resolve after that paint.
    const tick = () => {
      if (done) return;
      if (check()) {
        stop();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(performance.now());
        };
        channel.port2.postMessage(null);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    const observer = new MutationObserver(test);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    root.addEventListener('scroll', test, true);
    frame = requestAnimationFrame(tick);
    test();
  });
}

export async function until(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every node of the document, descending into open shadow roots. */
export function countNodes(root: Node = document): number {
  let count = 0;
  const walk = (node: Node): void => {
    count++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return count;
}

const scrolls = (el: Element): boolean => {
  const { overflowY } = getComputedStyle(el);
  return (overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight;
};

/** The element itself when it scrolls, else the first scrolling descendant in its shadow root. */
export function findScroller(host: Element): Element | undefined {
  if (scrolls(host)) return host;
  const root = host.shadowRoot;
  if (!root) return undefined;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (scrolls(node as Element)) return node as Element;
  }
  return undefined;
}

declare global {
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

/** Used JS heap after full collections; needs --js-flags=--expose-gc --enable-precise-memory-info. */
export async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !performance.memory) return NaN;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  return performance.memory.usedJSHeapSize;
}

/** Long tasks and rAF frame deltas between start() and stop(). */
export function recordFrames() {
  const deltas: number[] = [];
  const longTasks: number[] = [];
  let running = true;
  let last = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const tick = (now: number) => {
    if (!running) return;
    if (last) deltas.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
      observer.disconnect();
      return { deltas, longTasks };
    },
  };
}
