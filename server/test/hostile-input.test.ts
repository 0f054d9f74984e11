import { pgliteBackend } from './helpers.js';
import { hostileInputSuite } from './suites/hostile-input.suite.js';

hostileInputSuite(pgliteBackend);
