/**
 * Shared by the CLI suites: they spawn the bundled CLI (node dist/cli.js, built by `node esbuild.mjs`)
 * exactly as a user or CI would, in scratch directories.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const ARTIFACTS = path.join(ROOT, 'test', 'cli', 'artifacts');

let built = false;
/** The suites test the bundle; build it once if it is missing (npm test builds it first anyway). */
export function ensureBuilt(): void {
  if (built || fs.existsSync(CLI)) {
    built = true;
    return;
  }
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed: ${r.stderr}`);
  built = true;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Environment without anything that would change the CLI's behaviour from outside the test. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TBS_REPORT_JOBS;
  delete env.TBS_REPORT_STATS;
  delete env.NO_COLOR;
  delete env.SOURCE_DATE_EPOCH;
  return { ...env, ...extra };
}

export function runCli(args: string[], opts: RunOptions = {}): RunResult {
  ensureBuilt();
  const t = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: cleanEnv(opts.env),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

/** Asynchronous variant, for runs that may overlap or take long. */
export function runCliAsync(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  ensureBuilt();
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: cleanEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - t,
      }),
    );
    child.stdin.end(opts.input ?? '');
  });
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tbs-cli-${prefix}-`));
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, content);
  return f;
}

/** A complete 77091 report: no finding. */
export const CLEAN = [
  'EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT 77080, 77091)',
  '',
  'FINDINGS:',
  'Region               BMD (g/cm2)   T-score   Z-score',
  'L1-L4                  0.871        -1.6      -0.2',
  'Left femoral neck      0.694        -2.1      -0.7',
  '',
  'TRABECULAR BONE SCORE:',
  'TBS L1-L4 1.262 (partially degraded microarchitecture).',
  '',
  'FRACTURE RISK:',
  'TBS-adjusted FRAX: MOF 17%; hip 2.9%.',
  '',
  'IMPRESSION:',
  '1. Low bone mass (osteopenia). Lowest T-score -2.1 at the left femoral neck.',
  '2. TBS-adjusted FRAX 10-year probability of major osteoporotic fracture 17% and hip fracture 2.9%.',
  '',
  'Electronically signed by: Celeste Marrow-Ibanez, MD',
  '',
].join('\n');

/** Only warnings: the provider is missing. */
export const NO_PROVIDER = CLEAN.replace(
  'Electronically signed by: Celeste Marrow-Ibanez, MD',
  'Dictated, not signed.',
);

/** An error (implausible TBS) and a warning (provider missing). */
export const WITH_ERROR = NO_PROVIDER.replace('TBS L1-L4 1.262', 'TBS L1-L4 12.62');

/** Only an information finding (age outside the validated range). */
export const INFO_ONLY = CLEAN.replace('EXAM:', 'Patient age: 93\nEXAM:');

export interface JsonOut {
  schemaVersion: number;
  files: Array<{
    path: string;
    profile: string;
    elements: Record<string, unknown>;
    diagnostics: Array<{
      code: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }>;
  }>;
  errors: Array<{ path: string; error: string }>;
  summary: {
    filesChecked: number;
    filesClean: number;
    filesWithFindings: number;
    unreadable: number;
    findings: number;
    bySeverity: Record<string, number>;
    byRule: Record<string, number>;
    maxWarnings: number | null;
    tooManyWarnings: boolean;
  };
}

export function parseJson(r: RunResult): JsonOut {
  try {
    return JSON.parse(r.stdout) as JsonOut;
  } catch (e) {
    throw new Error(
      `stdout is not JSON (exit ${r.status}): ${(e as Error).message}\nstdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 500)}`,
      { cause: e },
    );
  }
}
