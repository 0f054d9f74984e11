import { pgliteBackend } from './helpers.js';
import { signedLinksSuite } from './suites/signed-links.suite.js';

signedLinksSuite(pgliteBackend);
