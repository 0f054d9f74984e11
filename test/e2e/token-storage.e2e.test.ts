// The bearer token lives in the host's tokenProvider and in request headers only: after a user signs
// in through the demo page's user switch and works (sends, drafts, opens the Details, changes the
// sort and the emoji tone), nothing the browser keeps — localStorage, sessionStorage, every IndexedDB
// database and store, cookies, Cache Storage — holds the token or any recognisable piece of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  conversationsOf,
  demoUser,
  listPart,
  openConversation,
  openDemo,
  rows,
  type DemoUser,
  useDemo,
} from './demo-page.js';

const demo = useDemo();

/** Everything the origin has stored, as text: keys, values, database and cache entries. */
async function storedEverywhere(page: Page): Promise<{ where: string; text: string }[]> {
  const inPage = await page.evaluate(async () => {
    const found: { where: string; text: string }[] = [];
    for (const [name, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        found.push({ where: `${name} ${key}`, text: `${key} ${storage.getItem(key)}` });
      }
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        found.push({ where: `IndexedDB ${info.name}/${storeName}`, text: JSON.stringify([keys, values]) });
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const headers = JSON.stringify([...request.headers, ...(response?.headers ?? [])]);
        found.push({
          where: `Cache Storage ${cacheName} ${request.url}`,
          text: `${request.url} ${headers} ${(await response?.text()) ?? ''}`,
        });
      }
    }
    return found;
  });
  const cookies = await page.context().cookies();
  return [...inPage, ...cookies.map((c) => ({ where: `cookie ${c.name}`, text: `${c.name}=${c.value}` }))];
}

/** The token, its common encodings, and every 8-character piece of it. */
function tokenForms(token: string): string[] {
  const pieces = Array.from({ length: Math.max(1, token.length - 7) }, (_, i) => token.slice(i, i + 8));
  return [
    token,
    encodeURIComponent(token),
    Buffer.from(token).toString('base64').replace(/=+$/, ''),
    Buffer.from(token).toString('base64url'),
    ...pieces,
  ];
}

const composerField = (page: Page) => page.locator('inbox-composer [part="textarea"]');

test('a signed-in user works for a while: no storage holds their bearer token', async () => {
  const first = await demoUser(demo.server, (u) => u.role === 'manager');
  const aiko = await demoUser(demo.server, (u) => u.id === 'usr_aiko');
  const { page, problems } = await openDemo(demo.browser, demo.server, first);
  // Sign in as Aiko through the page's own user switch.
  await page.locator('#user-switcher').selectOption(aiko.id);
  await page.waitForURL(/user=usr_aiko/);
  const [whatsapp, other] = (await conversationsOf(demo.server, aiko, '&status=active')).filter(
    (c) => c.channel === 'whatsapp' && !c.contact.phone.endsWith('0000'),
  );
  assert.ok(whatsapp && other, 'Aiko has two WhatsApp conversations');
  await rows(page).first().waitFor();

  // Sends (the outbox keeps a send until the server has it), a draft, the Details, preferences.
  await openConversation(page, whatsapp);
  await composerField(page).fill('On its way, tracking number follows.');
  await composerField(page).press('Enter');
  await page.locator('inbox-timeline [part~="outbound"]', { hasText: 'On its way' }).waitFor();
  await openConversation(page, other);
  await composerField(page).fill('A draft that outlives the tab');
  await page.waitForFunction(() =>
    Object.values(localStorage).some((value) => value.includes('A draft that outlives the tab')),
  );
  // The Details: the contact's facts, and a section folded away (a remembered preference).
  await page.locator('inbox-details [part="contact-facts"]').waitFor();
  await page.locator('inbox-details [data-section="previous"] [part="section-toggle"]').click();
  await page.locator('inbox-details [data-section="previous"] [aria-expanded="false"]').waitFor();
  await listPart(page, 'sort-select').selectOption({ index: 1 });
  await page.locator('inbox-composer [part="emoji-button"]').click();
  const grin = page.getByRole('gridcell').getByRole('button', { name: 'grinning face', exact: true });
  await page.getByRole('searchbox', { name: 'Search emoji' }).fill('grin');
  await grin.click();
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => /emoji/i.test(key)));

  const stored = await storedEverywhere(page);
  assert.ok(
    stored.some((s) => s.text.includes('A draft that outlives the tab')),
    'the search reaches what the inbox stores (the draft is found)',
  );
  const leaks = (user: DemoUser) =>
    stored.flatMap(({ where, text }) =>
      tokenForms(user.token)
        .filter((form) => text.includes(form))
        .map((form) => `${where} holds “${form}” of ${user.name}'s token`),
    );
  assert.deepEqual([...leaks(aiko), ...leaks(first)], []);
  console.log(
    `searched ${stored.length} stored entries for ${tokenForms(aiko.token).length} forms of the token`,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});
