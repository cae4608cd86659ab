/**
 * Reading a report file: UTF-8 (BOM stripped), UTF-16 with a BOM, Windows-1252 as a fallback for
 * text that is not valid UTF-8, and clear errors for what cannot be a report (binary, too large,
 * unreadable). Never throws.
 */
import * as fs from 'node:fs';
import * as buffer from 'node:buffer';

/** Default limit for one report (--max-file-size). Radiology reports are a few kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult = { text: string } | { error: string };

const isUtf8: ((b: Buffer) => boolean) | undefined = (buffer as unknown as { isUtf8?: (b: Buffer) => boolean }).isUtf8;
const latin1 = new TextDecoder('windows-1252');
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${n} bytes`;
}

function tooLarge(size: number | null, maxBytes: number): { error: string } {
  // "(12.0 MB, above the 10 MB limit; ...)", or for a stream whose size is unknown "(more than the
  // 10 MB limit; ...)".
  const what = size === null ? 'more than the' : `${formatBytes(size)}, above the`;
  return { error: `file is too large (${what} ${formatBytes(maxBytes)} limit; see --max-file-size)` };
}

/** UTF-32 with a byte order mark, decoded by hand (TextDecoder has no UTF-32); null if invalid. */
function decodeUtf32(buf: Buffer, le: boolean): string | null {
  if ((buf.length - 4) % 4 !== 0) return null;
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 4; i < buf.length; i += 4) {
    const cp = le ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    chunk.push(cp);
    // Code points go to fromCodePoint in bounded chunks: never an unbounded argument list.
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint.apply(null, chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint.apply(null, chunk));
  return parts.join('');
}

/** Share of C0 control bytes other than tab, line feed, form feed, carriage return and escape. */
function looksBinary(head: Buffer): boolean {
  let ctl = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) ctl++;
  }
  return ctl > head.length * 0.1;
}

export function decodeReport(buf: Buffer): ReadResult {
  // UTF-32 with a byte order mark, tested before UTF-16: FF FE 00 00 also starts a UTF-16LE mark.
  const le32 = buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0;
  const be32 = buf.length >= 4 && buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff;
  if (le32 || be32) {
    const text = decodeUtf32(buf, le32);
    return text === null
      ? { error: 'not valid UTF-32 text (the file starts with a UTF-32 byte order mark)' }
      : { text };
  }
  // UTF-16 with a byte order mark (Windows "Unicode" text files).
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    try {
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf.subarray(2)) };
    } catch {
      return { error: 'not valid UTF-16 text (the file starts with a UTF-16 byte order mark)' };
    }
  }
  // A NUL in the first 8 KB means a binary file, not a report (the heuristic git uses).
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return { error: 'binary file (contains NUL bytes), not a text report' };
  const valid = isUtf8 ? isUtf8(buf) : !buf.toString('utf8').includes('\uFFFD');
  let text: string;
  if (valid) text = buf.toString('utf8');
  else {
    // Not UTF-8: either binary data without NULs, or a legacy Windows-1252 export.
    if (looksBinary(head)) return { error: 'binary file (control characters), not a text report' };
    text = latin1.decode(buf);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'cannot read: input/output error (EIO)';
    default:
      return `cannot read (${code ?? (e as Error).message})`;
  }
}

/** Reads a stream-like file (pipe, character device, standard input) up to maxBytes + 1 bytes. */
function readBounded(fd: number, maxBytes: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        // a non-blocking pipe with nothing in it yet: wait a little instead of spinning
        Atomics.wait(PAUSE, 0, 0, 5);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return null;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

export function readStdin(maxBytes = MAX_FILE_BYTES): ReadResult {
  try {
    const buf = readBounded(0, maxBytes);
    if (buf === null)
      return {
        error: `standard input is too large (more than the ${formatBytes(maxBytes)} limit; see --max-file-size)`,
      };
    return decodeReport(buf);
  } catch (e) {
    return { error: `cannot read standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}

/**
 * A buffer for a file of `size` bytes: a report (a few kilobytes) is read into one scratch buffer
 * that the thread reuses (decodeReport copies the text out before the next file is read); a larger
 * file gets a buffer of its own.
 */
let scratch: Buffer | null = null;
const SCRATCH_MAX = 1024 * 1024;
function bufferFor(size: number): Buffer {
  if (size > SCRATCH_MAX) return Buffer.allocUnsafe(size);
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(64 * 1024, size));
  return scratch.subarray(0, size);
}

/** Reads one report. Regular files are sized first, so a huge file is refused without reading it. */
export function readReport(path: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  if (path === '-') return readStdin(maxBytes);
  let fd: number;
  try {
    // Non-blocking: a named pipe opens at once (instead of waiting for a writer) and is refused below.
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { error: errnoText(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { error: 'is a directory' };
    // Only regular files are read by name: a FIFO, socket or device could wait forever or never end.
    if (st.isFIFO())
      return { error: 'is a named pipe (FIFO), not a file: give its content on standard input ("-") instead' };
    if (st.isSocket()) return { error: 'is a socket, not a file' };
    if (st.isCharacterDevice() || st.isBlockDevice())
      return { error: 'is a device, not a file: give its content on standard input ("-") instead' };
    let buf: Buffer;
    if (st.isFile()) {
      if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
      buf = bufferFor(st.size);
      let off = 0;
      while (off < st.size) {
        const n = fs.readSync(fd, buf, off, st.size - off, off);
        if (n === 0) break;
        off += n;
      }
      if (off < st.size) buf = buf.subarray(0, off);
      // A file that grew or is synthetic (size 0 in /proc): read on to the end, still bounded.
      if (st.size === 0) {
        const rest = readBounded(fd, maxBytes);
        if (rest === null) return tooLarge(null, maxBytes);
        buf = rest;
      }
    } else {
      const b = readBounded(fd, maxBytes);
      if (b === null) return tooLarge(null, maxBytes);
      buf = b;
    }
    return decodeReport(buf);
  } catch (e) {
    return { error: errnoText(e) };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      /* nothing to do */
    }
  }
}
