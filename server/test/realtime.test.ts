import { pgliteBackend } from './helpers.js';
import { realtimeSuite } from './suites/realtime.suite.js';

realtimeSuite(pgliteBackend);
