// Ships the emoji data beside the lazily loaded picker (dist/emoji/<locale>.json) so the picker never
// fetches it from a public CDN. The CDN build emits its own copies (see rollup.config.mjs).
import { mkdir, writeFile } from 'node:fs/promises';
import { compactEmojiData, emojiDataLocales } from './emoji-data.mjs';

await mkdir('dist/emoji', { recursive: true });
for (const locale of emojiDataLocales) await writeFile(`dist/emoji/${locale}.json`, compactEmojiData(locale));
