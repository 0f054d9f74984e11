import type { Contract, JsonSchema, Operation, Parameter } from '../contract/openapi.js';
import type { Random } from '../seed/prng.js';
import { naughtyStrings, xssPayloads } from '../../test/e2e/hostile-strings.js';
import {
  bodyVariants,
  deref,
  forgedCursors,
  HUGE,
  randomNumber,
  randomText,
  textVariants,
  type Variant,
} from './fuzz-values.js';

/** One request of the fuzz run: which operation, what was changed, and whether it must be refused. */
export interface FuzzCase {
  operationId: string;
  label: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** false: send no Authorization header. */
  authorized: boolean;
  refuse: boolean;
}

/** Seeded ids a valid request would use; the fuzz replaces one part at a time. */
export interface KnownIds {
  conversation: string;
  contact: string;
  message: string;
  attachment: string;
}

const PATH_VALUES: Record<string, (ids: KnownIds) => string> = {
  conversationId: (ids) => ids.conversation,
  contactId: (ids) => ids.contact,
  messageId: (ids) => ids.message,
  attachmentId: (ids) => ids.attachment,
  senderProfileId: () => 'spf_care_sms',
  userId: () => 'usr_olivia',
  stepId: () => 'create_tags',
};
const QUERY_VALUES: Record<string, string> = {
  spaceId: 'sp_retail',
  phone: '+447700900123',
  channel: 'whatsapp',
};
const FIELD_VALUES: Record<string, unknown> = {
  spaceId: 'sp_retail',
  senderProfileId: 'spf_care_sms',
  teamId: 'tm_support',
  phone: '+447700900123',
  text: 'hello from the fuzz test',
  name: 'Fuzz',
  status: 'active',
  state: 'viewing',
  seq: 1,
  tagIds: [],
  teamIds: ['tm_support'],
  assigneeIds: [],
  attachmentIds: [],
};

/** A valid value for a schema: the field's known value, else the simplest thing that fits. */
function example(contract: Contract, schema: unknown, name: string, ids: KnownIds): unknown {
  if (name === 'conversationId') return ids.conversation;
  if (name in FIELD_VALUES) return FIELD_VALUES[name];
  const s = deref(contract.doc, schema);
  if (Array.isArray(s.enum)) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    const props = (s.properties ?? {}) as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? [])
      out[key] = example(contract, props[key], key, ids);
    if (Object.keys(out).length === 0 && typeof s.minProperties === 'number') {
      const [key, sub] = Object.entries(props)[0] ?? [];
      if (key) out[key] = example(contract, sub, key, ids);
    }
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (type === 'boolean') return true;
  if (s.format === 'email') return 'fuzz@example.com';
  return 'x1';
}

/** Body fields down to one level of nesting, as [path, schema] pairs. */
function fields(contract: Contract, schema: unknown, prefix: string[] = []): [string[], JsonSchema][] {
  const s = deref(contract.doc, schema);
  const out: [string[], JsonSchema][] = [];
  for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
    out.push([[...prefix, key], deref(contract.doc, sub)]);
    if (prefix.length === 0) out.push(...fields(contract, sub, [key]));
  }
  return out;
}

function setAt(target: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(target) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node[key] = typeof node[key] === 'object' && node[key] !== null ? node[key] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Percent-encodes text, lone surrogates included (as the UTF-8 bytes of U+FFFD would be wrong). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('');
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

/**
 * Every invalid request the contract suggests for one operation (`cases`), and a maker of random
 * ones: one parameter or body field replaced by random text or a random number.
 */
export function casesFor(
  contract: Contract,
  op: Operation,
  ids: KnownIds,
  random: Random,
): { cases: FuzzCase[]; randomCase: () => FuzzCase | null } {
  const params = (where: Parameter['in']) => op.parameters.filter((p) => p.in === where);
  const path = Object.fromEntries(op.pathParamNames.map((n) => [n, PATH_VALUES[n]?.(ids) ?? 'x1']));
  const query: Record<string, string> = {};
  for (const p of params('query')) if (p.required) query[p.name] = QUERY_VALUES[p.name] ?? 'x1';
  const key = () => `fuzz-${Math.floor(random.next() * 2 ** 40).toString(36)}-${random.digits(6)}`;
  const headers = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const p of params('header')) {
      const name = p.name.toLowerCase();
      if (name === 'idempotency-key') out[name] = key();
      else if (name === 'if-match') out[name] = '"1"';
    }
    return out;
  };
  const json = op.requestBody?.mediaType === 'application/json';
  const validBody = json ? example(contract, op.requestBody!.schema, '', ids) : undefined;

  const build = (
    label: string,
    refuse: boolean,
    change: {
      path?: Record<string, string>;
      query?: Record<string, string>;
      headers?: Record<string, string>;
    } = {},
    body: { text?: string; contentType?: string } | null = null,
    authorized = true,
  ): FuzzCase => {
    const p = { ...path, ...change.path };
    const url =
      op.fullPath.replace(/\{([^}]+)\}/g, (_, name: string) => encode(p[name] ?? 'x1')) +
      (() => {
        const q = Object.entries({ ...query, ...change.query })
          .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
          .join('&');
        return q ? `?${q}` : '';
      })();
    const h = { ...headers(), ...change.headers };
    const text = body ? body.text : validBody !== undefined ? JSON.stringify(validBody) : undefined;
    if (text !== undefined) h['content-type'] = body?.contentType ?? 'application/json';
    return {
      operationId: op.operationId,
      label,
      method: op.method,
      url,
      headers: h,
      ...(text !== undefined ? { body: text } : {}),
      authorized,
      refuse,
    };
  };

  const cases: FuzzCase[] = [];
  const each = (where: string, name: string, variants: Variant[], make: (v: Variant) => FuzzCase) => {
    for (const v of variants) cases.push({ ...make(v), label: `${where} ${name}: ${v.label}` });
  };
  for (const p of params('path'))
    each('path', p.name, textVariants(contract.doc, p.schema, 'path'), (v) =>
      build('', v.refuse, { path: { [p.name]: String(v.value) } }),
    );
  for (const p of params('query')) {
    const variants = textVariants(contract.doc, p.schema, 'query');
    if (p.name === 'cursor') variants.push(...forgedCursors());
    variants.push({ label: '20 KB (over the header limit)', value: 'q'.repeat(20_000), refuse: true });
    each('query', p.name, variants, (v) => build('', v.refuse, { query: { [p.name]: String(v.value) } }));
  }
  cases.push(build('query: a parameter the operation does not take', true, { query: { zzUnknown: '1' } }));
  for (const p of params('header'))
    each('header', p.name, textVariants(contract.doc, p.schema, 'header'), (v) =>
      build('', v.refuse, { headers: { [p.name.toLowerCase()]: String(v.value) } }),
    );

  if (json) {
    const schema = deref(contract.doc, op.requestBody!.schema);
    for (const [fieldPath, fieldSchema] of fields(contract, schema))
      each('body', fieldPath.join('.'), bodyVariants(contract.doc, fieldSchema), (v) =>
        build('', v.refuse, {}, { text: JSON.stringify(setAt(validBody, fieldPath, v.value)) }),
      );
    const textField = fields(contract, schema).find(([, s]) => s.type === 'string' || Array.isArray(s.type));
    if (textField)
      cases.push(
        build(
          `body ${textField[0].join('.')}: about 1 MB`,
          true,
          {},
          {
            text: JSON.stringify(setAt(validBody, textField[0], HUGE)),
          },
        ),
      );
    const closed = schema.additionalProperties === false;
    cases.push(
      build(
        'body: an extra property',
        closed,
        {},
        { text: JSON.stringify({ ...(validBody as object), zzExtra: 1 }) },
      ),
      build('body: broken JSON', true, {}, { text: '{"text": "unterminated' }),
      build('body: a NUL byte', true, {}, { text: '\u0000' }),
      build('body: JSON with a trailing comma', true, {}, { text: '{"a": 1,}' }),
      build('body: an array', true, {}, { text: '[]' }),
      build('body: a string', true, {}, { text: '"text"' }),
      build('body: null', true, {}, { text: 'null' }),
      build('body: a number', true, {}, { text: '1e400' }),
      build(
        'body: valid JSON sent as text/plain',
        true,
        {},
        { text: JSON.stringify(validBody), contentType: 'text/plain' },
      ),
      build(
        'body: valid JSON sent as XML',
        true,
        {},
        { text: JSON.stringify(validBody), contentType: 'application/xml' },
      ),
      build('body: empty', op.requestBody!.required, {}, { text: '' }),
    );
  } else if (op.requestBody) {
    // multipart uploads
    cases.push(
      build('body: JSON instead of a form', true, {}, { text: '{"file": "x"}' }),
      build(
        'body: a form without a boundary',
        true,
        {},
        { text: 'garbage', contentType: 'multipart/form-data' },
      ),
      build(
        'body: a broken form',
        true,
        {},
        { text: '--x\r\nbroken', contentType: 'multipart/form-data; boundary=x' },
      ),
      build(
        'body: a form without the file',
        true,
        {},
        {
          text: '--x\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--x--\r\n',
          contentType: 'multipart/form-data; boundary=x',
        },
      ),
    );
  } else if (op.method !== 'GET') {
    cases.push(build('body: one the operation does not take', true, {}, { text: '{"zz": 1}' }));
  }
  if (op.secured) cases.push(build('without a token', true, {}, null, false));

  const hostile = [...naughtyStrings(), ...xssPayloads()];
  const targets: ((v: () => Variant) => FuzzCase)[] = [
    ...params('path').map((p) => (v: () => Variant) => {
      const x = v();
      return build(`path ${p.name}: ${x.label}`, x.refuse, { path: { [p.name]: String(x.value) } });
    }),
    ...params('query').map((p) => (v: () => Variant) => {
      const x = v();
      return build(`query ${p.name}: ${x.label}`, x.refuse, { query: { [p.name]: String(x.value) } });
    }),
    ...(json ? fields(contract, op.requestBody!.schema).filter(([path]) => path.length === 1) : []).map(
      ([path, schema]) =>
        (v: () => Variant) => {
          const numeric = ['integer', 'number'].some((t) => [schema.type].flat().includes(t));
          const multiline = schema['x-multiline'] === true;
          const x = numeric
            ? randomNumber(random, schema)
            : multiline
              ? randomText(random, hostile, true)
              : v();
          const body = JSON.stringify(setAt(validBody, path, x.value));
          return build(`body ${path.join('.')}: ${x.label}`, x.refuse, {}, { text: body });
        },
    ),
  ];
  const randomCase = () =>
    targets.length === 0 ? null : random.pick(targets)(() => randomText(random, hostile));
  return { cases, randomCase };
}

/**
 * The whole run, `budget` requests: every operation's contract-made cases (each operation keeps
 * its share when the budget is smaller), then random ones until the budget is spent.
 */
export function fuzzPlan(contract: Contract, ids: KnownIds, random: Random, budget: number): FuzzCase[] {
  const perOp = contract.operations.map((op) => casesFor(contract, op, ids, random));
  const all = perOp.flatMap((o) => o.cases);
  let plan: FuzzCase[];
  if (all.length <= budget) plan = all;
  else {
    const share = Math.max(1, Math.floor(budget / perOp.length));
    plan = perOp.flatMap((o) => shuffle(o.cases, random).slice(0, share));
  }
  for (let tries = 0; plan.length < budget && tries < budget * 2; tries++) {
    const c = random.pick(perOp).randomCase();
    if (c) plan.push(c);
  }
  return shuffle(plan, random);
}

function shuffle<T>(list: T[], random: Random): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
