import { pgliteBackend } from './helpers.js';
import { contactsSuite } from './suites/contacts.suite.js';

contactsSuite(pgliteBackend);
