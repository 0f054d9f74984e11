/**
 * Where focus goes in a single-select listbox for a navigation key (WAI-ARIA listbox pattern),
 * or undefined when the key is not a navigation key. Pure, so any list can share it.
 */
export function nextListboxIndex(key: string, current: number, length: number): number | undefined {
  if (length === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, length - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    case 'PageDown':
      return Math.min(current + 10, length - 1);
    case 'PageUp':
      return Math.max(current - 10, 0);
    default:
      return undefined;
  }
}

/**
 * Where selection goes in a WAI-ARIA tab list for a key (arrows wrap around and follow the reading
 * direction; Home and End), or undefined when the key is not a tab key.
 */
export function nextTabIndex(
  key: string,
  current: number,
  length: number,
  dir: 'ltr' | 'rtl',
): number | undefined {
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  const to: Record<string, number> = {
    [forward]: current + 1,
    [back]: current - 1,
    Home: 0,
    End: length - 1,
  };
  const next = to[key];
  return next === undefined || length === 0 ? undefined : (next + length) % length;
}
