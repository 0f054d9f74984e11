// Builds what a host's bundler makes of the tags a page imports, with the CDN build's plugins, and
// weighs it: what loads before the first element renders (the entry and what it imports
// statically), gzipped file by file as a browser fetches them.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import config from '../../rollup.config.mjs';

const defineModule = (tag: string) => fileURLToPath(new URL(`../../src/define/${tag}.ts`, import.meta.url));

export interface Weighed {
  /** Gzipped KB of the entry and every chunk it imports statically. */
  kb: number;
  /** The source modules in those files, relative to the repository. */
  modules: string[];
}

const gzipKb = (code: string) => gzipSync(code, { level: 9 }).length / 1024;

/** The chunks loaded before an entry runs: it and what it imports statically, transitively. */
export function staticGraph(entry: OutputChunk, byName: Map<string, OutputChunk>): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  visit(entry);
  return [...seen.values()];
}

function eagerOf(entry: OutputChunk, byName: Map<string, OutputChunk>): Weighed {
  const chunks = staticGraph(entry, byName);
  return {
    kb: chunks.reduce((sum, chunk) => sum + gzipKb(chunk.code), 0),
    modules: chunks.flatMap((chunk) => Object.keys(chunk.modules)).map((id) => id.split('/src/')[1] ?? id),
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
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    return Object.fromEntries(
      chunks.filter((chunk) => chunk.isEntry).map((chunk) => [chunk.name, eagerOf(chunk, byName)]),
    );
  } finally {
    await bundle.close();
  }
}
