/**
 * A small glob matcher for --include / --exclude (no dependency, so the CLI stays one file).
 *
 *   *      any run of characters except "/"       ?      one character except "/"
 *   **     any run of characters, "/" included    [abc] [a-z] [!abc]   one character of (not of) a set
 *   {a,b}  either alternative (may nest)          \x     the character x itself
 *
 * Matching is case-insensitive (reports exported from Windows systems are often named *.TXT).
 * As in .gitignore, a pattern without "/" (a trailing one aside) is matched against a file's base
 * name and against each directory name on its way; a pattern with a "/" at the start or in the
 * middle against the path relative to the directory argument and against the path as printed.
 * A trailing "/" or "/**" matches a directory and everything below it.
 */

export interface Glob {
  source: string;
  /** True when the pattern has a "/" (other than a trailing one): matched against whole paths. */
  anchored: boolean;
  re: RegExp;
}

function translate(p: string, i: number, inBrace: boolean): [string, number] {
  let out = '';
  while (i < p.length) {
    const c = p[i];
    if (inBrace && (c === ',' || c === '}')) return [out, i];
    if (c === '\\' && i + 1 < p.length) {
      out += escapeRe(p[i + 1]);
      i += 2;
    } else if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const atEnd = i + 2 === p.length || p[i + 2] === '/';
        if (atStart && p[i + 2] === '/') {
          out += '(?:[^/]*/)*';
          i += 3;
        } else if (atStart && atEnd && i > 0) {
          // "dir/**": the directory itself and everything below it
          out = out.replace(/\/$/, '') + '(?:/.*)?';
          i += 2;
        } else {
          out += '.*';
          i += 2;
        }
      } else {
        out += '[^/]*';
        i++;
      }
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = p.slice(i + 1, close);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      const cls = body.replace(/[\\\]^]/g, (m) => `\\${m}`);
      out += neg ? `[^/${cls}]` : `[${cls}]`;
      i = close + 1;
    } else if (c === '{') {
      const alts: string[] = [];
      let j = i + 1;
      let closed = false;
      while (j <= p.length) {
        const [alt, k] = translate(p, j, true);
        alts.push(alt);
        if (k >= p.length) break;
        if (p[k] === '}') {
          closed = true;
          j = k + 1;
          break;
        }
        j = k + 1;
      }
      if (!closed) {
        out += '\\{';
        i++;
        continue;
      }
      out += `(?:${alts.join('|')})`;
      i = j;
    } else {
      out += escapeRe(c);
      i++;
    }
  }
  return [out, i];
}

function escapeRe(c: string): string {
  return /[.+^${}()|[\]\\*?-]/.test(c) ? `\\${c}` : c;
}

/** Compiles a glob. Throws on an empty pattern. */
export function compileGlob(pattern: string): Glob {
  let p = pattern.trim();
  if (!p) throw new Error('empty glob pattern');
  while (p.startsWith('./')) p = p.slice(2);
  // As in .gitignore: a "/" at the start or in the middle anchors the pattern; a trailing one does not.
  let stop = p.length;
  while (stop > 0 && p[stop - 1] === '/') stop--; // not /\/+$/: quadratic on a run of slashes
  const anchored = p.slice(0, stop).includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/') && p.length > 1) p = `${p}**`;
  const [body] = translate(p, 0, false);
  return { source: pattern, anchored, re: new RegExp(`^${body}$`, 'i') };
}

function toSlash(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Does the file match? `rel` is its path relative to the directory argument (or its base name for a
 * file argument), `shown` the path as printed.
 */
export function matchFile(g: Glob, rel: string, shown: string): boolean {
  const r = toSlash(rel);
  if (g.anchored) return g.re.test(r) || g.re.test(toSlash(shown));
  const parts = r.split('/');
  return parts.some((part) => g.re.test(part));
}

/** Does the pattern exclude a whole directory (so that the walk need not enter it)? */
export function matchDir(g: Glob, rel: string, shown: string): boolean {
  const r = toSlash(rel);
  if (g.anchored) return g.re.test(r) || g.re.test(toSlash(shown));
  return g.re.test(r.slice(r.lastIndexOf('/') + 1));
}

/** Is the file's base name matched (for include patterns without "/")? */
export function matchInclude(g: Glob, rel: string, shown: string): boolean {
  const r = toSlash(rel);
  if (g.anchored) return g.re.test(r) || g.re.test(toSlash(shown));
  return g.re.test(r.slice(r.lastIndexOf('/') + 1));
}
