import { pgliteBackend } from './helpers.js';
import { presenceSuite } from './suites/presence.suite.js';

presenceSuite(pgliteBackend);
