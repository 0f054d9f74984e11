import type { Context, MiddlewareHandler } from 'hono';
import { summarizeErrors } from '../contract/messages.js';
import { INBOX_ACCESS_REQUIRED, OPEN_WITHOUT_INBOX } from '../domain/access.js';
import { matchOperation } from '../contract/openapi.js';
import { printable } from '../contract/plain-text.js';
import type { RawInput } from '../contract/validate.js';
import type { AppEnv, Handler } from './env.js';
import { preconditionRequired } from './preconditions.js';
import { problemResponse } from './problem.js';

const MAX_JSON_BYTES = 1_000_000;

/**
 * Routes by the contract itself: finds the operation for method + path template, validates
 * path, query, headers and body against it, then calls its handler. Paths outside the contract
 * fall through.
 */
export function contractDispatch(handlers: Record<string, Handler>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { contract, validate, config } = c.get('services');
    const path = c.req.path;
    // The path as a detail may quote it: without control characters, and not at any length.
    const shownPath = printable(path);
    const inApi = path === '/api' || path.startsWith('/api/');
    // The simulator endpoints do not exist in production, not even as a 405.
    if (config.production && path.startsWith('/demo/'))
      return problemResponse(404, 'not-found', `There is nothing at ${shownPath}.`);
    const match = matchOperation(contract, c.req.method, path);
    const op = match.operation;
    if (!op) {
      if (match.allowed.length > 0) {
        return problemResponse(
          405,
          'method-not-allowed',
          `${c.req.method} is not allowed on ${shownPath}; use ${match.allowed.join(' or ')}.`,
          {},
          { allow: match.allowed.join(', ') },
        );
      }
      if (inApi)
        return problemResponse(404, 'not-found', `There is no API route ${c.req.method} ${shownPath}.`);
      // Not the contract's: static files and the demo pages.
      return next();
    }

    // A signed attachment link opens that one download and nothing else (see bearerAuth).
    const signedId = c.get('signedAttachmentId');
    if (
      signedId !== undefined &&
      (op.operationId !== 'getAttachment' || match.pathParams.attachmentId !== signedId)
    ) {
      return problemResponse(
        401,
        'unauthorized',
        'Sign in first: send Authorization: Bearer <token>.',
        {},
        {
          'www-authenticate': 'Bearer realm="inbox"',
        },
      );
    }
    // An account without the inbox may only see who it is and ask for access.
    const viewer = c.get('viewer');
    if (viewer && viewer.inboxAccess !== 'granted' && !OPEN_WITHOUT_INBOX.has(op.operationId))
      return problemResponse(403, 'inbox-access-required', INBOX_ACCESS_REQUIRED);
    const raw = await readRaw(c, match.pathParams);
    if (raw instanceof Response) return raw;
    const { input, errors } = validate(op, raw);
    // A change that is valid except for its missing If-Match is a precondition problem, not a typo.
    if (errors.length === 1 && errors[0]!.path === 'header.if-match' && errors[0]!.message === 'is required')
      return preconditionRequired(op, match.pathParams);
    if (errors.length > 0) {
      return problemResponse(400, 'validation', summarizeErrors(errors), {
        errors: errors.map(({ path, message }) => ({ path, message })),
      });
    }
    c.set('operation', op);
    c.set('input', input);
    const handler = handlers[op.operationId];
    // Every operation has a handler (a test checks it); a new one in the contract is a server bug.
    if (!handler) throw new Error(`No handler for ${op.operationId}`);
    return handler(c);
  };
}

/**
 * Query parameters whose percent-encoding is not UTF-8 (%ED%A0%80 is half a character). Hono
 * passes such a value on undecoded, so the search would quietly look for the literal "%ED…".
 */
function badlyEncoded(url: string): string[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const names: string[] = [];
  for (const pair of url.slice(start + 1).split('&')) {
    const [name = '', value = ''] = pair.split(/=(.*)/s);
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      decode(name);
      decode(value);
    } catch {
      let shown = name;
      try {
        shown = decode(name);
      } catch {
        // The name itself is broken: show it as sent.
      }
      names.push(printable(shown, 64));
    }
  }
  return names;
}

async function readRaw(c: Context<AppEnv>, pathParams: Record<string, string>): Promise<RawInput | Response> {
  const broken = badlyEncoded(c.req.url);
  if (broken.length > 0) {
    const errors = broken.map((name) => ({
      path: `query.${name}`,
      message: 'is not valid URL encoding (percent-encoded UTF-8)',
    }));
    return problemResponse(400, 'validation', summarizeErrors(errors), { errors });
  }
  const queries = c.req.queries();
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(queries)) query[k] = v.length === 1 ? v[0]! : v;
  const contentType = c.req.header('content-type') ?? null;
  const raw: RawInput = { pathParams, query, headers: c.req.raw.headers, body: undefined, contentType };
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return raw;

  if (contentType?.toLowerCase().startsWith('multipart/form-data')) {
    // Uploads are checked by their own handler (size and sniffed type per channel).
    raw.body = null;
    return raw;
  }
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_JSON_BYTES) {
    return problemResponse(
      413,
      'payload-too-large',
      `The request body is larger than ${MAX_JSON_BYTES} bytes.`,
    );
  }
  const text = await c.req.text();
  if (text.length === 0) return raw;
  if (text.length > MAX_JSON_BYTES) {
    return problemResponse(
      413,
      'payload-too-large',
      `The request body is larger than ${MAX_JSON_BYTES} bytes.`,
    );
  }
  if (contentType === null || /[/+]json\b/i.test(contentType)) {
    try {
      raw.body = JSON.parse(text);
    } catch {
      raw.body = text;
      raw.bodyError = 'is not valid JSON';
    }
  } else {
    raw.body = text;
  }
  return raw;
}
