/**
 * Errors of the domain, in its own words: what kind of refusal it is, a stable code, and a
 * sentence a person understands. Only the HTTP layer (http/problem.ts) turns them into
 * problem+json with a status, so the rules never depend on how they are served.
 */
export type ErrorKind =
  /** The request asks for something that can't be: a bad value, named field by field. */
  | 'invalid'
  /** The user may not do this. */
  | 'forbidden'
  /** It does not exist, or the user may not see it (the same answer, on purpose). */
  | 'not-found'
  /** It clashes with the current state; `code` says how. */
  | 'conflict'
  /** The change was based on an older version; `current` holds the resource as it is now. */
  | 'stale'
  /** Larger than allowed. */
  | 'too-large'
  /** A type that is not accepted. */
  | 'unsupported-type';

export interface FieldError {
  /** Where, e.g. `body.phone` or `body.teamIds[1]`. */
  path: string;
  message: string;
}

export interface ErrorDetails {
  errors?: FieldError[];
  /** The resource as it is now (stale), or the one the request clashes with (conflict). */
  current?: object;
  /** With `stale`: the current version. */
  version?: number;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable and machine-readable, e.g. `illegal-status-change`. */
    readonly code: string,
    detail: string,
    readonly details: ErrorDetails = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const invalid = (detail: string, errors: FieldError[]) =>
  new DomainError('invalid', 'validation', detail, { errors });

/** One bad field: its path, what is wrong with it, and the whole sentence for a person. */
export const invalidField = (detail: string, path: string, message: string) =>
  invalid(detail, [{ path, message }]);

export const forbidden = (detail: string, code = 'forbidden') => new DomainError('forbidden', code, detail);

export const notFound = (detail: string) => new DomainError('not-found', 'not-found', detail);

export const conflict = (code: string, detail: string, current?: object) =>
  new DomainError('conflict', code, detail, current ? { current } : {});

export const stale = (detail: string, current: object | null, version: number) =>
  new DomainError('stale', 'precondition-failed', detail, { ...(current ? { current } : {}), version });

/** The same sentence wherever a conversation is out of reach, so ids of others' leak nothing. */
export const conversationNotFound = (id: string) =>
  notFound(`Conversation ${id} does not exist or is not visible to you.`);
