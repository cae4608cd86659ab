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
  TRUST_NOTIFICATION,
} from '../../server/src/protocol';
import type { StatusParams } from '../../server/src/protocol';
import snippets from '../../snippets/radiology-report.code-snippets';

let client: LanguageClient | undefined;

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
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
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
    status.severity =
      missing.length || unfilled.length
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    status.command = missing.length ? { title: 'Insert missing', command: COMMANDS.insertAllMissing } : undefined;
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(render));

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.insertTemplate, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a report draft first.');
        return;
      }
      const template = Object.values(snippets).find(
        (s) => s.prefix === 'tbs-report' || (Array.isArray(s.prefix) && s.prefix.includes('tbs-report')),
      );
      if (!template) return;
      const body = Array.isArray(template.body) ? template.body.join('\n') : template.body;
      await editor.insertSnippet(new vscode.SnippetString(body));
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

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
