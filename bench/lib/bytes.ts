// The bytes a page downloads before its elements render, from the CDN build, beside the issue's
// targets. Size is deterministic: `npm run test:size` enforces the budgets; this prints the figures
// with the benchmark's, and what share of each page is the libraries.
import { buildCdn, gzipTotal, pageFiles, pageTags } from '../../test/size/cdn-build.js';
import { moduleSizes } from '../../test/size/module-sizes.js';
import { PAGES } from '../../test/size/pages.js';

export async function bytesTable(): Promise<string> {
  const { chunks } = await buildCdn();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = PAGES.map((page) => {
    const { name, targetKb } = page;
    const files = pageFiles(chunks, pageTags(page, chunks));
    const total = gzipTotal(files);
    const libraries = moduleSizes(files)
      .filter((module) => module.source.startsWith('node_modules/'))
      .reduce((sum, module) => sum + module.gzip, 0);
    const target = targetKb === undefined ? '' : `≤ ${targetKb} KB ${total / 1024 <= targetKb ? '✓' : '✗'}`;
    return [name, kb(total), kb(libraries), String(files.length), target];
  });
  const header = ['page (with <inbox-provider>)', 'gzip', 'of which libraries', 'files', 'target'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    'JS a page downloads before its elements render (CDN build; budgets in npm run test:size)',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
