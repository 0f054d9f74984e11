// The kit against the reference server (every rule passes, through the real CLI) and against a
// deliberately broken backend (exactly the broken rules fail, each with its reason).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer, type RunningServer } from '../../server/app.js';
import { checkBackend } from '../src/cli.js';
import { BROKEN_RULES, startBrokenBackend, type BrokenBackend } from './broken-backend.js';

const ADMIN = 'demo-admin-token';
const NO_NOTES = 'demo-agent-nonotes-token';
const BIN = fileURLToPath(new URL('../bin/inbox-conformance.mjs', import.meta.url));

let reference: RunningServer;
let broken: BrokenBackend;

before(async () => {
  reference = await createServer({
    port: 0,
    dataDir: null,
    simulatorIntervalMs: 0,
    simulatorReceiptDelayMs: 50,
    log: () => {},
  });
  broken = await startBrokenBackend(reference.url, ADMIN);
});

after(async () => {
  await broken?.close();
  await reference?.close();
});

function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('the reference server passes every rule, through `inbox-conformance`', async () => {
  const base = `${reference.url.replace(/\/$/, '')}/api`;
  const run = await cli([
    '--base-url',
    base,
    '--token',
    ADMIN,
    '--no-notes-token',
    NO_NOTES,
    '--allow-dispatch',
  ]);
  console.log(run.output);
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /9 passed, 0 failed, 0 skipped/);
});

test('a broken backend fails exactly the rules it breaks, each with its reason', async () => {
  const results = await checkBackend({ baseUrl: broken.baseUrl, token: ADMIN, noNotesToken: NO_NOTES });
  const failed = results.filter((r) => r.outcome === 'fail').map((r) => r.id);
  assert.deepEqual(failed.sort(), [...BROKEN_RULES].sort());
  assert.deepEqual(
    results.filter((r) => r.outcome === 'pass').map((r) => r.id),
    ['undo-window', 'note-visibility'],
  );
  const notes = (id: string) => results.find((r) => r.id === id)!.notes.join('\n');
  assert.match(notes('schemas'), /GET \/me: the answer does not match the contract: .*user/);
  assert.match(notes('problem-details'), /404 as application\/json, not application\/problem\+json/);
  assert.match(notes('auth'), /GET \/tags without a token answered 200, not 401/);
  assert.match(notes('if-match'), /without If-Match answered 200, expected 428/);
  assert.match(notes('idempotency'), /the replay made a second note/);
  assert.match(notes('status-machine'), /back to unanswered from \w+ answered 200, expected 409/);
  assert.match(notes('events-resume'), /did not replay the event after it/);
});

test('the command exits 1 on a failed rule and 2 without its arguments', async () => {
  const failing = await cli(['--base-url', broken.baseUrl, '--token', ADMIN, '--only', 'auth']);
  assert.equal(failing.code, 1);
  assert.match(failing.output, /FAIL {2}auth/);
  const usage = await cli([]);
  assert.equal(usage.code, 2);
  assert.match(usage.output, /Usage: inbox-conformance --base-url/);
});
