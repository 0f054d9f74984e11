import { pgliteBackend } from './helpers.js';
import { senderPrivacySuite } from './suites/sender-privacy.suite.js';

senderPrivacySuite(pgliteBackend);
