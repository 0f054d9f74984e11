// The CDN build in memory, and what a page showing some of its elements downloads from it.
import { gzipSync } from 'node:zlib';
import { rollup, type OutputAsset, type OutputChunk, type OutputOptions } from 'rollup';
import config from '../../rollup.config.mjs';
import type { SizedPage } from './pages.js';

export const gzipBytes = (code: string) => gzipSync(code, { level: 9 }).length;

export interface CdnBuild {
  chunks: OutputChunk[];
  assets: OutputAsset[];
}

/** Every file of `dist/cdn` as the build writes it, source maps included (they map bytes to modules). */
export async function buildCdn(): Promise<CdnBuild> {
  const bundle = await rollup({ ...config, onwarn: () => {} });
  try {
    const { output } = await bundle.generate({ ...(config.output as OutputOptions), sourcemap: true });
    return {
      chunks: output.filter((item): item is OutputChunk => item.type === 'chunk'),
      assets: output.filter((item): item is OutputAsset => item.type === 'asset'),
    };
  } finally {
    await bundle.close();
  }
}

/**
 * The files fetched before the given entries run: each one and what it imports statically,
 * transitively. What they import dynamically (emoji, phone parsing, a screen shown later) is not in it.
 */
export function staticGraph(chunks: OutputChunk[], entries: string[]): OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Map<string, OutputChunk>();
  const visit = (fileName: string) => {
    const chunk = byName.get(fileName);
    if (!chunk) throw new Error(`no ${fileName} in the CDN build`);
    if (seen.has(fileName)) return;
    seen.set(fileName, chunk);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return [...seen.values()];
}

/**
 * What a page showing `tags` inside an `<inbox-provider>` downloads before they render, through
 * the loader: the loader, then each tag's define module with its static imports.
 */
export const pageFiles = (chunks: OutputChunk[], tags: string[]) =>
  staticGraph(chunks, ['inbox-elements.js', ...['inbox-provider', ...tags].map((tag) => `define/${tag}.js`)]);

/** Gzipped bytes of some files, each compressed on its own, as a server sends them. */
export const gzipTotal = (files: OutputChunk[]) => files.reduce((sum, file) => sum + gzipBytes(file.code), 0);

/** Every tag the build defines: one define module each. */
export const definedTags = (chunks: OutputChunk[]) =>
  chunks
    .filter((chunk) => chunk.isEntry && chunk.fileName.startsWith('define/'))
    .map((chunk) => chunk.fileName.replace(/^define\/(.+)\.js$/, '$1'));

/** The tags a page shows. */
export const pageTags = (page: SizedPage, chunks: OutputChunk[]) =>
  page.tags === 'all' ? definedTags(chunks) : [...page.tags];
