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
