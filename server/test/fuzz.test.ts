import { pgliteBackend } from './helpers.js';
import { fuzzSuite } from './suites/fuzz.suite.js';

fuzzSuite(pgliteBackend);
