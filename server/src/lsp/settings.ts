/**
 * Settings resolved per document in one place: pulled from the client with workspace/configuration
 * (cached per URI, dropped on didChangeConfiguration), or taken from initializationOptions and
 * didChangeConfiguration pushes for clients that cannot be asked.
 */
import type { Connection } from 'vscode-languageserver';
import type { EngineSettings } from '../engine/settings';
import { resolveSettings } from '../engine/settings';
import type { Suppression } from '../engine/drafting';
import { readSuppressions } from '../engine/drafting';
import { validateConfig } from './configCheck';
import { DEFAULT_SERVER_SETTINGS, SETTINGS_SECTION } from '../protocol';
import { ConfigFiles } from './configFile';
import type { ServerSettings } from '../protocol';

export interface ResolvedSettings {
  enable: boolean;
  checkPlainText: boolean;
  debounceMs: number;
  maxFileSize: number;
  engine: EngineSettings;
  /** Findings hidden by "Disable rule for this line / this report". */
  suppressions: Suppression[];
  problems: string[];
}

export function resolveServerSettings(raw: unknown): ResolvedSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as ServerSettings & Record<string, unknown>;
  const problems: string[] = [];
  const engine = resolveSettings(s, problems);
  const num = (v: unknown, d: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : d;
  return {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_SERVER_SETTINGS.enable,
    checkPlainText: typeof s.checkPlainText === 'boolean' ? s.checkPlainText : DEFAULT_SERVER_SETTINGS.checkPlainText,
    debounceMs: num(s.debounceMs, DEFAULT_SERVER_SETTINGS.debounceMs, 0, 10_000),
    maxFileSize: num(s.maxFileSize, DEFAULT_SERVER_SETTINGS.maxFileSize, 1, 1024 * 1024 * 1024),
    engine,
    suppressions: readSuppressions(s.suppressions, problems),
    problems,
  };
}

/** Picks our section out of a didChangeConfiguration payload, whatever shape the client sends. */
export function sectionOf(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  if (p[SETTINGS_SECTION] && typeof p[SETTINGS_SECTION] === 'object') return p[SETTINGS_SECTION];
  return undefined;
}

export class SettingsStore {
  private cache = new Map<string, Promise<ResolvedSettings>>();
  /** initializationOptions: the base every other source is merged over. */
  private readonly initial: unknown;
  private pushed: unknown;
  private readonly files = new ConfigFiles();
  canPull = false;
  /** In an untrusted workspace the config file is ignored. */
  trusted = true;
  /** Config-file errors already reported, so each is said once. */
  readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    initial: unknown,
  ) {
    this.initial = initial;
  }

  /** Settings from a didChangeConfiguration push; merged over initializationOptions, never replacing them. */
  setPushed(raw: unknown): void {
    if (raw !== undefined) this.pushed = raw;
    this.cache.clear();
  }

  clear(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else {
      this.cache.clear();
      this.files.clear();
    }
  }

  get(uri: string): Promise<ResolvedSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.load(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  private async load(uri: string): Promise<ResolvedSettings> {
    // initializationOptions < pushed settings < pulled settings < .tbsreportrc.json
    let raw: unknown =
      this.pushed && typeof this.pushed === 'object' ? mergeOver(this.initial, this.pushed) : this.initial;
    if (this.canPull) {
      try {
        const pulled = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
        if (pulled && typeof pulled === 'object') raw = mergeOver(raw, pulled);
      } catch {
        // Fall back to pushed settings.
      }
    }
    let fileError: string | undefined;
    let fileProblems: string[] = [];
    if (this.trusted) {
      const cfg = this.files.forUri(uri);
      if (cfg.settings) raw = mergeOver(raw, cfg.settings);
      fileError = cfg.error;
      if (cfg.settings && cfg.file) fileProblems = validateConfig(cfg.file, cfg.settings);
    }
    const resolved = resolveServerSettings(raw);
    if (fileError) resolved.problems.push(fileError);
    for (const p of fileProblems) resolved.problems.push(p);
    return resolved;
  }
}

/** Keys of `top` win; nested objects (severity, labels) merge one level deep. */
function mergeOver(base: unknown, top: unknown): unknown {
  if (!base || typeof base !== 'object') return top;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(top as Record<string, unknown>)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? { ...(b as object), ...(v as object) }
        : v;
  }
  return out;
}
