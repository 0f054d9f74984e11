import { pgliteBackend } from './helpers.js';
import { accessSuite } from './suites/access.suite.js';

accessSuite(pgliteBackend);
