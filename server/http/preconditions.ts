import type { Operation } from '../contract/openapi.js';
import type { IfMatch } from '../domain/versions.js';
import { ProblemError, problemResponse } from './problem.js';

/**
 * Reads If-Match leniently: `"7"` (what our ETag says), bare `7`, weak `W/"7"`, a comma-separated
 * list of those, or `*`. Versions are integers, so weak and strong comparison are the same here.
 */
export function parseIfMatch(raw: string): IfMatch {
  const text = raw.trim();
  if (text === '*') return { any: true };
  const versions: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(?:W\/)?"?(\d{1,15})"?$/i.exec(part.trim());
    if (!m) {
      throw new ProblemError(
        400,
        'validation',
        'The If-Match header must be the version from the ETag, e.g. "7".',
        {
          errors: [
            {
              path: 'header.if-match',
              message: 'must be the version from the ETag, e.g. "7"',
            },
          ],
        },
      );
    }
    versions.push(Number(m[1]));
  }
  return { any: false, versions };
}

/**
 * 428 for a change sent without If-Match. It names the resource and where to read its version,
 * e.g. "the conversation's version (the ETag of GET /api/conversations/cv_1)".
 */
export function preconditionRequired(op: Operation, pathParams: Record<string, string>): Response {
  // The resource is the path up to its first {id}: /api/conversations/{conversationId}/status → /api/conversations/cv_1.
  const m = /^(.*?\/([a-z-]+)s)\/\{([^}]+)\}/.exec(op.fullPath);
  const noun = m ? m[2]!.replace(/-/g, ' ') : 'resource';
  const where = m ? ` (the ETag of GET ${m[1]}/${pathParams[m[3]!] ?? `{${m[3]}}`})` : '';
  return problemResponse(
    428,
    'precondition-required',
    `Send If-Match with the ${noun}'s version${where}, so a change you have not seen is never overwritten.`,
  );
}
