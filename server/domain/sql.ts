/** Collects parameters while a query is assembled, so fragments stay injection-free. */
export class Params {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder ($n). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so user text only ever matches literally. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Accent- and case-blind matching through the folded indexes (migration 004): the column side
 * must be written exactly like the index expression, or the planner scans instead.
 */
export const foldedContains = (column: string, pattern: string) =>
  `inbox_fold(${column}) like inbox_fold(${pattern})`;

/** An item's text contains the query, through the index on its stored folded text (migration 008). */
export const itemTextContains = (alias: string, pattern: string) =>
  `${alias}.text_folded like inbox_fold(${pattern})`;

/** Every word of the query, in any order, in an item's text, through its folded text-search index. */
export const itemTextWords = (alias: string, words: string) =>
  `to_tsvector('simple'::regconfig, coalesce(${alias}.text_folded, '')) @@ plainto_tsquery('simple', inbox_fold(${words}))`;

/**
 * Each word of the query somewhere in an item's folded text: true of every item whose words hold
 * them all, as a word's lexeme is its folded text. Tested before `itemTextWords` on an item at a
 * time, it spares building the words of the items that cannot match. The patterns (each word's
 * lexeme, its LIKE wildcards escaped) are made once per query.
 */
export const itemTextHasEach = (alias: string, words: string) =>
  `${alias}.text_folded like all (array(select '%' || replace(replace(replace(w,
    '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
    from unnest(tsvector_to_array(to_tsvector('simple'::regconfig, inbox_fold(${words})))) w))`;

/**
 * A list parameter as a set of text, e.g. `id in ${textList('$2')}`: the list travels as a JSON
 * string (JSON.stringify), which both drivers pass the same way (see db.ts).
 */
export const textList = (param: string) => `(select jsonb_array_elements_text(${param}::text::jsonb))`;
