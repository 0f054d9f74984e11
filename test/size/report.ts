// The bundle analyzer view as text: `npm run size:report -- [tag …]` lists, for a page showing
// those tags (by default list, timeline and composer), every file it downloads before they render
// and every module in those files, largest first.
import { buildCdn, gzipBytes, gzipTotal, pageFiles } from './cdn-build.js';
import { moduleSizes } from './module-sizes.js';

const asked = process.argv.slice(2);
const tags = asked.length ? asked : ['inbox-conversation-list', 'inbox-timeline', 'inbox-composer'];
const { chunks } = await buildCdn();
const files = pageFiles(chunks, tags);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2).padStart(6)} KB`;

console.log(`A page showing ${['inbox-provider', ...tags].map((tag) => `<${tag}>`).join(', ')}\n`);
console.log('   gzip      minified   file');
for (const file of files)
  console.log(`${kb(gzipBytes(file.code))}  ${kb(file.code.length)}  ${file.fileName}`);
console.log(`${kb(gzipTotal(files))}  in ${files.length} files\n`);
console.log("By module (a file's gzip size shared out by the minified bytes each module has in it):\n");
console.log('   gzip      minified   module  [file]');
for (const module of moduleSizes(files))
  console.log(`${kb(module.gzip)}  ${kb(module.minified)}  ${module.source}  [${module.chunk}]`);
