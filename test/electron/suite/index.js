// In-host test suite: runs INSIDE a VS Code extension host, with the real `vscode` API, no mocha.
// It is the extensionTestsPath of scripts/test-electron.mjs (desktop VS Code through
// @vscode/test-electron) and is also loaded by test/electron/code-server-runner in code-server.
// The scenarios are those of the browser suite (test/e2e/extension.test.mjs), through the API:
//   - a plain .txt note that never mentions TBS: no findings (but the extension watches it);
//   - a draft lacking the provider and the risk model: exactly those two findings, as the engine says;
//   - their quick fixes (vscode.executeCodeActionProvider) applied: the "___" slot is selected, typing
//     fills it, saving keeps the author's text plus the two lines, no findings left;
//   - the language status count (when the extension exposes it, see STATUS below);
//   - severity "off" in the user settings removes that finding without a reload;
//   - the `tbs-report` snippet, offered by completion and inserted into an empty .radreport: the
//     template, flagged only for its placeholders.
// Expectations computed outside the host come in TBS_TEST_EXPECT (JSON, see test/electron/prepare.mjs).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'tbs-report.tbs-report-assistant';
const SOURCE = 'tbs-report';
const TIMEOUT = Number(process.env.TBS_TEST_TIMEOUT_MS || 20000);

const DRAFT = 'draft-provider-model.radreport';
const DRAFT_TSCORE = 'draft-tscore-provider.radreport';
const EMPTY = 'new-report.radreport';
const NOTE = 'clinic-note.txt';

// ------------------------------------------------------------------------------------------ helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const summary = (diags) => diags.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || '(none)';

function folder() {
  const f = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(f, 'no workspace folder is open');
  return f.uri.fsPath;
}
const fileUri = (name) => vscode.Uri.file(path.join(folder(), name));

/** Resolves with our diagnostics of `uri` once pred(diags) holds (checked now and on every change). */
function waitForDiagnostics(uri, pred, what, timeout = TIMEOUT) {
  return new Promise((resolve, reject) => {
    let sub;
    let timer;
    const check = () => {
      const d = ours(uri);
      if (!pred(d)) return false;
      clearTimeout(timer);
      if (sub) sub.dispose();
      resolve(d);
      return true;
    };
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `Timed out after ${timeout} ms waiting for ${what} in ${path.basename(uri.fsPath)}; last: ${summary(ours(uri))}`,
        ),
      );
    }, timeout);
  });
}

/** Polls fn() until truthy. */
async function waitUntil(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Closes every editor, reverting unsaved changes. */
async function closeAll() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The quick fixes offered for a diagnostic, as the Ctrl+. menu asks for them. */
async function quickFixes(doc, diag) {
  const actions = await vscode.commands.executeCommand(
    'vscode.executeCodeActionProvider',
    doc.uri,
    diag.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions || []).filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/** Applies the quick fix titled `title` for the diagnostic with code `code`; returns the titles on offer. */
async function applyQuickFix(doc, code, title) {
  const diag = ours(doc.uri).find((d) => codeOf(d) === code);
  assert.ok(diag, `no ${code} diagnostic: ${summary(ours(doc.uri))}`);
  const actions = await quickFixes(doc, diag);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix "${title}" for ${code}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${title}" failed`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
  return actions.map((a) => a.title);
}

/** Types into the active editor as the keyboard does (replacing the selection). */
const type = (text) => vscode.commands.executeCommand('type', { text });

/**
 * The language status of the active editor, when the extension's activate() returns an API with
 * getLanguageStatus(): { text, detail, severity }. VS Code has no API to read another extension's
 * language status item, so without that hook the status checks are skipped (and reported).
 */
function status(ext) {
  const api = ext.exports;
  return api && typeof api.getLanguageStatus === 'function' ? api.getLanguageStatus() : undefined;
}
async function expectStatus(ext, text, detail, log) {
  if (!status(ext)) {
    log.push(`  skip - language status "${text}" (the extension exports no getLanguageStatus())`);
    return;
  }
  await waitUntil(
    () => {
      const s = status(ext);
      return s && s.text === text && (detail === undefined || s.detail === detail);
    },
    `language status "${text}"${detail ? ` / "${detail}"` : ''} (last: ${JSON.stringify(status(ext))})`,
  );
}

// ------------------------------------------------------------------------------------------ scenarios

function scenarios(expect) {
  /** @type {vscode.Extension<any>} */
  let ext;
  return [
    [
      'the extension is installed and activates for a plain-text note',
      async () => {
        ext = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(ext, `${EXTENSION_ID} is not installed`);
        await open(NOTE);
        await waitUntil(() => ext.isActive, `${EXTENSION_ID} to activate`);
        await ext.activate(); // rejects when activation failed (isActive is true then too)
      },
    ],

    [
      'a plain .txt note that never mentions TBS gets no findings (though the extension watches it)',
      async () => {
        const { doc, editor } = await open(NOTE);
        const original = doc.getText();
        const end = doc.lineAt(doc.lineCount - 1).range.end;
        await editor.edit((b) => b.insert(end, 'TBS L1-L4: 1.310'));
        await waitForDiagnostics(
          doc.uri,
          (d) => d.some((x) => codeOf(x) === 'missing-provider'),
          'findings once the note mentions TBS',
        );
        while (doc.isDirty) await vscode.commands.executeCommand('undo');
        assert.equal(doc.getText(), original);
        await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings for the note');
        assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), [], 'another source flagged the note');
      },
    ],

    [
      'a draft missing the provider and the risk model: exactly those two findings',
      async () => {
        const { doc } = await open(DRAFT);
        const diags = await waitForDiagnostics(doc.uri, (d) => d.length >= 2, 'two findings');
        const got = diags.map((d) => ({
          code: codeOf(d),
          message: d.message,
          line: d.range.start.line + 1,
          character: d.range.start.character + 1,
        }));
        const want = expect.draftFindings.map((f) => ({
          code: f.code,
          message: f.message,
          line: f.line,
          character: f.character,
        }));
        const key = (x) => `${x.line}:${x.code}`;
        assert.deepEqual(
          got.sort((a, b) => key(a).localeCompare(key(b))),
          want.sort((a, b) => key(a).localeCompare(key(b))),
        );
        assert.deepEqual(want.map((f) => f.code).sort(), ['missing-provider', 'missing-risk-model']);
        // an unsigned draft is calm: what is missing is information until it is signed or Check before signing
        for (const d of diags) assert.equal(d.severity, vscode.DiagnosticSeverity.Information, `${codeOf(d)} severity`);
        await expectStatus(ext, '77091: 3 of 5 documented', 'missing: risk model, provider', log);
      },
    ],

    [
      "quick fixes insert the provider and the risk model; typed values fill the slots; saved file keeps the author's text",
      async () => {
        const { doc, editor } = await open(DRAFT);
        const original = fs.readFileSync(doc.uri.fsPath, 'utf8');
        await waitForDiagnostics(doc.uri, (d) => d.length === 2, 'two findings');

        const offered = await applyQuickFix(doc, 'missing-provider', 'Insert provider');
        assert.deepEqual(offered, ['Insert provider']);
        // the inserted slot is a snippet tab stop: "___" is selected, typing replaces it
        await waitUntil(
          () => doc.getText(editor.selection) === '___',
          `the inserted ___ to be selected (selection: "${doc.getText(editor.selection)}")`,
        );
        await expectStatus(ext, '77091: 3 of 5 documented', 'missing: risk model; unfilled: provider', log);
        await type('Jane Roe, MD');
        await vscode.commands.executeCommand('leaveSnippet');
        await waitForDiagnostics(
          doc.uri,
          (d) => !d.some((x) => codeOf(x) === 'missing-provider') && d.length === 1,
          'missing-provider to go',
        );
        await expectStatus(ext, '77091: 4 of 5 documented', 'missing: risk model', log);

        await applyQuickFix(doc, 'missing-risk-model', 'Insert risk model');
        await waitUntil(() => doc.getText(editor.selection) === '___', 'the inserted ___ to be selected');
        await type('FRAX');
        await vscode.commands.executeCommand('hideSuggestWidget');
        await vscode.commands.executeCommand('leaveSnippet');
        await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings left');
        await expectStatus(ext, '77091: 5 of 5 documented', 'all 5 elements documented', log);

        assert.ok(doc.isDirty, 'the fixes should leave unsaved changes');
        assert.ok(await doc.save(), 'save failed');
        const saved = fs.readFileSync(doc.uri.fsPath, 'utf8');
        const added = ['Interpreting physician: Jane Roe, MD', 'Risk model: FRAX'];
        const lines = saved.split(/\r?\n/);
        for (const a of added) assert.equal(lines.filter((l) => l === a).length, 1, `"${a}" once in:\n${saved}`);
        // The signature line comes with the blank line that sets it off from the text above.
        const sig = lines.indexOf(added[0]);
        assert.equal(lines[sig - 1], '', `a blank line before the inserted signature:\n${saved}`);
        assert.deepEqual(
          lines.filter((l, i) => !added.includes(l) && i !== sig - 1),
          original.split(/\r?\n/),
          `author's text changed:\n${saved}`,
        );
        const at = (t) => lines.indexOf(t);
        assert.ok(at('FRACTURE RISK:') < at('Risk model: FRAX') && at('Risk model: FRAX') < at('IMPRESSION:'), saved);
        assert.ok(
          at('Interpreting physician: Jane Roe, MD') > at('Osteopenia with partially degraded bone microarchitecture.'),
          saved,
        );
      },
    ],

    [
      'turning a rule off in the settings removes its finding without a reload',
      async () => {
        const { doc } = await open(DRAFT_TSCORE);
        const before = await waitForDiagnostics(doc.uri, (d) => d.length >= 2, 'two findings');
        assert.deepEqual(before.map(codeOf).sort(), ['missing-provider', 'missing-t-score']);
        const config = vscode.workspace.getConfiguration('tbsReport');
        await config.update('severity', { 'missing-t-score': 'off' }, vscode.ConfigurationTarget.Global);
        try {
          await waitForDiagnostics(
            doc.uri,
            (d) => d.length === 1 && codeOf(d[0]) === 'missing-provider',
            'only missing-provider',
          );
        } finally {
          await config.update('severity', undefined, vscode.ConfigurationTarget.Global);
        }
        await waitForDiagnostics(doc.uri, (d) => d.length === 2, 'both findings again');
        assert.ok(ext.isActive);
      },
    ],

    [
      'the tbs-report snippet, offered by completion in an empty .radreport, gives the template flagged only for its placeholders',
      async () => {
        const { doc, editor } = await open(EMPTY);
        assert.equal(doc.languageId, 'radiology-report');
        const empty = await waitForDiagnostics(doc.uri, (d) => d.length >= 5, 'five missing-* findings');
        assert.deepEqual(empty.map(codeOf).sort(), [
          'missing-calculated-risk',
          'missing-provider',
          'missing-risk-model',
          'missing-t-score',
          'missing-tbs-value',
        ]);
        await expectStatus(ext, '77091: 0 of 5 documented', 'empty report', log);

        await type('tbs-report');
        const pos = editor.selection.active;
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
        const labelOf = (i) => (typeof i.label === 'string' ? i.label : i.label.label);
        const item = list.items.find(
          (i) => labelOf(i) === 'tbs-report' && i.kind === vscode.CompletionItemKind.Snippet,
        );
        assert.ok(
          item,
          `no tbs-report snippet among ${list.items.length} completions: ${JSON.stringify(list.items.slice(0, 30).map(labelOf))}`,
        );
        const text =
          item.insertText instanceof vscode.SnippetString
            ? item.insertText
            : new vscode.SnippetString(String(item.insertText));
        const range = item.range
          ? item.range instanceof vscode.Range
            ? item.range
            : item.range.replacing
          : new vscode.Range(pos.line, 0, pos.line, pos.character);
        assert.ok(await editor.insertSnippet(text, range), 'insertSnippet failed');
        await vscode.commands.executeCommand('leaveSnippet');

        const placeholders = expect.templateText.match(/___/g).length;
        const diags = await waitForDiagnostics(
          doc.uri,
          (d) => d.length === placeholders && d.every((x) => codeOf(x) === 'unfilled-placeholder'),
          `${placeholders} unfilled-placeholder findings and nothing else`,
        );
        // an unsigned draft is calm: every blank is a hint (dots), none a warning
        assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
        assert.equal(doc.getText().replace(/\r\n/g, '\n'), expect.templateText);
        // the template names FRAX as its model; the other four elements are blanks
        await expectStatus(ext, '77091: 1 of 5 documented', 'unfilled: TBS, T-score, risk, provider', log);
        assert.ok(await doc.save());
        assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8').replace(/\r\n/g, '\n'), expect.templateText);
      },
    ],
  ];
}

// ------------------------------------------------------------------------------------------ runner

const log = [];

/**
 * Runs every scenario (each on a clean slate of closed editors); logs "ok"/"not ok" lines; throws
 * when one failed. `out` receives each log line as it is written (console.log by default).
 */
async function run(out = (l) => console.log(l)) {
  const expect = JSON.parse(process.env.TBS_TEST_EXPECT || 'null');
  assert.ok(expect, 'TBS_TEST_EXPECT is not set (see test/electron/prepare.mjs)');
  const push = log.push.bind(log);
  log.push = (...lines) => {
    for (const l of lines) out(l);
    return push(...lines);
  };
  const failed = [];
  const list = scenarios(expect);
  log.push(`TBS Report Assistant, in-host suite (VS Code ${vscode.version}): ${list.length} scenarios`);
  for (const [name, fn] of list) {
    const t = Date.now();
    try {
      await closeAll();
      await fn();
      log.push(`ok - ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed.push(name);
      log.push(
        `not ok - ${name} (${Date.now() - t} ms)`,
        `  ${String(e && e.stack ? e.stack : e)
          .split('\n')
          .slice(0, 12)
          .join('\n  ')}`,
      );
    }
  }
  await closeAll().catch(() => {});
  log.push(`${list.length - failed.length} of ${list.length} passed`);
  if (failed.length) throw new Error(`${failed.length} scenario(s) failed: ${failed.join('; ')}`);
}

module.exports = { run, log };
