// The static Storybook build (storybook-static/, from `npm run build-storybook`) served over HTTP,
// and its index: what the stories and docs tests open in Chromium.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const root = join(process.cwd(), 'storybook-static');

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

export interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** Every entry of the build's index.json: stories and docs pages. */
export async function readIndex(): Promise<IndexEntry[]> {
  const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries);
}

/** Serves the build on a free port of 127.0.0.1; resolves with its base URL and a way to stop. */
export async function serveBuild(): Promise<{ base: string; close: () => void }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
      response
        .writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, close: () => server.close() };
}

/**
 * The shadow-root selectors that show an inbox element has rendered: its content or one of its
 * state messages.
 */
export const RENDERED =
  '[role="listbox"], [part="state"], [part="button"], [part="log"], [part="textarea"], [part="section"], [part="steps"], [part="trigger-button"]';

/** The build served and Chromium launched for one test file's tests, both stopped after them. */
export function useBuildInChromium(): { readonly base: string; readonly browser: Browser } {
  let site: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    site = await serveBuild();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    site?.close();
  });
  return {
    get base() {
      return site!.base;
    },
    get browser() {
      return browser!;
    },
  };
}
