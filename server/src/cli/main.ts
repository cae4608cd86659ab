#!/usr/bin/env node
/**
 * `tbs-report check [options] PATH...`: the audit command line (manual: docs/cli.md).
 * Exit codes: 0 no error or warning; 1 errors, or warnings (above --max-warnings);
 * 2 usage error or some input could not be checked.
 *
 * The same file is the worker-thread entry: started with workerData it checks batches instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as PACKAGE_VERSION } from '../../../package.json';
import { resolveSettings } from '../engine/settings';
import { readConfigText } from '../lsp/configFile';
import { safeText } from './safeText';
import type { EngineSettings } from '../engine/settings';
import type { Options } from './args';
import { HELP, UsageError, parseArgs } from './args';
import { formatHtml } from './formatHtml';
import { assembleJson } from './formatJson';
import { assembleSarif } from './formatSarif';
import { assembleText, formatSummary } from './formatText';
import { collectInputs } from './inputs';
import { checkAll, decideJobs, isCheckWorker, runCheckWorker } from './pool';
import type { PoolStats } from './pool';
import type { ProgressStream } from './progress';
import { createProgress } from './progress';
import type { FileError, Outcome } from './report';
import { exitStatus, summarize } from './summary';

export const VERSION: string = PACKAGE_VERSION;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether standard output / standard error is a terminal (colour, progress, stderr summary). */
  stdoutIsTTY?: boolean;
  /** Where the progress bar is drawn (standard error); only used when it is a TTY. */
  progressStream?: ProgressStream;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The script worker threads run; defaults to this file. */
  workerScript?: string;
}

function loadSettings(opts: Options): EngineSettings {
  let raw: Record<string, unknown> = {};
  if (opts.config) {
    // Read without blocking: only a regular file of at most 1 MB (a FIFO or /dev/zero is refused).
    const read = readConfigText(opts.config);
    if ('error' in read) throw new UsageError(`cannot read config ${opts.config}: ${read.error}`);
    const text = read.text;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`config ${opts.config} is not valid JSON: ${(e as Error).message}`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new UsageError(`config ${opts.config} must hold a JSON object`);
  }
  if (opts.profile !== undefined) raw = { ...raw, profile: opts.profile };
  const problems: string[] = [];
  const settings = resolveSettings(raw, problems);
  if (problems.length) throw new UsageError(`invalid settings: ${problems.join('; ')}`);
  return settings;
}

function generatedAt(env: NodeJS.ProcessEnv): Date {
  // Reproducible pages: SOURCE_DATE_EPOCH (seconds) fixes the date shown.
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? {};
  const cwd = io.cwd ?? process.cwd();
  let opts: Options | 'help' | 'version';
  let settings: EngineSettings;
  try {
    opts = parseArgs(argv, env);
    if (opts === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (opts === 'version') {
      io.stdout(`tbs-report ${VERSION}\n`);
      return 0;
    }
    settings = loadSettings(opts);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`tbs-report: ${safeText(e.message)}\nRun "tbs-report --help" for usage.\n`);
      return 2;
    }
    throw e;
  }

  let collected;
  try {
    collected = collectInputs(opts.operands, {
      include: opts.include,
      exclude: opts.exclude,
      stdinName: opts.stdinFilename,
    });
  } catch (e) {
    io.stderr(`tbs-report: ${safeText((e as Error).message)}\nRun "tbs-report --help" for usage.\n`);
    return 2;
  }
  const { notes } = collected;
  // A report written into a checked directory by an earlier run is not a report to check.
  const outPath = opts.output === null ? null : path.resolve(cwd, opts.output);
  const inputs =
    outPath === null
      ? collected.inputs
      : collected.inputs.filter((i) => i.fsPath === null || path.resolve(cwd, i.fsPath) !== outPath);
  if (!opts.quiet) for (const n of notes) io.stderr(`tbs-report: ${safeText(n)}\n`);
  if (!inputs.length) {
    io.stderr('tbs-report: no report files to check\n');
    return 2;
  }

  const t0 = Date.now();
  const stats: PoolStats = { threads: 0, batchSize: 0, checkedBy: [], failedWorkers: 0 };
  const stderrTTY = !!io.progressStream?.isTTY;
  const delay =
    env.TBS_REPORT_PROGRESS_DELAY && /^\d+$/.test(env.TBS_REPORT_PROGRESS_DELAY)
      ? Number(env.TBS_REPORT_PROGRESS_DELAY)
      : 300;
  const progress = createProgress(io.progressStream ?? { write: () => 0 }, opts.progress && !opts.quiet, delay);
  const color =
    opts.format === 'text' &&
    (opts.color === 'always' || (opts.color === 'auto' && opts.output === null && !!io.stdoutIsTTY && !env.NO_COLOR));
  const briefs = await checkAll(inputs, {
    jobs: decideJobs(opts.jobs, inputs.length),
    check: { settings, maxBytes: opts.maxFileSize, withLines: opts.format === 'html' },
    render: { format: opts.format, quiet: opts.quiet, color, cwd },
    workerScript: io.workerScript ?? __filename,
    onProgress: (done, total) => progress.update(done, total),
    stats,
  });
  progress.stop();
  const t1 = Date.now();

  const summary = summarize(briefs, opts.maxWarnings);
  const status = exitStatus(summary);
  const errors: FileError[] = briefs
    .filter((b) => b.error !== undefined)
    .map((b) => ({ path: b.path, error: b.error as string }));
  const stdinPaths = new Set(inputs.filter((i) => i.fsPath === null && i.error === undefined).map((i) => i.path));

  let text: string;
  switch (opts.format) {
    case 'json':
      text = assembleJson(
        briefs.filter((b) => b.error === undefined).map((b) => b.part),
        errors,
        summary,
      );
      break;
    case 'sarif':
      text = assembleSarif(
        briefs.map((b) => b.part),
        errors,
        { version: VERSION, ruleDocsBase: opts.ruleDocsBase, cwd, exitCode: status },
        stdinPaths,
      );
      break;
    case 'html': {
      const outcomes: Outcome[] = briefs.map((b) =>
        b.error !== undefined
          ? { path: b.path, error: b.error }
          : b.part
            ? (JSON.parse(b.part) as Outcome)
            : { path: b.path },
      );
      text = formatHtml(outcomes, summary, {
        version: VERSION,
        generatedAt: generatedAt(env),
        defaultProfile: settings.profile,
        ruleDocsBase: opts.ruleDocsBase,
      });
      break;
    }
    default:
      text = assembleText(
        briefs.map((b) => b.part),
        summary,
        { quiet: opts.quiet, color },
      );
  }

  for (const e of errors) io.stderr(`tbs-report: ${safeText(e.path)}: ${safeText(e.error)}\n`);
  if (env.TBS_REPORT_STATS) {
    // Diagnostics for tests and tuning: how the work was shared, and where the time went.
    io.stderr(
      `tbs-report: stats: inputs=${inputs.length} threads=${stats.threads} batch=${stats.batchSize} checkedBy=${stats.checkedBy.join(',')} failedWorkers=${stats.failedWorkers} check=${t1 - t0}ms format=${Date.now() - t1}ms\n`,
    );
  }

  if (opts.output !== null) {
    try {
      fs.writeFileSync(outPath ?? opts.output, text);
    } catch (e) {
      io.stderr(
        `tbs-report: cannot write ${safeText(String(opts.output))}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      return 2;
    }
  } else io.stdout(text);

  // The report itself carries the summary; a person at a terminal also gets it on standard error.
  if (!opts.quiet && stderrTTY && (opts.format !== 'text' || opts.output !== null)) {
    io.stderr(formatSummary(summary) + (opts.output !== null ? `Report written to ${opts.output}.\n` : ''));
  }
  return status;
}

function main(): void {
  // A closed pipe (e.g. "| head") ends the run quietly instead of with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY,
    progressStream: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`tbs-report: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (isCheckWorker()) runCheckWorker();
else if (require.main === module) main();
