// Server rendering (Next.js, Remix, Astro) imports a package in Node, where there is no DOM: every
// entry a host may import must load there without throwing. Lit's "node" export condition brings
// its DOM shim; each entry runs in a fresh process, so one entry cannot set up globals for another.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

const entries = [
  'inbox-elements',
  'inbox-elements/define',
  'inbox-elements/react',
  ...readdirSync('dist/define')
    .filter((name) => name.endsWith('.js') && name !== 'index.js')
    .map((name) => `inbox-elements/define/${name.replace(/\.js$/, '')}`),
];

test('there is an entry per element under define/', () => {
  assert.ok(entries.includes('inbox-elements/define/inbox-composer'), 'run npm run build first');
  assert.ok(entries.length >= 12);
});

for (const entry of entries) {
  test(`${entry} imports in Node without a DOM`, async () => {
    const script = `
      if (typeof document !== 'undefined' || typeof window !== 'undefined') throw new Error('a DOM is present');
      const module = await import(${JSON.stringify(entry)});
      if (Object.keys(module).length === 0 && !${JSON.stringify(entry)}.includes('/define/')) throw new Error('no exports');
    `;
    const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script]);
    assert.equal(stderr, '');
  });
}

test('the React components render to HTML on the server', async () => {
  const script = `
    const React = await import('react');
    const { renderToString } = await import('react-dom/server');
    const { InboxComposer } = await import('inbox-elements/react');
    process.stdout.write(renderToString(React.createElement(InboxComposer, { sendKey: 'mod-enter' })));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  assert.match(stdout, /^<inbox-composer/);
});
