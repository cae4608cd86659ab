/**
 * CLI hardening (issue 14), against the bundled CLI (dist/cli.js): text output safe for terminals and
 * CI logs, named pipes refused instead of waited on, the config file read without blocking,
 * --rule-docs-base schemes, UTF-32 input, the size message, the findings cap.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const REPORT = 'TBS 1.262 normal. T-score -2.6, osteopenia.\n';

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tbs-hostile-cli-'));
const mkfifo = (p: string) => spawnSync('mkfifo', [p]).status === 0;

describe('CLI output is safe for terminals and CI logs', () => {
  test('a file name with a newline and escape sequences cannot start a line or reach the terminal raw', () => {
    const dir = tmp();
    const name = 'a\n::error file=x::pwned\u001b[31m\u202e.txt';
    fs.writeFileSync(path.join(dir, name), REPORT);
    const r = cli(['check', '--no-color', name], dir);
    expect(r.stdout.length).toBeGreaterThan(0);
    for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) expect(line.startsWith('::')).toBe(false);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.stdout).toContain('a\\n::error file=x::pwned\\x1b[31m\\u202e.txt:');
  });

  test('quoted report text is escaped too', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'r.txt'), 'TBS 1.262 \u001b[2Jnormal\u001b]0;x\u0007 microarchitecture.\n');
    const r = cli(['check', '--no-color', 'r.txt'], dir);
    expect(r.stdout).not.toMatch(/\u001b|\u0007/);
  });
});

describe('named pipes and devices', () => {
  test('a FIFO named on the command line is refused at once, not waited on', () => {
    const dir = tmp();
    if (!mkfifo(path.join(dir, 'p.txt'))) return;
    const r = cli(['check', 'p.txt'], dir);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toMatch(/named pipe \(FIFO\)/);
  });

  test('a FIFO, a link to /dev/zero or a huge file as -c config is refused at once', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'r.txt'), REPORT);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    fs.writeFileSync(path.join(dir, 'big.json'), `{"x":"${'a'.repeat(1024 * 1024)}"}`);
    const cases: Array<[string, RegExp]> = [
      ['zero.json', /is a device/],
      ['big.json', /too large/],
    ];
    if (mkfifo(path.join(dir, 'fifo.json'))) cases.push(['fifo.json', /named pipe/]);
    for (const [cfg, why] of cases) {
      const r = cli(['check', '-c', cfg, 'r.txt'], dir);
      expect(r.error, cfg).toBeUndefined();
      expect(r.status, cfg).toBe(2);
      expect(r.stderr, cfg).toMatch(why);
    }
  });
});

describe('small items', () => {
  test('--rule-docs-base accepts only http(s) and file URLs', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'r.txt'), REPORT);
    for (const bad of ['javascript:alert(1)//', 'data:text/html,x', 'ftp://example.org/docs/']) {
      const r = cli(['check', '-f', 'sarif', '--rule-docs-base', bad, 'r.txt'], dir);
      expect(r.status, bad).toBe(2);
      expect(r.stderr, bad).toMatch(/must be an http, https or file URL/);
    }
    expect(
      cli(['check', '-f', 'sarif', '--rule-docs-base', 'https://example.org/docs/', 'r.txt'], dir).status,
    ).not.toBe(2);
  });

  test('UTF-32 input (with a byte order mark) is read as UTF-32, not as UTF-16', () => {
    const dir = tmp();
    const cps = [...REPORT].map((c) => c.codePointAt(0) as number);
    for (const [name, le] of [
      ['le.txt', true],
      ['be.txt', false],
    ] as const) {
      const buf = Buffer.alloc(4 + cps.length * 4);
      if (le) buf.writeUInt32LE(0xfeff, 0);
      else buf.writeUInt32BE(0xfeff, 0);
      cps.forEach((c, i) => (le ? buf.writeUInt32LE(c, 4 + i * 4) : buf.writeUInt32BE(c, 4 + i * 4)));
      fs.writeFileSync(path.join(dir, name), buf);
    }
    fs.writeFileSync(path.join(dir, 'utf8.txt'), REPORT);
    const j = JSON.parse(cli(['check', '-f', 'json', 'utf8.txt', 'le.txt', 'be.txt'], dir).stdout);
    expect(j.errors).toEqual([]);
    const codes = j.files.map((f: { diagnostics: Array<{ code: string }> }) => f.diagnostics.map((d) => d.code).join());
    expect(codes[1]).toBe(codes[0]);
    expect(codes[2]).toBe(codes[0]);
  });

  test('the size message reads as a sentence for a stream of unknown size', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--max-file-size', '10', '-'], {
      input: REPORT,
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/too large \(more than the 10 bytes limit/);
    expect(r.stderr).not.toMatch(/more than above/);
  });

  test('text output caps findings per file with "N more findings not shown"', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'many.txt'), 'TBS 1.262 normal.\n'.repeat(3000));
    const r = cli(['check', '--no-color', '-q', 'many.txt'], dir);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => /^many\.txt:\d+:\d+:/.test(l)).length).toBe(1000);
    expect(r.stdout).toMatch(/many\.txt: \d+ more findings not shown/);
  });
});
