/**
 * MSW handlers for the Details, typed from the contract: contacts (If-Match, and a colleague's
 * change on demand), assignment, tags and tag creation, users with their open conversations.
 */
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';

type Schemas = components['schemas'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });
const problemHeaders = { 'Content-Type': 'application/problem+json' };

export interface MockDetailsOptions {
  conversations: Schemas['Conversation'][];
  /** Capabilities of the signed-in user, over the fixture agent's. */
  capabilities?: Partial<Schemas['Capabilities']>;
  /** `error` answers the contact with a problem; `loading` never answers. */
  contact?: 'ok' | 'error' | 'loading';
  /** Every save meets a colleague's change first (412 with the contact or conversation as it is). */
  colleagueFirst?: boolean;
}

export function detailsHandlers({
  conversations,
  capabilities = {},
  contact = 'ok',
  colleagueFirst = false,
}: MockDetailsOptions) {
  const contacts: Schemas['Contact'][] = conversations.map((c, i) => ({
    id: c.contact.id,
    spaceId: c.spaceId,
    name: c.contact.name,
    phone: c.contact.phone,
    email: i % 2 ? null : `${c.contact.name.split(' ')[0]?.toLowerCase() || 'contact'}@example.com`,
    company: i % 3 ? 'Northwind Traders' : null,
    country: 'GB',
    notes: i === 0 ? 'Prefers messages after 5 pm.' : null,
    version: 1,
  }));
  const tags: Schemas['Tag'][] = [
    { id: 'tag-vip', spaceId: fixtures.space.id, name: 'VIP', color: '#be123c' },
    { id: 'tag-refund', spaceId: fixtures.space.id, name: 'Refund', color: '#1f6fb2' },
  ];
  const stale = <T extends { version: number }>(current: T) => ({
    type: 'urn:inbox:problem:precondition-failed',
    title: 'Precondition Failed',
    status: 412,
    detail: 'Someone else changed this first.',
    current: { ...current, version: current.version + 1 } as unknown as Record<string, never>,
  });
  const open = (userId: string) =>
    conversations.filter((c) => c.status !== 'closed' && c.assigneeIds.includes(userId)).length;

  return [
    http.get('/me', ({ response }) =>
      response(200).json({ ...fixtures.me, capabilities: { ...fixtures.capabilities, ...capabilities } }),
    ),
    http.get('/users', ({ response }) =>
      response(200).json(fixtures.users.map((u) => ({ ...u, openConversations: open(u.id) }))),
    ),
    http.get('/tags', ({ response }) => response(200).json(tags)),
    http.post('/tags', async ({ request, response }) => {
      const { name, color } = await request.json();
      const tag = {
        id: `tag-${tags.length + 1}`,
        spaceId: fixtures.space.id,
        name,
        color: color ?? '#475569',
      };
      tags.push(tag);
      return response(201).json(tag);
    }),
    http.get('/contacts', ({ response }) => response(200).json({ items: [], nextCursor: null })),
    http.get('/contacts/{contactId}', async ({ params, response }) => {
      if (contact === 'loading') await new Promise(() => undefined);
      const found = contacts.find((c) => c.id === params.contactId);
      if (contact === 'error' || !found)
        return response('default').json(
          {
            type: 'urn:inbox:problem:internal',
            title: 'Error',
            status: 500,
            detail: 'The contact could not be loaded.',
          },
          { status: 500, headers: problemHeaders },
        );
      return response(200).json(found);
    }),
    http.patch('/contacts/{contactId}', async ({ params, request, response }) => {
      const found = contacts.find((c) => c.id === params.contactId)!;
      if (colleagueFirst)
        return response(412).json(stale({ ...found, name: `${found.name} (edited)` }), {
          headers: problemHeaders,
        });
      Object.assign(found, await request.json(), { version: found.version + 1 });
      return response(200).json(found);
    }),
    http.put('/conversations/{conversationId}/assignment', async ({ params, request, response }) => {
      const found = conversations.find((c) => c.id === params.conversationId)!;
      if (colleagueFirst)
        return response(412).json(stale({ ...found, assigneeIds: [] }), { headers: problemHeaders });
      Object.assign(found, await request.json(), { version: found.version + 1 });
      return response(200).json(found);
    }),
    http.put('/conversations/{conversationId}/tags', async ({ params, request, response }) => {
      const found = conversations.find((c) => c.id === params.conversationId)!;
      if (colleagueFirst)
        return response(412).json(stale({ ...found, tagIds: ['tag-refund'] }), { headers: problemHeaders });
      Object.assign(found, await request.json(), { version: found.version + 1 });
      return response(200).json(found);
    }),
  ];
}
