import { pgliteBackend } from './helpers.js';
import { assignmentTagsSuite } from './suites/assignment-tags.suite.js';

assignmentTagsSuite(pgliteBackend);
