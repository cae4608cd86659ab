/**
 * The workspace config file `.tbsreportrc.json`: the nearest one above a document applies, over the
 * editor settings. Ignored in untrusted workspaces. Read errors are reported once, never thrown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONFIG_FILE = '.tbsreportrc.json';

export interface ConfigLookup {
  file: string | null;
  settings: Record<string, unknown> | null;
  error?: string;
}

export class ConfigFiles {
  private cache = new Map<string, ConfigLookup>();

  clear(): void {
    this.cache.clear();
  }

  /** The config that applies to a document URI (file: scheme only). */
  forUri(uri: string): ConfigLookup {
    if (!uri.startsWith('file:')) return { file: null, settings: null };
    let dir: string;
    try {
      dir = path.dirname(fileURLToPath(uri));
    } catch {
      return { file: null, settings: null };
    }
    return this.forDir(dir);
  }

  private forDir(dir: string): ConfigLookup {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    let result: ConfigLookup;
    const file = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(file)) result = readConfig(file);
    else {
      const parent = path.dirname(dir);
      result = parent === dir ? { file: null, settings: null } : this.forDir(parent);
    }
    this.cache.set(dir, result);
    return result;
  }
}

/** A config file is small: anything larger is refused without reading it. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The text of a config file, read without blocking: opened non-blocking (a FIFO opens at once
 * instead of waiting for a writer), then only a regular file of at most MAX_CONFIG_BYTES is read (a
 * FIFO, a device such as a link to /dev/zero, a socket or a directory is refused by its fstat).
 * Reading and validating are separate: this only reads.
 */
export function readConfigText(file: string, maxBytes = MAX_CONFIG_BYTES): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : `cannot open (${code ?? (e as Error).message})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const what = st.isFIFO()
        ? 'a named pipe (FIFO)'
        : st.isDirectory()
          ? 'a directory'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : st.isSocket()
              ? 'a socket'
              : 'not a regular file';
      return { error: `${what === 'not a regular file' ? what : `is ${what}`}, not a regular file: not read` };
    }
    if (st.size > maxBytes)
      return { error: `too large (${st.size} bytes; a config file may hold at most ${maxBytes} bytes): not read` };
    // Read at most maxBytes + 1 bytes, whatever the size said (a file can grow while it is read).
    const buf = Buffer.allocUnsafe(maxBytes + 1);
    let off = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
      if (off > maxBytes) return { error: `too large (a config file may hold at most ${maxBytes} bytes): not read` };
    }
    return { text: buf.subarray(0, off).toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read (${code ?? (e as Error).message})` };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      /* nothing to do */
    }
  }
}

export function readConfig(file: string): ConfigLookup {
  try {
    const read = readConfigText(file);
    if ('error' in read) return { file, settings: null, error: `${file}: ${read.error}` };
    const text = read.text.replace(/^\uFEFF/, '');
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { file, settings: null, error: `${file}: expected a JSON object` };
    // "$schema" points editors at the JSON schema; it is not a setting.
    const settings = { ...(parsed as Record<string, unknown>) };
    delete settings.$schema;
    return { file, settings };
  } catch (e) {
    return { file, settings: null, error: `${file}: ${(e as Error).message}` };
  }
}
