/**
 * The command line in process: `run(argv, io)` from server/src/cli/main.ts with captured standard
 * output and error, so that v8 coverage sees the CLI. The spawned suites (cli.test.ts, errors.test.ts,
 * ...) test the bundle as a user runs it; these cover the same paths and the ones a child process
 * hides: progress on a terminal, colour, the stderr summary, worker failure. Standard input is the
 * one thing a test process cannot give: node:fs's readSync is wrapped so that fd 0 reads a buffer the
 * test sets (every other read goes to the real file system).
 */
import { describe, test, expect, vi, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/main';
import { CLEAN, CLI, INFO_ONLY, NO_PROVIDER, WITH_ERROR, ensureBuilt, tmpDir, write } from './helpers';
import { version as PACKAGE_VERSION } from '../../package.json';

const stdin = vi.hoisted(() => ({ data: null as Buffer | null, offset: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readSync = ((fd: number, buf: Buffer, off: number, len: number, pos: number | null) => {
    if (fd !== 0 || stdin.data === null) return real.readSync(fd, buf, off, len, pos);
    const n = Math.min(len, stdin.data.length - stdin.offset);
    stdin.data.copy(buf, off, stdin.offset, stdin.offset + n);
    stdin.offset += n;
    return n;
  }) as typeof real.readSync;
  return { ...real, readSync, default: { ...real, readSync } };
});

interface Result {
  status: number;
  stdout: string;
  stderr: string;
  progress: string;
}

async function cli(
  argv: string[],
  io: Partial<CliIO> & { input?: string | Buffer; tty?: boolean } = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  let progress = '';
  if (io.input !== undefined) {
    stdin.data = Buffer.from(io.input);
    stdin.offset = 0;
  }
  try {
    const status = await run(argv, {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: {},
      progressStream: io.tty ? { isTTY: true, columns: 80, write: (s: string) => ((progress += s), true) } : undefined,
      ...io,
    });
    return { status, stdout, stderr, progress };
  } finally {
    stdin.data = null;
  }
}

let dir = '';
let clean = '';
let warn = '';
let err = '';
let info = '';
beforeAll(() => {
  dir = tmpDir('inproc');
  clean = write(dir, 'a/clean.radreport', CLEAN);
  warn = write(dir, 'a/warn.txt', NO_PROVIDER);
  err = write(dir, 'b/err.md', WITH_ERROR);
  info = write(dir, 'b/info.report.txt', INFO_ONLY);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('usage', () => {
  test('--help and --version', async () => {
    const h = await cli(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^Usage: tbs-report check \[options\]/);
    expect((await cli(['check', '-h'])).stdout).toBe(h.stdout);
    expect(await cli(['-v'])).toEqual({
      status: 0,
      stdout: `tbs-report ${PACKAGE_VERSION}\n`,
      stderr: '',
      progress: '',
    });
    expect((await cli(['check', '--version'])).stdout).toBe(`tbs-report ${PACKAGE_VERSION}\n`);
  });

  test.each<[string[], RegExp]>([
    [[], /no command given/],
    [['lint', 'x'], /unknown command "lint"; did you mean "tbs-report check lint"/],
    [['--lint'], /unknown command "--lint"$/m],
    [['check'], /no files given/],
    [['check', '-fxml', 'x'], /--format must be one of text, json, sarif, html, not "xml"/],
    [['check', '--bogus', 'x'], /unknown option --bogus/],
    [['check', '--quiet=yes', 'x'], /--quiet takes no value/],
    [['check', '--max-warnings', '-2', 'x'], /--max-warnings must be a whole number/],
    [['check', '--max-file-size', '0', 'x'], /--max-file-size must be at least 1 byte/],
    [['check', '--max-file-size', 'lots', 'x'], /--max-file-size must be a size/],
    [['check', '-j', '300', 'x'], /--jobs must be "auto" or a number from 1 to 256/],
    [['check', '--include', ' ', 'x'], /--include needs a non-empty pattern/],
    [['check', '--rule-docs-base', 'docs/', 'x'], /--rule-docs-base must be an absolute URL/],
    [['check', '--profile', '77080', 'x'], /invalid settings: profile must be one of/],
    [['check', '--config', '/nonexistent/c.json', 'x'], /cannot read config \/nonexistent\/c.json: no such file/],
    [['check', '--output'], /--output needs a value/],
  ])('%j exits 2 with a message and nothing on stdout', async (argv, message) => {
    const r = await cli(argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Run "tbs-report --help" for usage\.\n$/);
    expect(r.stdout).toBe('');
  });

  test('TBS_REPORT_JOBS must be valid too', async () => {
    const r = await cli(['check', clean], { env: { TBS_REPORT_JOBS: 'lots' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/TBS_REPORT_JOBS must be "auto" or a number/);
  });

  test('config files: unreadable, not JSON, not an object, invalid settings; a good one applies', async () => {
    const cdir = path.join(dir, 'config');
    const bad = write(cdir, 'bad.json', '{ "severity": ');
    const arr = write(cdir, 'arr.json', '[]');
    const invalid = write(cdir, 'invalid.json', JSON.stringify({ thresholds: 'newest' }));
    const off = write(cdir, 'off.json', `\uFEFF${JSON.stringify({ severity: { 'missing-provider': 'off' } })}`);
    expect((await cli(['check', '-c', bad, warn])).stderr).toMatch(/is not valid JSON/);
    expect((await cli(['check', '-c', arr, warn])).stderr).toMatch(/must hold a JSON object/);
    expect((await cli(['check', '-c', invalid, warn])).stderr).toMatch(/invalid settings: .*thresholds must be one of/);
    expect((await cli(['check', '-c', cdir, warn])).stderr).toMatch(
      /cannot read config .*: is a directory, not a regular file/,
    );
    const good = await cli(['check', `--config=${off}`, warn]);
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('1 file checked: 1 clean, 0 with findings.\n0 findings.\n');
  });
});

describe('formats', () => {
  test('text: path:line:col lines in input order, then the summary; exit 1 on an error', async () => {
    const r = await cli(['check', err, warn, clean]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0].startsWith(`${err}:1:1: warning: `)).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`\\n${err.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
    expect(r.stdout).toContain(`${warn}:`);
    expect(r.stdout).not.toContain(`${clean}:`);
    expect(r.stdout).toMatch(/\n3 files checked: 1 clean, 2 with findings\.\n/);
    expect(r.stdout).toMatch(/Findings per rule:\n {2}\S+/);
    expect(r.stderr).toBe('');
    // no colour unless asked for (or a terminal without NO_COLOR)
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  test('text: colour with --color, or on a terminal unless NO_COLOR is set; never with --no-color', async () => {
    expect((await cli(['check', '--color', warn])).stdout).toMatch(/\x1b\[/);
    expect((await cli(['check', warn], { stdoutIsTTY: true })).stdout).toMatch(/\x1b\[/);
    expect((await cli(['check', warn], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
    expect((await cli(['check', '--no-color', warn], { stdoutIsTTY: true })).stdout).not.toMatch(/\x1b\[/);
  });

  test('--quiet: errors and warnings only, no summary, no notes', async () => {
    const r = await cli(['check', '-q', info, warn, path.join(dir, 'config')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${warn}:`);
    expect(r.stdout).not.toContain(info);
    expect(r.stdout).not.toMatch(/files checked/);
    expect(r.stderr).toBe('');
  });

  test('json: files, errors and summary', async () => {
    const r = await cli(['check', '-f', 'json', warn, clean, path.join(dir, 'missing.txt')]);
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual([warn, clean]);
    expect(j.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['missing-provider']);
    expect(j.errors).toEqual([{ path: path.join(dir, 'missing.txt'), error: 'no such file or directory' }]);
    expect(j.summary).toMatchObject({ filesChecked: 2, filesClean: 1, filesWithFindings: 1, unreadable: 1 });
    expect(r.stderr).toBe(`tbs-report: ${path.join(dir, 'missing.txt')}: no such file or directory\n`);
  });

  test('sarif: one run with the rules, results and the exit code; rule help links with --rule-docs-base', async () => {
    const r = await cli(['check', '--format=sarif', '--rule-docs-base', 'https://example.org/repo/', warn, err], {
      cwd: dir,
    });
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.version).toBe('2.1.0');
    const run0 = s.runs[0];
    expect(run0.tool.driver.version).toBe(PACKAGE_VERSION);
    const provider = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'missing-provider');
    expect(provider.helpUri).toBe('https://example.org/repo/docs/rules/missing-provider.md');
    expect(
      run0.results.map(
        (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          x.locations[0].physicalLocation.artifactLocation.uri,
      ),
    ).toContain('a/warn.txt');
    expect(run0.invocations[0].exitCode).toBe(1);
  });

  test('html: a self-contained page with each finding and its line; the date from SOURCE_DATE_EPOCH', async () => {
    const r = await cli(['check', '--format', 'html', warn, clean, path.join(dir, 'missing.txt')], {
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(r.stdout).toContain('missing-provider');
    expect(r.stdout).toContain('2023-11-14');
    expect(r.stdout).toContain('no such file or directory');
    expect(r.stdout).not.toMatch(/<script[^>]*src=|<link[^>]*href="http/);
  });
});

describe('inputs', () => {
  test('directories are walked in sorted order with the default include list; node_modules and dot files skipped', async () => {
    const d = path.join(dir, 'walk');
    write(d, 'z.radreport', CLEAN);
    write(d, 'm/y.txt', NO_PROVIDER);
    write(d, 'm/x.md', CLEAN);
    write(d, 'ignored.json', CLEAN);
    write(d, '.hidden.txt', CLEAN);
    write(d, 'node_modules/pkg/readme.md', CLEAN);
    const r = await cli(['check', '-f', 'json', d]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(d, f.path))).toEqual([
      'm/x.md',
      'm/y.txt',
      'z.radreport',
    ]);
  });

  test('--include replaces the default list; --exclude prunes directories and named files', async () => {
    const d = path.join(dir, 'globs');
    write(d, 'keep/r1.rep', CLEAN);
    write(d, 'keep/r2.txt', CLEAN);
    write(d, 'drafts/r3.rep', CLEAN);
    const named = write(d, 'named.rep', CLEAN);
    const r = await cli([
      'check',
      '-f',
      'json',
      '--include',
      '*.rep',
      '--exclude',
      'drafts',
      '--exclude',
      '**/named.rep',
      d,
      named,
    ]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(d, f.path))).toEqual(['keep/r1.rep']);
    const anchored = await cli(['check', '-f', 'json', '--include', 'keep/*.txt', d]);
    expect(JSON.parse(anchored.stdout).files.map((f: { path: string }) => path.relative(d, f.path))).toEqual([
      'keep/r2.txt',
    ]);
  });

  test('a file named twice, or reached through a link, is checked once', async () => {
    const d = path.join(dir, 'links');
    const f = write(d, 'r.txt', CLEAN);
    fs.symlinkSync(f, path.join(d, 'link.txt'));
    fs.symlinkSync(d, path.join(d, 'loop'));
    fs.symlinkSync(path.join(d, 'gone.txt'), path.join(d, 'dangling.txt'));
    const r = await cli(['check', '-f', 'json', d, f]);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((x: { path: string }) => path.relative(d, x.path))).toEqual(['link.txt']);
    expect(j.errors).toEqual([{ path: path.join(d, 'dangling.txt'), error: 'broken symbolic link (ENOENT)' }]);
    expect(r.status).toBe(2);
  });

  test('a directory without reports is noted; nothing at all to check is exit 2', async () => {
    const d = path.join(dir, 'empty');
    fs.mkdirSync(d, { recursive: true });
    const r = await cli(['check', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `tbs-report: ${d}: no file matched *.radreport, *.report.txt, *.txt, *.md\ntbs-report: no report files to check\n`,
    );
    const ex = await cli(['check', '--exclude', 'x', d]);
    expect(ex.stderr).toMatch(/no file matched .* outside --exclude x/);
  });

  test('standard input "-": read once, named <stdin> or --stdin-filename', async () => {
    const r = await cli(['check', '-f', 'json', '-', clean, '-'], { input: NO_PROVIDER });
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual(['<stdin>', clean]);
    expect(j.files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['missing-provider']);
    const named = await cli(['check', '--stdin-filename', 'dictated.txt', '-'], { input: NO_PROVIDER });
    expect(named.stdout).toMatch(/^dictated\.txt:\d+:\d+: /);
    const sarif = JSON.parse((await cli(['check', '-f', 'sarif', '-'], { input: CLEAN })).stdout);
    expect(sarif.runs[0].results).toEqual([]);
  });

  test('standard input: too large, binary, UTF-16', async () => {
    const big = await cli(['check', '--max-file-size', '1K', '-'], { input: CLEAN + 'x'.repeat(2048) });
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/<stdin>: standard input is too large \(more than the 1 KB limit/);
    const bin = await cli(['check', '-'], { input: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]) });
    expect(bin.stderr).toMatch(/<stdin>: binary file \(contains NUL bytes\)/);
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NO_PROVIDER, 'utf16le')]);
    const r = await cli(['check', '-f', 'json', '-'], { input: u16 });
    expect(JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'missing-provider',
    ]);
  });
});

describe('files that cannot be checked', () => {
  test('missing, binary, too large, a directory link: a clear error each, the run goes on, exit 2', async () => {
    const d = path.join(dir, 'bad');
    const bin = write(d, 'scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 0, 1]));
    const ctl = write(d, 'ctl.txt', Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 1 : 0xe9))));
    const huge = write(d, 'huge.txt', CLEAN + 'x'.repeat(4096));
    const latin = write(d, 'latin.txt', Buffer.from(NO_PROVIDER.replace('EXAM', 'EXAMEN \u00e9'), 'latin1'));
    const r = await cli([
      'check',
      '-f',
      'json',
      '--max-file-size',
      '4K',
      path.join(d, 'nope.txt'),
      bin,
      ctl,
      huge,
      latin,
      warn,
    ]);
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.errors).toEqual([
      { path: path.join(d, 'nope.txt'), error: 'no such file or directory' },
      { path: bin, error: 'binary file (contains NUL bytes), not a text report' },
      { path: ctl, error: 'binary file (control characters), not a text report' },
      {
        path: huge,
        error: expect.stringMatching(/^file is too large \(\d\.\d KB, above the 4 KB limit; see --max-file-size\)$/),
      },
    ]);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual([latin, warn]);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(4);
  });

  test('an output file that cannot be written is exit 2', async () => {
    const r = await cli(['check', '-o', path.join(dir, 'no', 'such', 'dir', 'out.txt'), clean]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.txt: ENOENT/);
  });
});

describe('output, progress and summary', () => {
  test('--output writes the file; a report written into a checked directory is not checked again', async () => {
    const d = path.join(dir, 'out');
    write(d, 'r.txt', NO_PROVIDER);
    const out = path.join(d, 'report.txt');
    const first = await cli(['check', '-o', out, d]);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/1 file checked: 0 clean, 1 with findings/);
    const again = await cli(['check', '-o', out, d], { cwd: d });
    expect(fs.readFileSync(out, 'utf8')).toBe(text);
    expect(again.status).toBe(1);
    expect((await cli(['check', '-o', '-', clean])).stdout).toMatch(/1 file checked/);
  });

  test('on a terminal: a progress bar for long runs, and the summary on stderr when stdout is a report file or format', async () => {
    const d = path.join(dir, 'many');
    for (let i = 0; i < 40; i++) write(d, `r${String(i).padStart(2, '0')}.txt`, i % 2 ? CLEAN : NO_PROVIDER);
    const r = await cli(['check', '-f', 'json', d], { tty: true, env: { TBS_REPORT_PROGRESS_DELAY: '0' } });
    expect(r.status).toBe(1);
    expect(r.progress).toMatch(/40\/40/);
    expect(r.stderr).toMatch(/^40 files checked: 20 clean, 20 with findings\.\n/);
    const out = path.join(dir, 'many.html');
    const w = await cli(['check', '-f', 'html', '-o', out, d], { tty: true });
    expect(w.stderr).toMatch(/Report written to .*many\.html\.\n$/);
    const quiet = await cli(['check', '-q', '-f', 'json', d], { tty: true, env: { TBS_REPORT_PROGRESS_DELAY: '0' } });
    expect(quiet.progress).toBe('');
    expect(quiet.stderr).toBe('');
    const none = await cli(['check', '--no-progress', '-f', 'json', d], {
      tty: true,
      env: { TBS_REPORT_PROGRESS_DELAY: '0' },
    });
    expect(none.progress).toBe('');
  });

  test('--max-warnings: exit 1 only above N warnings; errors always fail', async () => {
    expect((await cli(['check', '--max-warnings', '1', warn])).status).toBe(0);
    const over = await cli(['check', '--max-warnings', '0', warn]);
    expect(over.status).toBe(1);
    expect(over.stdout).toMatch(/Too many warnings: 1 \(maximum 0, --max-warnings\)\./);
    expect((await cli(['check', '--max-warnings', '-1', warn, warn])).status).toBe(0);
    expect((await cli(['check', '--max-warnings', '10', err])).status).toBe(1);
    expect((await cli(['check', info])).status).toBe(0);
  });

  test('--profile applies when a report names no TBS code', async () => {
    const d = path.join(dir, 'profile');
    const nocode = write(d, 'r.txt', NO_PROVIDER.replace(/\(CPT[^)]*\)/, ''));
    const a = JSON.parse((await cli(['check', '-f', 'json', '--profile', '77089', nocode])).stdout);
    const b = JSON.parse((await cli(['check', '-f', 'json', nocode])).stdout);
    expect(a.files[0].profile).toBe('77089');
    expect(b.files[0].profile).toBe('77091');
  });
});

// The pool's threads run dist/cli.js (a worker is the bundle started with workerData), so these
// compare the in-process engine with the bundled one: rebuild (`node esbuild.mjs`, as `npm test`
// does first) after changing server/src, or the parallel output differs from the serial one.
describe('the worker pool', () => {
  const STATS = /stats: inputs=(\d+) threads=(\d+) batch=\d+ checkedBy=([\d,]+) failedWorkers=(\d+)/;
  let d = '';
  beforeAll(() => {
    ensureBuilt();
    d = path.join(dir, 'pool');
    for (let i = 0; i < 60; i++)
      write(d, `r${String(i).padStart(2, '0')}.txt`, [CLEAN, NO_PROVIDER, WITH_ERROR][i % 3]);
  });

  test('serial (--jobs 1) and parallel (--jobs 2, workers running the bundle) give the same output, in input order', async () => {
    const env = { TBS_REPORT_STATS: '1' };
    const serial = await cli(['check', '-f', 'json', '-j', '1', d], { env });
    const parallel = await cli(['check', '-f', 'json', '--jobs=2', d], { env, workerScript: CLI });
    expect(STATS.exec(serial.stderr)?.slice(1)).toEqual(['60', '1', '60', '0']);
    const p = STATS.exec(parallel.stderr)!;
    expect(p[2]).toBe('2');
    expect(
      p[3]
        .split(',')
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(60);
    expect(p[4]).toBe('0');
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.status).toBe(serial.status);
  });

  test('standard input stays on the main thread in a parallel run', async () => {
    const r = await cli(['check', '-f', 'json', '-j', '2', '-', d], { input: NO_PROVIDER, workerScript: CLI });
    const j = JSON.parse(r.stdout);
    expect(j.files).toHaveLength(61);
    expect(j.files[0].path).toBe('<stdin>');
    expect(j.files[0].diagnostics.map((x: { code: string }) => x.code)).toEqual(['missing-provider']);
  });

  test('a worker that fails hands its batches back: the run completes with the serial output', async () => {
    const bad = write(dir, 'bad-worker.js', 'throw new Error("worker failed to start");\n');
    const env = { TBS_REPORT_STATS: '1' };
    const serial = await cli(['check', '-f', 'json', '-j', '1', d]);
    const r = await cli(['check', '-f', 'json', '-j', '3', d], { env, workerScript: bad });
    const m = STATS.exec(r.stderr)!;
    expect(m[2]).toBe('3');
    expect(m[4]).toBe('2');
    expect(r.stdout).toBe(serial.stdout);
  });

  test('auto parallelism stays in process for a small batch', async () => {
    const r = await cli(['check', '-f', 'json', d], { env: { TBS_REPORT_STATS: '1' } });
    expect(STATS.exec(r.stderr)?.[2]).toBe('1');
  });
});
