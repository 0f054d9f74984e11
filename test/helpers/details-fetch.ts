/**
 * Adds what the Details need to the fixture backend, as the contract says: contacts (with If-Match,
 * 412 carrying `current`, 409 for a taken number), assignment and tags (If-Match), tag creation, and
 * users with their open conversations. Narrow element tests only; end to end uses the real server.
 */
import type { components } from '../../src/api/schema.js';
import * as fixtures from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from './fixture-fetch.js';

type Schemas = components['schemas'];
type Contact = Schemas['Contact'];
type Conversation = Schemas['Conversation'];

export interface DetailsBackend extends FixtureBackend {
  contacts: Contact[];
  tags: Schemas['Tag'][];
  /** The signed-in user's capabilities (the fixture agent's, with these changes). */
  capabilities: Partial<Schemas['Capabilities']>;
  /** Writes (PATCH, PUT, POST) as they arrived, with their If-Match. */
  writes: { method: string; path: string; ifMatch: string | null; body: unknown }[];
  /** A colleague's change, applied to the server's copy only (the page has not heard of it). */
  colleagueEditsContact(id: string, patch: Partial<Contact>): Contact;
  colleagueEditsConversation(id: string, patch: Partial<Conversation>): Conversation;
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (status: number, type: string, detail: string, extra: Record<string, unknown> = {}) =>
  json(
    { type: `urn:inbox:problem:${type}`, title: 'Refused', status, detail, ...extra },
    status,
    'application/problem+json',
  );

export function contactOf(conversation: Conversation, overrides: Partial<Contact> = {}): Contact {
  return {
    id: conversation.contact.id,
    spaceId: conversation.spaceId,
    name: conversation.contact.name,
    phone: conversation.contact.phone,
    email: null,
    company: null,
    country: 'GB',
    notes: null,
    version: 1,
    ...overrides,
  };
}

export function detailsBackend(conversations = fixtures.makeConversations(6)): DetailsBackend {
  const base = fixtureBackend(conversations);
  const baseFetch = base.fetch;
  const backend = Object.assign(base, {
    contacts: conversations.map((c) => contactOf(c)),
    tags: [
      { id: 'tag-vip', spaceId: fixtures.space.id, name: 'VIP', color: '#be123c' },
      { id: 'tag-refund', spaceId: fixtures.space.id, name: 'Refund', color: '#1f6fb2' },
    ],
    capabilities: {} as Partial<Schemas['Capabilities']>,
    writes: [] as DetailsBackend['writes'],
    colleagueEditsContact(id: string, patch: Partial<Contact>) {
      const contact = backend.contacts.find((c) => c.id === id)!;
      Object.assign(contact, patch, { version: contact.version + 1 });
      return contact;
    },
    colleagueEditsConversation(id: string, patch: Partial<Conversation>) {
      const conversation = backend.conversations.find((c) => c.id === id)!;
      Object.assign(conversation, patch, { version: conversation.version + 1 });
      return conversation;
    },
  }) as DetailsBackend;

  const openCount = (userId: string) =>
    backend.conversations.filter((c) => c.status !== 'closed' && c.assigneeIds.includes(userId)).length;
  const stale = (request: Request, version: number) => request.headers.get('If-Match') !== `"${version}"`;

  backend.fetch = async (input, init) => {
    const request = input instanceof Request ? input.clone() : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    const body = ['PATCH', 'PUT', 'POST'].includes(request.method) ? await request.clone().json() : undefined;
    if (body !== undefined)
      backend.writes.push({ method: request.method, path, ifMatch: request.headers.get('If-Match'), body });

    if (path === '/me')
      return json({ ...fixtures.me, capabilities: { ...fixtures.capabilities, ...backend.capabilities } });
    if (path === '/users')
      return json(fixtures.users.map((u) => ({ ...u, openConversations: openCount(u.id) })));
    if (path === '/tags' && request.method === 'GET') return json(backend.tags);
    if (path === '/tags' && request.method === 'POST') {
      const { name, color } = body as { name: string; color?: string };
      const taken = backend.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (taken)
        return problem(409, 'tag-exists', `There is already a tag “${taken.name}”.`, { current: taken });
      const tag = {
        id: `tag-${backend.tags.length + 1}`,
        spaceId: fixtures.space.id,
        name,
        color: color ?? '#475569',
      };
      backend.tags.push(tag);
      return json(tag, 201);
    }
    if (path === '/contacts' && request.method === 'GET') {
      const phone = url.searchParams.get('phone');
      return json({ items: backend.contacts.filter((c) => !phone || c.phone === phone), nextCursor: null });
    }
    const contactRoute = /^\/contacts\/([^/]+)$/.exec(path);
    if (contactRoute) {
      const contact = backend.contacts.find((c) => c.id === contactRoute[1]);
      if (!contact) return problem(404, 'not-found', 'No such contact.');
      if (request.method === 'GET') return json(contact);
      if (stale(request, contact.version))
        return problem(412, 'precondition-failed', 'The contact has changed.', { current: contact });
      const patch = body as Partial<Contact>;
      const taken =
        patch.phone && backend.contacts.find((c) => c.phone === patch.phone && c.id !== contact.id);
      if (taken)
        return problem(409, 'contact-exists', 'Another contact has this number.', { current: taken });
      Object.assign(contact, patch, { version: contact.version + 1 });
      for (const c of backend.conversations)
        if (c.contact.id === contact.id)
          c.contact = { id: contact.id, name: contact.name, phone: contact.phone };
      return json(contact);
    }
    const one = /^\/conversations\/([^/]+)$/.exec(path);
    if (one && request.method === 'GET') {
      const conversation = backend.conversations.find((c) => c.id === one[1]);
      return conversation ? json(conversation) : problem(404, 'not-found', 'No such conversation.');
    }
    const edit = /^\/conversations\/([^/]+)\/(assignment|tags)$/.exec(path);
    if (edit && request.method === 'PUT') {
      const conversation = backend.conversations.find((c) => c.id === edit[1]);
      if (!conversation) return problem(404, 'not-found', 'No such conversation.');
      if (stale(request, conversation.version))
        return problem(412, 'precondition-failed', 'The conversation has changed.', {
          current: conversation,
        });
      Object.assign(conversation, body, { version: conversation.version + 1 });
      return json(conversation);
    }
    return baseFetch(input, init);
  };
  return backend;
}
