export {
  createInboxClient,
  type InboxClient,
  type InboxClientConfig,
  type SpaceEventsOptions,
} from './client.js';
export {
  CLIENT_PROBLEM_TYPE,
  InboxApiError,
  NETWORK_PROBLEM_TYPE,
  isAbortError,
  isInboxApiError,
} from './errors.js';
export {
  backoffDelay,
  openEventStream,
  type BackoffOptions,
  type EventStream,
  type EventStreamOptions,
  type StreamStatus,
} from './events-stream.js';
export {
  authMiddleware,
  idempotencyHeader,
  idempotencyKey,
  ifMatch,
  unwrap,
  type TokenProvider,
} from './middleware.js';
export type * from './types.js';
