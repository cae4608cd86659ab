/**
 * Turns the command line's operands into the ordered list of reports to check: files as given,
 * directories walked recursively (sorted, so the order never depends on the file system), "-" for
 * standard input. Include patterns select files found in directories; exclude patterns drop files
 * and prune directories. The same file named twice is checked once, where it first appears.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Glob } from './glob';
import { compileGlob, matchDir, matchFile, matchInclude } from './glob';

export const DEFAULT_INCLUDE = ['*.radreport', '*.report.txt', '*.txt', '*.md'];
/** Directories never entered while walking (a directory named on the command line is still walked). */
const SKIPPED_DIRS = new Set(['node_modules']);

export interface Input {
  /** The path as printed and put in the output. */
  path: string;
  /** The path to read; null for standard input. */
  fsPath: string | null;
  /** Set when the operand could not even be listed or found: reported in its place in the order. */
  error?: string;
}

export interface Collected {
  /** In command-line order, directories expanded in place. */
  inputs: Input[];
  /** Notes for standard error (e.g. a directory that held no report). */
  notes: string[];
}

export interface CollectOptions {
  include: string[];
  exclude: string[];
  stdinName: string;
}

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function collectInputs(operands: string[], opts: CollectOptions): Collected {
  const include: Glob[] = (opts.include.length ? opts.include : DEFAULT_INCLUDE).map(compileGlob);
  const exclude: Glob[] = opts.exclude.map(compileGlob);
  const inputs: Input[] = [];
  const problem = (p: string, error: string) => inputs.push({ path: p, fsPath: p, error });
  const notes: string[] = [];
  const seen = new Set<string>();
  let stdinSeen = false;

  /** `key` is the file's real path: a file reached twice (a link, a repeated argument) is checked once. */
  const add = (shown: string, fsPath: string, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ path: shown, fsPath });
  };

  const realOf = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };

  const walk = (dir: string, dirReal: string, rel: string, visited: Set<string>): number => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problem(
        dir,
        code === 'EACCES' || code === 'EPERM'
          ? 'cannot list directory: permission denied'
          : `cannot list directory (${code ?? (e as Error).message})`,
      );
      return 0;
    }
    entries.sort(byName);
    let found = 0;
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const full = dir === '.' ? ent.name : dir.endsWith('/') ? dir + ent.name : `${dir}/${ent.name}`;
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      const link = ent.isSymbolicLink();
      if (link) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          // A dangling link that looks like a report is reported, not silently skipped.
          if (include.some((g) => matchInclude(g, r, full)) && !exclude.some((g) => matchFile(g, r, full))) {
            problem(full, `broken symbolic link (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
          }
          continue;
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(ent.name)) continue;
        if (exclude.some((g) => matchDir(g, r, full))) continue;
        const real = link ? realOf(full) : `${dirReal}/${ent.name}`;
        if (visited.has(real)) continue; // a symbolic-link cycle
        visited.add(real);
        found += walk(full, real, r, visited);
        visited.delete(real);
      } else if (isFile) {
        if (!include.some((g) => (g.anchored ? matchInclude(g, r, full) : g.re.test(ent.name)))) continue;
        if (exclude.length && exclude.some((g) => matchFile(g, r, full))) continue;
        add(full, full, link ? realOf(full) : `${dirReal}/${ent.name}`);
        found++;
      }
      // sockets, FIFOs and devices found while walking are never reports: skipped
    }
    return found;
  };

  for (const op of operands) {
    if (op === '-') {
      if (!stdinSeen) inputs.push({ path: opts.stdinName, fsPath: null });
      stdinSeen = true;
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(op);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problem(
        op,
        code === 'ENOENT' || code === 'ENOTDIR'
          ? 'no such file or directory'
          : code === 'EACCES'
            ? 'permission denied'
            : `cannot read (${code ?? (e as Error).message})`,
      );
      continue;
    }
    if (st.isDirectory()) {
      const real = realOf(op);
      const n = walk(path.normalize(op), real, '', new Set([real]));
      if (n === 0) {
        const inc = (opts.include.length ? opts.include : DEFAULT_INCLUDE).join(', ');
        notes.push(
          `${op}: no file matched ${inc}${opts.exclude.length ? ` outside --exclude ${opts.exclude.join(', ')}` : ''}`,
        );
      }
    } else {
      // A file named on the command line is checked whatever its name; only --exclude drops it.
      const rel = op.replace(/^\.\//, '');
      if (exclude.some((g) => matchFile(g, rel, op))) continue;
      add(op, op, realOf(op));
    }
  }
  return { inputs, notes };
}
