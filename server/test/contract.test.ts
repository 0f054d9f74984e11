import { pgliteBackend } from './helpers.js';
import { contractSuite } from './suites/contract.suite.js';

contractSuite(pgliteBackend);
