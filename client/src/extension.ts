/**
 * The VS Code side: starts the bundled language server over IPC, shows a language status item
 * ("77091: 3 of 5 documented"), and offers commands. Everything it knows about reports comes from
 * the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ErrorAction, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import { ELEMENT_NAMES } from '../../server/src/engine/profiles';
import {
  COMMANDS,
  INSERT_ALL_KIND,
  LANGUAGE_ID,
  SERVER_NODE_FLAGS,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  STRICT_NOTIFICATION,
  TRUST_NOTIFICATION,
} from '../../server/src/protocol';
import type { DisableRuleArgs, StatusParams } from '../../server/src/protocol';
import snippets from '../../snippets/radiology-report.code-snippets';

let client: LanguageClient | undefined;

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Element names for the status hover when the full ones would not fit. */
const SHORT_NAMES: Record<string, string> = {
  tbs: 'TBS',
  tScore: 'T-score',
  riskModel: 'model',
  risk: 'risk',
  provider: 'provider',
  impression: 'impression',
};
const ruleDocCommand = (rule: string) =>
  vscode.Uri.parse(`command:${COMMANDS.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([rule]))}`);

/** The `tbs-report` template's snippet text. */
function templateBody(): string | undefined {
  const template = Object.values(snippets).find(
    (s) => s.prefix === 'tbs-report' || (Array.isArray(s.prefix) && s.prefix.includes('tbs-report')),
  );
  if (!template) return undefined;
  return Array.isArray(template.body) ? template.body.join('\n') : template.body;
}

/** Whether `a` and `b` are the same suppression entry. */
const sameEntry = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  a.rule === b.rule && a.file === b.file && a.line === b.line;

const SELECTOR: vscode.DocumentSelector = [
  { language: LANGUAGE_ID },
  { language: 'plaintext' },
  { language: 'markdown' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] },
    },
  };
  const output = vscode.window.createOutputChannel('TBS Report Assistant', { log: true });
  let restarts: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.tbsreportrc.json'),
    },
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, clientCommands: true, calmDrafts: true },
    middleware: {
      // A finding's rule link opens the rule page rendered (Markdown preview), not its raw .md.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          const code = d.code;
          if (d.source === 'tbs-report' && code && typeof code === 'object' && RULE_ID.test(String(code.value)))
            d.code = { value: code.value, target: ruleDocCommand(String(code.value)) };
        }
        next(uri, diagnostics);
      },
    },
    outputChannel: output,
    diagnosticCollectionName: 'tbs-report',
    // A write that races a crashing server ("write EPIPE") is logged, not shown: the close handler
    // restarts the server (up to 4 times in 3 minutes, then it says so).
    errorHandler: {
      error: (_error, _message, count) => ({
        action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: () => {
        restarts ??= (client as LanguageClient).createDefaultErrorHandler(4);
        return restarts.closed();
      },
    },
  };
  client = new LanguageClient('tbsReport', 'TBS Report Assistant', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('tbsReport.status', SELECTOR);
  status.name = 'TBS Report Assistant';
  status.text = 'TBS: starting';
  status.command = { title: 'Insert missing', command: COMMANDS.insertAllMissing };
  context.subscriptions.push(status, output);

  const statuses = new Map<string, StatusParams>();
  const render = () => {
    const editor = vscode.window.activeTextEditor;
    const s = editor ? statuses.get(editor.document.uri.toString()) : undefined;
    void vscode.commands.executeCommand('setContext', 'tbsReport.checked', !!s?.checked);
    void vscode.commands.executeCommand('setContext', 'tbsReport.missing', !!s?.checked && s.missing.length > 0);
    if (!s || !s.checked) {
      status.text = s?.reason ? 'TBS: not checked' : 'TBS';
      status.detail = s?.reason ?? '';
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.command = undefined;
      return;
    }
    const total = s.required.length;
    status.text = `${s.profile}: ${s.documented.length} of ${total} documented`;
    const missing = s.missing.map((e) => ELEMENT_NAMES[e]);
    const unfilled = s.unfilled.map((e) => ELEMENT_NAMES[e]);
    const parts = [];
    if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
    if (unfilled.length) parts.push(`unfilled: ${unfilled.join(', ')}`);
    status.detail = parts.length ? parts.join('; ') : `all ${total} elements documented`;
    // A long list would push the hover past the window's edge and hide its "Insert missing" link.
    if (status.detail.length > 48) {
      const short = (ids: readonly string[]) => ids.map((e) => SHORT_NAMES[e] ?? e).join(', ');
      const p2 = [];
      if (s.missing.length) p2.push(`missing: ${short(s.missing)}`);
      if (s.unfilled.length) p2.push(`unfilled: ${short(s.unfilled)}`);
      status.detail = p2.join('; ');
    }
    status.severity =
      missing.length || unfilled.length
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    status.command = missing.length ? { title: 'Insert missing', command: COMMANDS.insertAllMissing } : undefined;
    if (editor && editor.document.getText().trim() === '') {
      // An empty report: no warnings (a draft), and the way to start is the template.
      status.detail = 'empty report';
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.command = { title: 'Insert template', command: COMMANDS.insertTemplate };
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) render();
    }),
  );
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(render));

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.insertTemplate, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a report draft first.');
        return;
      }
      const body = templateBody();
      if (body) await editor.insertSnippet(new vscode.SnippetString(body));
    }),
    vscode.commands.registerCommand(COMMANDS.newReport, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      const body = templateBody();
      if (body) await editor.insertSnippet(new vscode.SnippetString(body));
    }),
    vscode.commands.registerCommand(COMMANDS.checkBeforeSigning, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendNotification(STRICT_NOTIFICATION, { uri: editor.document.uri.toString() });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, async (rule?: unknown) => {
      const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
      let id = typeof rule === 'string' && RULE_ID.test(rule) ? rule : undefined;
      if (!id) {
        const entries = await vscode.workspace.fs.readDirectory(dir);
        id = await vscode.window.showQuickPick(
          entries.map(([n]) => n.replace(/\.md$/, '')).filter((n) => RULE_ID.test(n)),
          { placeHolder: 'Rule to show' },
        );
        if (!id) return;
      }
      // Rendered, as a Markdown preview (the page is never checked: it is the extension's own doc).
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(dir, `${id}.md`));
    }),
    vscode.commands.registerCommand(COMMANDS.disableRule, async (args?: DisableRuleArgs) => {
      if (!args || typeof args.rule !== 'string' || !RULE_ID.test(args.rule) || typeof args.uri !== 'string') return;
      const uri = vscode.Uri.parse(args.uri);
      const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
      const inFolder = !!vscode.workspace.getWorkspaceFolder(uri);
      const target = inFolder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const pick = <T>(key: string): T | undefined => {
        const i = cfg.inspect<T>(key);
        return inFolder ? i?.workspaceValue : i?.globalValue;
      };
      if (args.scope === 'workspace') {
        await cfg.update(
          'severity',
          { ...(pick<Record<string, string>>('severity') ?? {}), [args.rule]: 'off' },
          target,
        );
        void vscode.window.showInformationMessage(
          `${args.rule} is off ${inFolder ? 'in this workspace' : 'in your user settings'} (tbsReport.severity).`,
        );
        return;
      }
      // Stored in settings, keyed by file (workspace-relative) and, for a line, a hash of its text: no report text.
      const entry: Record<string, unknown> = {
        rule: args.rule,
        file: inFolder ? vscode.workspace.asRelativePath(uri, false) : uri.toString(),
      };
      if (args.scope === 'line' && typeof args.line === 'string') entry.line = args.line;
      const list = [...(pick<Record<string, unknown>[]>('suppressions') ?? [])];
      if (!list.some((e) => sameEntry(e, entry))) list.push(entry);
      await cfg.update('suppressions', list, target);
      void vscode.window.showInformationMessage(
        `${args.rule} hidden for this ${args.scope === 'line' ? 'line' : 'report'} (tbsReport.suppressions in the ${inFolder ? 'workspace' : 'user'} settings).`,
      );
    }),
    vscode.commands.registerCommand(COMMANDS.nextBlank, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const blanks = vscode.languages
        .getDiagnostics(editor.document.uri)
        .filter((d) => d.source === 'tbs-report' && codeOf(d) === 'unfilled-placeholder')
        .map((d) => d.range)
        .sort((a, b) => a.start.compareTo(b.start));
      if (!blanks.length) {
        void vscode.window.showInformationMessage('No blanks left.');
        return;
      }
      const at = editor.selection.end;
      // the first blank at or after the cursor that is not the one selected; after the last, the first
      const next = blanks.find((r) => r.start.isAfterOrEqual(at) && !r.isEqual(editor.selection)) ?? blanks[0];
      editor.selection = new vscode.Selection(next.start, next.end);
      editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(COMMANDS.insertAllMissing, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        new vscode.Range(0, 0, 0, 0),
        INSERT_ALL_KIND,
      );
      const action = actions?.find((a) => a.kind?.value === INSERT_ALL_KIND);
      if (!action?.edit) {
        void vscode.window.showInformationMessage('Nothing to insert: every required element is documented.');
        return;
      }
      await vscode.workspace.applyEdit(action.edit);
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.restart();
    }),
  );

  // A crashed server's counts are stale: clear them until the restarted one reports.
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) {
        statuses.clear();
        render();
      }
    }),
  );
  client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
    statuses.set(s.uri, s);
    render();
  });
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())));
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client?.sendNotification(TRUST_NOTIFICATION, { trusted: true }),
    ),
  );
  render();
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
