import type { Channel, ConversationStatus, OnboardingStepId, Problem, ProblemFieldError } from './types.js';

/**
 * Why the client itself refused or gave up, as a code with its facts: never words. The i18n layer
 * (`describeError`) says it in the user's language.
 */
export type ClientProblem =
  | { code: 'empty-message' | 'empty-note' | 'not-signed-in' | 'notes-not-allowed' }
  | { code: 'send-undone' | 'undo-too-late' | 'inbox-closed' | 'unexpected-answer' }
  | { code: 'text-too-long'; channel: Channel; length: number; max: number }
  | { code: 'too-many-sms-parts'; parts: number; max: number }
  | { code: 'attachments-not-allowed'; channel: Channel }
  | {
      code: 'file-type-refused';
      channel: Channel;
      extension: string | null;
      type: string;
      accepted: string[];
    }
  | { code: 'file-empty' }
  | { code: 'file-too-large'; channel: Channel; size: number; max: number }
  | { code: 'status-conflict'; status: ConversationStatus | null }
  | { code: 'step-not-optional'; step: OnboardingStepId }
  // A new conversation's refusals, in the dialog's terms (the server's detail is English only).
  | {
      code: 'no-sender-available';
      profile: string;
      /** The number's country (ISO 3166-1 alpha-2), null when it has none. */
      country: string | null;
      /** `used-up`: its senders there have nothing left today; `no-sender`: it has none there. */
      reason: 'used-up' | 'no-sender';
    }
  | { code: 'phone-invalid'; country: string | null }
  | { code: 'cannot-start-by-phone'; channel: Channel }
  | { code: 'team-not-allowed'; profile: string; team: string };

export type ClientProblemCode = ClientProblem['code'];

export const NETWORK_PROBLEM_TYPE = 'urn:inbox:problem:network';
/** A failure on this side of the wire (e.g. the token provider threw). */
export const CLIENT_PROBLEM_TYPE = 'urn:inbox:problem:client';

/**
 * The one error the client surfaces: an RFC 9457 problem from the server, a response that was not
 * one (status kept, generic words), or a network failure (status 0). `message` is the `detail`,
 * which is written for people.
 */
export class InboxApiError extends Error {
  override readonly name = 'InboxApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** One entry per invalid field (validation problems); empty otherwise. */
  readonly errors: readonly ProblemFieldError[];
  /** With 412: the resource as it is now, so the UI can show what changed. */
  readonly current: Record<string, unknown> | undefined;
  /** The problem body as received, when there was one. */
  readonly problem: Problem | undefined;
  /** Set when the client refused or gave up on its own (or explains a server answer in its terms). */
  readonly clientProblem: ClientProblem | undefined;
  /** The response's `Retry-After` as sent (seconds or an HTTP date), else null; see `retryAfterMs`. */
  readonly retryAfter: string | null;

  constructor(
    problem: Problem,
    options?: {
      cause?: unknown;
      raw?: Problem;
      clientProblem?: ClientProblem | undefined;
      retryAfter?: string | null;
    },
  ) {
    super(problem.detail, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.current = isRecord(problem.current) ? problem.current : undefined;
    this.problem = options?.raw;
    this.clientProblem = options?.clientProblem;
    this.retryAfter = options?.retryAfter ?? null;
  }

  /**
   * A refusal of the client's own. Its `message` is the code (for logs and hosts); what a person
   * reads comes from `describeError` in their language.
   */
  static client(clientProblem: ClientProblem, base?: InboxApiError): InboxApiError {
    if (base) {
      const { type, title, status, detail, problem, retryAfter } = base;
      return new InboxApiError(problem ?? { type, title, status, detail }, {
        cause: base,
        clientProblem,
        retryAfter,
        ...(problem ? { raw: problem } : {}),
      });
    }
    const { code } = clientProblem;
    return new InboxApiError(
      { type: `${CLIENT_PROBLEM_TYPE}:${code}`, title: code, status: 0, detail: code },
      { clientProblem },
    );
  }

  /** From a non-2xx response and its body (already parsed JSON, text, or nothing). */
  static fromResponse(response: Response, body: unknown): InboxApiError {
    // When to try again (429, 503): the header, since a problem body has no field for it.
    const retryAfter = response.headers.get('Retry-After');
    if (isProblem(body)) {
      const status = typeof body.status === 'number' ? body.status : response.status;
      return new InboxApiError({ ...body, status }, { raw: body, retryAfter });
    }
    const status = response.status;
    return new InboxApiError(
      {
        type: 'about:blank',
        title: response.statusText || `HTTP ${status}`,
        status,
        detail: `The inbox server answered with an unexpected error (${status}).`,
      },
      { retryAfter },
    );
  }

  /** Any thrown value as an InboxApiError, for code that reports errors to the host. */
  static from(error: unknown): InboxApiError {
    if (error instanceof InboxApiError) return error;
    return new InboxApiError(
      {
        type: CLIENT_PROBLEM_TYPE,
        title: 'Unexpected error',
        status: 0,
        detail:
          error instanceof Error && error.message ? error.message : 'Something went wrong in the inbox.',
      },
      { cause: error },
    );
  }

  static network(cause: unknown): InboxApiError {
    return new InboxApiError(
      {
        type: NETWORK_PROBLEM_TYPE,
        title: 'Network error',
        status: 0,
        detail: "Can't reach the inbox server. Check your connection.",
      },
      { cause },
    );
  }
}

export function isInboxApiError(value: unknown): value is InboxApiError {
  return value instanceof InboxApiError;
}

/** Aborts are intentional (dispose, superseded request) and must never look like failures. */
export function isAbortError(value: unknown): boolean {
  return value instanceof DOMException && value.name === 'AbortError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProblem(body: unknown): body is Problem {
  return (
    isRecord(body) &&
    typeof body['type'] === 'string' &&
    typeof body['title'] === 'string' &&
    typeof body['detail'] === 'string' &&
    (body['errors'] === undefined || Array.isArray(body['errors']))
  );
}
