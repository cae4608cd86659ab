#!/usr/bin/env node
/**
 * `tbs-report check [options] PATH...`: the audit command line (manual: docs/cli.md).
 * Exit codes: 0 no error or warning; 1 errors, or warnings (above --max-warnings);
 * 2 usage error or some input could not be checked.
 *
 * The same file is the worker-thread entry: started with workerData it checks batches instead.
 */
import * as fs from 'node:fs';
import { version as PACKAGE_VERSION } from '../../../package.json';
import { resolveSettings } from '../engine/settings';
import type { EngineSettings } from '../engine/settings';
import type { Options } from './args';
import { HELP, UsageError, parseArgs } from './args';
import { formatHtml } from './formatHtml';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { collectInputs } from './inputs';
import { checkAll, decideJobs, isCheckWorker, runCheckWorker } from './pool';
import type { ProgressStream } from './progress';
import { createProgress } from './progress';
import { dropMinor, exitStatus, summarize } from './summary';

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
    let text: string;
    try {
      text = fs.readFileSync(opts.config, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot read config ${opts.config}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`);
    }
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`config ${opts.config} is not valid JSON: ${(e as Error).message}`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`config ${opts.config} must hold a JSON object`);
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
      io.stderr(`tbs-report: ${e.message}\nRun "tbs-report --help" for usage.\n`);
      return 2;
    }
    throw e;
  }

  let collected;
  try {
    collected = collectInputs(opts.operands, { include: opts.include, exclude: opts.exclude, stdinName: opts.stdinFilename });
  } catch (e) {
    io.stderr(`tbs-report: ${(e as Error).message}\nRun "tbs-report --help" for usage.\n`);
    return 2;
  }
  const { inputs, notes } = collected;
  if (!opts.quiet) for (const n of notes) io.stderr(`tbs-report: ${n}\n`);
  if (!inputs.length) {
    io.stderr('tbs-report: no report files to check\n');
    return 2;
  }

  const stderrTTY = !!io.progressStream?.isTTY;
  const progress = createProgress(io.progressStream ?? { write: () => 0 }, opts.progress && !opts.quiet);
  const withLines = opts.format === 'html';
  let outcomes = await checkAll(inputs, {
    jobs: decideJobs(opts.jobs, inputs.length),
    opts: { settings, maxBytes: opts.maxFileSize, withLines },
    workerScript: io.workerScript ?? __filename,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.stop();

  if (opts.quiet) outcomes = dropMinor(outcomes);
  const summary = summarize(outcomes, opts.maxWarnings);
  const status = exitStatus(summary);
  const stdinPaths = new Set(inputs.filter((i) => i.fsPath === null && i.error === undefined).map((i) => i.path));

  let text: string;
  switch (opts.format) {
    case 'json':
      text = formatJson(outcomes, summary);
      break;
    case 'sarif':
      text = formatSarif(outcomes, summary, { version: VERSION, ruleDocsBase: opts.ruleDocsBase, cwd, exitCode: status }, stdinPaths);
      break;
    case 'html':
      text = formatHtml(outcomes, summary, { version: VERSION, generatedAt: generatedAt(env), defaultProfile: settings.profile, ruleDocsBase: opts.ruleDocsBase });
      break;
    default: {
      const color = opts.color === 'always' || (opts.color === 'auto' && opts.output === null && !!io.stdoutIsTTY && !env.NO_COLOR);
      text = formatText(outcomes, summary, { color, quiet: opts.quiet });
    }
  }

  for (const o of outcomes) if (!o.report) io.stderr(`tbs-report: ${o.path}: ${o.error}\n`);

  if (opts.output !== null) {
    try {
      fs.writeFileSync(opts.output, text);
    } catch (e) {
      io.stderr(`tbs-report: cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
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
