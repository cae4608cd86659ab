/** Reading a report file: UTF-8 (BOM stripped), with clear errors for what cannot be a report. */
import * as fs from 'node:fs';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function decodeReport(buf: Buffer): { text: string } | { error: string } {
  // A NUL in the first 8 KB means a binary file, not a report.
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { error: 'binary file (contains NUL bytes), not a text report' };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

export function readReport(path: string, maxBytes = MAX_FILE_BYTES): { text: string } | { error: string } {
  if (path === '-') {
    try {
      const buf = fs.readFileSync(0);
      if (buf.length > maxBytes) return { error: `standard input is above the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit` };
      return decodeReport(buf);
    } catch (e) {
      return { error: `cannot read standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})` };
  }
  if (stat.isDirectory()) return { error: 'is a directory' };
  if (stat.size > maxBytes) return { error: `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, above the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit` };
  try {
    return decodeReport(fs.readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read (${code ?? (e as Error).message})` };
  }
}
