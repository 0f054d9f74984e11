// Which source module each byte of a minified chunk came from, read from the chunk's source map
// (the way source-map-explorer does it), so a budget can say what it is spent on.
import type { OutputChunk } from 'rollup';
import { gzipBytes } from './cdn-build.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source-map segment's fields, each a base64 VLQ number (relative to the previous segment). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return fields;
}

/** Minified bytes per source module (`node_modules/lit-html/…`, `src/stores/…`) in one chunk. */
export function bytesBySource(chunk: OutputChunk): Map<string, number> {
  const sizes = new Map<string, number>();
  const add = (source: string, bytes: number) => sizes.set(source, (sizes.get(source) ?? 0) + bytes);
  const sources = (chunk.map?.sources ?? []).map((path) => path.replace(/^(\.\.\/)+/, ''));
  const lines = chunk.code.split('\n');
  let source = 0;
  (chunk.map?.mappings ?? '').split(';').forEach((line, index) => {
    const length = (lines[index]?.length ?? 0) + 1;
    let column = 0;
    let start = 0;
    let owner = '(imports, exports and glue)';
    for (const segment of line.split(',').filter(Boolean)) {
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(owner, column - start);
      start = column;
      if (sourceDelta === undefined) owner = '(imports, exports and glue)';
      else owner = sources[(source += sourceDelta)] ?? '(unknown)';
    }
    add(owner, length - start);
  });
  return sizes;
}

export interface ModuleSize {
  source: string;
  chunk: string;
  minified: number;
  /** The chunk's gzip size shared out by minified bytes: an estimate, gzip has no per-module size. */
  gzip: number;
}

/** Every module of the given chunks with its share of the chunk's gzip size, largest first. */
export function moduleSizes(chunks: OutputChunk[]): ModuleSize[] {
  return chunks
    .flatMap((chunk) => {
      const gzip = gzipBytes(chunk.code);
      return [...bytesBySource(chunk)].map(([source, minified]) => ({
        source,
        chunk: chunk.fileName,
        minified,
        gzip: (gzip * minified) / chunk.code.length,
      }));
    })
    .sort((a, b) => b.gzip - a.gzip);
}
