/**
 * While the pointer rests on the list, rows keep the order they had when it arrived, so the row under
 * the pointer never jumps: known rows stay in place (removed ones drop out), rows that are new since
 * are appended. The live order returns when the pointer leaves.
 */
export function keepOrder(
  frozenIds: readonly string[],
  liveIds: readonly string[],
  isLive: (id: string) => boolean,
): string[] {
  const known = knownIds(frozenIds);
  return [...frozenIds.filter(isLive), ...liveIds.filter((id) => !known.has(id))];
}

// One set per frozen order, however many updates arrive while the pointer rests.
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
function knownIds(ids: readonly string[]): ReadonlySet<string> {
  let known = sets.get(ids);
  if (!known) sets.set(ids, (known = new Set(ids)));
  return known;
}
