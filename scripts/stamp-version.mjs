// Writes package.json's version into the unbundled build (tsc leaves the placeholder in place), so
// `defineElement` can tell two copies of different versions apart. The CDN build does the same
// through rollup's replace plugin.
import { readFile, writeFile } from 'node:fs/promises';

const { version } = JSON.parse(await readFile('package.json', 'utf8'));
const file = 'dist/define/define.js';
const source = await readFile(file, 'utf8');
if (!source.includes('__INBOX_ELEMENTS_VERSION__')) throw new Error(`${file} has no version placeholder`);
await writeFile(file, source.replaceAll('__INBOX_ELEMENTS_VERSION__', JSON.stringify(version)));
