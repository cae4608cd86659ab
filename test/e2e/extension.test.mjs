// End-to-end: the packaged extension (tbs-report-assistant.vsix) installed into a real VS Code 1.100.3
// (code-server 4.100.3) and used from headless Chromium the way a radiologist would: open a draft,
// read the Problems panel and the squiggles, fix with Ctrl+., type into the inserted slot, save, start a
// report from the `tbs-report` snippet, watch the language status item, change a setting.
//
//   npm run test:e2e                      (setup, package, then this file; see scripts/test-e2e.mjs)
//   E2E_VSIX=/path/to/other.vsix node --test test/e2e/extension.test.mjs
//
// Every scenario runs in one code-server session on a fresh copy of test/e2e/fixtures/reports/.
// Screenshots of each step: test/e2e/artifacts/<run>/extension/NN-step.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as h from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures', 'reports');
const VSIX = path.resolve(process.env.E2E_VSIX || path.join(h.ROOT, 'tbs-report-assistant.vsix'));
const CLI = path.join(h.ROOT, 'dist', 'cli.js');
const SNIPPETS = path.join(h.ROOT, 'snippets', 'radiology-report.code-snippets');

const DRAFT = 'draft-provider-model.radreport'; // lacks the provider and the risk model
const DRAFT_TSCORE = 'draft-tscore-provider.radreport'; // lacks the T-score and the provider
const EMPTY = 'new-report.radreport'; // empty: the template goes here
const NOTE = 'clinic-note.txt'; // plain text that never mentions TBS

/** What the engine itself (the CLI, same engine as the server) reports for a fixture: the oracle. */
function engineFindings(file) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' });
  assert.ok(r.stdout, `the CLI printed nothing for ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout).files[0].diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    position: `[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`,
  }));
}

/** The `tbs-report` snippet's body as it reads once inserted: every tab stop shows its default. */
function templateText() {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8'));
  const tpl = Object.values(snippets).find((s) => [].concat(s.prefix).includes('tbs-report'));
  assert.ok(tpl, 'no tbs-report snippet in the repository');
  return tpl.body
    .join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1') // ${n|a,b|} -> a
    .replace(/\$\{\d+:([^}]*)\}/g, '$1') // ${n:x} -> x
    .replace(/\$\d+/g, ''); // $0
}

const pick = (rows) => rows.map((r) => ({ code: r.code, message: r.message, position: r.position }));
const byPosition = (a, b) =>
  a.position.localeCompare(b.position, 'en', { numeric: true }) || a.code.localeCompare(b.code);
const rowsOf = (file) => (rows) => rows.filter((r) => r.file === file);

describe('TBS Report Assistant in VS Code (code-server + Chromium)', { timeout: 240_000 }, () => {
  let s; // harness session
  let tmp;
  let folder;
  const onDisk = (f) => path.join(folder, f);

  // Runs one scenario; on failure saves a screenshot named after it before rethrowing.
  const step = async (name, fn) => {
    try {
      await h.closeAllEditors(s.page); // a clean slate, also after a scenario that failed half-way
      return await fn();
    } catch (e) {
      const png = await s?.shot(`FAILED-${name}`).catch(() => null);
      if (png) e.message += `\n(screenshot: ${png})`;
      throw e;
    }
  };

  /** Waits until the cursor item reads "(3 selected)": the inserted "___" slot is selected. */
  const waitForSlotSelected = () =>
    h.waitUntil(async () => /\(3 selected\)/.test(await h.readCursorStatus(s.page)), {
      timeout: 5000,
      what: 'the inserted ___ slot to be selected ("(3 selected)" in the status bar)',
    });

  /** Waits until the Problems rows of `file` satisfy pred; returns them. */
  const waitForFileProblems = (file, pred, what) =>
    h.waitForProblems(s.page, (rows) => pred(rowsOf(file)(rows)), { what: `${what} (${file})` }).then(rowsOf(file));

  before(async () => {
    h.assertInstalled();
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run 'npm run package' (or set E2E_VSIX)`);
    assert.ok(fs.existsSync(CLI), `${CLI} not found: run 'npm run package'`);
    tmp = h.mkTempDir('tbs-e2e-reports-');
    folder = path.join(tmp, 'reports');
    fs.cpSync(FIXTURES, folder, { recursive: true });
    // VS Code for the web saves after a 1 s delay by default; a desktop VS Code does not. Turn it off
    // so that Ctrl+S is what writes the file, as on the desktop.
    s = await h.startSession({ name: 'extension', vsix: VSIX, folder, settings: { 'files.autoSave': 'off' } });
    // A marker on the page: still there at the end means the window was never reloaded.
    await s.page.evaluate(() => {
      window.__tbsE2eNoReload = true;
    });
  });

  after(async () => {
    if (s?.page && process.env.E2E_DEBUG) console.error(s.page.__consoleErrors.join('\n'));
    await s?.close();
    if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // First, so that it is the note that activates the extension (activationEvents onLanguage:plaintext).
  it('a plain .txt note that never mentions TBS gets no findings (though the extension watches it)', () =>
    step('plain-text', async () => {
      const original = fs.readFileSync(onDisk(NOTE), 'utf8');
      await h.openFile(s.page, NOTE);
      // the extension is active for plain text (its status item is there) ...
      await h.waitForLanguageStatus(s.page, /^TBS/);
      // ... and watches this note: once it mentions a TBS value it is checked (positive control) ...
      await h.gotoPosition(s.page, 'end');
      await h.typeText(s.page, 'TBS L1-L4: 1.310');
      await waitForFileProblems(
        NOTE,
        (r) => r.some((x) => x.code === 'missing-provider'),
        'findings once the note mentions TBS',
      );
      // ... and back to the note as written, nothing is flagged
      await h.undoUntilClean(s.page);
      const rows = await waitForFileProblems(NOTE, (r) => r.length === 0, 'no findings for the note');
      assert.deepEqual(rows, []);
      assert.deepEqual(await h.readSquiggles(s.page), []);
      const counts = await h.readProblemCounts(s.page);
      assert.deepEqual([counts.errors, counts.warnings, counts.info], [0, 0, 0], counts.label);
      assert.equal(fs.readFileSync(onDisk(NOTE), 'utf8'), original);
      await s.shot('plain-note-no-findings');
    }));

  it('a draft missing the provider and the risk model: exactly those two findings, calm (information) until "Check before signing" makes them warnings', () =>
    step('findings', async () => {
      const expected = engineFindings(path.join(FIXTURES, DRAFT)).sort(byPosition);
      assert.deepEqual(
        expected.map((f) => f.code),
        ['missing-provider', 'missing-risk-model'],
        'fixture no longer lacks exactly these',
      );
      await h.openFile(s.page, DRAFT);
      const rows = await waitForFileProblems(DRAFT, (r) => r.length >= 2, 'two findings');
      assert.deepEqual(pick(rows).sort(byPosition), expected);
      // an unsigned draft: listed in Problems as information, no warning squiggle
      for (const r of rows)
        assert.deepEqual(
          { source: r.source, severity: r.severity },
          { source: 'tbs-report', severity: 'info' },
          r.text,
        );
      await s.shot('draft-calm');
      // "Check before signing": the strict checklist, the same findings as warnings
      await h.runCommand(s.page, 'TBS Report: Check before signing');
      await h.waitForActiveEditor(s.page, DRAFT);
      const strict = await waitForFileProblems(
        DRAFT,
        (r) => r.length === 2 && r.every((x) => x.severity === 'warning'),
        'two warnings after Check before signing',
      );
      assert.deepEqual(pick(strict).sort(byPosition), expected);
      await h.focusEditor(s.page);
      assert.match(rows.find((r) => r.code === 'missing-provider').message, /^No provider: /);
      assert.match(rows.find((r) => r.code === 'missing-risk-model').message, /^No risk model named: /);
      // the squiggles sit on the lines the findings point at (line 1: the report's first line; line 15: FRACTURE RISK:)
      const squiggles = await h.waitUntil(
        async () => {
          const q = await h.readSquiggles(s.page);
          return q.length >= 2 ? q : null;
        },
        { what: 'two squiggles in the editor' },
      );
      assert.deepEqual(
        squiggles.map((q) => `${q.line}:${q.severity}`),
        ['1:warning', '15:warning'],
      );
      assert.ok(
        squiggles.every((q) => q.width > 0),
        JSON.stringify(squiggles),
      );
      assert.deepEqual(
        await h.waitForLanguageStatus(s.page, /^77091: /).then((i) => i.filter((x) => x.startsWith('77091'))),
        ['77091: 3 of 5 documented, missing: risk model, provider'],
      );
      await s.shot('draft-findings');
    }));

  it("quick fixes from Ctrl+. insert the provider and the risk model; typed values fill the slots; saved file keeps the author's text", () =>
    step('quick-fix', async () => {
      const original = fs.readFileSync(onDisk(DRAFT), 'utf8');
      await h.openFile(s.page, DRAFT);
      await waitForFileProblems(DRAFT, (r) => r.length === 2, 'two findings');

      // provider: its finding sits on line 1; the menu ESLint and markdownlint users know
      await h.gotoPosition(s.page, { line: 1, column: 1 });
      assert.deepEqual(await h.openQuickFixMenu(s.page), [
        'Insert provider',
        'Insert all missing elements (2)',
        'Disable missing-provider for this line',
        'Disable missing-provider for this report',
        'Disable missing-provider in this workspace',
        'Show documentation for missing-provider',
      ]);
      await s.shot('quick-fix-menu-provider'); // README picture: squiggles, Problems, the Ctrl+. menu
      await h.applyQuickFix(s.page, 'Insert provider');
      // the slot is a snippet tab stop: its "___" is selected, so typing replaces it
      await waitForSlotSelected();
      await h.waitForLanguageStatus(s.page, '77091: 3 of 5 documented, missing: risk model; unfilled: provider');
      await h.typeText(s.page, 'Jane Roe, MD');
      await h.waitForNoProblem(s.page, /missing-provider/);
      await h.waitForLanguageStatus(s.page, '77091: 4 of 5 documented, missing: risk model');
      await h.closeSuggest(s.page);
      await s.page.keyboard.press('Escape'); // leave snippet mode
      const hover = await h.readLanguageStatus(s.page, { keepOpen: true });
      await s.shot('status-4-of-5');
      // README picture: the lower right of the window (new line, Problems, the status hover)
      await s.shot('status-4-of-5-detail', { clip: { x: 348, y: 290, width: 932, height: 510 } });
      await h.closeLanguageStatus(s.page);
      const item = hover.find((i) => i.label.startsWith('77091'));
      assert.deepEqual(
        item && { label: item.label, detail: item.detail, severity: item.severity },
        { label: '77091: 4 of 5 documented', detail: 'missing: risk model', severity: 'warning' },
        JSON.stringify(hover),
      );

      // risk model: its finding sits on the FRACTURE RISK: header, line 15
      await h.gotoPosition(s.page, { line: 15, column: 1 });
      await h.applyQuickFix(s.page, 'Insert risk model');
      await waitForSlotSelected();
      await h.typeText(s.page, 'FRAX');
      await h.closeSuggest(s.page); // FRAX completions pop up while typing
      await s.page.keyboard.press('Escape');
      await waitForFileProblems(DRAFT, (r) => r.length === 0, 'no findings left');
      await h.waitForLanguageStatus(s.page, '77091: 5 of 5 documented, all 5 elements documented');
      assert.deepEqual(await h.readSquiggles(s.page), []);

      assert.equal(await h.isActiveEditorDirty(s.page), true, 'the fixes should leave unsaved changes');
      await h.save(s.page);
      const saved = await h.waitForFileContent(onDisk(DRAFT), (c) => c !== original);
      await s.shot('fixed-and-saved');
      // the author's text, line for line, plus exactly the two new lines (the signature line comes
      // with the blank line that sets it off from the text above)
      const added = ['Interpreting physician: Jane Roe, MD', 'Risk model: FRAX'];
      const lines = saved.split('\n');
      for (const a of added) assert.equal(lines.filter((l) => l === a).length, 1, `"${a}" once in:\n${saved}`);
      const sig = lines.indexOf(added[0]);
      assert.equal(lines[sig - 1], '', `a blank line before the inserted signature:\n${saved}`);
      const kept = lines.filter((l, i) => !added.includes(l) && i !== sig - 1);
      assert.deepEqual(kept, original.split('\n'), `author's text changed:\n${saved}`);
      // ... each in its place: the risk model in FRACTURE RISK (before IMPRESSION), the provider after the text
      const at = (t) => lines.indexOf(t);
      assert.ok(at('FRACTURE RISK:') < at('Risk model: FRAX') && at('Risk model: FRAX') < at('IMPRESSION:'), saved);
      assert.ok(
        at('Interpreting physician: Jane Roe, MD') > at('Osteopenia with partially degraded bone microarchitecture.'),
        saved,
      );
    }));

  it('turning a rule off in the settings removes its finding without a reload', () =>
    step('setting', async () => {
      await h.openFile(s.page, DRAFT_TSCORE);
      const before = await waitForFileProblems(DRAFT_TSCORE, (r) => r.length >= 2, 'two findings');
      assert.deepEqual(before.map((r) => r.code).sort(), ['missing-provider', 'missing-t-score']);
      await h.updateUserSettings(s.page, s.server, { 'tbsReport.severity': { 'missing-t-score': 'off' } });
      try {
        await h.waitForActiveEditor(s.page, DRAFT_TSCORE);
        const afterOff = await waitForFileProblems(
          DRAFT_TSCORE,
          (r) => r.length === 1 && r[0].code === 'missing-provider',
          'only missing-provider',
        );
        assert.equal(afterOff[0].message, before.find((r) => r.code === 'missing-provider').message);
        await s.shot('severity-off');
        assert.equal(await s.page.evaluate(() => window.__tbsE2eNoReload), true, 'the window was reloaded');
      } finally {
        // and back on (also when the above failed, so the next scenario starts from the defaults)
        await h.updateUserSettings(s.page, s.server, { 'tbsReport.severity': undefined });
      }
      await h.waitForActiveEditor(s.page, DRAFT_TSCORE);
      await waitForFileProblems(DRAFT_TSCORE, (r) => r.length === 2, 'both findings again');
    }));

  it('an empty report is calm and offers the template; tbs-report + Ctrl+Space gives the template with no warning, its blanks findable', () =>
    step('template', async () => {
      const expectedText = templateText();
      const placeholders = expectedText.match(/___/g).length;
      await h.openFile(s.page, EMPTY);
      // an empty new report: no warnings, no listed problems (hints only); the status item offers the template
      await h.waitForLanguageStatus(s.page, '77091: 0 of 5 documented, empty report');
      const status = await h.readLanguageStatus(s.page, { keepOpen: true });
      await s.shot('empty-report-status');
      await h.closeLanguageStatus(s.page);
      const item = status.find((i) => i.label.startsWith('77091'));
      assert.ok(JSON.stringify(item).includes('Insert template'), JSON.stringify(status));
      assert.deepEqual(rowsOf(EMPTY)(await h.readMarkers(s.page)), []);
      const emptyCounts = await h.readProblemCounts(s.page);
      assert.deepEqual([emptyCounts.errors, emptyCounts.warnings], [0, 0], emptyCounts.label);
      await h.focusEditor(s.page);

      await h.typeKeys(s.page, 'tbs-report');
      const offered = await h.openSuggest(s.page);
      assert.ok(offered.includes('tbs-report'), `suggestions: ${JSON.stringify(offered)}`);
      await s.shot('snippet-suggested');
      await h.acceptSuggestion(s.page, 'tbs-report');
      await h.closeSuggest(s.page); // a choice tab stop's list, if the template starts with one
      await s.page.keyboard.press('Escape'); // leave snippet mode
      // (which elements the template leaves blank is the template's business: any "unfilled" list)
      await h.waitForLanguageStatus(s.page, /^77091: \d of 5 documented, unfilled: /);
      // a calm template: no warning (the blanks are hints: dots that leave every ___ readable) ...
      const counts = await h.readProblemCounts(s.page);
      assert.deepEqual([counts.errors, counts.warnings], [0, 0], counts.label);
      assert.deepEqual(
        (await h.readSquiggles(s.page)).filter((q) => q.severity !== 'hint'),
        [],
        'no squiggle above a hint on the template',
      );
      await h.gotoPosition(s.page, 'start');
      await s.shot('template'); // README picture: the calm template
      // ... and findable: "Go to next blank" selects the first ___ (typing replaces it), then the next
      const blanks = [];
      expectedText.split('\n').forEach((l, i) => {
        for (let c = l.indexOf('___'); c >= 0 && blanks.length < 2; c = l.indexOf('___', c + 3))
          blanks.push(`Ln ${i + 1}, Col ${c + 4} (3 selected)`);
      });
      for (const [k, want] of blanks.entries()) {
        await h.runCommand(s.page, 'TBS Report: Go to next blank');
        await h.waitUntil(async () => (await h.readCursorStatus(s.page)) === want, {
          what: `blank ${k + 1} selected (${want})`,
        });
      }
      assert.ok(placeholders >= 20);

      await h.save(s.page);
      assert.equal(await h.waitForFileContent(onDisk(EMPTY), (c) => c.length > 0), expectedText);
      assert.equal(await s.page.evaluate(() => window.__tbsE2eNoReload), true, 'the window was reloaded');
    }));
  it('Ctrl+. "Show documentation for rule" opens the rule page rendered, and the page itself is never checked', () =>
    step('rule-page', async () => {
      await h.openFile(s.page, DRAFT_TSCORE);
      const rows = await waitForFileProblems(DRAFT_TSCORE, (r) => r.length >= 2, 'two findings');
      const provider = rows.find((r) => r.code === 'missing-provider');
      const [, line, column] = provider.position.match(/Ln (\d+), Col (\d+)/);
      await h.gotoPosition(s.page, { line: Number(line), column: Number(column) });
      await h.applyQuickFix(s.page, 'Show documentation for missing-provider');
      const tab = s.page.locator('.tabs-container .tab', { hasText: 'Preview missing-provider.md' });
      await tab.waitFor({ state: 'visible', timeout: 20_000 });
      // rendered: the preview's webview (drawn in an overlay above the editor area), and no text editor
      await s.page
        .locator('iframe.webview.ready, .webview.ready')
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await h.waitUntil(
        async () => (await s.page.locator('.editor-group-container.active .monaco-editor').count()) === 0,
        { what: 'no raw text editor in the active group' },
      );
      await h.openProblems(s.page);
      await s.shot('rule-page'); // README picture: the rendered rule page
      const all = await h.readMarkers(s.page);
      assert.deepEqual(
        all.filter((r) => /missing-provider\.md/.test(r.file)),
        [],
        'the rule page was checked',
      );
    }));

  it('Ctrl+. "Disable rule for this line" hides the finding without touching the report; the suppression lives in the workspace settings', () =>
    step('disable-line', async () => {
      const original = fs.readFileSync(onDisk(DRAFT_TSCORE), 'utf8');
      await h.openFile(s.page, DRAFT_TSCORE);
      const rows = await waitForFileProblems(DRAFT_TSCORE, (r) => r.length === 2, 'two findings');
      const tscore = rows.find((r) => r.code === 'missing-t-score');
      const [, line, column] = tscore.position.match(/Ln (\d+), Col (\d+)/);
      await h.gotoPosition(s.page, { line: Number(line), column: Number(column) });
      await h.openQuickFixMenu(s.page);
      await s.shot('quick-fix-menu-disable');
      await s.page.keyboard.press('Escape');
      await h.applyQuickFix(s.page, 'Disable missing-t-score for this line');
      const left = await waitForFileProblems(
        DRAFT_TSCORE,
        (r) => r.length === 1 && r[0].code === 'missing-provider',
        'only missing-provider left',
      );
      assert.equal(left.length, 1);
      assert.equal(await h.isActiveEditorDirty(s.page), false, 'the report was edited');
      assert.equal(fs.readFileSync(onDisk(DRAFT_TSCORE), 'utf8'), original);
      const settings = JSON.parse(fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'));
      const entries = settings['tbsReport.suppressions'];
      assert.equal(entries.length, 1, JSON.stringify(settings));
      assert.deepEqual(
        { rule: entries[0].rule, file: entries[0].file },
        { rule: 'missing-t-score', file: DRAFT_TSCORE },
      );
      assert.match(entries[0].line, /^[0-9a-f]{8}$/);
      assert.ok(
        !JSON.stringify(settings).includes(original.split('\n')[Number(line) - 1].trim() || '@@'),
        'report text in the settings',
      );
      // removing the entry brings the finding back
      await h.updateWorkspaceSettings(s.server, { 'tbsReport.suppressions': undefined });
      await waitForFileProblems(DRAFT_TSCORE, (r) => r.length === 2, 'both findings again');
    }));

  it('"New TBS report" opens an untitled Radiology Report with the template expanded', () =>
    step('new-report', async () => {
      await h.runCommand(s.page, 'TBS Report: New TBS report');
      await h.waitUntil(
        async () => /Untitled-\d/.test((await s.page.locator('.tabs-container .tab.active').textContent()) || ''),
        {
          what: 'an untitled editor',
        },
      );
      await h.waitForLanguageStatus(s.page, /^77091: \d of 5 documented, unfilled: /);
      const text = await h.readEditorText(s.page);
      assert.ok(text.startsWith(templateText().split('\n')[0]), text);
      const mode =
        (await s.page
          .locator('#status\\.editor\\.mode')
          .textContent()
          .catch(() => '')) || '';
      assert.match(mode, /Radiology Report/);
      await s.shot('new-report');
    }));
});
