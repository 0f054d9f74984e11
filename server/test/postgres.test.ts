import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, openStream, startServer, type Backend, type MessageItem } from './helpers.js';
import { logEvents } from '../domain/events-log.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from './postgres-harness.js';
import { accessSuite } from './suites/access.suite.js';
import { assignmentTagsSuite } from './suites/assignment-tags.suite.js';
import { authorizationSuite } from './suites/authorization.suite.js';
import { attachmentsSuite } from './suites/attachments.suite.js';
import { contactsSuite } from './suites/contacts.suite.js';
import { contractSuite } from './suites/contract.suite.js';
import { crashSuite } from './suites/crash.suite.js';
import { conversationsSuite } from './suites/conversations.suite.js';
import { cursorsSuite } from './suites/cursors.suite.js';
import { dispatchSuite } from './suites/dispatch.suite.js';
import { fanoutSuite } from './suites/fanout.suite.js';
import { fuzzSuite } from './suites/fuzz.suite.js';
import { hostileInputSuite } from './suites/hostile-input.suite.js';
import { multiProcessSuite } from './suites/multi-process.suite.js';
import { newConversationSuite } from './suites/new-conversation.suite.js';
import { persistenceSuite } from './suites/persistence.suite.js';
import { presenceSuite } from './suites/presence.suite.js';
import { queryPlansSuite } from './suites/query-plans.suite.js';
import { realtimeSuite } from './suites/realtime.suite.js';
import { scopingSuite } from './suites/scoping.suite.js';
import { senderPrivacySuite } from './suites/sender-privacy.suite.js';
import { sendingSuite } from './suites/sending.suite.js';
import { signedLinksSuite } from './suites/signed-links.suite.js';
import { statusSuite } from './suites/status.suite.js';
import { timelineSuite } from './suites/timeline.suite.js';

/** The same suites against a real Postgres, plus LISTEN/NOTIFY fan-out across two server instances. */
const bin = findPostgresBin();
const available = Boolean(process.env.TEST_DATABASE_URL || bin);
const reason =
  process.env.INBOX_TEST_POSTGRES === 'off'
    ? 'disabled by INBOX_TEST_POSTGRES=off'
    : "no postgres binaries found (install Debian's postgresql: apt-get install -y postgresql, or set TEST_DATABASE_URL)";
// The runner shows stdout as a "# …" line: impossible to miss in CI logs.
if (!available) console.log(`SKIPPED Postgres suite: ${reason}`);

describe('real Postgres', { skip: available ? false : reason }, () => {
  let cluster: PostgresCluster | undefined;
  let ready: Promise<PostgresCluster> | undefined;
  const getCluster = () => (ready ??= startPostgres(bin).then((c) => (cluster = c)));
  const backend: Backend = {
    name: 'postgres',
    newStore: async (opts) => (await getCluster()).backend.newStore(opts),
  };

  before(async () => {
    await getCluster();
  });
  after(async () => {
    await cluster?.stop();
  });

  contractSuite(backend);
  conversationsSuite(backend);
  realtimeSuite(backend);
  persistenceSuite(backend);
  statusSuite(backend);
  presenceSuite(backend);
  scopingSuite(backend);
  timelineSuite(backend);
  sendingSuite(backend);
  dispatchSuite(backend);
  attachmentsSuite(backend);
  signedLinksSuite(backend);
  contactsSuite(backend);
  newConversationSuite(backend);
  assignmentTagsSuite(backend);
  accessSuite(backend);
  authorizationSuite(backend);
  senderPrivacySuite(backend);
  fanoutSuite(backend);
  crashSuite(backend);
  multiProcessSuite(backend);
  hostileInputSuite(backend);
  cursorsSuite(backend);
  fuzzSuite(backend);
  // Postgres only: the plans are the same engine's on PGlite, and generating the data costs time.
  queryPlansSuite(backend);

  describe('a stream opening while events commit', () => {
    // Only real Postgres commits two spaces' transactions concurrently (PGlite runs one at a time).
    it("starts after its own space's newest event, so one still committing in it is not skipped", async () => {
      const server = await startServer(await backend.newStore(), { keepAliveMs: 600_000 });
      const { db } = server.services;
      const tag = (name: string) => ({ id: `tag_${name}`, name, color: 'slate' });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let logged!: () => void;
      const inFlight = new Promise<void>((resolve) => (logged = resolve));
      try {
        // Retail's event takes its id, then waits; wholesale's takes a later id and commits first.
        const retail = db.transaction(async (tx) => {
          await logEvents(tx, [{ spaceId: 'sp_retail', type: 'tag.changed', payload: { tag: tag('slow') } }]);
          logged();
          await released;
        });
        await inFlight;
        await db.transaction((tx) =>
          logEvents(tx, [{ spaceId: 'sp_wholesale', type: 'tag.changed', payload: { tag: tag('fast') } }]),
        );
        const stream = await openStream(server, 'sp_retail', 'demo-admin-token');
        release();
        await retail;
        await stream.next('tag.changed', (d) => d.tag.name === 'slow', "retail's own event");
        await stream.close();
      } finally {
        release();
        await server.close();
      }
    });
  });

  describe('two server instances on one database', () => {
    it('fans an inbound reply on instance A out to an SSE client on instance B', async () => {
      const store = await backend.newStore();
      const a = await startServer(store);
      const b = await startServer(store);
      try {
        assert.equal(a.seeded, true);
        assert.equal(b.seeded, false);
        const stream = await openStream(b, 'sp_retail', 'demo-admin-token');
        const res = await api<MessageItem>(a, '/demo/inbound', {
          method: 'POST',
          body: { conversationId: 'cv_0002', text: 'from instance A' },
        });
        assert.equal(res.status, 201);
        const item = await stream.next('timeline.item', (d) => d.item.id === res.body.id, 'item on B');
        assert.equal(item.data.item.kind === 'message' && item.data.item.text, 'from instance A');
        await stream.next('conversation.updated', (d) => d.conversation.id === 'cv_0002', 'update on B');
        await stream.close();
      } finally {
        await b.close();
        await a.close();
      }
    });
  });
});
