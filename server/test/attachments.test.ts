import { pgliteBackend } from './helpers.js';
import { attachmentsSuite } from './suites/attachments.suite.js';

attachmentsSuite(pgliteBackend);
