// The example apps in examples/, as a developer runs them: each React and Vue app type-checks and
// builds with Vite, then each app (and the plain page) is served by Vite in front of the reference
// server and driven in Chromium: open a conversation, reply, see the reply and a contact's answer
// arrive, read the Details, open New conversation. The apps' event handlers are proven by what
// they render from the events' details.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { build, createServer, preview } from 'vite';
import {
  conversationsOf,
  demoUser,
  inbound,
  openConversation,
  rows,
  useDemo,
  type Conversation,
} from './demo-page.js';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const demo = useDemo();

interface Served {
  url: string;
  close(): Promise<void>;
}

/** Builds an app and serves its build with `vite preview`, which proxies /api to the server. */
async function buildAndPreview(root: string): Promise<Served> {
  await build({ root, logLevel: 'warn' });
  const server = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

/** Serves the plain page as it is: nothing to build. */
async function serveAsIs(root: string): Promise<Served> {
  const server = await createServer({ root, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

/** Type-checks an app's TypeScript (its own tsconfig); the output lists every error. */
async function typeErrors(root: string): Promise<string> {
  try {
    await run(process.execPath, [tsc, '-p', root]);
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

/** Every source file of an app: the no-casts rule reads them. */
async function sources(root: string): Promise<string[]> {
  const files = await readdir(join(root, 'src'));
  return Promise.all(
    files.filter((f) => /\.(tsx?|vue)$/.test(f)).map((f) => readFile(join(root, 'src', f), 'utf8')),
  );
}

async function exercise(page: Page, conversation: Conversation): Promise<void> {
  await rows(page).first().waitFor({ timeout: 20_000 });
  await openConversation(page, conversation);
  const name = conversation.contact.name;
  // The app heard inbox-conversation-select and read the contact from its detail.
  await page.getByRole('region', { name: `Conversation with ${name}` }).waitFor();
  await page.locator('inbox-details [part="contact-facts"]', { hasText: name }).waitFor();

  const reply = `Reply from the example ${Date.now()}`;
  await page.locator('inbox-composer [part="textarea"]').fill(reply);
  await page.locator('inbox-composer [part="textarea"]').press('Enter');
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: reply }).waitFor();
  // The app heard inbox-message-send and read the server's item from its detail.
  await page
    .getByRole('status')
    .filter({ hasText: `Sent: ${reply}` })
    .waitFor();

  const answer = `The contact answers ${Date.now()}`;
  await inbound(demo.server, conversation.id, answer);
  await page.locator('inbox-timeline [part~="inbound"]', { hasText: answer }).waitFor();

  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  await page.locator('inbox-new-conversation [part="dialog"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('inbox-new-conversation [part="dialog"]').waitFor({ state: 'detached' });
}

const apps: [string, string, 'build' | 'as-is'][] = [
  ['the React 19 app (the tags in JSX)', 'react', 'build'],
  ['the React 18 app (the components of inbox-elements/react)', 'react18', 'build'],
  ['the Vue 3 app (a single-file component)', 'vue', 'build'],
  ['the plain HTML page (one script tag)', 'plain', 'as-is'],
];

for (const [app, folder, how] of apps) {
  test(`${app} shows, sends and receives against the reference server`, async () => {
    const root = join('examples', folder);
    if (how === 'build') {
      if (folder !== 'vue') assert.equal(await typeErrors(root), '', 'the app type-checks');
      for (const source of await sources(root))
        assert.doesNotMatch(source, /\bas (unknown|any|[A-Z]\w*)\b|<[A-Z]\w*>\w/, 'no casts');
    }
    process.env.INBOX_SERVER = demo.server.url; // Read by the app's vite.config.
    const served = how === 'build' ? await buildAndPreview(root) : await serveAsIs(root);
    const admin = await demoUser(demo.server, (u) => u.role === 'admin');
    const conversation = (await conversationsOf(demo.server, admin)).find(
      (c) => c.channel !== 'sms' && !c.contact.phone.endsWith('0000'),
    );
    assert.ok(conversation, 'a conversation the simulator will not fail');
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    try {
      await page.goto(`${served.url}?user=${encodeURIComponent(admin.id)}`);
      await exercise(page, conversation);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await served.close();
    }
  });
}
