/**
 * MSW handlers for the New conversation dialog: sender profiles, contacts by number, the senders'
 * availability and `POST /conversations` with each of its refusals. Put them before inboxHandlers().
 */
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';

type Schemas = components['schemas'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });
const problemHeaders = { 'Content-Type': 'application/problem+json' };

export const storyProfiles = fixtures.senderProfiles;

export const ana = fixtures.ana;

/** Ana's open SMS conversation, which the dialog offers instead of a second one. */
export const anaConversation = fixtures.anaOpenConversation;

export const availabilities = {
  available: {
    available: true,
    country: 'GB',
    senderCountry: 'GB',
    fallback: false,
    remainingToday: 312,
    dailyLimit: 1000,
  },
  fallback: {
    available: true,
    country: 'BR',
    senderCountry: 'GB',
    fallback: true,
    remainingToday: 588,
    dailyLimit: 1000,
  },
  usedUp: {
    available: false,
    country: 'GB',
    senderCountry: 'GB',
    fallback: false,
    remainingToday: 0,
    dailyLimit: 10,
  },
  none: {
    available: false,
    country: 'DE',
    senderCountry: null,
    fallback: false,
    remainingToday: 0,
    dailyLimit: 0,
  },
} satisfies Record<string, Schemas['SenderAvailability']>;

export type Refusal = 'no-sender' | 'invalid-phone' | 'cannot-start-by-phone';

const refusals: Record<Refusal, Schemas['Problem']> = {
  'no-sender': {
    type: 'urn:inbox:problem:no-sender-available',
    title: 'Conflict',
    status: 409,
    detail:
      'No sender of “Northwind Care (SMS)” has messages left today for the United Kingdom. Try again tomorrow or pick another sender profile.',
  },
  'invalid-phone': {
    type: 'urn:inbox:problem:validation',
    title: 'Bad Request',
    status: 400,
    detail: '+447400123457 is not a valid phone number for the United Kingdom.',
    errors: [{ path: 'body.phone', message: 'is not a valid phone number for the United Kingdom' }],
  },
  'cannot-start-by-phone': {
    type: 'urn:inbox:problem:validation',
    title: 'Bad Request',
    status: 400,
    detail: "SMS conversations can't be started by phone number: the contact has to write first.",
    errors: [{ path: 'body.senderProfileId', message: "can't start conversations by phone" }],
  },
};

export interface MockNewConversationOptions {
  profiles?: Schemas['SenderProfile'][];
  availability?: Schemas['SenderAvailability'];
  /** How `POST /conversations` answers: created, or one of its refusals. */
  create?: 'ok' | Refusal;
  capabilities?: Partial<Schemas['Capabilities']>;
}

export function newConversationHandlers({
  profiles = storyProfiles,
  availability = availabilities.available,
  create = 'ok',
  capabilities = {},
}: MockNewConversationOptions = {}) {
  let created = 0;
  return [
    http.get('/me', ({ response }) =>
      response(200).json({ ...fixtures.me, capabilities: { ...fixtures.me.capabilities, ...capabilities } }),
    ),
    http.get('/sender-profiles', ({ response }) => response(200).json(profiles)),
    http.get('/sender-profiles/{senderProfileId}/availability', ({ response }) =>
      response(200).json(availability),
    ),
    http.get('/contacts', ({ query, response }) =>
      response(200).json({ items: query.get('phone') === ana.phone ? [ana] : [], nextCursor: null }),
    ),
    // One contact's conversations; every other list falls through to inboxHandlers().
    http.get('/conversations', ({ query, response }) => {
      const contactId = query.get('contactId');
      if (!contactId) return undefined;
      const items = contactId === ana.id ? [anaConversation] : [];
      return response(200).json({ items, nextCursor: null });
    }),
    http.post('/conversations', async ({ request, response }) => {
      if (create !== 'ok') {
        const problem = refusals[create];
        return response(problem.status as 400 | 409).json(problem, { headers: problemHeaders });
      }
      const body = await request.json();
      const profile = profiles.find((p) => p.id === body.senderProfileId) ?? storyProfiles[0]!;
      return response(201).json(
        fixtures.makeConversation(0, {
          id: `conv-story-${++created}`,
          channel: profile.channel,
          status: 'unanswered',
          origin: 'inbox',
          contact: { id: `contact-story-${created}`, name: '', phone: body.phone },
          senderProfile: { id: profile.id, name: profile.name },
          teamIds: [body.teamId],
          assigneeIds: [fixtures.agent.id],
        }),
      );
    }),
  ];
}
