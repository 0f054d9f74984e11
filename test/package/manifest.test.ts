// custom-elements.json is what Storybook, editors and framework bindings read: it must describe
// every event with its type, and every --inbox-* custom property the elements use, each defined once.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

interface Declaration {
  name: string;
  tagName?: string;
  events?: { name: string; type?: { text: string } }[];
  cssProperties?: { name: string }[];
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every event in the manifest names its event class', () => {
  const untyped = elements.flatMap((e) =>
    (e.events ?? [])
      .filter((event) => !/^Inbox[A-Za-z]+Event$/.test(event.type?.text ?? ''))
      .map((event) => `${e.tagName} ${event.name}`),
  );
  assert.deepEqual(untyped, []);
});

test('every --inbox-* property is defined once, in the tokens, and documented on an element', () => {
  const tokens = readFileSync('src/styles/tokens.ts', 'utf8');
  const defined = new Set([...tokens.matchAll(/var\((--inbox-[a-z0-9-]+)/g)].map((m) => m[1]!));
  // Outside the tokens, elements use the private --_* names: no second definition anywhere.
  const elsewhere = sources('src')
    .filter((file) => !file.endsWith('tokens.ts'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--inbox-[a-z0-9-]+)/g)].map((m) => `${file}: ${m[1]}`),
    );
  assert.deepEqual(elsewhere, [], 'an --inbox-* token read outside src/styles/tokens.ts');

  const documented = new Set(elements.flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));
  assert.deepEqual(
    [...defined].filter((name) => !documented.has(name)),
    [],
    'tokens no element documents',
  );
  assert.deepEqual(
    [...documented].filter((name) => !defined.has(name)),
    [],
    'documented but never defined',
  );
});

test('the editor data and the framework types describe every element the manifest does', () => {
  const tags = elements.map((e) => e.tagName!).sort();
  const vscode = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8')) as {
    tags: { name: string }[];
  };
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), tags);
  const webTypes = JSON.parse(readFileSync('web-types.json', 'utf8')) as {
    contributions: { html: { elements: { name: string; events?: { name: string }[] }[] } };
  };
  assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), tags);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { 'web-types': string };
  assert.equal(pkg['web-types'], './web-types.json');
  for (const file of [
    'frameworks/jsx.d.ts',
    'frameworks/vue.d.ts',
    'frameworks/svelte.d.ts',
    'src/react/index.ts',
  ]) {
    const source = readFileSync(file, 'utf8');
    assert.deepEqual(
      tags.filter((tag) => !source.includes(`'${tag}'`) && !source.includes(`"${tag}"`)),
      [],
      `${file} names every tag`,
    );
  }
});
