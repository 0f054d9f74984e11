// Ships the emoji data beside the lazily loaded picker (dist/emoji/data.json) so the picker never
// fetches it from a public CDN. The CDN build emits its own copy (see rollup.config.mjs).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';

const source = createRequire(import.meta.url).resolve('emoji-picker-element-data/en/emojibase/data.json');
await mkdir('dist/emoji', { recursive: true });
await copyFile(source, 'dist/emoji/data.json');
