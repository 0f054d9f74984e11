// Every name someone else gives, fed every hostile string through the real API: the contact's
// name, company and notes (Details, list row, header, the CRM page's own fields), tag names, and
// the contact and sender profile names of the New conversation dialog. Each shows the text as typed
// and makes nothing of it: no element, attribute or script, no dialog, no navigation, no policy
// violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneLine } from './hostile-strings.js';
import {
  api,
  conversationsOf,
  demoUser,
  openConversation,
  selectConversation,
  type Conversation,
  until,
} from './demo-page.js';
import { assertInert, missing, readable, readWholeLog, textsOf } from './page-guards.js';
import { type Contact, type Tag, useHostileDemo } from './hostile-surface.js';

const { demo, payloads, admin, LANES, inLanes, guarded } = useHostileDemo();

/** +447700900123 as +44 7700900123: the same number, typed differently. */
const spaced = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3)}`;

test('the contact’s name, company and notes, on the demo page and on the CRM page', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user, '&view=mine'))[0]!;
  const demoPage = await guarded(user);
  await openConversation(demoPage.page, conversation);
  const crm = await guarded(user, '/crm.html');
  await selectConversation(crm.page, conversation);
  await crm.page.locator('inbox-details [part="contact-facts"]').waitFor();

  let contact = (await api<Contact>(demo.server, user, `/contacts/${conversation.contact.id}`)).body;
  for (const [i, text] of payloads.entries()) {
    // Each value distinct from the one before, so every step is a change the pages must show.
    const patch = {
      name: oneLine(`${i} ${text}`).slice(0, 200),
      company: oneLine(`${text} ${i}`).slice(0, 200),
      notes: `${i}: ${text}`.slice(0, 5000),
    };
    const saved = await api<Contact>(demo.server, user, `/contacts/${contact.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': `"${contact.version}"` },
      body: JSON.stringify(patch),
    });
    assert.equal(saved.status, 200, `contact edit ${i}`);
    contact = saved.body;
    const name = readable(contact.name);
    for (const { page, watch } of [demoPage, crm]) {
      const facts = page.locator('inbox-details [part="contact-facts"]');
      await until(`the Details show contact ${i}`, async () => {
        const shown = readable((await facts.textContent()) ?? '');
        return (
          shown.includes(name) &&
          shown.includes(readable(contact.company!)) &&
          shown.includes(readable(contact.notes!))
        );
      });
      await assertInert(page, watch, `contact ${i}`);
    }
    // The list row and the conversation header say the name too; the CRM fields name it as well.
    const row = demoPage.page.locator(
      `inbox-conversation-list [data-id="${conversation.id}"] [part="contact"]`,
    );
    assert.ok(readable((await row.textContent()) ?? '').includes(name), `row ${i}`);
    const header = demoPage.page.locator('inbox-timeline [part="header"] [part="contact"]');
    await until(`the header names contact ${i}`, async () =>
      readable((await header.textContent()) ?? '').includes(name),
    );
    const record = await crm.page.locator('#record-name').textContent();
    assert.equal(record, contact.name, `the CRM record's heading ${i}`);
    assert.ok(
      (await crm.page.locator('#record-meta').textContent())?.includes(contact.company!),
      `CRM meta ${i}`,
    );
  }
  assert.deepEqual(demoPage.problems, []);
  assert.deepEqual(crm.problems, []);
  await demoPage.page.context().close();
  await crm.page.context().close();
});

test('tag names: on the conversation, in the tags editor and in the timeline', async () => {
  const user = await admin();
  const conversation = (await conversationsOf(demo.server, user))[5]!;
  const me = await api<{ spaces: { id: string }[] }>(demo.server, user, '/me');
  const tags: Tag[] = [];
  // A tag name is at most 50 characters, and not blank.
  for (const name of payloads.map((text) => oneLine(text).slice(0, 50)).filter((name) => name.trim())) {
    const created = await api<Tag>(demo.server, user, '/tags', {
      method: 'POST',
      body: JSON.stringify({ spaceId: me.body.spaces[0]!.id, name }),
    });
    // Names the space already has (two vectors alike in their first 50 characters) are that tag.
    if (created.status === 201) tags.push(created.body);
    else assert.equal(created.status, 409, `tag ${name}`);
  }
  const { page, watch, problems } = await guarded(user);
  await openConversation(page, conversation);
  for (let start = 0; start < tags.length; start += 50) {
    const batch = tags.slice(start, start + 50);
    const current = await api<Conversation>(demo.server, user, `/conversations/${conversation.id}`);
    const put = await api(demo.server, user, `/conversations/${conversation.id}/tags`, {
      method: 'PUT',
      headers: { 'If-Match': `"${current.body.version}"` },
      body: JSON.stringify({ tagIds: batch.map((t) => t.id) }),
    });
    assert.equal(put.status, 200);
    const names = batch.map((t) => t.name);
    await until(`the Details show tags ${start}…`, async () => {
      const shown = (await textsOf(page, 'inbox-details [part="tag"]')).map(readable);
      return shown.length === batch.length && missing(names, new Set(shown)).length === 0;
    }).catch(async (error: Error) => {
      const shown = (await textsOf(page, 'inbox-details [part="tag"]')).map(readable);
      throw new Error(`${error.message}: missing ${JSON.stringify(missing(names, new Set(shown)))}`);
    });
    await assertInert(page, watch, `tags ${start}…`);
  }
  // The editor lists every tag of the space by name.
  await page.locator('inbox-details [data-section="tags"] [part="edit-button"]').click();
  const labels = new Set(
    (await textsOf(page, 'inbox-details [part="tags-editor"] label.choice')).map(readable),
  );
  assert.deepEqual(
    missing(
      tags.map((t) => t.name),
      labels,
    ),
    [],
  );
  await assertInert(page, watch, 'the tags editor');
  await page.keyboard.press('Escape');
  // The timeline's "tags changed" events name them too.
  await readWholeLog(page, watch, '[part="event"]');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('New conversation dialog: the contact a number belongs to and the sender profile names', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  // One conversation, and so one contact, per lane: each lane renames its own.
  const conversations = (await conversationsOf(demo.server, agent, '&status=active')).filter(
    (c, i, all) => c.channel !== 'telegram' && all.findIndex((o) => o.contact.id === c.contact.id) === i,
  );
  assert.ok(conversations.length >= LANES, `${LANES} contacts to rename`);
  const editor = await admin();
  await inLanes(async (lane, index) => {
    const existing = conversations[index]!;
    const { page, watch, problems } = await guarded(agent);
    const dialog = (selector: string) => page.locator(`inbox-new-conversation dialog ${selector}`);
    await page.locator('inbox-new-conversation [part="trigger-button"]').click();
    await dialog('#profile').selectOption(existing.senderProfile.id);

    // An admin renames the contact (agents may not edit contacts); the agent's dialog names it.
    let contact = (await api<Contact>(demo.server, editor, `/contacts/${existing.contact.id}`)).body;
    for (const [step, [i, text]] of lane.entries()) {
      const saved = await api<Contact>(demo.server, editor, `/contacts/${contact.id}`, {
        method: 'PATCH',
        headers: { 'If-Match': `"${contact.version}"` },
        body: JSON.stringify({ name: oneLine(`${i} ${text}`).slice(0, 200) }),
      });
      assert.equal(saved.status, 200);
      contact = saved.body;
      // The same number written two ways in turn: each is a new lookup.
      await dialog('#phone').fill(step % 2 ? existing.contact.phone : spaced(existing.contact.phone));
      await until(`the dialog names contact ${i}`, async () => {
        const said = readable(
          (await dialog('[part="contact"]')
            .textContent()
            .catch(() => '')) ?? '',
        );
        return said.includes(readable(contact.name));
      });
      assert.ok(
        readable((await dialog('[part="existing"]').textContent()) ?? '').includes(readable(contact.name)),
      );
      await assertInert(page, watch, `dialog contact ${i}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

test('New conversation dialog: sender profile names a backend hands the page', async () => {
  const agent = await demoUser(demo.server, (u) => u.name.startsWith('Aiko'));
  // No route of the reference server writes sender profiles: the list comes back renamed, the way
  // another backend's data could read.
  const { page, watch, problems } = await guarded(agent, '/', async (page) => {
    await page.route(/\/api\/sender-profiles(\?|$)/, async (route) => {
      const response = await route.fetch();
      // Telegram profiles cannot start a conversation by number: the dialog leaves them out.
      const profiles = ((await response.json()) as { id: string; name: string; channel: string }[]).filter(
        (profile) => profile.channel !== 'telegram',
      );
      const renamed = payloads.map((name, i) => {
        const profile = profiles[i % profiles.length]!;
        return { ...profile, id: `${profile.id}${i}`, name };
      });
      await route.fulfill({ response, json: renamed });
    });
  });
  await page.locator('inbox-new-conversation [part="trigger-button"]').click();
  const options = page.locator('inbox-new-conversation dialog #profile option');
  await until('the profiles are listed', async () => (await options.count()) >= payloads.length).catch(
    async (error: Error) => {
      throw new Error(
        `${error.message}: ${await page.locator('inbox-new-conversation dialog').textContent()}`,
      );
    },
  );
  const seen = new Set((await options.allTextContents()).map(readable));
  assert.deepEqual(missing(payloads, seen), []);
  await assertInert(page, watch, 'profile names');
  assert.deepEqual(problems, []);
  await page.context().close();
});
