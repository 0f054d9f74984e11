// Builds what a host's bundler makes of the tags a page imports, with the CDN build's plugins, and
// weighs it: what loads before the first element renders (the entry and what it imports
// statically), gzipped file by file as a browser fetches them.
import { fileURLToPath } from 'node:url';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import config from '../../rollup.config.mjs';
import { gzipTotal, staticGraph } from './cdn-build.js';

const defineModule = (tag: string) => fileURLToPath(new URL(`../../src/define/${tag}.ts`, import.meta.url));

/**
 * What the list does not use: the store parts the timeline, composer, Details and access gate
 * build, and the timeline's and composer's own words.
 */
export const NOT_THE_LISTS = [
  'i18n/timeline.en.ts',
  'i18n/composer.en.ts',
  'stores/outbox.ts',
  'stores/timeline.ts',
  'stores/drafts.ts',
  'stores/uploads.ts',
  'stores/contacts.ts',
  'stores/access.ts',
  'stores/onboarding.ts',
];

export interface Weighed {
  /** Gzipped KB of the entry and every chunk it imports statically. */
  kb: number;
  /** The source modules in those files, relative to the repository. */
  modules: string[];
}

function eagerOf(entry: OutputChunk, chunks: OutputChunk[]): Weighed {
  const files = staticGraph(chunks, [entry.fileName]);
  return {
    kb: gzipTotal(files) / 1024,
    modules: files.flatMap((chunk) => Object.keys(chunk.modules)).map((id) => id.split('/src/')[1] ?? id),
  };
}

/**
 * One build with an entry per page, each page a list of tags (`inbox-timeline`): the files a
 * page shares with another become chunks of their own, as they would on a CDN.
 */
export async function weighPages(pages: Record<string, readonly string[]>): Promise<Record<string, Weighed>> {
  const entries: Plugin = {
    name: 'page-entries',
    resolveId: (id) => (id.startsWith('page:') ? `\0${id}` : null),
    load: (id) =>
      id.startsWith('\0page:')
        ? pages[id.slice('\0page:'.length)]!.map(
            (tag) => `import ${JSON.stringify(defineModule(tag))};`,
          ).join('\n')
        : null,
  };
  const bundle = await rollup({
    ...config,
    input: Object.fromEntries(Object.keys(pages).map((name) => [name, `page:${name}`])),
    plugins: [entries, ...(config.plugins as Plugin[])],
    onwarn: () => {},
  });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    });
    const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
    return Object.fromEntries(
      chunks.filter((chunk) => chunk.isEntry).map((chunk) => [chunk.name, eagerOf(chunk, chunks)]),
    );
  } finally {
    await bundle.close();
  }
}
