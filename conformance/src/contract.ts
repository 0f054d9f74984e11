import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// ajv is CommonJS: under NodeNext its class is the module's `default` export.
const Ajv2020 = Ajv2020Module.default;

/** The contract this kit ships with, or the repository's when run from a checkout. */
export function defaultContractPath(): string {
  const candidates = ['../openapi/inbox.yaml', '../../openapi/inbox.yaml'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

type Json = Record<string, unknown>;

/** Validates answers against the response schemas the contract gives each operation and status. */
export class ContractSchemas {
  private readonly doc: Json;
  private readonly ajv: InstanceType<typeof Ajv2020>;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly operations = new Map<string, { path: string; method: string }>();

  constructor(file = defaultContractPath()) {
    this.doc = parse(readFileSync(file, 'utf8')) as Json;
    // strict: false and no meta-validation: the document holds OpenAPI objects around the schemas.
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
    addFormats.default(this.ajv);
    this.ajv.addSchema(this.doc, 'contract');
    for (const [path, item] of Object.entries((this.doc['paths'] ?? {}) as Record<string, Json>))
      for (const [method, op] of Object.entries(item))
        if (op && typeof op === 'object' && 'operationId' in op)
          this.operations.set(String(op.operationId), { path, method });
  }

  /** Every operation served under the contract's own server (the API root), with whether it needs a token. */
  apiOperations(): { operationId: string; method: string; path: string; secured: boolean }[] {
    const globalSecurity = this.doc['security'];
    const list = [];
    for (const [path, item] of Object.entries((this.doc['paths'] ?? {}) as Record<string, Json>)) {
      if (item['servers']) continue; // Served elsewhere (the reference server's simulator routes).
      for (const [method, op] of Object.entries(item)) {
        if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
        const security = (op as Json)['security'] ?? globalSecurity;
        list.push({
          operationId: String(op.operationId),
          method: method.toUpperCase(),
          path,
          secured: Array.isArray(security) && security.length > 0,
        });
      }
    }
    return list;
  }

  /** Every schema error of `body` for this operation's answer, or a sentence when the status is not in the contract. */
  check(operationId: string, status: number, contentType: string, body: unknown): string[] {
    const pointer = this.schemaPointer(operationId, status, contentType);
    if (typeof pointer !== 'string') return [pointer.error];
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `contract${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is not valid'}`);
  }

  /** A schema by name, e.g. `InboxEvent`. */
  checkSchema(name: string, value: unknown): string[] {
    const pointer = `#/components/schemas/${name}`;
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `contract${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(value)'} ${e.message ?? 'is not valid'}`,
    );
  }

  private schemaPointer(
    operationId: string,
    status: number,
    contentType: string,
  ): string | { error: string } {
    const op = this.operations.get(operationId);
    if (!op) return { error: `the contract has no operation ${operationId}` };
    const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    const responses = ((this.doc['paths'] as Record<string, Record<string, Json>>)[op.path]![op.method]![
      'responses'
    ] ?? {}) as Record<string, Json>;
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : null;
    if (!key) return { error: `${status} is not an answer the contract lists for ${operationId}` };
    let pointer = `#/paths/${escape(op.path)}/${op.method}/responses/${key}`;
    let response = responses[key]!;
    if (typeof response['$ref'] === 'string') {
      pointer = response['$ref'];
      response = this.resolve(pointer);
    }
    const media = contentType.split(';')[0]!.trim();
    const content = (response['content'] ?? {}) as Record<string, Json>;
    if (!(media in content)) {
      const listed = Object.keys(content).join(' or ') || 'no body';
      return {
        error: `${operationId} ${status} is ${media || 'without a content type'}, the contract says ${listed}`,
      };
    }
    return `${pointer}/content/${escape(media)}/schema`;
  }

  private resolve(pointer: string): Json {
    let node: unknown = this.doc;
    for (const part of pointer.replace(/^#\//, '').split('/'))
      node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return node as Json;
  }
}
