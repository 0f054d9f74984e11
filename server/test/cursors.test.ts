import { pgliteBackend } from './helpers.js';
import { cursorsSuite } from './suites/cursors.suite.js';

cursorsSuite(pgliteBackend);
