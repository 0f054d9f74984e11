// What a page pays for the tags it shows, when the host's bundler takes only those. Size is
// deterministic, so this is a test; speed lives in `npm run bench`.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { NOT_THE_LISTS, weighPages } from './page-bundles.js';

/** Every tag but the provider (which every page has): one define module each, as the CDN build finds them. */
const TAGS = readdirSync(new URL('../../src/define', import.meta.url))
  .filter((file) => /^inbox-.+\.ts$/.test(file) && file !== 'inbox-provider.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/**
 * Budgets per page, gzipped, provider included. The targets are 28 KB for the list and 40 KB for
 * list, timeline and composer; Lit, the virtualizer, nanostores, openapi-fetch and the event
 * stream's parser alone weigh 16 KB. Since the timelines, the outbox and drafts are a store part
 * the timeline and composer build (`use(messagingStores)`), a list page no longer carries them:
 * 51.5 → 44.4 KB. The words of the Details, the New conversation dialog and the access screens
 * load with them: 44.4 → 42.7 KB (list, timeline and composer 65.9 → 64.1 KB). Access with
 * onboarding, and contacts, are parts too: 41.3 KB (62.8 KB). The timeline's and the composer's
 * own words load with them: 40.2 KB, and 63.2 KB for the three, whose words now compress apart.
 * Conversations and a thread's items sharing the values they repeat (the list's heap 0.82 → 0.43 MB
 * per 1,000 conversations, a thread's 0.33 → 0.28 MB per 1,000 messages) cost 0.3 KB: 40.5 KB,
 * and 64.1 KB for the three. The virtualizer's layout was a dynamic import, left out of these
 * figures though no row renders without it; now named in the elements' layout config, it is
 * counted: 43.9 KB, and 67.5 KB for the three. The list waiting for its space's teams, and both
 * virtualized elements rendering rows 400 px past their view: 44.0 KB, and 67.8 KB for the three.
 */
const PAGES = {
  'the conversation list': { tags: ['inbox-conversation-list'], budgetKb: 45 },
  'list, timeline and composer': {
    tags: ['inbox-conversation-list', 'inbox-timeline', 'inbox-composer'],
    budgetKb: 68,
  },
};

for (const [name, { tags, budgetKb }] of Object.entries(PAGES)) {
  test(`a page with ${name} loads within ${budgetKb} KB gzipped`, async () => {
    const { page } = await weighPages({ page: ['inbox-provider', ...tags] });
    console.log(`${name}: ${page!.kb.toFixed(1)} KB gz of ${budgetKb} KB budget`);
    assert.ok(page!.kb > 10, 'the page should contain its elements');
    assert.ok(
      page!.kb <= budgetKb,
      `${name} is ${page!.kb.toFixed(1)} KB gz, over the ${budgetKb} KB budget`,
    );
  });
}

test('each tag is its own entry, and the list carries none of the stores it does not use', async () => {
  const weighed = await weighPages(Object.fromEntries(TAGS.map((tag) => [tag, ['inbox-provider', tag]])));
  for (const tag of TAGS) console.log(`${tag} (with the provider): ${weighed[tag]!.kb.toFixed(1)} KB gz`);
  const list = weighed['inbox-conversation-list']!.modules;
  assert.deepEqual(
    NOT_THE_LISTS.filter((module) => list.includes(module)),
    [],
    'the list page loads stores or words it does not use',
  );
  assert.ok(
    weighed['inbox-composer']!.modules.includes('stores/outbox.ts'),
    'the composer brings the outbox',
  );
});
