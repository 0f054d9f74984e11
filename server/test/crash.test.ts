import { pgliteBackend } from './helpers.js';
import { crashSuite } from './suites/crash.suite.js';

crashSuite(pgliteBackend);
