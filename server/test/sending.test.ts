import { pgliteBackend } from './helpers.js';
import { sendingSuite } from './suites/sending.suite.js';

sendingSuite(pgliteBackend);
