import { pgliteBackend } from './helpers.js';
import { timelineSuite } from './suites/timeline.suite.js';

timelineSuite(pgliteBackend);
