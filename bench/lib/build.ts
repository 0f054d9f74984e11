/** Bundles each suite's page with esbuild into a temporary directory, with an HTML page beside it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

const html = (name: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bench: ${name}</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #list { display: block; width: 420px; height: 640px; }
</style>
</head>
<body><script type="module" src="./${name}.js"></script></body>
</html>
`;

/** Returns the directory holding `<name>.html` and `<name>.js` for every entry. */
export async function buildPages(entries: Record<string, string>): Promise<string> {
  const outdir = await mkdtemp(join(tmpdir(), 'inbox-bench-'));
  try {
    await build({
      entryPoints: Object.fromEntries(
        Object.entries(entries).map(([name, entry]) => [name, resolve(root, 'bench', entry)]),
      ),
      outdir,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: process.env.BENCH_MINIFY !== '0',
      sourcemap: false,
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"' },
      tsconfig: join(root, 'tsconfig.json'),
    });
  } catch (error) {
    await rm(outdir, { recursive: true, force: true });
    throw error;
  }
  for (const name of Object.keys(entries)) await writeFile(join(outdir, `${name}.html`), html(name));
  return outdir;
}
