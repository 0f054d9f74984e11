import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Contract, JsonSchema, Operation } from './openapi.js';
import { INPUT_KEYWORDS, withInputRules } from './keywords.js';
import { describeError, errorPath, sentenceFor } from './messages.js';

export interface FieldError {
  path: string;
  message: string;
  /** The whole sentence for the problem's detail, e.g. "The search text is too long: …". */
  sentence: string;
}

export interface ValidatedInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

export interface RawInput {
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Headers;
  /** undefined = no body sent; the parsed JSON otherwise. */
  body: unknown;
  bodyError?: string;
  contentType: string | null;
}

interface CompiledOperation {
  path: ValidateFunction;
  query: ValidateFunction;
  headers: ValidateFunction;
  headerNames: string[];
  body?: ValidateFunction;
}

const CONTRACT_ID = 'inbox.yaml';
// ajv is CommonJS: under NodeNext its class is the module's `default` export.
const Ajv2020 = Ajv2020Module.default;

function makeAjv(coerce: boolean): InstanceType<typeof Ajv2020> {
  // strict: false because the contract document holds OpenAPI objects next to the schemas.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // NaN and Infinity are not numbers a request may carry (JSON.parse reads 1e400 as Infinity).
    strictNumbers: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
  });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  for (const keyword of INPUT_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

/**
 * Rewrites local refs (#/components/…) so they resolve inside the registered contract, and adds
 * the rules every string and number follows.
 */
function rebase(schema: unknown): unknown {
  return withInputRules(rebaseRefs(schema));
}

function rebaseRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebaseRefs);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${CONTRACT_ID}${v}` : rebaseRefs(v);
    }
    return out;
  }
  return schema;
}

function objectOf(
  params: Operation['parameters'],
  where: string,
  lowercase: boolean,
  closed: boolean,
): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of params.filter((x) => x.in === where)) {
    const name = lowercase ? p.name.toLowerCase() : p.name;
    properties[name] = rebase(p.schema ?? {});
    if (p.required) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: !closed };
}

/** Compiles one validator per operation and location (once per process: see served.ts). */
export function createValidator(contract: Contract) {
  const params = makeAjv(true);
  const bodies = makeAjv(false);
  const components = { $id: CONTRACT_ID, components: withInputRules(contract.doc.components) };
  params.addSchema(components);
  bodies.addSchema(components);

  const compiled = new Map<string, CompiledOperation>();
  for (const op of contract.operations) {
    const headerNames = op.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
    compiled.set(op.operationId, {
      path: params.compile(objectOf(op.parameters, 'path', false, true)),
      query: params.compile(objectOf(op.parameters, 'query', false, true)),
      headers: params.compile(objectOf(op.parameters, 'header', true, false)),
      headerNames,
      ...(op.requestBody?.mediaType === 'application/json'
        ? { body: bodies.compile(rebase(op.requestBody.schema) as JsonSchema) }
        : {}),
    });
  }

  return function validate(op: Operation, raw: RawInput): { input: ValidatedInput; errors: FieldError[] } {
    const c = compiled.get(op.operationId);
    if (!c) throw new Error(`No validator for ${op.operationId}`);
    const errors: FieldError[] = [];
    const collect = (location: string, list: ErrorObject[] | null | undefined) => {
      for (const e of list ?? []) {
        const path = errorPath(location, e);
        const message = describeError(e);
        // One message per field is enough for a person; ajv may report several.
        if (!errors.some((x) => x.path === path))
          errors.push({ path, message, sentence: sentenceFor(path, e, message) });
      }
    };

    const path: Record<string, unknown> = { ...raw.pathParams };
    if (!c.path(path)) collect('path', c.path.errors);
    const query: Record<string, unknown> = { ...raw.query };
    if (!c.query(query)) collect('query', c.query.errors);
    const headers: Record<string, unknown> = {};
    for (const name of c.headerNames) {
      const v = raw.headers.get(name);
      if (v !== null) headers[name] = v;
    }
    if (!c.headers(headers)) collect('header', c.headers.errors);

    let body = raw.body;
    if (op.requestBody) {
      const wanted = op.requestBody.mediaType;
      if (raw.body === undefined) {
        if (op.requestBody.required)
          errors.push({ path: 'body', message: 'is required', sentence: 'The request body is missing.' });
      } else if (raw.contentType && !raw.contentType.toLowerCase().startsWith(wanted)) {
        errors.push({
          path: 'body',
          message: `must be sent as ${wanted}`,
          sentence: `The request body must be sent as ${wanted}.`,
        });
      } else if (raw.bodyError) {
        errors.push({ path: 'body', message: raw.bodyError, sentence: `The request body ${raw.bodyError}.` });
      } else if (c.body && !c.body(body)) {
        collect('body', c.body.errors);
      }
    } else if (raw.body !== undefined && !isEmptyObject(raw.body)) {
      errors.push({
        path: 'body',
        message: 'is not expected by this operation',
        sentence: 'This request takes no body.',
      });
      body = undefined;
    }
    return { input: { path, query, headers, body }, errors };
  };
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

export type Validate = ReturnType<typeof createValidator>;
