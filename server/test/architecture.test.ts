import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

/** Layering rules of the server that a reader of the code relies on (STYLE.md: routes, domain, http). */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test' ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('server layering', () => {
  it('keeps HTTP out of the domain: domain code throws domain errors, never problem+json', () => {
    const offenders = sources('domain').filter((f) => /from '(\.\.\/http\/|hono)/.test(read(f)));
    assert.deepEqual(offenders, []);
  });

  it('has one rule for who may see a conversation', () => {
    const all = sources('.');
    const definitions = all.filter((f) => /function canSee\w*\s*\(/.test(read(f)));
    assert.deepEqual(
      definitions.map((f) => relative('.', f)),
      ['domain/conversation-lock.ts'],
    );
    // Realtime decides in memory for a batch of events, with the same rule's in-memory twin.
    assert.match(
      read('realtime/render.ts'),
      /import \{ canSeeLoaded \} from '\.\.\/domain\/conversation-lock\.js'/,
    );
  });
});
