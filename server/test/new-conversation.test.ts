import { pgliteBackend } from './helpers.js';
import { newConversationSuite } from './suites/new-conversation.suite.js';

newConversationSuite(pgliteBackend);
