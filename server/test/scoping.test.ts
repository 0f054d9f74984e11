import { pgliteBackend } from './helpers.js';
import { scopingSuite } from './suites/scoping.suite.js';

scopingSuite(pgliteBackend);
