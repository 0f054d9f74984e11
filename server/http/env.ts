import type { Context } from 'hono';
import type { operations } from '../../src/api/schema.js';
import type { Contract, Operation } from '../contract/openapi.js';
import type { Validate, ValidatedInput } from '../contract/validate.js';
import type { Db } from '../db/db.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import type { Cursors } from '../domain/cursor.js';
import type { Viewer } from '../domain/users.js';
import type { EventHub } from '../realtime/hub.js';
import type { Dispatcher } from '../channels/dispatcher.js';
import type { ChannelProvider } from '../channels/provider.js';
import type { RateLimitOptions } from './rate-limit.js';

export interface ServerConfig {
  production: boolean;
  /** Folder served at / (the demo pages). */
  demoDir: string;
  /** Folder served at /dist/ (the built library). */
  distDir: string;
  keepAliveMs: number;
  /** Events older than this are pruned; a Last-Event-ID before them gets `resync`. */
  eventRetentionSeconds: number;
  /** Presence events go much sooner; they never move the resume horizon. */
  presenceRetentionSeconds: number;
  /** Open event streams per user in this process. */
  maxStreamsPerUser: number;
  /** Per-user token bucket of this process. */
  rateLimit: RateLimitOptions;
  /** The largest request body outside uploads. */
  maxBodyBytes: number;
}

export interface Services {
  db: Db;
  contract: Contract;
  validate: Validate;
  hub: EventHub;
  channels: ChannelProvider;
  /** Sends due outbound messages through `channels`. */
  dispatcher: Dispatcher;
  /** Signs the attachment URLs of every response and event, per receiving user. */
  links: AttachmentLinks;
  /** Signs and checks the page cursors of every list. */
  cursors: Cursors;
  config: ServerConfig;
}

export type AppEnv = {
  Variables: {
    services: Services;
    viewer: Viewer;
    /**
     * Set only when the request was authorized by a signed attachment link instead of a bearer
     * token: the one attachment it may fetch. Nothing but getAttachment for that id accepts it.
     */
    signedAttachmentId: string | undefined;
    operation: Operation;
    input: ValidatedInput;
  };
};

export type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

type Parameters<K extends keyof operations> = operations[K]['parameters'];
type JsonBody<K extends keyof operations> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The validated (and coerced) input of the current operation, typed from the generated contract. */
export function inputOf<K extends keyof operations>(c: Context<AppEnv>, _op: K) {
  const input = c.get('input');
  return input as unknown as {
    path: NonNullable<Parameters<K>['path']>;
    query: NonNullable<Parameters<K>['query']>;
    headers: Record<string, string | undefined>;
    body: JsonBody<K>;
  };
}
