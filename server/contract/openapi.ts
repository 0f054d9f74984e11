import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The contract, loaded once: every operation with its full URL template and merged parameters. */
export const CONTRACT_PATH = fileURLToPath(new URL('../../openapi/inbox.yaml', import.meta.url));

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The contract's path, e.g. /conversations/{conversationId}. */
  path: string;
  /** What the server serves, e.g. /api/conversations/{conversationId}. */
  fullPath: string;
  regex: RegExp;
  pathParamNames: string[];
  parameters: Parameter[];
  requestBody?: { required: boolean; mediaType: string; schema: JsonSchema };
  secured: boolean;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** The parts of an OpenAPI 3.1 document this server reads; everything else passes through. */
interface ServerObject {
  url: string;
}
interface OperationObject {
  operationId: string;
  parameters?: unknown[];
  requestBody?: unknown;
  servers?: ServerObject[];
  security?: unknown[];
}
interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, { schema?: JsonSchema }>;
}
type PathItem = Partial<Record<(typeof METHODS)[number], OperationObject>> & {
  parameters?: unknown[];
  servers?: ServerObject[];
};
export interface OpenApiDoc {
  servers?: ServerObject[];
  security?: unknown[];
  paths?: Record<string, PathItem>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Contract {
  doc: OpenApiDoc;
  operations: Operation[];
}

/** Follows a local `$ref` (#/components/…) to its target; anything else is returned as it is. */
function resolveRef<T>(doc: OpenApiDoc, value: unknown): T {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    const parts = value.$ref.replace(/^#\//, '').split('/');
    let node: unknown = doc;
    for (const key of parts)
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    return node as T;
  }
  return value as T;
}

function templateToRegex(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^${pattern}$`), names };
}

export function loadContract(file = CONTRACT_PATH): Contract {
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDoc;
  const defaultServer = doc.servers?.[0]?.url ?? '';
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const server = item.servers?.[0]?.url ?? defaultServer;
    const shared: Parameter[] = (item.parameters ?? []).map((p: unknown) => resolveRef<Parameter>(doc, p));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const own: Parameter[] = (op.parameters ?? []).map((p: unknown) => resolveRef<Parameter>(doc, p));
      // An operation's parameter overrides a path-level one with the same name and location.
      const parameters = [
        ...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)),
        ...own,
      ];
      const fullPath = `${(op.servers?.[0]?.url ?? server).replace(/\/$/, '')}${path}`;
      const { regex, names } = templateToRegex(fullPath);
      let requestBody: Operation['requestBody'];
      if (op.requestBody) {
        const body = resolveRef<RequestBodyObject>(doc, op.requestBody);
        const [mediaType, media] = Object.entries(body.content ?? {})[0] ?? [];
        if (mediaType && media)
          requestBody = { required: body.required === true, mediaType, schema: media.schema ?? {} };
      }
      const security = op.security ?? doc.security ?? [];
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        fullPath,
        regex,
        pathParamNames: names,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        secured: Array.isArray(security) && security.length > 0,
      });
    }
  }
  // Literal segments win over templates: /conversations/counts before /conversations/{id}.
  operations.sort((a, b) => a.pathParamNames.length - b.pathParamNames.length);
  return { doc, operations };
}

export interface RouteMatch {
  operation?: Operation;
  /** Operations on the same path with other methods (for 405 and Allow). */
  allowed: string[];
  pathParams: Record<string, string>;
}

export function matchOperation(contract: Contract, method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const op of contract.operations) {
    const m = op.regex.exec(pathname);
    if (!m) continue;
    if (op.method !== method && !(method === 'HEAD' && op.method === 'GET')) {
      allowed.push(op.method);
      continue;
    }
    const pathParams: Record<string, string> = {};
    op.pathParamNames.forEach((name, i) => {
      pathParams[name] = safeDecode(m[i + 1] ?? '');
    });
    return { operation: op, allowed, pathParams };
  }
  return { allowed, pathParams: {} };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
