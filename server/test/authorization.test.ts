import { pgliteBackend } from './helpers.js';
import { authorizationSuite } from './suites/authorization.suite.js';

authorizationSuite(pgliteBackend);
