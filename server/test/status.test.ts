import { pgliteBackend } from './helpers.js';
import { statusSuite } from './suites/status.suite.js';

statusSuite(pgliteBackend);
