/**
 * Where focus goes in a layout grid of `length` cells in rows of `columns` (WAI-ARIA grid pattern),
 * or undefined when the key is not a grid key. Left and right follow the reading direction and
 * continue on the next or previous row; Home and End go to the row's ends, with Ctrl to the grid's;
 * Page Up and Page Down move `pageRows` rows.
 */
export function nextGridIndex(
  key: string,
  current: number,
  length: number,
  options: { columns: number; dir: 'ltr' | 'rtl'; ctrlKey?: boolean; pageRows?: number },
): number | undefined {
  if (length === 0) return undefined;
  const { columns, dir, ctrlKey = false, pageRows = 4 } = options;
  const last = length - 1;
  const rowStart = current - (current % columns);
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return Math.min(current + 1, last);
    case back:
      return Math.max(current - 1, 0);
    case 'ArrowDown':
      // Onto the last row's last cell when the row below is shorter than this column.
      return current + columns <= last ? current + columns : rowStart + columns <= last ? last : current;
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'Home':
      return ctrlKey ? 0 : rowStart;
    case 'End':
      return ctrlKey ? last : Math.min(rowStart + columns - 1, last);
    case 'PageDown':
      return Math.min(current + columns * pageRows, last);
    case 'PageUp':
      return Math.max(current - columns * pageRows, 0);
    default:
      return undefined;
  }
}
