/**
 * The contract between the VS Code client, the language server and any other LSP client: the
 * settings shape (section "tbsReport"), custom notifications and commands. Imported by both sides;
 * it must not import vscode or vscode-languageserver.
 */
import type { EngineSettings } from './engine/settings';
import type { ElementId, ProfileId } from './engine/types';

export const SETTINGS_SECTION = 'tbsReport';
export const LANGUAGE_ID = 'radiology-report';

/** Settings as the user writes them (every field optional). */
export interface ServerSettings extends Partial<EngineSettings> {
  /** Turns checking off entirely. */
  enable?: boolean;
  /** Also check plain-text and Markdown files that mention TBS / trabecular bone score / 77089-77092. */
  checkPlainText?: boolean;
  /** Milliseconds to wait after a change before analysing. */
  debounceMs?: number;
  /** Files larger than this many bytes are skipped (with one message). */
  maxFileSize?: number;
  /** Findings hidden by "Disable rule for this line / this report" (engine/drafting.ts Suppression). */
  suppressions?: { rule: string; file: string; line?: string }[];
}

export const DEFAULT_SERVER_SETTINGS = {
  enable: true,
  checkPlainText: true,
  debounceMs: 150,
  maxFileSize: 2 * 1024 * 1024,
};

/**
 * Node flags the server runs with. Each keystroke allocates a little; a small young generation keeps
 * the server's resident size near 70 MB instead of 90 MB after thousands of edits, at no measurable
 * cost in latency (see `npm run bench`). The VS Code client passes them; the bin's shebang too.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

/** Server -> client: what the active profile requires and what the document documents. */
export const STATUS_NOTIFICATION = 'tbsReport/status';

export interface StatusParams {
  uri: string;
  version: number | null;
  /** False when the document is not checked (not a report, disabled, or too large). */
  checked: boolean;
  reason?: string;
  profile: ProfileId;
  profileSource: 'code' | 'setting';
  required: ElementId[];
  documented: ElementId[];
  missing: ElementId[];
  unfilled: ElementId[];
  errors: number;
  warnings: number;
  /** False while the report is a draft (unsigned and not "Check before signing"): the checklist is calm. */
  ready?: boolean;
}

/** Client -> server: the workspace became trusted (or not); the config file applies only when trusted. */
export const TRUST_NOTIFICATION = 'tbsReport/workspaceTrust';

/** Initialization options the VS Code client sends. */
export interface InitializationOptions extends ServerSettings {
  workspaceTrusted?: boolean;
  /** The client runs the COMMANDS below (VS Code's does): code actions may use them. */
  clientCommands?: boolean;
  /**
   * Drafts are calm: until a report is signed (or STRICT_NOTIFICATION), missing elements are
   * information and blanks hints (engine/drafting.ts calmDraft). The VS Code client turns it on;
   * other editors get the strict checklist, the same as the command line, unless they ask for it.
   */
  calmDrafts?: boolean;
}

/** Code action kind of "Insert all missing elements". */
export const INSERT_ALL_KIND = 'source.insertMissing.tbsReport';
/** Code action kind of "Normalise minus signs and decimal commas". */
export const NORMALISE_KIND = 'source.normalise.tbsReport';

export const COMMANDS = {
  insertTemplate: 'tbsReport.insertTemplate',
  insertAllMissing: 'tbsReport.insertAllMissing',
  showOutput: 'tbsReport.showOutput',
  restartServer: 'tbsReport.restartServer',
  newReport: 'tbsReport.newReport',
  checkBeforeSigning: 'tbsReport.checkBeforeSigning',
  showRuleDocumentation: 'tbsReport.showRuleDocumentation',
  /** Arguments: one DisableRuleArgs. */
  disableRule: 'tbsReport.disableRule',
  nextBlank: 'tbsReport.nextBlank',
} as const;

/** Where "Disable rule ..." stores a suppression (never in the report text). */
export interface DisableRuleArgs {
  rule: string;
  scope: 'line' | 'report' | 'workspace';
  uri: string;
  /** lineKey() of the line's text, for scope "line". */
  line?: string;
}

/**
 * Client -> server: the author asked to "Check before signing": the checklist is strict for this
 * document (as for a signed report) until it is closed.
 */
export const STRICT_NOTIFICATION = 'tbsReport/strict';
export interface StrictParams {
  uri: string;
}

/** Does a plain-text or Markdown document speak of TBS (a first look; see engine/drafting.ts)? */
export { mentionsTbs } from './engine/drafting';
