import type { JsonSchema, OpenApiDoc } from '../contract/openapi.js';
import type { Random } from '../seed/prng.js';

/**
 * Invalid (and borderline) values for one schema of the contract, for the fuzz test. Each says
 * whether the contract must refuse it (`refuse`): a wrong type or an out-of-range number must
 * be a 4xx; a bidi control in a message or a forged id may be accepted (a filter that finds
 * nothing) — but never a 5xx.
 */
export interface Variant {
  label: string;
  value: unknown;
  refuse: boolean;
}

export const HUGE = 'a'.repeat(1_048_576);

/** Follows $ref (and the first branch of allOf/oneOf/anyOf) until a schema with a shape. */
export function deref(doc: OpenApiDoc, schema: unknown, depth = 0): JsonSchema {
  let s = (schema ?? {}) as JsonSchema;
  while (typeof s.$ref === 'string' && depth++ < 20) {
    let node: unknown = doc;
    for (const key of s.$ref.replace(/^#\//, '').split('/'))
      node = (node as Record<string, unknown> | undefined)?.[key];
    s = { ...(node as JsonSchema), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
  }
  return s;
}

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];

/** Values of the wrong JSON type for this schema. */
function wrongTypes(types: string[]): Variant[] {
  const all: [string, unknown][] = [
    ['string', 'text'],
    ['number', 12.5],
    ['integer', 12345],
    ['boolean', true],
    ['null', null],
    ['array', ['x']],
    ['object', { a: 1 }],
  ];
  return all
    .filter(([t]) => !types.includes(t) && !(t === 'integer' && types.includes('number')))
    .filter(([t]) => !(t === 'string' && types.length === 0))
    .map(([t, value]) => ({ label: `a ${t} instead`, value, refuse: types.length > 0 }));
}

const text = (label: string, value: string, refuse = true): Variant => ({ label, value, refuse });

function stringVariants(s: JsonSchema): Variant[] {
  const out: Variant[] = [
    text('NUL', 'a\u0000b'),
    text('BEL', 'ding\u0007'),
    text('ESC sequence', '\u001b[2J'),
    text('DEL', 'x\u007f'),
    text('C1 control', 'x\u0085y'),
    text('lone high surrogate', 'x\ud800'),
    text('lone low surrogate', '\udfffx'),
    text('reversed pair', '\ude00\ud83d'),
    text('bidi override', 'abc\u202edef', false),
    text('zero-width joiner only', '\u200d', false),
  ];
  const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  if (max !== undefined) out.push(text(`${max + 1} characters`, 'b'.repeat(max + 1)));
  if (max !== undefined) out.push(text(`${max + 1} emoji`, '😀'.repeat(max + 1)));
  const requiresText = (typeof s.minLength === 'number' && s.minLength > 0) || typeof s.pattern === 'string';
  out.push(text('empty', '', requiresText));
  if (Array.isArray(s.enum)) out.push(text('not in the enum', 'NOT_ONE_OF_THEM'));
  if (Array.isArray(s.enum) && typeof s.enum[0] === 'string')
    out.push(text('enum in capitals', s.enum[0].toUpperCase(), s.enum[0] !== s.enum[0].toUpperCase()));
  if (s.pattern === '^[A-Za-z0-9_-]{1,64}$') {
    out.push(
      text('forged id', 'cv_999999999', false),
      text('forged id of another kind', 'usr_olivia', false),
      text('64-character id', 'Z'.repeat(64), false),
      text('65-character id', 'Z'.repeat(65)),
      text('id with a slash', '../etc'),
      text('id with a space', 'cv 0001'),
      text('SQL in an id', "x' or '1'='1"),
    );
  } else if (typeof s.pattern === 'string') {
    out.push(text('not the pattern', '+not a number!'));
  }
  if (s.format === 'email') out.push(text('not an email', 'not-an-email'));
  return out;
}

function numberVariants(s: JsonSchema): Variant[] {
  const integer = typesOf(s).includes('integer');
  const out: Variant[] = [
    { label: '2^31', value: 2 ** 31, refuse: true },
    { label: '1e300', value: 1e300, refuse: true },
    { label: '-1', value: -1, refuse: typeof s.minimum === 'number' && s.minimum >= 0 },
    { label: '-2^31 - 1', value: -(2 ** 31) - 1, refuse: true },
    { label: 'a numeric string', value: '7', refuse: true },
  ];
  if (integer) out.push({ label: 'a fraction', value: 1.5, refuse: true });
  if (typeof s.maximum === 'number') out.push({ label: 'max + 1', value: s.maximum + 1, refuse: true });
  if (typeof s.minimum === 'number') out.push({ label: 'min - 1', value: s.minimum - 1, refuse: true });
  return out;
}

/** Invalid values for a JSON body field (any JSON value can be sent). */
export function bodyVariants(doc: OpenApiDoc, schema: unknown): Variant[] {
  const s = deref(doc, schema);
  const types = typesOf(s);
  const out = wrongTypes(types);
  if (types.includes('string') || Array.isArray(s.enum)) out.push(...stringVariants(s));
  if (types.includes('integer') || types.includes('number')) out.push(...numberVariants(s));
  if (types.includes('array')) {
    const items = deref(doc, s.items);
    if (typeof s.maxItems === 'number')
      out.push({
        label: `${s.maxItems + 1} items`,
        value: Array.from({ length: s.maxItems + 1 }, (_, i) => `id_${i}`),
        refuse: true,
      });
    if (s.uniqueItems) out.push({ label: 'the same item twice', value: ['id_1', 'id_1'], refuse: true });
    for (const v of bodyVariants(doc, items)
      .filter((x) => x.refuse)
      .slice(0, 12))
      out.push({ label: `an item: ${v.label}`, value: [v.value], refuse: true });
  }
  return out;
}

/** Invalid values for a path, query or header parameter: they travel as text. */
export function textVariants(
  doc: OpenApiDoc,
  schema: unknown,
  where: 'path' | 'query' | 'header',
): Variant[] {
  const s = deref(doc, schema);
  const types = typesOf(s);
  const out: Variant[] = [];
  if (types.includes('integer') || types.includes('number')) {
    for (const [label, value] of [
      ['2^31', '2147483648'],
      ['1e300', '1e300'],
      ['Infinity', 'Infinity'],
      ['-Infinity', '-Infinity'],
      ['NaN', 'NaN'],
      ['a fraction', '1.5'],
      ['a word', 'seven'],
      ['-1', '-1'],
    ] as const)
      out.push({ label, value, refuse: label !== '-1' || (typeof s.minimum === 'number' && s.minimum >= 0) });
    if (typeof s.maximum === 'number')
      out.push({ label: 'max + 1', value: String(s.maximum + 1), refuse: true });
  } else if (types.includes('boolean')) {
    out.push({ label: 'not a boolean', value: 'maybe', refuse: true });
  } else {
    out.push(...stringVariants(s).map((v) => ({ ...v, value: String(v.value) })));
  }
  // Headers carry Latin-1 only and never controls (fetch refuses to send them).
  if (where === 'header')
    return out.filter((v) => /^[\x20-\x7e]*$/.test(String(v.value)) && String(v.value).length < 8000);
  return out;
}

/** Cursors a client might make up: base64url of wrong tuples, with and without a signature. */
export function forgedCursors(): Variant[] {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return [
    ['a tuple with a made-up time', b64([1, 'latest', 'not a time', 'cv_0001'])],
    ['a tuple with a real time', b64([1, 'latest', '2024-01-01T00:00:00Z', 'cv_0001'])],
    ['a contacts tuple', b64([1, 'contacts', "x'--", 'ct_1'])],
    ['a made-up signature', `${b64([1, 'latest', 'x', 'y'])}.${'A'.repeat(43)}`],
    ['a number tuple', b64([1, 'latest', 1e300, null])],
    ['not base64', '!!!'],
  ].map(([label, value]) => ({ label: `cursor: ${label}`, value, refuse: true }));
}

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

/** Characters by kind: most are fine, some never are (controls, surrogate halves). */
const CHARACTER_KINDS: ((r: Random) => string)[] = [
  (r) => String.fromCharCode(r.int(0x20, 0x7e)),
  (r) => String.fromCharCode(r.int(0x20, 0x7e)),
  (r) => String.fromCharCode(r.int(0x00, 0x1f)),
  (r) => String.fromCharCode(r.int(0x7f, 0x9f)),
  (r) => String.fromCharCode(r.int(0xd800, 0xdfff)),
  (r) => r.pick(BIDI),
  (r) => String.fromCodePoint(r.int(0x300, 0x36f)),
  (r) => String.fromCodePoint(r.int(0x1f300, 0x1faff)),
  (r) => String.fromCodePoint(r.int(0x4e00, 0x9fff)),
  (r) => String.fromCodePoint(r.int(0x600, 0x6ff)),
  (r) => String.fromCodePoint(r.int(0xfff0, 0xffff)),
];

const UNACCEPTABLE = /[\p{Cc}\ud800-\udfff]/u;
const UNACCEPTABLE_MULTILINE = /(?![\t\n\r])[\p{Cc}\ud800-\udfff]/u;

/** A random string of random length and kinds of character, or one of the hostile strings. */
export function randomText(r: Random, hostile: readonly string[], multiline = false): Variant {
  const value = r.chance(0.25)
    ? r.pick(hostile)
    : Array.from({ length: r.pick([0, 1, 2, 5, 20, 64, 65, 201, 1000, 5000]) }, () =>
        r.pick(CHARACTER_KINDS)(r),
      ).join('');
  const refuse = (multiline ? UNACCEPTABLE_MULTILINE : UNACCEPTABLE).test(value);
  return { label: `random text (${[...value].length} characters)`, value, refuse };
}

/** A random number, refused when the schema's bounds or integer-ness say so. */
export function randomNumber(r: Random, schema: JsonSchema): Variant {
  const value = r.pick([
    () => r.int(-5, 5),
    () => r.int(-(2 ** 31), 2 ** 31),
    () => (r.next() - 0.5) * 2 ** r.int(0, 80),
    () => r.pick([2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, -0]),
  ])();
  const integer = (Array.isArray(schema.type) ? schema.type : [schema.type]).includes('integer');
  const out =
    (integer && !Number.isInteger(value)) ||
    (typeof schema.minimum === 'number' && value < schema.minimum) ||
    (typeof schema.maximum === 'number' && value > schema.maximum);
  return { label: `random number ${value}`, value, refuse: out };
}
