// Runs `npm run build` unless the build is newer than everything it is made from: lint, the package
// tests and the end-to-end tests each need a build, and running them one after another (as npm test
// and CI do) should not make the same one again. `--mark` only records a build just made.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// In dist/ itself: a copy of the checkout that shares node_modules has a build of its own.
const STAMP = 'dist/.built';
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'rollup.config.mjs',
  'scripts/stamp-version.mjs',
  'scripts/copy-emoji-data.mjs',
];
const OUTPUTS = ['dist/index.js', 'dist/define/index.js', 'dist/cdn/inbox-elements.js'];

/** The newest modification time in a file or folder (a folder changes when a file leaves it). */
const newest = (path) => {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

function mark() {
  mkdirSync(join(STAMP, '..'), { recursive: true });
  writeFileSync(STAMP, new Date().toISOString());
}

if (process.argv.includes('--mark')) {
  mark();
} else if (
  existsSync(STAMP) &&
  OUTPUTS.every((file) => existsSync(file)) &&
  statSync(STAMP).mtimeMs > Math.max(...INPUTS.map(newest))
) {
  console.log('The build in dist/ is up to date.');
} else {
  execSync('npm run build', { stdio: 'inherit' });
}
