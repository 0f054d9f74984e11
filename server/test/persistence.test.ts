import { pgliteBackend } from './helpers.js';
import { persistenceSuite } from './suites/persistence.suite.js';

persistenceSuite(pgliteBackend);
