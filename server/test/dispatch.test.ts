import { pgliteBackend } from './helpers.js';
import { dispatchSuite } from './suites/dispatch.suite.js';

dispatchSuite(pgliteBackend);
