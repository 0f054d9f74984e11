// The framework types must work for a host, not only exist: small host files using the tags and
// the React components, with typed event handlers and no casts, are type-checked against the
// built package (its own name resolves to this folder). Their @ts-expect-error lines fail the check
// if a prop or an event's detail ever became `any`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

async function typeCheck(project: string): Promise<string> {
  try {
    await run(process.execPath, [tsc, '-p', project]);
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

const hosts: [string, string][] = [
  [
    'a React 19 host (the tags, typed by inbox-elements/jsx) and a React 18 host (inbox-elements/react)',
    'react',
  ],
  ['a Solid host (the tags, typed by inbox-elements/jsx)', 'solid'],
  ['a Vue host (the tags, typed by inbox-elements/vue)', 'vue'],
  ['a Svelte host (the tags, typed by inbox-elements/svelte)', 'svelte'],
];

for (const [host, folder] of hosts) {
  test(`${host} type-checks`, async () => {
    assert.equal(await typeCheck(`test/package/${folder}/tsconfig.json`), '');
  });
}
