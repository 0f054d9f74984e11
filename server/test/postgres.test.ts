import { describeOnPostgres } from './postgres-harness.js';
import { accessSuite } from './suites/access.suite.js';
import { assignmentTagsSuite } from './suites/assignment-tags.suite.js';
import { authorizationSuite } from './suites/authorization.suite.js';
import { attachmentsSuite } from './suites/attachments.suite.js';
import { contactsSuite } from './suites/contacts.suite.js';
import { contractSuite } from './suites/contract.suite.js';
import { conversationsSuite } from './suites/conversations.suite.js';
import { cursorsSuite } from './suites/cursors.suite.js';
import { fuzzSuite } from './suites/fuzz.suite.js';
import { hostileInputSuite } from './suites/hostile-input.suite.js';
import { newConversationSuite } from './suites/new-conversation.suite.js';
import { persistenceSuite } from './suites/persistence.suite.js';
import { presenceSuite } from './suites/presence.suite.js';
import { queryPlansSuite } from './suites/query-plans.suite.js';
import { realtimeSuite } from './suites/realtime.suite.js';
import { scopingSuite } from './suites/scoping.suite.js';
import { senderPrivacySuite } from './suites/sender-privacy.suite.js';
import { signedLinksSuite } from './suites/signed-links.suite.js';
import { statusSuite } from './suites/status.suite.js';
import { timelineSuite } from './suites/timeline.suite.js';

/**
 * The suites that read and write the inbox, against a real Postgres. Sending, dispatch and fan-out
 * across server processes are in `postgres-delivery.test.ts`: two files, so the runner runs the two
 * halves side by side.
 */
describeOnPostgres('real Postgres', (backend) => {
  contractSuite(backend);
  conversationsSuite(backend);
  realtimeSuite(backend);
  persistenceSuite(backend);
  statusSuite(backend);
  presenceSuite(backend);
  scopingSuite(backend);
  timelineSuite(backend);
  attachmentsSuite(backend);
  signedLinksSuite(backend);
  contactsSuite(backend);
  newConversationSuite(backend);
  assignmentTagsSuite(backend);
  accessSuite(backend);
  authorizationSuite(backend);
  senderPrivacySuite(backend);
  hostileInputSuite(backend);
  cursorsSuite(backend);
  fuzzSuite(backend);
  // Postgres only: the plans are the same engine's on PGlite, and generating the data costs time.
  queryPlansSuite(backend);
});
