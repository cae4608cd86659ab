/**
 * The language server: a document store, per-document settings, debounced analysis, and handlers
 * that translate one cached analysis per document version into diagnostics, code actions, hovers,
 * completions, symbols and folding ranges. All analysis happens in the pure engine.
 */
import type {
  ClientCapabilities,
  Connection,
  Diagnostic,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver';
import {
  CodeActionKind,
  CompletionTriggerKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { TRIGGER_CHARACTERS } from '../engine/complete';
import { applySuppressions, calmDraft, checklistApplies, isReady } from '../engine/drafting';
import type { Analysis } from '../engine/analyze';
import {
  LANGUAGE_ID,
  mentionsTbs,
  NORMALISE_KIND,
  INSERT_ALL_KIND,
  STATUS_NOTIFICATION,
  STRICT_NOTIFICATION,
  TRUST_NOTIFICATION,
} from '../protocol';
import type { StatusParams, StrictParams } from '../protocol';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { capFindings, moreNotShown } from '../engine/cap';
import { isOwnDocumentation, SOURCE, toDiagnostic } from './diagnostics';
import { completion, documentSymbols, foldingRanges, hover } from './features';
import type { ResolvedSettings } from './settings';
import { sectionOf, SettingsStore } from './settings';
import { VERSION } from '../version';

interface Cached {
  version: number;
  /** The text analysed: a version number alone can be reused by a client, its content cannot. */
  text: string;
  analysis: Analysis | null;
  settings: ResolvedSettings;
  reason?: string;
  /** The engine threw (the error's name): the document gets a diagnostic that says so. */
  failed?: string;
}

export class TbsServer {
  readonly documents = new TextDocuments(TextDocument);
  private settings!: SettingsStore;
  private cache = new Map<string, Cached>();
  private timers = new Map<string, NodeJS.Timeout>();
  private skippedNotified = new Set<string>();
  /** Version and text last published per document, so that one content is published once. */
  private published = new Map<string, { version: number; text: string }>();
  private snippetEdits = false;
  private snippetCompletion = false;
  /** The client runs this extension's commands (initializationOptions.clientCommands). */
  private clientCommands = false;
  /** Drafts are calm (initializationOptions.calmDrafts, sent by the VS Code client); else always strict. */
  private calmDrafts = false;
  /** Documents the author asked to "Check before signing": strict until closed. */
  private readonly strict = new Set<string>();
  private versionedEdits = false;
  private dynamicConfig = false;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => {
      if (this.dynamicConfig) void c.client.register(DidChangeConfigurationNotification.type, { section: 'tbsReport' });
      // Documents opened before initialization completed are checked now.
      for (const doc of this.documents.all()) if (!this.published.has(doc.uri)) this.schedule(doc, 0);
    });
    c.onDidChangeConfiguration((p) => {
      this.settings.setPushed(sectionOf(p.settings));
      this.refreshAll();
    });
    c.onDidChangeWatchedFiles(() => this.refreshAll());
    c.onNotification(STRICT_NOTIFICATION, (p: StrictParams) => {
      if (!p || typeof p.uri !== 'string' || this.strict.has(p.uri)) return;
      this.strict.add(p.uri);
      this.cache.delete(p.uri);
      this.published.delete(p.uri);
      const doc = this.documents.get(p.uri);
      if (doc) this.schedule(doc, 0);
    });
    c.onNotification(TRUST_NOTIFICATION, (p: { trusted: boolean }) => {
      this.settings.trusted = p.trusted === true;
      this.refreshAll();
    });
    this.documents.onDidOpen((e) => this.schedule(e.document, 0));
    this.documents.onDidChangeContent((e) => this.schedule(e.document));
    this.documents.onDidClose((e) => this.forget(e.document.uri));
    c.onCodeAction(async (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return [];
      const a = await this.analysisFor(doc);
      return a
        ? codeActions(doc, a, p, {
            snippets: this.snippetEdits,
            versioned: this.versionedEdits,
            commands: this.clientCommands,
          })
        : [];
    });
    c.onHover(async (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return null;
      const a = await this.analysisFor(doc);
      const cached = this.cache.get(doc.uri);
      return a && cached ? hover(a, p.position, cached.settings.engine) : null;
    });
    c.onCompletion(async (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc || !(await this.isChecked(doc))) return [];
      const before = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
      // No context (an old client) counts as a request; a trigger character only as that.
      const explicit = p.context?.triggerKind !== CompletionTriggerKind.TriggerCharacter;
      const plainHost = doc.languageId !== LANGUAGE_ID;
      const a = explicit ? await this.analysisFor(doc) : null;
      return completion({ before, explicit, plainHost, missing: a?.documented.missing }, this.snippetCompletion);
    });
    c.onDocumentSymbol(async (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return [];
      // Markdown has its own outline: no second tree next to it
      if (doc.languageId === 'markdown') return [];
      const a = await this.analysisFor(doc);
      if (!a) return [];
      return documentSymbols(
        a,
        (line) => lineLength(doc, line),
        (line) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }),
      );
    });
    c.onFoldingRanges(async (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return [];
      if (doc.languageId === 'markdown') return []; // Markdown folds its own headings
      const a = await this.analysisFor(doc);
      return a ? foldingRanges(a) : [];
    });
    c.onShutdown(() => {
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
    });
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps: ClientCapabilities = p.capabilities;
    const ws = caps.workspace as
      (ClientCapabilities['workspace'] & { workspaceEdit?: { snippetEditSupport?: boolean } }) | undefined;
    this.snippetEdits = ws?.workspaceEdit?.snippetEditSupport === true;
    this.versionedEdits = ws?.workspaceEdit?.documentChanges === true;
    this.snippetCompletion = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    this.dynamicConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const init = p.initializationOptions as Record<string, unknown> | undefined;
    this.settings = new SettingsStore(
      this.connection,
      init && typeof init === 'object' ? ((init.tbsReport as unknown) ?? init) : undefined,
    );
    this.settings.canPull = caps.workspace?.configuration === true;
    if (init && typeof init === 'object' && init.workspaceTrusted === false) this.settings.trusted = false;
    this.clientCommands = !!init && typeof init === 'object' && init.clientCommands === true;
    this.calmDrafts = !!init && typeof init === 'object' && init.calmDrafts === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, INSERT_ALL_KIND, FIX_ALL_KIND, NORMALISE_KIND],
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...TRIGGER_CHARACTERS] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'tbs-report-language-server', version: VERSION },
    };
  }

  /** Settings or config files changed: forget everything and check every open document again. */
  private refreshAll(): void {
    this.settings.clear();
    this.skippedNotified.clear();
    this.cache.clear();
    this.published.clear();
    for (const doc of this.documents.all()) this.schedule(doc, 0);
  }

  /** Analyse after the debounce delay; an older pending run for the same document is dropped. */
  private schedule(doc: TextDocument, delay?: number): void {
    // Before initialize there are no settings: the document waits for onInitialized.
    if (!this.settings) return;
    const prev = this.timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    void this.settings.get(doc.uri).then((s) => {
      const wait = delay ?? s.debounceMs;
      const run = () => {
        this.timers.delete(doc.uri);
        this.publish(doc.uri).catch((err: unknown) => this.logError('publishing diagnostics', err));
      };
      if (wait <= 0) {
        run();
        return;
      }
      const existing = this.timers.get(doc.uri);
      if (existing) clearTimeout(existing);
      this.timers.set(doc.uri, setTimeout(run, wait));
    });
  }

  /** Logs an internal error by its kind and message only: never report text. */
  logError(what: string, err: unknown): void {
    const e = err instanceof Error ? err : new Error(String(err));
    this.connection.console.error(`tbs-report: ${what} failed: ${e.name}: ${e.message.slice(0, 200)}`);
  }

  private forget(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.published.delete(uri);
    this.settings.clear(uri);
    this.skippedNotified.delete(uri);
    this.strict.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async isChecked(doc: TextDocument): Promise<boolean> {
    // The cached analysis of this version already knows; otherwise decide (and cache) it once.
    const cached = this.cache.get(doc.uri);
    if (cached && isCurrent(cached, doc)) return cached.reason === undefined;
    await this.analysisFor(doc);
    const now = this.cache.get(doc.uri);
    return now !== undefined && now.reason === undefined;
  }

  /** Undefined when the document is checked; otherwise why not. */
  private whyNot(doc: TextDocument, s: ResolvedSettings): string | undefined {
    if (!s.enable) return 'checking is turned off (tbsReport.enable)';
    const size = Buffer.byteLength(textOf(doc), 'utf8');
    if (size > s.maxFileSize)
      return `the file is ${(size / 1024 / 1024).toFixed(1)} MB, above tbsReport.maxFileSize (${(s.maxFileSize / 1024 / 1024).toFixed(1)} MB)`;
    if (doc.languageId === LANGUAGE_ID) return undefined;
    if (isOwnDocumentation(doc.uri)) return "the extension's own documentation";
    if (
      (doc.languageId === 'plaintext' || doc.languageId === 'markdown') &&
      s.checkPlainText &&
      mentionsTbs(textOf(doc))
    )
      return undefined;
    return 'not a TBS report';
  }

  /** The analysis of the document's current version (cached), or null when it is not checked. */
  async analysisFor(doc: TextDocument): Promise<Analysis | null> {
    const cached = this.cache.get(doc.uri);
    if (cached && isCurrent(cached, doc)) return cached.analysis;
    if (!this.settings) return null;
    const settings = await this.settings.get(doc.uri);
    const current = this.documents.get(doc.uri);
    if (!current) return null;
    let reason = this.whyNot(current, settings);
    const text = textOf(current);
    let analysis: Analysis | null = null;
    let notReport: string | undefined;
    let failed: string | undefined;
    if (!reason) {
      try {
        analysis = analyze(text, settings.engine);
        // Drafting layer (engine/drafting.ts): the plain-note gate, calm drafts, suppressions.
        if (current.languageId !== LANGUAGE_ID && !checklistApplies(text, analysis)) {
          analysis = null;
          notReport = 'not a TBS report (it states no TBS value with its label, no TBS code, no two elements)';
        } else {
          if (this.calmDrafts)
            analysis = calmDraft(analysis, text, this.strict.has(current.uri), settings.engine.severity);
          analysis = applySuppressions(analysis, text, current.uri, settings.suppressions);
        }
      } catch (err) {
        // The engine should never throw; if it does, say so without any report text, in the log
        // and on the document (publish shows a diagnostic): never an empty, clean-looking report.
        failed = err instanceof Error ? err.name : 'Error';
        this.connection.console.error(
          `tbs-report: analysis failed: ${failed}: ${(err instanceof Error ? err.message : String(err)).slice(0, 200)}`,
        );
        reason = `the check failed (internal error: ${failed})`;
        analysis = null;
      }
    }
    this.cache.set(doc.uri, {
      version: current.version,
      text,
      analysis,
      settings,
      reason: reason ?? notReport,
      failed,
    });
    return analysis;
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = await this.analysisFor(doc);
    // A newer version arrived while we waited for settings: its own run will publish.
    const now = this.documents.get(uri);
    if (!now || now.version !== version) return;
    const text = textOf(now);
    const cached = this.cache.get(uri);
    const settings = cached?.settings;
    for (const problem of settings?.problems ?? []) {
      if (this.settings.reported.has(problem)) continue;
      this.settings.reported.add(problem);
      this.connection.console.warn(`tbs-report: ignored setting: ${problem}`);
      if (problem.includes('.tbsreportrc.json'))
        void this.connection.window.showWarningMessage(`TBS Report Assistant ignored ${problem}`);
    }
    const last = this.published.get(uri);
    if (last && last.version === version && last.text === text) return;
    this.published.set(uri, { version, text });
    const diagnostics = analysis ? cappedDiagnostics(analysis, uri) : [];
    if (cached?.failed) diagnostics.push(failedDiagnostic(cached.failed));
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    const reason = cached?.reason;
    if (reason && reason.includes('maxFileSize') && !this.skippedNotified.has(uri)) {
      this.skippedNotified.add(uri);
      void this.connection.window.showWarningMessage(
        `TBS Report Assistant skipped ${uri.split('/').pop()}: ${reason}.`,
      );
    }
    const status: StatusParams = {
      uri,
      version,
      checked: analysis !== null,
      reason,
      profile: analysis?.profile ?? settings?.engine.profile ?? '77091',
      profileSource: analysis?.profileSource ?? 'setting',
      required: analysis?.documented.required ?? [],
      documented: analysis?.documented.documented ?? [],
      missing: analysis?.documented.missing ?? [],
      unfilled: analysis?.documented.unfilled ?? [],
      errors: analysis ? analysis.findings.filter((f) => f.severity === 'error').length : 0,
      warnings: analysis ? analysis.findings.filter((f) => f.severity === 'warning').length : 0,
      ready: analysis ? !this.calmDrafts || this.strict.has(uri) || isReady(analysis) : undefined,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}

/** The cached analysis is of this document's current content (version and text). */
function isCurrent(cached: Cached, doc: TextDocument): boolean {
  return cached.version === doc.version && cached.text === textOf(doc);
}

/** At most MAX_FINDINGS_SHOWN diagnostics, and one that says how many more there are. */
function cappedDiagnostics(analysis: Analysis, uri: string): Diagnostic[] {
  const { shown, hidden } = capFindings(analysis.findings);
  const out = shown.map((f) => toDiagnostic(f, uri));
  if (hidden > 0)
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `${moreNotShown(hidden)}.`,
    });
  return out;
}

/** The engine threw: a visible diagnostic, so the report does not look clean. */
function failedDiagnostic(name: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `TBS Report Assistant could not check this report (internal error: ${name}). Nothing in it has been verified; please report the problem.`,
  };
}

/** A document's text; a client that sent no string (a protocol error) gets an empty document. */
function textOf(doc: TextDocument): string {
  const t = doc.getText() as unknown;
  return typeof t === 'string' ? t : '';
}

function lineLength(doc: TextDocument, line: number): number {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '').length;
}
