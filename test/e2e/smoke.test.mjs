// Smoke test of the e2e harness itself, run before the real extension exists: a throwaway extension
// (test/e2e/fixtures/hello-ext: one diagnostic "hello-e2e", a quick fix, a snippet completion, a
// language status item, one setting) is packed into a .vsix without vsce, installed into a real
// code-server 4.100.3 (VS Code 1.100.3) and driven from headless Chromium.
//
//   bash scripts/setup-e2e.sh && node --test test/e2e/smoke.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as h from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILE = 'sample.hello';

describe('e2e harness smoke (throwaway hello-e2e extension in code-server)', { timeout: 180_000 }, () => {
  let s; // session
  let tmp;
  let file;

  // Runs one step; on failure saves a screenshot named after it before rethrowing.
  const step = async (name, fn) => {
    try {
      return await fn();
    } catch (e) {
      const png = await s?.shot(`FAILED-${name}`).catch(() => null);
      if (png) e.message += `\n(screenshot: ${png})`;
      throw e;
    }
  };

  before(async () => {
    h.assertInstalled();
    tmp = h.mkTempDir('tbs-e2e-smoke-');
    const vsix = h.packVsix(path.join(HERE, 'fixtures', 'hello-ext'), path.join(tmp, 'hello-e2e-0.0.1.vsix'));
    const folder = path.join(tmp, 'workspace');
    fs.mkdirSync(folder);
    file = path.join(folder, FILE);
    fs.writeFileSync(file, 'some text\nsecond line\n');
    s = await h.startSession({ name: 'smoke', vsix, folder });
  });

  after(async () => {
    const pid = s?.server.pid;
    await s?.close();
    if (pid) assert.equal(h.groupAlive(pid), false, 'code-server process group still alive after close()');
    if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('installs the .vsix and shows its diagnostic "hello-e2e" in the Problems panel', () =>
    step('problems', async () => {
      await h.openFile(s.page, FILE);
      const rows = await h.waitForProblem(s.page, 'hello-e2e');
      await s.shot('problems-panel');
      assert.equal(rows.length, 1);
      assert.deepEqual(
        {
          message: rows[0].message,
          source: rows[0].source,
          code: rows[0].code,
          severity: rows[0].severity,
          file: rows[0].file,
        },
        { message: 'hello-e2e', source: 'hello', code: 'H001', severity: 'warning', file: FILE },
      );
      assert.equal(rows[0].position, '[Ln 1, Col 1]');
      assert.deepEqual((({ errors, warnings }) => ({ errors, warnings }))(await h.readProblemCounts(s.page)), {
        errors: 0,
        warnings: 1,
      });
    }));

  it('reads the language status item (summary and hover) and the status bar', () =>
    step('language-status', async () => {
      await h.waitForLanguageStatus(s.page, 'Hello: 1 issue(s)');
      const items = await h.readLanguageStatus(s.page, { keepOpen: true });
      await s.shot('language-status-hover');
      await h.closeLanguageStatus(s.page);
      const mine = items.find((i) => i.label === 'Hello: 1 issue(s)');
      assert.ok(mine, JSON.stringify(items));
      assert.equal(mine.severity, 'warning');
      const mode = await h.waitForStatusBarItem(s.page, 'Hello E2E');
      assert.equal(mode.id, 'status.editor.mode');
    }));

  it('applies the quick fix from Ctrl+. and saves with Ctrl+S', () =>
    step('quick-fix', async () => {
      await h.gotoPosition(s.page, { line: 1, column: 2 });
      const labels = await h.openQuickFixMenu(s.page);
      assert.deepEqual(labels, ['Mark as FIXED']);
      await s.shot('quick-fix-menu');
      await h.applyQuickFix(s.page, 'Mark as FIXED');
      await h.waitForNoProblem(s.page, 'hello-e2e');
      await h.waitForLanguageStatus(s.page, 'Hello: 0 issue(s)');
      await h.save(s.page);
      assert.equal(await h.waitForFileContent(file, 'FIXED'), 'FIXED some text\nsecond line\n');
      await s.shot('fixed-and-saved');
    }));

  it('accepts the snippet completion from the suggest widget and types text', () =>
    step('suggest', async () => {
      await h.gotoPosition(s.page, 'end');
      await h.typeText(s.page, 'typed (line\nhel');
      const labels = await h.openSuggest(s.page);
      assert.ok(labels.includes('hello-snippet'), JSON.stringify(labels));
      await s.shot('suggest-widget');
      await h.acceptSuggestion(s.page, 'hello-snippet');
      await h.closeSuggest(s.page);
      await s.page.keyboard.press('Escape'); // leave snippet mode
      await h.gotoPosition(s.page, 'end');
      await h.pasteText(s.page, '\n  pasted {exactly} "as is"\n');
      await h.save(s.page);
      const expected = 'FIXED some text\nsecond line\ntyped (line\nHello world!\n  pasted {exactly} "as is"\n';
      assert.equal(await h.waitForFileContent(file, 'as is'), expected);
      assert.equal(await h.readEditorText(s.page), expected);
    }));

  it('applies a user setting changed through the settings JSON', () =>
    step('user-setting', async () => {
      const next = await h.updateUserSettings(s.page, s.server, { 'helloE2e.greeting': 'Bonjour' });
      assert.equal(next['security.workspace.trust.enabled'], false);
      await h.waitForActiveEditor(s.page, FILE);
      await h.waitForLanguageStatus(s.page, 'Bonjour: 0 issue(s)');
      await s.shot('user-setting-applied');
    }));

  it('applies a workspace setting written to .vscode/settings.json on disk', () =>
    step('workspace-setting', async () => {
      await h.openFile(s.page, FILE);
      await h.updateWorkspaceSettings(s.server, { 'helloE2e.greeting': 'Hallo' });
      await h.waitForLanguageStatus(s.page, 'Hallo: 0 issue(s)');
    }));
});
