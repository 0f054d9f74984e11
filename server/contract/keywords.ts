import type { ErrorObject, KeywordDefinition } from 'ajv/dist/2020.js';
import { textProblem, type TextKind } from './plain-text.js';

/**
 * Two rules the contract applies to every value of a kind, added by the validator instead of
 * being repeated on each field: every string is plain text (see plain-text.ts; a field marked
 * `x-multiline: true` may hold line breaks), and every number is finite (query coercion turns
 * "Infinity" and "1e400" into numbers JSON Schema would call integers).
 */
export const TEXT_KEYWORD = 'x-inbox-text';
export const FINITE_KEYWORD = 'x-inbox-finite';

type ValidateFn = ((data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] };

export const INPUT_KEYWORDS: KeywordDefinition[] = [
  {
    keyword: TEXT_KEYWORD,
    schemaType: 'string',
    errors: true,
    compile(kind: TextKind) {
      const fn: ValidateFn = (data) => {
        const problem = typeof data === 'string' ? textProblem(data, kind) : null;
        fn.errors = problem ? [{ keyword: TEXT_KEYWORD, message: problem, params: { kind } }] : [];
        return problem === null;
      };
      return fn;
    },
  },
  {
    keyword: FINITE_KEYWORD,
    // No `type`: ajv would then skip a value it has just coerced from a query string.
    schemaType: 'boolean',
    errors: true,
    compile() {
      const fn: ValidateFn = (data) => {
        const ok = typeof data !== 'number' || Number.isFinite(data);
        fn.errors = ok ? [] : [{ keyword: FINITE_KEYWORD, message: 'must be a finite number', params: {} }];
        return ok;
      };
      return fn;
    },
  },
];

const typesOf = (schema: Record<string, unknown>): unknown[] =>
  Array.isArray(schema.type) ? schema.type : [schema.type];

/** A copy of `schema` with the text rule on every string and the finite rule on every number. */
export function withInputRules(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withInputRules);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = withInputRules(v);
  const types = typesOf(out);
  if (types.includes('string')) out[TEXT_KEYWORD] = out['x-multiline'] === true ? 'multiline' : 'line';
  if (types.includes('integer') || types.includes('number')) out[FINITE_KEYWORD] = true;
  return out;
}
