#!/usr/bin/env node
/**
 * `tbs-report check [--format text|json] [--profile P] [--config FILE] FILE...`
 * Exit codes: 0 no error or warning; 1 errors or warnings found; 2 usage error or unreadable file.
 */
import * as fs from 'node:fs';
import { analyze } from '../engine/analyze';
import { resolveSettings } from '../engine/settings';
import type { EngineSettings } from '../engine/settings';
import type { FileError, FileReport } from './report';
import { fileReport } from './report';
import { formatText } from './formatText';
import { readReport } from './read';

export const VERSION = '0.1.0';

const HELP = `Usage: tbs-report check [options] FILE...

Checks DXA + trabecular bone score reports for what CPT 77091 (or 77089 / 77092)
documentation needs, with the same engine as the editor extension.

Options:
  --format text|json   output format (default: text)
  --profile P          default profile when a report names no TBS code: 77091, 77089, 77092
  --config FILE        settings file (.tbsreportrc.json format)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 when no error or warning was found, 1 when some were,
2 on a usage error or when a file could not be read.
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  profile?: string;
  config?: string;
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', files: [] };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help') return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  if (args[0] !== 'check') throw new UsageError(args.length ? `unknown command "${args[0]}"` : 'no command given');
  args.shift();
  let onlyFiles = false;
  while (args.length) {
    const a = args.shift() as string;
    if (onlyFiles || !a.startsWith('-') || a === '-') {
      opts.files.push(a);
      continue;
    }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--':
        onlyFiles = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        opts.format = v;
        break;
      }
      case '--profile':
        opts.profile = value();
        break;
      case '--config':
        opts.config = value();
        break;
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (!opts.files.length) throw new UsageError('no files given');
  return opts;
}

function loadSettings(opts: Options): EngineSettings {
  let raw: Record<string, unknown> = {};
  if (opts.config) {
    let text: string;
    try {
      text = fs.readFileSync(opts.config, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read config ${opts.config}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`config ${opts.config} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (opts.profile !== undefined) raw = { ...raw, profile: opts.profile };
  const problems: string[] = [];
  const settings = resolveSettings(raw, problems);
  if (problems.length) throw new UsageError(`invalid settings: ${problems.join('; ')}`);
  return settings;
}

export function run(argv: string[], io: CliIO): number {
  let opts: Options | 'help' | 'version';
  let settings: EngineSettings;
  try {
    opts = parseArgs(argv);
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
  const files: FileReport[] = [];
  const errors: FileError[] = [];
  for (const path of opts.files) {
    const read = readReport(path);
    if ('error' in read) {
      errors.push({ path, error: read.error });
      continue;
    }
    files.push(fileReport(path, analyze(read.text, settings)));
  }
  if (opts.format === 'json') io.stdout(`${JSON.stringify({ schemaVersion: 1, files, errors }, null, 2)}\n`);
  else io.stdout(formatText(files, errors));
  for (const e of errors) io.stderr(`tbs-report: ${e.path}: ${e.error}\n`);
  if (errors.length) return 2;
  return files.some((f) => f.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) ? 1 : 0;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
  process.exitCode = code;
}
