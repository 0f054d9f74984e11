/**
 * One copy of each equal string. Parsed JSON gives every object its own copy of each value, so a
 * store holding thousands of objects holds thousands of copies of the few values they repeat (a
 * kind, a status, an id). Strings are values: sharing one copy changes nothing a reader can see.
 */
export function interner(): <T extends string>(value: T) => T {
  const known = new Map<string, string>();
  return <T extends string>(value: T): T => {
    const first = known.get(value) as T | undefined;
    if (first !== undefined) return first;
    known.set(value, value);
    return value;
  };
}

/** The one empty list that lists of parsed values share (frozen: nothing may add to it). */
export const EMPTY: never[] = Object.freeze([]) as never[];

/**
 * Shares lists of ids: equal lists (a conversation's one team, its one assignee) are one frozen list
 * of shared ids. Nothing in the store edits a list in place; a change brings a new one.
 */
export function idLists(shared: <T extends string>(value: T) => T): <T extends string>(ids: T[]) => T[] {
  const known = new Map<string, readonly string[]>();
  return <T extends string>(ids: T[]): T[] => {
    if (ids.length === 0) return EMPTY;
    const key = JSON.stringify(ids); // unambiguous whatever the ids hold
    const first = known.get(key) as T[] | undefined;
    if (first) return first;
    const list = Object.freeze(ids.map(shared)) as T[];
    known.set(key, list);
    return list;
  };
}
