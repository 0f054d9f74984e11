// Shared pieces of the end-to-end tests: the browser, the demo users, the demo page.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { components } from '../../src/api/schema.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { startServer, type RunningServer } from './server-process.js';

export interface DemoUser {
  id: string;
  name: string;
  role: string;
  token: string;
  spaceIds: string[];
}

export type Conversation = components['schemas']['Conversation'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export async function demoUsers(server: RunningServer): Promise<DemoUser[]> {
  const response = await fetch(`${server.url}/demo/users`);
  assert.equal(response.status, 200);
  return (await response.json()) as DemoUser[];
}

export async function demoUser(server: RunningServer, pick: (user: DemoUser) => boolean): Promise<DemoUser> {
  const user = (await demoUsers(server)).find(pick);
  assert.ok(user, 'the seeded user exists');
  return user;
}

/** Calls the API as a user, the way the elements do. */
export async function api<T>(
  server: RunningServer,
  user: DemoUser,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${user.token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The conversations a user sees in their first space, as the API lists them (`query` adds filters). */
export async function conversationsOf(
  server: RunningServer,
  user: DemoUser,
  query = '',
): Promise<Conversation[]> {
  const me = await api<{ spaces: { id: string }[] }>(server, user, '/me');
  const { body } = await api<{ items: Conversation[] }>(
    server,
    user,
    `/conversations?spaceId=${me.body.spaces[0]!.id}&limit=200${query}`,
  );
  return body.items;
}

/**
 * Opens the demo page (or another host page at `path`) as a user and collects anything the page
 * complains about. `beforeLoad` runs on the new page before it navigates (to add init scripts or
 * listeners). Waits for nothing.
 */
export async function openPage(
  browser: Browser,
  server: RunningServer,
  user: DemoUser,
  beforeLoad?: (page: Page) => Promise<void>,
  path = '/',
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await beforeLoad?.(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}?user=${encodeURIComponent(user.id)}`);
  return { page, problems };
}

/**
 * What a page reported, less the browser's own log of requests refused with these statuses: the
 * ones a test provokes, or a 412 that the stores answer by saving again on the new version (a
 * delivery receipt for a reply just sent can move a conversation's version while an edit is on its
 * way).
 */
export function problemsExcept(problems: readonly string[], statuses: readonly number[]): string[] {
  return problems.filter((p) => !statuses.some((status) => p.includes(`status of ${status}`)));
}

/**
 * Selects a conversation the way an agent does: search for its number, wait for the answer, and
 * click its row. Clicked before the answer lands, the search could clear the rows between press
 * and release (they come back with the answer), and the click would select nothing.
 */
export async function selectConversation(page: Page, conversation: Conversation): Promise<void> {
  await listPart(page, 'search').fill(conversation.contact.phone);
  await listPart(page, 'search').press('Enter');
  await page.waitForFunction((id) => {
    const list = document
      .querySelector('inbox-conversation-list')
      ?.shadowRoot?.querySelector('[role="listbox"]');
    return (
      list?.getAttribute('aria-busy') === 'false' && list.querySelector(`[role="option"][data-id="${id}"]`)
    );
  }, conversation.id);
  await page.locator(`inbox-conversation-list [role="option"][data-id="${conversation.id}"]`).click();
}

/** Selects a conversation (see selectConversation) and waits for its timeline. */
export async function openConversation(page: Page, conversation: Conversation): Promise<void> {
  await selectConversation(page, conversation);
  await page
    .locator('inbox-timeline [part="log"]')
    .waitFor()
    .catch(async (error: Error) => {
      const shown = await page.locator('inbox-timeline').evaluate((el) => el.shadowRoot?.textContent ?? '');
      throw new Error(`${error.message}\nthe timeline shows: ${shown.replace(/\s+/g, ' ').trim()}`);
    });
}

/** Opens the demo page as a user who has the inbox, once its conversations are listed. */
export async function openDemo(
  browser: Browser,
  server: RunningServer,
  user: DemoUser,
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser, server, user, beforeLoad);
  await rows(opened.page).first().waitFor({ timeout: 20_000 });
  return opened;
}

export const rows = (page: Page) => page.locator('inbox-conversation-list [role="option"]');
export const listPart = (page: Page, part: string) =>
  page.locator(`inbox-conversation-list [part~="${part}"]`);
export const rowIds = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));

/** Starts a fresh server and a browser before a test file's tests, and stops both after them. */
export function useDemo(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  before(async () => {
    running.server = await startServer(env);
    running.browser = await launchBrowser();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

/** Polls `check` until it returns something truthy (the state to wait on is not in one page). */
export async function until<T>(
  what: string | (() => string),
  check: () => Promise<T | undefined | false>,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting until ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Injects a message from the contact, as the channel simulator would receive one. */
export async function inbound(server: RunningServer, conversationId: string, text: string): Promise<void> {
  const response = await fetch(`${server.url}/demo/inbound`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ conversationId, text }),
  });
  assert.equal(response.status, 201, `injecting ${text.slice(0, 60)}`);
}

/**
 * SVG shapes holding other elements, anywhere in the page's shadow roots. SVG draws no shape inside
 * another, so such an icon shows its first shape only: a build that drops the slash of `<path />`
 * makes the next shape a child of the one before.
 */
export function nestedShapes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      const root = roots.pop()!;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      const where = root instanceof ShadowRoot ? root.host.localName : 'the page';
      for (const shape of root.querySelectorAll('path, circle, ellipse, line, polygon, polyline, rect'))
        if (shape.firstElementChild)
          found.push(`${where}: <${shape.localName}> holds <${shape.firstElementChild.localName}>`);
    }
    return [...new Set(found)];
  });
}
