/**
 * While the pointer rests on the list, rows keep the order they had when it arrived, so the row under
 * the pointer never jumps: known rows stay in place (removed ones drop out), rows that are new since
 * are appended. The live order returns when the pointer leaves.
 */
export function keepOrder<T extends { id: string }>(frozenIds: readonly string[], live: readonly T[]): T[] {
  const byId = new Map(live.map((item) => [item.id, item]));
  const kept = frozenIds.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
  const known = new Set(frozenIds);
  return [...kept, ...live.filter((item) => !known.has(item.id))];
}

/**
 * Wraps `fn` so that a call with the same arguments as the previous one (compared with ===) returns
 * the previous result without running it: a re-render that did not change the items does no work
 * proportional to them, and the virtualizer keeps receiving the very same array.
 */
export function lastResult<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i]))
      return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
