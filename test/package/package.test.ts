// What a host installs: browser code only, a chosen set of files, nothing of the reference server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  private?: boolean;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  workspaces?: string[];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The packages the browser code imports (bare specifiers, by package name). */
function importedPackages(): Set<string> {
  const names = new Set<string>();
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+)'([^.'/][^']*)'/g;
  for (const file of sourceFiles('src')) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifier)) {
      const parts = spec!.split('/');
      names.add(spec!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

test('the library is publishable and depends on exactly what its browser code imports', () => {
  assert.notEqual(pkg.private, true, 'the root package is the published library');
  const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
  assert.deepEqual(declared.sort(), [...importedPackages()].sort());
  // React is the host's, and only for `inbox-elements/react`: never installed by the library.
  assert.deepEqual(Object.keys(pkg.peerDependencies ?? {}), ['react']);
  assert.equal(pkg.peerDependenciesMeta?.react?.optional, true);
  // The root is a workspace too only so that changesets versions it (changesets/changesets#1137).
  assert.deepEqual(
    pkg.workspaces,
    ['.', 'server', 'conformance', 'examples/react', 'examples/react18', 'examples/vue', 'examples/plain'],
    'the reference server, the conformance kit and the example apps are their own workspace packages',
  );
});

test('npm pack ships the build, the manifest and what is generated from it, the contract, README, LICENSE and CHANGELOG, and no server code', () => {
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
  ) as [{ files: { path: string }[] }];
  const files = report.files.map((file) => file.path);
  const outside = files.filter(
    (path) =>
      !path.startsWith('dist/') &&
      !path.startsWith('frameworks/') &&
      ![
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'package.json',
        'custom-elements.json',
        'web-types.json',
        'vscode.html-custom-data.json',
        'vscode.css-custom-data.json',
        'openapi/inbox.yaml',
      ].includes(path),
  );
  assert.deepEqual(outside, []);
  for (const needed of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/define/index.js',
    'dist/cdn/inbox-elements.js',
    'dist/cdn/all.js',
    'dist/cdn/define/inbox-conversation-list.js',
    'dist/react/index.js',
    'frameworks/jsx.d.ts',
    'frameworks/vue.d.ts',
    'frameworks/svelte.d.ts',
    'web-types.json',
    'vscode.html-custom-data.json',
    'CHANGELOG.md',
  ])
    assert.ok(files.includes(needed), `${needed} is in the package (run npm run build first)`);
  assert.deepEqual(
    files.filter((path) => /server|pglite|\.sql$/i.test(path)),
    [],
    'no reference server, database or migration in the package',
  );
});
