import { pgliteBackend } from './helpers.js';
import { fanoutSuite } from './suites/fanout.suite.js';

fanoutSuite(pgliteBackend);
