import type { Context } from 'hono';
import type { components } from '../../src/api/schema.js';

export type Problem = components['schemas']['Problem'];
/** The contract types `current` as a bare object (generated as Record<string, never>); any resource fits. */
export type ProblemExtra = Partial<Omit<Problem, 'current'>> & { current?: object };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** A thrown problem: any layer may throw one, the error handler renders it. */
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

export const notFound = (detail: string) => new ProblemError(404, 'not-found', detail);
export const forbidden = (detail: string) => new ProblemError(403, 'forbidden', detail);

/** Hono's onError: problems as they are, anything else as a 500 that leaks nothing. */
export function renderError(err: unknown, c: Context): Response {
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
