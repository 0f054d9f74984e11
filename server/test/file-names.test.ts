import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../app.js';
import { cleanName, MAX_NAME_LENGTH } from '../domain/file-name.js';
import { startServer, TOKENS } from './helpers.js';
import { upload } from './sending-helpers.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2]);
const codePoints = (s: string) => [...s].length;

describe('upload file names', () => {
  it('drops bidi controls, so “invoice‮fdp.exe” cannot pass for a PDF', () => {
    for (const ch of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      assert.equal(
        cleanName(`invoice${ch}fdp.exe`),
        'invoicefdp.exe',
        `U+${ch.codePointAt(0)!.toString(16)}`,
      );
    }
    assert.equal(cleanName('a\u200eb\u200fc\u061cd.txt'), 'abcd.txt');
  });

  it('drops control characters and quotes, and keeps only the last path segment', () => {
    assert.equal(cleanName('C:\\Users\\x\\re\u0000port\u0007\u001b.pdf'), 'report.pdf');
    assert.equal(cleanName('../../etc/pass"wd\u0085'), 'passwd');
    assert.equal(cleanName('\u202e\u0001'), 'file');
    assert.equal(cleanName('Résumé – 履歴書 (final).pdf'), 'Résumé – 履歴書 (final).pdf');
  });

  it('cuts long names by whole graphemes, never inside a surrogate pair, and keeps the extension', () => {
    const family = '👩‍👩‍👧'; // 5 code points, 8 UTF-16 units, one grapheme
    const name = cleanName(`${family.repeat(100)}.jpeg`);
    assert.ok(codePoints(name) <= MAX_NAME_LENGTH);
    assert.ok(name.endsWith('.jpeg'));
    assert.ok(
      name
        .slice(0, -5)
        .split(family)
        .every((part) => part === ''),
      'only whole families',
    );
    assert.doesNotMatch(name, /[\ud800-\udfff]/u, 'no half of a surrogate pair');
    const accents = cleanName('e\u0301'.repeat(150));
    assert.equal(accents, 'e\u0301'.repeat(100), 'an accent stays with its letter');
    const emoji = cleanName('😀'.repeat(300));
    assert.equal(emoji, '😀'.repeat(MAX_NAME_LENGTH));
  });

  describe('through the upload route', () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer({ dataDir: null });
    });
    after(() => server?.close());

    it('stores and serves the cleaned name', async () => {
      const res = await upload(server, TOKENS.admin, 'whatsapp', {
        bytes: JPEG,
        name: 'photo\u202egnp.exe\u0000.jpg',
        type: 'image/jpeg',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.name, 'photognp.exe.jpg');
      const file = await fetch(new URL(res.body.url, server.url));
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-disposition') ?? '', /filename="photognp\.exe\.jpg"/);
    });
  });
});
