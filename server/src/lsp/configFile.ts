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

export function readConfig(file: string): ConfigLookup {
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
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
