/** The routes a new conversation needs, on top of the store tests' backend. */
import type {
  ChannelCapabilities,
  Contact,
  Conversation,
  NewConversation,
  SenderAvailability,
  SenderProfile,
  Team,
} from '../../src/api/index.js';
import { createInboxStore, type InboxStore, type MessagingStores } from '../../src/stores/index.js';
import { json, problem } from '../api/fake-fetch.js';
import { ME_ID, backend, conversation, manualTimers, me, type Backend } from './backend.js';
import { withMessaging } from '../helpers/with-messaging.js';

export const SMS_CHANNEL: ChannelCapabilities = {
  channel: 'sms',
  label: 'SMS',
  attachments: { allowed: false, contentTypes: [], maxBytes: 0 },
  maxTextLength: 1600,
  maxSmsSegments: 10,
  receipts: ['sent', 'delivered'],
  startByPhone: true,
};
export const WHATSAPP_CHANNEL: ChannelCapabilities = {
  ...SMS_CHANNEL,
  channel: 'whatsapp',
  label: 'WhatsApp',
  maxTextLength: 4096,
  maxSmsSegments: null,
};
export const TELEGRAM_CHANNEL: ChannelCapabilities = {
  ...WHATSAPP_CHANNEL,
  channel: 'telegram',
  label: 'Telegram',
  startByPhone: false,
};

const profile = (id: string, name: string, channel: SenderProfile['channel'], teamIds: string[] = []) => ({
  id,
  spaceId: 's1',
  name,
  channel,
  teamIds,
  defaultCountry: 'GB',
});

export const PROFILES: SenderProfile[] = [
  profile('p-sms', 'Care (SMS)', 'sms'),
  profile('p-billing', 'Billing (SMS)', 'sms', ['t-billing']),
  profile('p-wa', 'Care WhatsApp', 'whatsapp'),
  profile('p-tg', 'Care Telegram', 'telegram'),
];

export const TEAMS: Team[] = [
  { id: 't1', spaceId: 's1', name: 'Support', memberIds: [ME_ID] },
  { id: 't-billing', spaceId: 's1', name: 'Billing', memberIds: [] },
];

export const ANA: Contact = {
  id: 'ct-ana',
  spaceId: 's1',
  name: 'Ana Souza',
  phone: '+447400123456',
  email: null,
  company: null,
  country: 'GB',
  notes: null,
  version: 1,
};

export const UK_AVAILABLE: SenderAvailability = {
  available: true,
  country: 'GB',
  senderCountry: 'GB',
  fallback: false,
  remainingToday: 312,
  dailyLimit: 1000,
};

export interface NewConversationBackend extends Backend {
  contacts: Contact[];
  profiles: SenderProfile[];
  teams: Team[];
  /** The answer for the next availability question (by number), or a function of it. */
  availability: (
    phone: string,
    profileId: string,
  ) => SenderAvailability | Response | Promise<SenderAvailability | Response>;
  /** Answers `POST /conversations`; by default creates an Unanswered conversation. */
  create: (body: NewConversation, key: string) => Response | Promise<Response>;
  posts: { body: NewConversation; key: string }[];
}

export function newConversationBackend(conversations: Conversation[] = []): NewConversationBackend {
  const api = backend(conversations) as NewConversationBackend;
  api.contacts = [ANA];
  api.profiles = PROFILES;
  api.teams = TEAMS;
  api.posts = [];
  api.availability = () => UK_AVAILABLE;
  let created = 0;
  api.create = (body) =>
    json(
      conversation(`new-${++created}`, 59, {
        status: 'unanswered',
        origin: 'inbox',
        channel: api.profiles.find((p) => p.id === body.senderProfileId)?.channel ?? 'sms',
        senderProfile: { id: body.senderProfileId, name: 'Care (SMS)' },
        contact: { id: 'ct-new', name: '', phone: body.phone },
        teamIds: [body.teamId],
        assigneeIds: [ME_ID],
      }),
      201,
    );
  api.server
    .on('GET', '/api/channels', () => json([SMS_CHANNEL, WHATSAPP_CHANNEL, TELEGRAM_CHANNEL]))
    .on('GET', '/api/sender-profiles', () => json(api.profiles))
    .on('GET', '/api/teams', () => json(api.teams))
    .on('GET', '/api/contacts', (_, url) => {
      const phone = url.searchParams.get('phone');
      return json({ items: api.contacts.filter((c) => c.phone === phone), nextCursor: null });
    })
    .on('GET', '/api/conversations', (_, url) => {
      const contactId = url.searchParams.get('contactId');
      const items = api.conversations.filter((c) => !contactId || c.contact.id === contactId);
      return json({ items, nextCursor: null });
    })
    .on('GET', '/api/sender-profiles/:id/availability', async (_, url) => {
      const answer = await api.availability(url.searchParams.get('phone') ?? '', url.pathname.split('/')[3]!);
      return answer instanceof Response ? answer : json(answer);
    })
    .on('POST', '/api/conversations', async (request) => {
      const body = (await request.json()) as NewConversation;
      const key = request.headers.get('Idempotency-Key') ?? '';
      api.posts.push({ body, key });
      return api.create(body, key);
    });
  return api;
}

/** A started store bundle on that backend, in space s1, with timers the test flushes. */
export async function startedStore(api: NewConversationBackend): Promise<{
  store: InboxStore & MessagingStores;
  timers: ReturnType<typeof manualTimers>;
}> {
  const timers = manualTimers();
  const store = createInboxStore(api.client, { timers, storage: null });
  await store.session.loadSession();
  await store.directory.setActiveSpace('s1');
  return { store: withMessaging(store), timers };
}

export const noSender = (
  detail = 'No sender of “Care (SMS)” has messages left today for the United Kingdom.',
) => problem(409, detail, { type: 'urn:inbox:problem:no-sender-available' });

export const invalidPhone = () =>
  problem(400, '+447000 is not a valid phone number for the United Kingdom.', {
    type: 'urn:inbox:problem:validation',
    errors: [{ path: 'body.phone', message: 'is not a valid phone number for the United Kingdom' }],
  });

export { me };
