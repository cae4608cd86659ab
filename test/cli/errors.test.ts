/**
 * Inputs that cannot be checked: each gets a clear per-file error (stderr, JSON "errors", SARIF
 * notifications), the other files are still checked, and the run exits 2 at the end.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN, NO_PROVIDER, parseJson, runCli, tmpDir, write } from './helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function unreadableFile(dir: string): { path: string; error: RegExp } {
  if (!isRoot) {
    const f = write(dir, 'locked.txt', CLEAN);
    fs.chmodSync(f, 0o000);
    return { path: f, error: /permission denied/ };
  }
  // root reads any file whatever its mode: /proc/self/mem opens but every read fails with EIO.
  return { path: '/proc/self/mem', error: /cannot read: input\/output error \(EIO\)/ };
}

test('missing, unreadable, binary and huge files: a clear error each, the run goes on, exit 2', () => {
  const dir = tmpDir('errors');
  const before = write(dir, 'a-before.txt', NO_PROVIDER);
  const binary = write(
    dir,
    'scan.txt',
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64), Buffer.from('TBS 1.262')]),
  );
  const ctl = write(dir, 'ctl.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 1 + (i % 7) : 0xc3))));
  const huge = path.join(dir, 'huge.txt');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 10 * 1024 * 1024 + 1); // sparse: above the 10 MB default without writing it
  const unreadable = unreadableFile(dir);
  const missing = path.join(dir, 'missing.txt');
  const after = write(dir, 'z-after.txt', CLEAN);
  const args = [before, binary, ctl, huge, unreadable.path, missing, after];

  const r = runCli(['check', '-f', 'json', ...args]);
  assert.equal(r.status, 2);
  const j = parseJson(r);
  assert.deepEqual(
    j.files.map((f) => f.path),
    [before, after],
    'the readable files are checked',
  );
  assert.equal(j.files[0].diagnostics[0].code, 'missing-provider');
  const err = new Map(j.errors.map((e) => [e.path, e.error]));
  assert.deepEqual(
    j.errors.map((e) => e.path),
    [binary, ctl, huge, unreadable.path, missing],
    'errors in input order',
  );
  assert.equal(err.get(binary), 'binary file (contains NUL bytes), not a text report');
  assert.equal(err.get(ctl), 'binary file (control characters), not a text report');
  assert.equal(err.get(huge), 'file is too large (10.0 MB, above the 10 MB limit; see --max-file-size)');
  assert.match(err.get(unreadable.path) ?? '', unreadable.error);
  assert.equal(err.get(missing), 'no such file or directory');
  assert.equal(j.summary.unreadable, 5);
  assert.equal(j.summary.filesChecked, 2);
  for (const p of [binary, ctl, huge, unreadable.path, missing])
    assert.ok(r.stderr.includes(`tbs-report: ${p}: `), `stderr names ${p}`);

  const text = runCli(['check', ...args]);
  assert.equal(text.status, 2);
  assert.match(text.stdout, /2 files checked: 1 clean, 1 with findings; 5 could not be checked\./);
  assert.match(text.stderr, /scan\.txt: binary file/);
});

test('--max-file-size sets the limit; sizes accept K and M', () => {
  const dir = tmpDir('size');
  const f = write(dir, 'r.txt', CLEAN); // ~1 KB
  const small = runCli(['check', '--max-file-size', '256', f]);
  assert.equal(small.status, 2);
  assert.match(small.stderr, /r\.txt: file is too large \(\d+ bytes, above the 256 bytes limit; see --max-file-size\)/);
  assert.equal(runCli(['check', '--max-file-size', '2K', f]).status, 0);
  assert.equal(runCli(['check', '--max-file-size=1m', f]).status, 0);
});

test('directories: broken links reported, FIFOs and sockets skipped, link cycles walked once', () => {
  const dir = tmpDir('links');
  write(dir, 'r.txt', CLEAN);
  fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(path.join(dir, 'r.txt'), path.join(dir, 'sub', 'alias.txt'));
  const fifo = path.join(dir, 'pipe.txt');
  const mk = spawnSync('mkfifo', [fifo]);
  const r = runCli(['check', '-f', 'json', dir]);
  assert.equal(r.status, 2, r.stderr);
  const j = parseJson(r);
  assert.deepEqual(
    j.files.map((f) => path.relative(dir, f.path)),
    ['r.txt'],
    'the alias is the same file: checked once; the cycle is not followed forever',
  );
  assert.deepEqual(j.errors, [{ path: path.join(dir, 'dangling.txt'), error: 'broken symbolic link (ENOENT)' }]);
  if (mk.status === 0) assert.ok(!r.stdout.includes('pipe.txt'), 'a FIFO found in a directory is never opened');
});

test('encodings: UTF-8 with BOM, UTF-16 with BOM and Windows-1252 are read as text', () => {
  const dir = tmpDir('enc');
  const text = NO_PROVIDER.replace('Low bone mass', 'Ostéopénie, low bone mass');
  const u8 = write(dir, 'bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  const u16 = write(dir, 'u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const cp1252 = write(dir, 'legacy.txt', Buffer.from(text, 'latin1'));
  const j = parseJson(runCli(['check', '-f', 'json', u8, u16, cp1252]));
  assert.deepEqual(j.errors, []);
  const sig = (i: number) => JSON.stringify(j.files[i].diagnostics.map((d) => [d.code, d.range]));
  assert.equal(j.files.length, 3);
  assert.equal(sig(0), sig(1));
  assert.equal(sig(0), sig(2));
  assert.equal((j.files[0].elements.tbs as { value: number }).value, 1.262);
});
