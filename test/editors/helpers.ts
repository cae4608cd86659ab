/**
 * Shared by the real-editor tests (nvim.test.ts, emacs.test.ts): the reports every editor opens
 * (CASES), the test runner (editorTests), the CLI's view of a file, the comparison of an editor's
 * diagnostics with it, and the check that an applied code action changed exactly what its edit says.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(__dirname, '../..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const CLI = join(ROOT, 'dist', 'cli.js');

import type { Position, Range } from '../../server/src/engine/types';
export type { Position, Range };
export interface LspDiagnostic {
  code: string;
  severity: number;
  message: string;
  source?: string;
  range: Range;
}
interface LspTextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  changes?: Record<string, LspTextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string }; edits: LspTextEdit[] }>;
}

/** True under CI (`CI=1`, `CI=true`): a missing editor is then a failure, never a skip. */
export const IN_CI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

/** Throws (with what to install) when the editor is not installed or does not run. */
export function requireProgram(program: string, install: string): string {
  const r = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) {
    assert.fail(
      `${program} is not installed or does not run (${r.error?.message ?? `exit ${r.status}`}). ` +
        `These tests need a real editor: ${install}`,
    );
  }
  return r.stdout.split('\n')[0].trim();
}

export function requireBuild(): void {
  for (const f of [SERVER, CLI]) {
    assert.ok(existsSync(f), `${f} is missing: run "node esbuild.mjs" first`);
  }
}

/** A fresh directory with a copy of the report (the editor writes the copy back). */
export function copyToTemp(source: string, name = basename(source)): { dir: string; file: string; original: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tbs-editor-'));
  const file = join(dir, name);
  copyFileSync(source, file);
  return { dir, file, original: readFileSync(file, 'utf8') };
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

/** `node dist/cli.js check --format json FILE [--config CONFIG]`, as LSP-shaped diagnostics. */
export function cliDiagnostics(file: string, config?: string): LspDiagnostic[] {
  const args = [CLI, 'check', '--format', 'json', ...(config ? ['--config', config] : []), file];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
  assert.ok(r.status === 0 || r.status === 1, `CLI failed (exit ${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as {
    schemaVersion: number;
    files: Array<{ diagnostics: Array<{ code: string; severity: string; message: string; range: Range }> }>;
  };
  assert.equal(out.schemaVersion, 1);
  assert.equal(out.files.length, 1);
  return out.files[0].diagnostics.map((d) => ({
    code: d.code,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: d.range,
  }));
}

function key(d: LspDiagnostic): string {
  const r = d.range;
  return `${d.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} severity ${d.severity}`;
}

/** The editor's diagnostics equal the CLI's as a set: code, range, severity; and the same messages. */
export function assertSameDiagnostics(editor: LspDiagnostic[], cli: LspDiagnostic[], what: string): void {
  for (const d of editor) assert.equal(d.source, 'tbs-report', `${what}: source of ${d.code}`);
  assert.deepEqual(
    editor.map(key).sort(),
    cli.map(key).sort(),
    `${what}: diagnostics (code, range, severity) differ from the CLI's`,
  );
  const messages = (ds: LspDiagnostic[]) => ds.map((d) => `${key(d)} ${d.message}`).sort();
  assert.deepEqual(messages(editor), messages(cli), `${what}: messages differ from the CLI's`);
}

/** Offset of an LSP (UTF-16) position in a JavaScript string (also UTF-16). */
function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    assert.ok(nl >= 0, `line ${p.line} is past the end of the text`);
    i = nl + 1;
    line++;
  }
  return i + p.character;
}

export function editsOf(edit: WorkspaceEdit): LspTextEdit[] {
  if (edit.documentChanges) return edit.documentChanges.flatMap((c) => c.edits);
  return Object.values(edit.changes ?? {}).flat();
}

/** The original text with the edits applied (independently of any editor). */
export function applyEdits(original: string, edits: LspTextEdit[]): string {
  const located = edits.map((e) => ({
    start: offsetAt(original, e.range.start),
    end: offsetAt(original, e.range.end),
    text: e.newText,
  }));
  located.sort((a, b) => b.start - a.start);
  let out = original;
  for (const e of located) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Every line of the original is still there, in order, with one block of new lines (one matching `inserted`). */
export function assertKeptOriginal(original: string, result: string, inserted: RegExp): string[] {
  const before = original.split('\n');
  const after = result.split('\n');
  assert.ok(after.length > before.length, 'lines were inserted');
  let head = 0;
  while (head < before.length && after[head] === before[head]) head++;
  const block = after.slice(head, head + after.length - before.length);
  assert.deepEqual(
    [...after.slice(0, head), ...after.slice(head + block.length)],
    before,
    'original lines intact and in order around the inserted block',
  );
  assert.ok(
    block.some((line) => inserted.test(line)),
    `the inserted lines ${JSON.stringify(block)} contain ${inserted}`,
  );
  return block;
}

export function uriOf(edit: WorkspaceEdit): string[] {
  if (edit.documentChanges) return edit.documentChanges.map((c) => c.textDocument.uri);
  return Object.keys(edit.changes ?? {});
}

/** One report opened in a real editor. */
export interface EditorCase {
  name: string;
  /** The report, relative to the repository root. */
  source: string;
  /** File name of the temporary copy (decides the editor's file type). */
  copyAs?: string;
  /** Quick-fix to apply: "auto" = the first missing-* diagnostic, "none", or a rule id. */
  fix: string;
  /** Settings sent as initializationOptions (given to the CLI as --config). */
  init?: Record<string, unknown>;
  /** Settings the client answers workspace/configuration with, section tbsReport (to the CLI too). */
  workspace?: Record<string, unknown>;
  /** Known server bug this case shows, per editor: the test is reported as TODO there, not failed. */
  knownBug?: Partial<Record<'nvim' | 'emacs', string>>;
  languageId: string;
  /** Rule ids the opened report must have (sorted), a sanity check on top of the CLI comparison. */
  codes: string[];
  /** For missing-* fixes: the line the quick-fix inserts. */
  inserted?: RegExp;
}

export const CASES: EditorCase[] = [
  {
    name: 'missing elements: Insert provider',
    source: 'examples/draft-missing-elements.radreport',
    fix: 'auto',
    languageId: 'radiology-report',
    codes: ['missing-provider', 'missing-risk-model'],
    inserted: /^Interpreting physician: ___$/,
  },
  {
    name: 'clean report: no diagnostics',
    source: 'examples/clean-77091.radreport',
    fix: 'none',
    languageId: 'radiology-report',
    codes: [],
  },
  {
    name: 'consistency findings: correct the TBS category',
    source: 'examples/inconsistent-values.radreport',
    fix: 'tbs-category-mismatch',
    languageId: 'radiology-report',
    codes: [
      'conflicting-values',
      'cpt-code-conflict',
      'hip-risk-exceeds-mof',
      'risk-not-tbs-adjusted',
      'tbs-category-mismatch',
      'who-classification-mismatch',
    ],
  },
  {
    name: 'UTF-16 columns after non-ASCII text: correct the TBS category',
    source: 'test/editors/fixtures/non-ascii-category.radreport',
    fix: 'tbs-category-mismatch',
    languageId: 'radiology-report',
    codes: ['missing-provider', 'tbs-category-mismatch'],
  },
  {
    name: '*.report.txt is a radiology report too',
    source: 'examples/interpretation-77092.report.txt',
    fix: 'none',
    languageId: 'radiology-report',
    codes: ['missing-impression', 'unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'],
  },
  {
    name: 'plain text that mentions TBS (languageId plaintext): Insert impression',
    source: 'examples/interpretation-77092.report.txt',
    copyAs: 'outside-study-note.txt',
    fix: 'missing-impression',
    languageId: 'plaintext',
    codes: ['missing-impression', 'unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'],
    inserted: /^IMPRESSION:$/,
  },
  {
    name: 'settings from initializationOptions: severities',
    source: 'examples/draft-missing-elements.radreport',
    fix: 'auto',
    init: { severity: { 'missing-provider': 'off', 'missing-risk-model': 'error' } },
    languageId: 'radiology-report',
    codes: ['missing-risk-model'],
    inserted: /^Risk model: ___$/,
  },
  {
    name: 'settings from the workspace configuration (Neovim pushes it, Eglot is asked and pushes): severities',
    source: 'examples/draft-missing-elements.radreport',
    fix: 'auto',
    workspace: { severity: { 'missing-risk-model': 'off', 'missing-provider': 'error' } },
    languageId: 'radiology-report',
    codes: ['missing-provider'],
    inserted: /^Interpreting physician: ___$/,
  },
  {
    name: 'settings from initializationOptions and workspace/configuration together',
    source: 'examples/draft-missing-elements.radreport',
    fix: 'auto',
    init: { severity: { 'missing-provider': 'off' } },
    workspace: { severity: { 'missing-risk-model': 'error' } },
    languageId: 'radiology-report',
    codes: ['missing-risk-model'],
    inserted: /^Risk model: ___$/,
  },
];

/** The settings both sources give, merged as the server merges a pulled section over initializationOptions. */
export function cliSettings(c: EditorCase): Record<string, unknown> | undefined {
  if (!c.init && !c.workspace) return undefined;
  const out: Record<string, unknown> = { ...(c.init ?? {}) };
  for (const [k, v] of Object.entries(c.workspace ?? {})) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object'
        ? { ...(b as object), ...(v as object) }
        : v;
  }
  return out;
}

/** What an editor driver (nvim/run.lua, emacs/run.el) writes. */
export interface EditorResult {
  languageId: string;
  initial: Published;
  action?: { code: string; title: string; kind: string; edit: WorkspaceEdit; count: number };
  after?: Published;
  error?: string;
}
interface Published {
  version: number;
  diagnostics: LspDiagnostic[];
  /** What the editor shows: a count (Neovim's vim.diagnostic) or code + range back in LSP form (Eglot). */
  shown: number | Array<{ code: string; range: Range }>;
}

function assertShown(p: Published, what: string): void {
  if (typeof p.shown === 'number') {
    assert.equal(p.shown, p.diagnostics.length, `${what}: the editor shows every published diagnostic`);
    return;
  }
  const k = (d: { code: string; range: Range }) => key({ ...d, severity: 0 } as LspDiagnostic);
  assert.deepEqual(
    p.shown.map(k).sort(),
    p.diagnostics.map(k).sort(),
    `${what}: the editor shows every diagnostic at its range`,
  );
}

/**
 * The checks every editor case makes: the diagnostics equal the CLI's before and after the code
 * action, the editor shows them, and the saved file is the original with exactly the action's edit
 * applied (for missing-* fixes: the original lines are all kept, the slot line is added).
 */
export function verifyCase(
  c: EditorCase,
  r: EditorResult,
  file: string,
  original: string,
  cliBefore: LspDiagnostic[],
  config?: string,
): void {
  assert.equal(r.languageId, c.languageId, 'languageId');
  const initial = r.initial.diagnostics;
  assert.deepEqual(initial.map((d) => d.code).sort(), c.codes, 'rule ids of the opened report');
  assertShown(r.initial, 'on open');
  assertSameDiagnostics(initial, cliBefore, 'on open');
  if (c.fix === 'none') {
    assert.equal(r.action, undefined);
    assert.equal(readFileSync(file, 'utf8'), original, 'file untouched');
    return;
  }
  const action = r.action;
  assert.ok(action, 'a code action was applied');
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(uriOf(action.edit), [pathToFileURL(file).href], 'the edit targets the opened file');
  const written = readFileSync(file, 'utf8');
  assert.equal(
    written,
    applyEdits(original, editsOf(action.edit)),
    'the editor applied exactly the edit (UTF-16 positions)',
  );
  if (c.inserted) assertKeptOriginal(original, written, c.inserted);
  assert.ok(r.after, 'diagnostics after the edit');
  const after = r.after.diagnostics;
  assert.ok(r.after.version !== r.initial.version, 'a new document version was checked');
  assert.ok(!after.some((d) => d.code === action.code), `${action.code} is gone after its quick-fix`);
  assertShown(r.after, 'after the code action');
  assertSameDiagnostics(after, cliDiagnostics(file, config), 'after the code action');
}

/** The docs show the configuration block of an editor's test config verbatim. */
export function assertDocumented(configFile: string, marker: string): void {
  const text = readFileSync(configFile, 'utf8');
  const start = text.indexOf('\n', text.indexOf(`>>> docs/editors.md: ${marker}`)) + 1;
  const end = text.lastIndexOf('\n', text.indexOf(`<<< docs/editors.md: ${marker}`));
  assert.ok(start > 0 && end > start, `markers for ${marker} in ${configFile}`);
  const block = text.slice(start, end + 1);
  const docs = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
  assert.ok(
    docs.includes(block),
    `docs/editors.md must show the ${marker} configuration of ${configFile} verbatim:\n${block}`,
  );
}

export interface EditorSpec {
  id: 'nvim' | 'emacs';
  label: string;
  /** Checks the editor is there (fails with an install hint otherwise); returns a version line. */
  preflight(): string;
  /** The editor's test configuration, whose marked block docs/editors.md must show. */
  config: string;
  marker: string;
  /** Command line and environment that run the driver on TBS_FILE, writing TBS_OUT. */
  command(): { program: string; args: string[]; env?: Record<string, string> };
  /** Extra checks on the driver's result. */
  check?(result: EditorResult & Record<string, unknown>): void;
}

/**
 * Registers the tests of one editor: preflight, docs, then one test per case. The preflight runs
 * once, when the file is collected. When the editor is missing, its tests are skipped with the
 * reason in the first test's name locally, and fail with that reason under CI (CI installs them).
 */
export function editorTests(spec: EditorSpec): void {
  let version: string | undefined;
  let missing: string | undefined;
  try {
    version = spec.preflight();
  } catch (e) {
    missing = (e as Error).message;
  }
  const skip = missing !== undefined && !IN_CI;
  const ready = () => {
    if (missing !== undefined) assert.fail(missing);
    return version;
  };
  const runner = skip ? test.skip : test;
  runner(
    skip
      ? `${spec.label} is installed and the server is built (skipped: ${missing}; under CI=1 this fails)`
      : `${spec.label} is installed and the server is built`,
    () => {
      requireBuild();
      console.log(`# ${ready()}`);
    },
  );
  test(`docs/editors.md shows the tested ${spec.label} configuration`, () => {
    assertDocumented(spec.config, spec.marker);
  });
  for (const c of CASES) {
    // A known bug is an expected failure: once the case passes, the suite fails until the bug is taken off.
    const bug = c.knownBug?.[spec.id];
    const t = skip ? test.skip : bug ? test.fails : test;
    t(`${spec.label}: ${c.name}${bug ? ` (known bug, expected to fail: ${bug})` : ''}`, () => {
      ready();
      const { dir, file, original } = copyToTemp(join(ROOT, c.source), c.copyAs);
      try {
        const out = join(dir, `${spec.id}-result.json`);
        const settings = cliSettings(c);
        let config: string | undefined;
        if (settings) {
          config = join(dir, 'cli-config.json');
          writeFileSync(config, JSON.stringify(settings));
        }
        const cliBefore = cliDiagnostics(file, config);
        const cmd = spec.command();
        const started = Date.now();
        const r = spawnSync(cmd.program, cmd.args, {
          cwd: dir,
          encoding: 'utf8',
          timeout: 20_000,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            // A fresh HOME: no user configuration, plugins or packages (say a newer Eglot) change what is tested.
            HOME: dir,
            XDG_CONFIG_HOME: join(dir, '.config'),
            XDG_DATA_HOME: join(dir, '.local/share'),
            XDG_STATE_HOME: join(dir, '.local/state'),
            XDG_CACHE_HOME: join(dir, '.cache'),
            ...cmd.env,
            TBS_FILE: file,
            TBS_OUT: out,
            TBS_FIX: c.fix,
            TBS_INIT: c.init ? JSON.stringify(c.init) : '',
            TBS_WORKSPACE: c.workspace ? JSON.stringify(c.workspace) : '',
            TBS_TIMEOUT_MS: '8000',
          },
        });
        const elapsed = Date.now() - started;
        let result: EditorResult & Record<string, unknown>;
        try {
          result = JSON.parse(readFileSync(out, 'utf8'));
        } catch {
          assert.fail(
            `${spec.label} wrote no result (exit ${r.status ?? r.signal}, ${elapsed} ms): ${r.error?.message ?? ''}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`,
          );
        }
        assert.equal(result.error, undefined, `${spec.label} driver failed: ${result.error}\nstderr: ${r.stderr}`);
        assert.equal(r.status, 0, `${spec.label} exit status (${elapsed} ms): ${r.stderr}`);
        spec.check?.(result);
        verifyCase(c, result, file, original, cliBefore, config);
      } finally {
        removeTemp(dir);
      }
    });
  }
}
