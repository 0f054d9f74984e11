/**
 * The fixture backend plus what the New conversation dialog asks: sender profiles, contacts by
 * number, availability and `POST /conversations`. Tests script refusals with `create`.
 */
import type { components } from '../../src/api/schema.js';
import * as fixtures from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from './fixture-fetch.js';

type Schemas = components['schemas'];
type Conversation = Schemas['Conversation'];

export const PROFILES = fixtures.senderProfiles;

export const ANA = fixtures.ana;

/** Ana's open SMS conversation, which the dialog offers instead of a second one. */
export const ANA_OPEN = fixtures.anaOpenConversation;

export const UK: Schemas['SenderAvailability'] = {
  available: true,
  country: 'GB',
  senderCountry: 'GB',
  fallback: false,
  remainingToday: 312,
  dailyLimit: 1000,
};

export interface NewConversationFixture extends FixtureBackend {
  profiles: Schemas['SenderProfile'][];
  capabilities: Partial<Schemas['Capabilities']>;
  availability: Schemas['SenderAvailability'];
  /** Answers the next `POST /conversations`; by default creates it. */
  create?: (body: Schemas['NewConversation']) => Response;
  posts: { body: Schemas['NewConversation']; key: string | null }[];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export const problem = (status: number, type: string, detail: string, extra: object = {}) =>
  json({ type, title: `Problem ${status}`, status, detail, ...extra }, status);

export function newConversationFixture(): NewConversationFixture {
  const base = fixtureBackend([ANA_OPEN, ...fixtures.makeConversations(6)]);
  const backend = base as NewConversationFixture;
  backend.profiles = PROFILES;
  backend.capabilities = {};
  backend.availability = UK;
  backend.posts = [];
  let created = 0;
  const fallback = base.fetch;
  backend.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    if (path === '/me')
      return json({ ...fixtures.me, capabilities: { ...fixtures.me.capabilities, ...backend.capabilities } });
    if (path === '/sender-profiles') return json(backend.profiles);
    if (/^\/sender-profiles\/[^/]+\/availability$/.test(path)) {
      backend.requests.push(`GET ${path}${url.search}`);
      return json(backend.availability);
    }
    if (path === '/contacts') {
      const phone = url.searchParams.get('phone');
      return json({ items: phone === ANA.phone ? [ANA] : [], nextCursor: null });
    }
    const contactId = url.searchParams.get('contactId');
    if (path === '/conversations' && request.method === 'GET' && contactId) {
      backend.requests.push(`GET ${path}${url.search}`);
      return json({
        items: backend.conversations.filter((c) => c.contact.id === contactId),
        nextCursor: null,
      });
    }
    if (path === '/conversations' && request.method === 'POST') {
      const body = (await request.json()) as Schemas['NewConversation'];
      backend.posts.push({ body, key: request.headers.get('Idempotency-Key') });
      if (backend.create) return backend.create(body);
      const profile = backend.profiles.find((p) => p.id === body.senderProfileId)!;
      const conversation: Conversation = fixtures.makeConversation(0, {
        id: `conv-new-${++created}`,
        channel: profile.channel,
        status: 'unanswered',
        origin: 'inbox',
        contact: { id: `contact-new-${created}`, name: '', phone: body.phone },
        senderProfile: { id: profile.id, name: profile.name },
        teamIds: [body.teamId],
        assigneeIds: [fixtures.agent.id],
        unreadCount: 0,
        lastActivityAt: new Date().toISOString(),
        lastMessage: {
          kind: 'message',
          direction: 'out',
          text: body.text,
          authorId: fixtures.agent.id,
          at: new Date().toISOString(),
        },
      });
      backend.conversations.unshift(conversation);
      return json(conversation, 201);
    }
    return fallback(request);
  };
  return backend;
}
