import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../app.js';
import { loadContract } from '../../contract/openapi.js';
import { api, startServer, TOKENS, type ApiResponse, type Backend, type Problem } from '../helpers.js';
import { expected, matches, MATRIX, ROLES, type Role } from './authorization-matrix.js';
import { authorizationLeaksSuite } from './authorization-leaks.js';

const SPACE = 'sp_retail';
const TOKEN: Record<Role, string | undefined> = {
  admin: TOKENS.admin,
  manager: TOKENS.manager,
  agent: TOKENS.agent,
  agent2: TOKENS.agent2,
  twoSpaces: TOKENS.twoSpaces,
  noNotes: TOKENS.noNotes,
  noAccess: TOKENS.noAccess,
  requested: TOKENS.requested,
  owner2: TOKENS.owner2,
  none: undefined,
};
const USER: Partial<Record<Role, string>> = {
  admin: 'usr_olivia',
  manager: 'usr_marco',
  agent: 'usr_aiko',
  agent2: 'usr_joao',
  twoSpaces: 'usr_lena',
  noNotes: 'usr_samir',
};

/** What a role's requests point at: things of this tenant it could reach if the rules allowed. */
interface Target {
  conversation: string;
  message: string;
  attachment: string;
  contact: string;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  form?: FormData;
}

/** The smallest file the server sniffs as a JPEG. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4,
]);

let keys = 0;
const key = () => `authz-${Date.now()}-${++keys}`;

/** The matrix, every operation × every seeded role, plus the leaks it cannot show as a status. */
export function authorizationSuite(backend: Backend): void {
  describe(`authorization matrix (${backend.name})`, () => {
    let server: RunningServer;
    const targets = new Map<Role, Target>();
    const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      server.services.db.query<T>(sql, params);

    /**
     * A WhatsApp conversation of the user's own teams (any, for the admin and outsiders), with a
     * message carrying a file the admin sent there: the user sees both only by seeing the conversation.
     */
    async function targetFor(user: string | undefined): Promise<Target> {
      const [conv] = await q<{ id: string; contact: string }>(
        `select c.id, c.contact_id as contact from conversations c
         where c.space_id = $1 and c.channel = 'whatsapp' and ($2::text is null or exists (
           select 1 from conversation_teams t join team_members m on m.team_id = t.team_id
           where t.conversation_id = c.id and m.user_id = $2))
         order by c.id limit 1`,
        [SPACE, user ?? null],
      );
      assert.ok(conv, `a WhatsApp conversation for ${user ?? 'the admin'}`);
      const form = new FormData();
      form.set('file', new Blob([JPEG], { type: 'image/jpeg' }), 'photo.jpg');
      const upload = await fetch(new URL('/api/attachments?channel=whatsapp', server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.admin}` },
        body: form,
      });
      const attachment = ((await upload.json()) as { id: string }).id;
      const sent = await api<{ id: string }>(server, `/api/conversations/${conv.id}/messages`, {
        token: TOKENS.admin,
        method: 'POST',
        body: { text: 'A file', attachmentIds: [attachment] },
        headers: { 'idempotency-key': key() },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      return { conversation: conv.id, message: sent.body.id, attachment, contact: conv.contact };
    }

    before(async () => {
      server = await startServer(await backend.newStore(), {
        rateLimit: { perSecond: 10_000, burst: 10_000 },
      });
      const admin = await targetFor(undefined);
      for (const role of ROLES) targets.set(role, USER[role] ? await targetFor(USER[role]) : admin);
    });
    after(() => server?.close());

    const version = async (path: string) =>
      (await api(server, path, { token: TOKENS.admin })).headers.get('etag') ?? '"0"';

    /** One request per operation, shaped so that an allowed role gets a success. */
    async function callFor(operationId: string, role: Role): Promise<Call> {
      const t = targets.get(role)!;
      const cv = `/api/conversations/${t.conversation}`;
      const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => ({
        method,
        path,
        body,
        headers,
      });
      switch (operationId) {
        case 'getMe':
          return { method: 'GET', path: '/api/me' };
        case 'getInboxAccess':
          return { method: 'GET', path: '/api/inbox-access' };
        case 'requestInboxAccess':
          return { method: 'POST', path: '/api/inbox-access' };
        case 'listSpaces':
          return { method: 'GET', path: '/api/spaces' };
        case 'listTeams':
          return { method: 'GET', path: `/api/teams?spaceId=${SPACE}` };
        case 'listUsers':
          return { method: 'GET', path: `/api/users?spaceId=${SPACE}` };
        case 'listChannels':
          return { method: 'GET', path: '/api/channels' };
        case 'listSenderProfiles':
          return { method: 'GET', path: `/api/sender-profiles?spaceId=${SPACE}` };
        case 'getSenderAvailability':
          return {
            method: 'GET',
            path: '/api/sender-profiles/spf_care_wa/availability?phone=%2B447700900123',
          };
        case 'listContacts':
          return { method: 'GET', path: `/api/contacts?spaceId=${SPACE}` };
        case 'createContact':
          return json('POST', '/api/contacts', {
            spaceId: SPACE,
            name: `Matrix ${role}`,
            phone: `+4477009${String(100 + ROLES.indexOf(role)).padStart(5, '0')}`,
          });
        case 'getContact':
          return { method: 'GET', path: `/api/contacts/${t.contact}` };
        case 'updateContact':
          return json(
            'PATCH',
            `/api/contacts/${t.contact}`,
            { company: `Matrix ${role}` },
            {
              'if-match': await version(`/api/contacts/${t.contact}`),
            },
          );
        case 'listConversations':
          return { method: 'GET', path: `/api/conversations?spaceId=${SPACE}&limit=5` };
        case 'createConversation':
          return json(
            'POST',
            '/api/conversations',
            {
              spaceId: SPACE,
              senderProfileId: 'spf_care_wa',
              teamId: (
                await q<{ team: string }>(
                  `select team_id as team from team_members m join teams t on t.id = m.team_id
                 where t.space_id = $1 and ($2::text is null or m.user_id = $2) order by team_id limit 1`,
                  [SPACE, USER[role] ?? null],
                )
              )[0]!.team,
              phone: `+4477009${String(200 + ROLES.indexOf(role)).padStart(5, '0')}`,
              text: 'Hello from the matrix',
            },
            { 'idempotency-key': key() },
          );
        case 'countConversations':
          return { method: 'GET', path: `/api/conversations/counts?spaceId=${SPACE}` };
        case 'getConversation':
          return { method: 'GET', path: cv };
        case 'setConversationStatus':
          return json('PUT', `${cv}/status`, { status: 'active' }, { 'if-match': await version(cv) });
        case 'setConversationAssignment': {
          const conv = (
            await api<{ teamIds: string[]; assigneeIds: string[] }>(server, cv, { token: TOKENS.admin })
          ).body;
          return json(
            'PUT',
            `${cv}/assignment`,
            { teamIds: conv.teamIds, assigneeIds: conv.assigneeIds },
            {
              'if-match': await version(cv),
            },
          );
        }
        case 'setConversationTags': {
          const conv = (await api<{ tagIds: string[] }>(server, cv, { token: TOKENS.admin })).body;
          return json('PUT', `${cv}/tags`, { tagIds: conv.tagIds }, { 'if-match': await version(cv) });
        }
        case 'markConversationRead':
          return json('PUT', `${cv}/read`, { seq: 0 });
        case 'setPresence':
          return json('PUT', `${cv}/presence`, { state: 'viewing' });
        case 'getTimeline':
          return { method: 'GET', path: `${cv}/timeline` };
        case 'sendMessage':
          return json('POST', `${cv}/messages`, { text: 'From the matrix' }, { 'idempotency-key': key() });
        case 'addNote':
          return json('POST', `${cv}/notes`, { text: 'A matrix note' }, { 'idempotency-key': key() });
        case 'cancelMessage': {
          // Sent now: the target's message left the undo window (5 s) long ago on a busy machine.
          const sent = await api<{ id: string }>(server, `${cv}/messages`, {
            token: TOKENS.admin,
            method: 'POST',
            body: { text: 'To undo' },
            headers: { 'idempotency-key': key() },
          });
          assert.equal(sent.status, 201, JSON.stringify(sent.body));
          return { method: 'POST', path: `/api/messages/${sent.body.id}/cancel` };
        }
        case 'retryMessage':
          return { method: 'POST', path: `/api/messages/${t.message}/retry` };
        case 'uploadAttachment': {
          const form = new FormData();
          form.set('file', new Blob([JPEG], { type: 'image/jpeg' }), 'photo.jpg');
          return { method: 'POST', path: '/api/attachments?channel=whatsapp', form };
        }
        case 'getAttachment':
          return { method: 'GET', path: `/api/attachments/${t.attachment}` };
        case 'listTags':
          return { method: 'GET', path: `/api/tags?spaceId=${SPACE}` };
        case 'createTag':
          return json('POST', '/api/tags', { spaceId: SPACE, name: `Matrix ${role}` });
        case 'getOnboarding':
          return { method: 'GET', path: '/api/onboarding' };
        case 'skipOnboardingStep':
          return { method: 'POST', path: '/api/onboarding/steps/create_tags/skip' };
        case 'streamEvents':
          return { method: 'GET', path: `/api/events?spaceId=${SPACE}` };
        case 'injectInbound':
          return json('POST', '/demo/inbound', { conversationId: t.conversation, text: `Inbound ${role}` });
        case 'approveInboxAccess':
          return { method: 'POST', path: '/demo/inbox-access/usr_olivia/approve' };
        default:
          throw new Error(`No request for ${operationId}: add it to the matrix`);
      }
    }

    async function send(call: Call, token: string | undefined): Promise<ApiResponse<Problem>> {
      if (call.path.startsWith('/api/events') || call.form) {
        // A stream is only opened, never read; an upload is multipart.
        const controller = new AbortController();
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        const res = await fetch(new URL(call.path, server.url), {
          method: call.method,
          headers,
          body: call.form,
          signal: controller.signal,
        });
        const ct = res.headers.get('content-type') ?? '';
        const body = ct.includes('json') ? ((await res.json()) as Problem) : ({} as Problem);
        controller.abort();
        return { status: res.status, headers: res.headers, body };
      }
      return api<Problem>(server, call.path, {
        token,
        method: call.method,
        body: call.body,
        headers: call.headers,
      });
    }

    it('has a row for every operation of the contract, and none for an operation it lost', () => {
      const ops = loadContract()
        .operations.map((op) => op.operationId)
        .sort();
      assert.deepEqual(Object.keys(MATRIX).sort(), ops);
    });

    it('lists 429 on every /api operation and 413 wherever a body is taken', () => {
      const { doc, operations } = loadContract();
      const paths = doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      for (const op of operations) {
        const codes = Object.keys(paths[op.path]?.[op.method.toLowerCase()]?.responses ?? {});
        if (op.fullPath.startsWith('/api/')) assert.ok(codes.includes('429'), `${op.operationId}: 429`);
        if (op.requestBody) assert.ok(codes.includes('413'), `${op.operationId}: 413`);
      }
    });

    it('answers every operation × role as the table says, refusals as readable problems', async () => {
      const wrong: string[] = [];
      for (const op of loadContract().operations) {
        for (const role of ROLES) {
          const want = expected(op.operationId, role)!;
          const res = await send(await callFor(op.operationId, role), TOKEN[role]);
          if (!matches(res.status, want)) {
            wrong.push(
              `${op.operationId} as ${role}: ${res.status} (want ${String(want)}) ${res.body?.detail ?? ''}`,
            );
            continue;
          }
          if (res.status >= 400) {
            assert.match(
              res.headers.get('content-type') ?? '',
              /^application\/problem\+json/,
              `${op.operationId} ${role}`,
            );
            assert.equal(res.body.status, res.status);
            assert.ok(
              res.body.detail && /^[A-Z].*[.!]$/.test(res.body.detail),
              `${op.operationId} ${role}: ${res.body.detail}`,
            );
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    authorizationLeaksSuite(() => server);
  });
}
