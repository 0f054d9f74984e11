import type { Context } from 'hono';
import type { components } from '../../src/api/schema.js';
import { DomainError, type ErrorKind } from '../domain/errors.js';

export type Problem = components['schemas']['Problem'];
/** The contract types `current` as a bare object (generated as Record<string, never>); any resource fits. */
export type ProblemExtra = Partial<Omit<Problem, 'current'>> & { current?: object };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** The status each kind of domain error is served with. */
const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  stale: 412,
  'too-large': 413,
  'unsupported-type': 415,
};

/** A problem thrown by the HTTP layer itself (auth, uploads, headers); the domain throws DomainError. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problemType: string,
    detail: string,
    readonly extra: ProblemExtra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problemBody(
  status: number,
  type: string,
  detail: string,
  extra: ProblemExtra = {},
): ProblemExtra & Pick<Problem, 'type' | 'title' | 'status' | 'detail'> {
  return { type: `urn:inbox:problem:${type}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

export function problemResponse(
  status: number,
  type: string,
  detail: string,
  extra: ProblemExtra = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, type, detail, extra)), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/** A domain error as problem+json: its kind picks the status; a stale version also answers the ETag. */
export function domainProblem(err: DomainError): Response {
  const { errors, current, version } = err.details;
  return problemResponse(
    STATUS_OF[err.kind],
    err.code,
    err.message,
    { ...(errors ? { errors } : {}), ...(current ? { current } : {}) },
    version !== undefined ? { etag: `"${version}"` } : {},
  );
}

/** Hono's onError: problems as they are, anything else as a 500 that leaks nothing. */
export function renderError(err: unknown, c: Context): Response {
  if (err instanceof DomainError) return domainProblem(err);
  if (err instanceof ProblemError) {
    return problemResponse(err.status, err.problemType, err.message, err.extra, err.headers);
  }
  console.error(`[inbox] ${c.req.method} ${c.req.path} failed:`, err);
  return problemResponse(
    500,
    'internal',
    'Something went wrong on the server. The error has been logged; please try again.',
  );
}
