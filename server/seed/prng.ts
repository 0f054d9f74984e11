/** mulberry32: a tiny deterministic PRNG, so every fresh seed produces the same data. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(next() * list.length)] as T;
  };
  const chance = (p: number): boolean => next() < p;
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
  return { next, int, pick, chance, digits };
}

export type Random = ReturnType<typeof createRandom>;
