// Element, store and client tests in a real Chromium (Debian's package, no downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { emojiDataServePlugin } from './scripts/emoji-data.mjs';
import { chromiumArgs, chromiumPath } from './test/chromium.mjs';

export default {
  // Node suites (e2e, size, stories, package) run under node --test, not in the browser.
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/size/**', '!test/stories/**', '!test/package/**'],
  nodeResolve: { exportConditions: ['development'] },
  // Two files at a time, each in a window of its own (see createPage).
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  // The emoji data the library ships, served at /emoji/<locale>.json (and where the loader looks).
  // The accessibility tree, for what a screen reader is told (a11ySnapshot).
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    emojiDataServePlugin(),
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      // Each file's page in a browser context of its own: a window of its own, so the page is
      // visible and focused (a second tab in one window is hidden and unfocused, and keyboard tests
      // need focus), and storage of its own (each file empties its storage as it starts).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  // nanostores reads process.env.NODE_ENV; the virtualizer's benign ResizeObserver loop notice is not a
  // failure; a page runs one file after another, so each file starts with empty storage.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script>
          window.process = { env: { NODE_ENV: 'development' } };
          // Every test file starts from a browser that remembers nothing (sort, space, drafts).
          localStorage.clear();
          // ...nor any unsent message in IndexedDB: the tests load once every database is gone, so
          // no deletion is still pending when a test opens one.
          const deleted = (name) =>
            new Promise((done) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = done;
            });
          window.addEventListener('error', (e) => {
            if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
          });
          indexedDB
            .databases()
            .then((all) => Promise.all(all.map(({ name }) => name && deleted(name))))
            .catch(() => undefined) // A browser that cannot list them still runs the tests.
            .then(() => import(${JSON.stringify(testFramework)}));
        </script>
      </body>
    </html>`,
};
