/** The command line: options, operands, help text. Parsing only; nothing is read or run here. */
import { MAX_FILE_BYTES } from './read';
import { DEFAULT_INCLUDE } from './inputs';

export type Format = 'text' | 'json' | 'sarif' | 'html';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'html'];

export class UsageError extends Error {}

export interface Options {
  format: Format;
  /** Write the report here instead of standard output. */
  output: string | null;
  profile?: string;
  config?: string;
  include: string[];
  exclude: string[];
  quiet: boolean;
  /** null: any warning fails the run (the default); -1: warnings never do. */
  maxWarnings: number | null;
  maxFileSize: number;
  jobs: number | 'auto';
  stdinFilename: string;
  progress: boolean;
  color: 'auto' | 'always' | 'never';
  ruleDocsBase: string | null;
  operands: string[];
}

export const HELP = `Usage: tbs-report check [options] [--] PATH...
       tbs-report --help | --version

Checks DXA + trabecular bone score reports for what CPT 77091 (or 77089 / 77092)
documentation needs, with the same engine as the editor extension. PATH is a report
file, a directory (searched recursively) or "-" for standard input.

Output:
  -f, --format FORMAT     text (default), json, sarif (SARIF 2.1.0) or html
  -o, --output FILE       write the report to FILE instead of standard output
  -q, --quiet             report errors and warnings only: leave out information and
                          hint findings, the summary and the progress bar
      --max-warnings N    exit 1 only when there are errors or more than N warnings
                          (default: any warning exits 1; -1: warnings never do)
      --rule-docs-base URL
                          absolute URL that docs/rules/<rule>.md resolves against; gives
                          SARIF rules a helpUri and the HTML page links (e.g.
                          https://github.com/ORG/REPO/blob/main/)
      --color, --no-color force or forbid colour in text output (default: on a terminal,
                          unless NO_COLOR is set)
      --no-progress       never draw the progress bar (drawn on a terminal for long runs)

Selection:
      --include GLOB      check files matching GLOB in directories (repeatable; replaces
                          the default ${DEFAULT_INCLUDE.join(' ')})
      --exclude GLOB      skip files and directories matching GLOB (repeatable; also
                          applies to files named on the command line)
      --stdin-filename NAME
                          name shown for standard input (default: <stdin>)
      --max-file-size SIZE
                          refuse files above SIZE bytes (suffix K or M; default ${MAX_FILE_BYTES / 1024 / 1024}M)

Checking:
      --profile P         profile when a report names no TBS code: 77091 (default),
                          77089 or 77092
  -c, --config FILE       settings file (.tbsreportrc.json format: profile, severity,
                          thresholds, customThresholds, validatedAgeRange,
                          validatedBmiRange, labels)
  -j, --jobs N|auto       threads to use (default auto: all cores for large batches,
                          in-process for small ones; 1 = no worker threads).
                          The TBS_REPORT_JOBS environment variable sets the default.

  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 no error or warning; 1 errors, or warnings (above --max-warnings);
2 usage error, or some file could not be checked (missing, unreadable, binary, too large).
Manual: docs/cli.md.
`;

export function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--max-file-size must be a size like 2097152, 512K or 10M, not "${v}"`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n < 1) throw new UsageError('--max-file-size must be at least 1 byte');
  return n;
}

function parseJobs(v: string, where: string): number | 'auto' {
  if (v === 'auto' || v === '0') return 'auto';
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256)
    throw new UsageError(`${where} must be "auto" or a number from 1 to 256, not "${v}"`);
  return Number(v);
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): Options | 'help' | 'version' {
  const opts: Options = {
    format: 'text',
    output: null,
    include: [],
    exclude: [],
    quiet: false,
    maxWarnings: null,
    maxFileSize: MAX_FILE_BYTES,
    jobs: env.TBS_REPORT_JOBS ? parseJobs(env.TBS_REPORT_JOBS, 'TBS_REPORT_JOBS') : 'auto',
    stdinFilename: '<stdin>',
    progress: true,
    color: 'auto',
    ruleDocsBase: null,
    operands: [],
  };
  const args = [...argv];
  if (!args.length) throw new UsageError('no command given');
  if (args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  if (args[0] !== 'check') {
    const hint = args[0].startsWith('-') ? '' : `; did you mean "tbs-report check ${args[0]}"?`;
    throw new UsageError(`unknown command "${args[0]}"${hint}`);
  }
  args.shift();
  let onlyOperands = false;
  while (args.length) {
    const a = args.shift() as string;
    if (onlyOperands || !a.startsWith('-') || a === '-') {
      opts.operands.push(a);
      continue;
    }
    let name = a;
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      name = a.slice(0, a.indexOf('='));
      inline = a.slice(a.indexOf('=') + 1);
    } else if (/^-[a-zA-Z]./.test(a) && !a.startsWith('--')) {
      // -fjson, -j2
      name = a.slice(0, 2);
      inline = a.slice(2);
    }
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '--':
        onlyOperands = true;
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!FORMATS.includes(v as Format))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${v}"`);
        opts.format = v as Format;
        break;
      }
      case '-o':
      case '--output':
        opts.output = value();
        if (opts.output === '-') opts.output = null;
        break;
      case '--profile':
        opts.profile = value();
        break;
      case '-c':
      case '--config':
        opts.config = value();
        break;
      case '--include':
      case '--exclude': {
        const v = value();
        if (!v.trim()) throw new UsageError(`${name} needs a non-empty pattern`);
        (name === '--include' ? opts.include : opts.exclude).push(v);
        break;
      }
      case '-q':
      case '--quiet':
        flag();
        opts.quiet = true;
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^-?\d+$/.test(v) || Number(v) < -1)
          throw new UsageError(`--max-warnings must be a whole number (0 or more, or -1 for no limit), not "${v}"`);
        opts.maxWarnings = Number(v);
        break;
      }
      case '--max-file-size':
        opts.maxFileSize = parseSize(value());
        break;
      case '-j':
      case '--jobs':
        opts.jobs = parseJobs(value(), '--jobs');
        break;
      case '--stdin-filename':
        opts.stdinFilename = value();
        break;
      case '--no-progress':
        flag();
        opts.progress = false;
        break;
      case '--color':
        flag();
        opts.color = 'always';
        break;
      case '--no-color':
        flag();
        opts.color = 'never';
        break;
      case '--rule-docs-base': {
        const v = value();
        let u: URL;
        try {
          u = new URL(v);
        } catch {
          throw new UsageError(`--rule-docs-base must be an absolute URL, not ${JSON.stringify(v)}`);
        }
        // Rule links end up in SARIF and HTML reports: only web and file addresses, never
        // javascript:, data: or other schemes.
        if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:')
          throw new UsageError(
            `--rule-docs-base must be an http, https or file URL, not a ${JSON.stringify(u.protocol.replace(/:$/, ''))} URL`,
          );
        opts.ruleDocsBase = u.href;
        break;
      }
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
  if (!opts.operands.length)
    throw new UsageError('no files given (name report files or directories, or "-" for standard input)');
  return opts;
}
