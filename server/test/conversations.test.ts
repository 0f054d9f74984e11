import { pgliteBackend } from './helpers.js';
import { conversationsSuite } from './suites/conversations.suite.js';

conversationsSuite(pgliteBackend);
