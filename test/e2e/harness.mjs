// End-to-end harness: a real VS Code 1.100.3 (code-server 4.100.3) driven in headless Debian
// Chromium by playwright-core. See /work/shared/e2e/README.md and scripts/setup-e2e.sh.
//
// Typical use (node:test):
//
//   import { withSession, openFile, waitForProblem } from './harness.mjs';
//   await withSession({ name: 'smoke', vsix, folder }, async (s) => {
//     await openFile(s.page, 'report.txt');
//     await waitForProblem(s.page, /TBS value/);
//     await s.shot('problems');
//   });
//
// Every wait below polls the workbench's DOM (or the disk) for a state; none sleeps a fixed time.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// ------------------------------------------------------------------------------------------ paths

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_DIR = process.env.E2E_CODE_SERVER_DIR
  ? path.resolve(process.env.E2E_CODE_SERVER_DIR)
  : path.join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(ROOT, 'test', 'e2e', 'artifacts');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Settings every session starts with; `settings` passed to startCodeServer are merged over them. */
export const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** One id per test run, shared by all test files when E2E_RUN_ID is set (e.g. by an npm script). */
export const RUN_ID = process.env.E2E_RUN_ID || new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');

const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30_000);
const DEBUG = !!process.env.E2E_DEBUG;
const dbg = (...a) => { if (DEBUG) console.error('[e2e]', ...a); };

// ------------------------------------------------------------------------------------------ process hygiene

/** pids of process groups we started; killed with SIGKILL if the test process dies without stopping them. */
const liveGroups = new Set();
let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      process.kill(process.pid, sig);
    });
  }
}
function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}
function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

// ------------------------------------------------------------------------------------------ small utils

export function mkTempDir(prefix = 'tbs-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls fn() until it returns a truthy value; returns that value. Throws with `what` after timeout. */
export async function waitUntil(fn, { timeout = DEFAULT_TIMEOUT, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { lastErr = e; }
    if (Date.now() > end) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}` + (lastErr ? ` (last error: ${lastErr.message})` : ''));
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function matches(text, matcher) {
  if (matcher == null) return true;
  if (matcher instanceof RegExp) return matcher.test(text);
  if (typeof matcher === 'function') return !!matcher(text);
  return text.includes(String(matcher));
}

function codeServerEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Keep code-server from writing ~/.config/code-server/config.yaml and from inheriting a VS Code session.
  env.CODE_SERVER_CONFIG = env.CODE_SERVER_CONFIG || path.join(os.tmpdir(), 'tbs-e2e-code-server-config.yaml');
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.PORT;
  return env;
}

/** Throws a helpful error when code-server or Chromium is missing. */
export function assertInstalled() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_DIR}: run 'bash scripts/setup-e2e.sh' first`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run 'bash scripts/setup-e2e.sh' first`);
  }
}

// ------------------------------------------------------------------------------------------ (a) extensions

/**
 * Installs a .vsix into an extensions dir (a fresh temp dir unless given) with code-server's own installer.
 * @returns {Promise<{extensionsDir: string, output: string}>}
 */
export async function installVsix(vsixPath, { extensionsDir = mkTempDir('tbs-e2e-ext-') } = {}) {
  assertInstalled();
  const abs = path.resolve(vsixPath);
  if (!fs.existsSync(abs)) throw new Error(`vsix not found: ${abs}`);
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--force', '--install-extension', abs], {
    env: codeServerEnv(), encoding: 'utf8', timeout: 120_000,
  });
  const output = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${abs} failed (exit ${r.status}):\n${output}`);
  }
  dbg('installed', abs, 'into', extensionsDir);
  return { extensionsDir, output };
}

/**
 * Packs a folder laid out as a .vsix (extension.vsixmanifest, [Content_Types].xml, extension/...) into a
 * zip with Debian's `zip` (no vsce needed). code-server's installer only reads extension/package.json
 * from the zip, but the two manifests are written too when absent so the file is a proper VSIX.
 */
export function packVsix(extensionDir, outFile) {
  const stage = mkTempDir('tbs-e2e-vsix-');
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  fs.cpSync(extensionDir, path.join(stage, 'extension'), { recursive: true });
  fs.writeFileSync(path.join(stage, 'extension.vsixmanifest'), vsixManifest(pkg));
  fs.writeFileSync(path.join(stage, '[Content_Types].xml'), CONTENT_TYPES);
  fs.rmSync(outFile, { force: true });
  const r = spawnSync('zip', ['-q', '-r', '-X', path.resolve(outFile), 'extension.vsixmanifest', '[Content_Types].xml', 'extension'], {
    cwd: stage, encoding: 'utf8',
  });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`zip failed (${r.error?.message || r.status}): ${r.stderr}`);
  return path.resolve(outFile);
}
const xmlEsc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function vsixManifest(pkg) {
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${xmlEsc(pkg.name)}" Version="${xmlEsc(pkg.version)}" Publisher="${xmlEsc(pkg.publisher)}" />
    <DisplayName>${xmlEsc(pkg.displayName || pkg.name)}</DisplayName>
    <Description xml:space="preserve">${xmlEsc(pkg.description || '')}</Description>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xmlEsc(pkg.engines?.vscode || '*')}" />
    </Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
  </Assets>
</PackageManifest>
`;
}
const CONTENT_TYPES = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".js" ContentType="application/javascript"/><Default Extension=".md" ContentType="text/markdown"/><Default Extension=".png" ContentType="image/png"/><Default Extension=".txt" ContentType="text/plain"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>
`;

// ------------------------------------------------------------------------------------------ (b) code-server

/**
 * Starts code-server on a free 127.0.0.1 port, in its own process group, with a fresh user-data-dir.
 * @param {object} o
 * @param {string} o.folder           workspace folder to open (absolute or relative to cwd)
 * @param {string} [o.extensionsDir]  from installVsix(); an empty temp dir when omitted
 * @param {object} [o.settings]       merged over DEFAULT_SETTINGS into User/settings.json
 * @param {string} [o.userDataDir]    a fresh temp dir when omitted
 * @returns {Promise<CodeServer>} { port, url, folder, userDataDir, extensionsDir, settingsPath, logFile, pid,
 *                                  log(): string, stop(): Promise<void> }
 */
export async function startCodeServer({ folder, extensionsDir, settings = {}, userDataDir, env = {}, args: extraArgs = [], startTimeout = 60_000 } = {}) {
  assertInstalled();
  installExitHooks();
  if (!folder) throw new Error('startCodeServer: folder is required');
  folder = path.resolve(folder);
  userDataDir = userDataDir || mkTempDir('tbs-e2e-ud-');
  extensionsDir = extensionsDir || mkTempDir('tbs-e2e-ext-');
  const settingsPath = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsPath), { recursive: true });
  fs.writeFileSync(settingsPath, JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const logFile = path.join(userDataDir, 'code-server.log');

  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const out = fs.openSync(logFile, 'a');
    const args = [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...extraArgs,
      folder,
    ];
    dbg('spawn', process.execPath, args.join(' '));
    const child = spawn(process.execPath, args, {
      cwd: folder, env: codeServerEnv(env), detached: true, stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const pid = child.pid;
    liveGroups.add(pid);
    let exited = null;
    const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));
    child.unref();

    const server = {
      port, url: `http://127.0.0.1:${port}`, folder, userDataDir, extensionsDir, settingsPath, logFile, pid,
      log: () => { try { return fs.readFileSync(logFile, 'utf8'); } catch { return ''; } },
      stop: async () => {
        if (!liveGroups.has(pid)) return;
        killGroup(pid, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
        await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 2000))]);
        liveGroups.delete(pid);
        dbg('stopped code-server group', pid);
      },
    };
    try {
      await waitUntil(async () => {
        if (exited) throw Object.assign(new Error(`code-server exited early (${JSON.stringify(exited)})`), { fatal: true });
        const res = await fetch(`${server.url}/healthz`).catch(() => null);
        return res && res.ok;
      }, { timeout: startTimeout, interval: 150, what: `code-server /healthz on port ${port}` });
      dbg('code-server up on', server.url);
      return server;
    } catch (e) {
      lastError = e;
      await server.stop();
      if (!/EADDRINUSE/.test(server.log())) break;
    }
  }
  throw new Error(`${lastError.message}\n--- code-server log (${logFile}) ---\n${tail(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '', 60)}`);
}

function tail(text, n) { return text.split('\n').slice(-n).join('\n'); }

/** Reads User/settings.json of a running server. */
export function readUserSettings(server) {
  return JSON.parse(fs.readFileSync(server.settingsPath, 'utf8'));
}
/**
 * Changes user settings by rewriting User/settings.json (code-server watches it and applies the change).
 * `patch` is merged over the current settings; a key set to undefined is removed.
 * The caller then waits on the UI effect of the change (e.g. waitForStatusBarItem).
 */
export async function updateUserSettings(server, patch) {
  const cur = readUserSettings(server);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete cur[k]; else cur[k] = v;
  }
  // write-then-rename so the watcher never reads a half-written file
  const tmp = `${server.settingsPath}.tmp-${process.pid}`;
  await fsp.writeFile(tmp, JSON.stringify(cur, null, 2));
  await fsp.rename(tmp, server.settingsPath);
  return cur;
}

// ------------------------------------------------------------------------------------------ (c) browser

export async function launchBrowser({ headless = !process.env.E2E_HEADED } = {}) {
  assertInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: CHROMIUM_ARGS });
}

/**
 * Opens the workbench for `folder` in a new page and waits until it is usable.
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench(browser, server, { folder = server.folder, viewport = { width: 1280, height: 800 }, timeout = 60_000 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }).catch(() => {});
  const page = await context.newPage();
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  page.__consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.__consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.__consoleErrors.push(String(e)));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`, { timeout });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  // the status bar and the explorer's folder root are there once the remote connection is up
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
  await page.locator('.explorer-folders-view, .explorer-viewlet .monaco-list').first().waitFor({ state: 'attached', timeout }).catch(() => {});
  return page;
}

// ------------------------------------------------------------------------------------------ session

/**
 * Everything at once: install the vsix (optional), start code-server, launch Chromium, open the workbench.
 * @returns {Promise<Session>} { name, server, browser, page, artifactsDir, shot(step) → png path, close() }
 */
export async function startSession({ name = 'session', vsix, extensionsDir, folder, settings = {}, viewport, env, args } = {}) {
  const started = Date.now();
  if (vsix) ({ extensionsDir } = await installVsix(vsix, { extensionsDir }));
  const server = await startCodeServer({ folder, extensionsDir, settings, env, args });
  let browser, page;
  try {
    browser = await launchBrowser();
    page = await openWorkbench(browser, server, { viewport });
  } catch (e) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw e;
  }
  const artifactsDir = path.join(ARTIFACTS_DIR, RUN_ID, name.replace(/[^\w.-]+/g, '-'));
  let n = 0;
  const session = {
    name, server, browser, page, artifactsDir,
    /** Saves a screenshot as artifacts/<run>/<name>/NN-step.png and returns its path. */
    shot: async (step, opts = {}) => {
      fs.mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${String(++n).padStart(2, '0')}-${step.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, ...opts });
      return file;
    },
    close: async () => {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
  dbg(`session ${name} ready in ${Date.now() - started} ms`);
  return session;
}

/**
 * Runs fn(session) and always tears down. On failure: saves a 'FAILED' screenshot and the code-server
 * log into the artifacts folder and appends their paths to the error message.
 */
export async function withSession(opts, fn) {
  const s = await startSession(opts);
  try {
    return await fn(s);
  } catch (e) {
    try {
      const png = await s.shot('FAILED');
      fs.writeFileSync(path.join(s.artifactsDir, 'code-server.log'), s.server.log());
      const exthost = collectExtHostLogs(s.server.userDataDir);
      if (exthost) fs.writeFileSync(path.join(s.artifactsDir, 'exthost.log'), exthost);
      if (s.page.__consoleErrors.length) fs.writeFileSync(path.join(s.artifactsDir, 'browser-console.log'), s.page.__consoleErrors.join('\n'));
      e.message += `\n(screenshot: ${png}; logs in ${s.artifactsDir})`;
    } catch { /* keep the original error */ }
    throw e;
  } finally {
    await s.close();
  }
}

/** Concatenates the extension host and output-channel logs found under a user-data-dir. */
export function collectExtHostLogs(userDataDir) {
  const out = [];
  const walk = (d) => {
    let entries = [];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.log$/.test(e.name) && /exthost|output_|remoteagent|server/i.test(p)) {
        out.push(`===== ${p}\n${fs.readFileSync(p, 'utf8')}`);
      }
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------ (d) UI utilities

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

/** Presses a key chord in the workbench (playwright syntax, e.g. 'Control+Shift+M'). */
export async function press(page, keys) {
  await page.keyboard.press(keys);
}

/** Waits for the file's editor to be the active one. */
export async function waitForActiveEditor(page, fileName, { timeout = DEFAULT_TIMEOUT } = {}) {
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
}

/**
 * Opens a workspace file through Quick Open: Ctrl+P, type the name, WAIT for its result row, Enter,
 * then wait for its editor to be active and focused.
 */
export async function openFile(page, fileName, { timeout = DEFAULT_TIMEOUT } = {}) {
  const base = path.basename(fileName);
  await page.keyboard.press('Control+P');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  // the row whose label is exactly the file name (file search runs asynchronously: wait for it)
  const row = page.locator(QUICK_INPUT_ROWS, { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(base)}$`) }) }).first();
  await row.waitFor({ state: 'visible', timeout });
  await waitUntil(async () => (await row.getAttribute('class') || '').includes('focused'), { timeout, what: `Quick Open row ${base} focused` })
    .catch(async () => { await row.click(); });
  if (await page.locator(QUICK_INPUT).isVisible()) await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout });
  await waitForActiveEditor(page, base, { timeout });
  await focusEditor(page);
}

/** Puts keyboard focus into the active editor's text area. */
export async function focusEditor(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const ed = page.locator('.editor-group-container.active .monaco-editor').first();
  await ed.waitFor({ state: 'visible', timeout });
  await waitUntil(async () => {
    const focused = await page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor'));
    if (!focused) await ed.locator('textarea.inputarea, .native-edit-context').first().focus().catch(() => {});
    return focused;
  }, { timeout, what: 'editor focus' });
}

/** Runs a command through the command palette by its title (F1, type, wait for the row, Enter). */
export async function runCommand(page, title, { timeout = DEFAULT_TIMEOUT } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  const row = page.locator(QUICK_INPUT_ROWS, { has: page.locator('.label-name', { hasText: title }) }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout });
}

// ---- Problems panel

const MARKERS_PANEL = '.markers-panel';
const MARKER_ROWS = `${MARKERS_PANEL} .monaco-list-row`;

/** Opens the Problems panel (Ctrl+Shift+M) unless it is already showing. */
export async function openProblems(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  if (await page.locator(MARKERS_PANEL).isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator(MARKERS_PANEL).waitFor({ state: 'visible', timeout });
}

/**
 * Reads the Problems panel rows as shown (file rows included, with kind 'file').
 * @returns {Promise<Array<{kind: 'file'|'marker', text: string, message: string, source: string,
 *           code: string, position: string, severity: string, ariaLabel: string}>>}
 */
export async function readProblems(page) {
  return page.locator(MARKER_ROWS).evaluateAll((rows) => rows.map((r) => {
    const q = (s) => r.querySelector(s)?.textContent?.trim() ?? '';
    const isFile = !!r.querySelector('.file-icon, .monaco-icon-label.file-icon') && !r.querySelector('.marker-message-details');
    const sevEl = r.querySelector('.marker-icon');
    const sev = sevEl ? (/error/.test(sevEl.className) ? 'error' : /warning/.test(sevEl.className) ? 'warning' : /info/.test(sevEl.className) ? 'info' : '') : '';
    return {
      kind: isFile ? 'file' : 'marker',
      text: (r.textContent || '').replace(/\s+/g, ' ').trim(),
      message: q('.marker-message-details .marker-message, .marker-message-details .monaco-highlighted-label') || q('.marker-message-details'),
      source: q('.marker-source'),
      code: q('.marker-code'),
      position: q('.marker-line'),
      severity: sev,
      ariaLabel: r.getAttribute('aria-label') || '',
    };
  }));
}

/** Opens the Problems panel and waits until a marker row matches `matcher` (string, RegExp or fn(text)). Returns all marker rows. */
export async function waitForProblem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  await openProblems(page, { timeout });
  return waitUntil(async () => {
    const rows = (await readProblems(page)).filter((r) => r.kind === 'marker');
    return rows.some((r) => matches(r.text, matcher) || matches(r.ariaLabel, matcher)) ? rows : null;
  }, { timeout, what: `a Problems row matching ${matcher}` });
}

/** Waits until no marker row matches `matcher` (or, with matcher omitted, until the panel has no markers). */
export async function waitForNoProblem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  await openProblems(page, { timeout });
  return waitUntil(async () => {
    const rows = (await readProblems(page)).filter((r) => r.kind === 'marker');
    return rows.some((r) => matches(r.text, matcher)) ? null : rows.length ? rows : [true];
  }, { timeout, what: `no Problems row matching ${matcher ?? 'anything'}` }).then((r) => (r[0] === true ? [] : r));
}

/** The numbers of errors / warnings in the status bar's problems item. */
export async function readProblemCounts(page) {
  const label = await page.locator('#status\\.problems').getAttribute('aria-label').catch(() => '') || '';
  const num = (re) => Number((label.match(re) || [])[1] || 0);
  return { errors: num(/(\d+)\s+error/i), warnings: num(/(\d+)\s+warning/i), info: num(/(\d+)\s+info/i), label };
}

// ---- status bar / language status

/** @returns {Promise<Array<{id: string, text: string, ariaLabel: string}>>} every visible status bar entry */
export async function readStatusBar(page) {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((items) => items
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({
      id: el.id || '',
      text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
      ariaLabel: el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || '',
    })));
}

/** Waits for a status bar entry whose text or aria-label matches; returns it. */
export async function waitForStatusBarItem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  return waitUntil(async () => (await readStatusBar(page)).find((i) => matches(i.text, matcher) || matches(i.ariaLabel, matcher)),
    { timeout, what: `a status bar item matching ${matcher}` });
}

const LANG_STATUS_HOVER = '.workbench-hover-container .hover-language-status, .monaco-hover .hover-language-status';

/**
 * Reads the language status items of the active editor: opens the `{}` language status hover
 * (status bar entry #status.languageStatus), reads each item's label/detail/command link, closes it.
 * @returns {Promise<Array<{label: string, detail: string, links: string[], severity: string, text: string}>>}
 */
export async function readLanguageStatus(page, { timeout = DEFAULT_TIMEOUT, keepOpen = false } = {}) {
  const entry = page.locator('#status\\.languageStatus');
  await entry.waitFor({ state: 'visible', timeout });
  await entry.locator('a, .statusbar-item-label').first().click();
  await page.locator(LANG_STATUS_HOVER).first().waitFor({ state: 'visible', timeout });
  const items = await page.locator(LANG_STATUS_HOVER).evaluateAll((els) => els.map((el) => {
    const q = (s) => el.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      label: q('.label'),
      detail: q('.detail'),
      links: [...el.querySelectorAll('.right a, .right .monaco-link, .right .monaco-button')].map((a) => (a.textContent || '').trim()).filter(Boolean),
      severity: /error/.test(el.className) ? 'error' : /warning/.test(el.className) ? 'warning' : 'info',
      text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
    };
  }));
  if (!keepOpen) {
    await page.keyboard.press('Escape');
    await page.locator(LANG_STATUS_HOVER).first().waitFor({ state: 'hidden', timeout }).catch(() => {});
  }
  return items;
}

/** Polls the language status hover until an item matches; returns the items. */
export async function waitForLanguageStatus(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  return waitUntil(async () => {
    const items = await readLanguageStatus(page, { timeout: 5000 });
    return items.some((i) => matches(i.text, matcher)) ? items : null;
  }, { timeout, interval: 300, what: `a language status item matching ${matcher}` });
}

// ---- editor actions

/**
 * Moves the cursor: to the start of the document ('start'), its end ('end'), or to a 1-based
 * {line, column} through Go to Line (Ctrl+G, "line:column").
 */
export async function gotoPosition(page, where, { timeout = DEFAULT_TIMEOUT } = {}) {
  await focusEditor(page, { timeout });
  if (where === 'start') return page.keyboard.press('Control+Home');
  if (where === 'end') return page.keyboard.press('Control+End');
  await page.keyboard.press('Control+G');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`:${where.line}${where.column ? `:${where.column}` : ''}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout });
  await focusEditor(page, { timeout });
}

/**
 * Types text into the focused editor. Each line goes in with insertText (no per-key auto-closing
 * or suggest side effects); newlines are real Enter presses, with the suggest widget closed first so
 * Enter never accepts a suggestion. Auto-indent still applies on Enter.
 */
export async function typeText(page, text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]) await page.keyboard.insertText(lines[i]);
    if (i < lines.length - 1) {
      await closeSuggest(page);
      await page.keyboard.press('Enter');
    }
  }
}

/** Types key by key like a person (triggers auto-closing, quick suggestions, on-type formatting). */
export async function typeKeys(page, text, { delay = 0 } = {}) {
  await page.keyboard.type(text, { delay });
}

/** Closes the suggest widget if it is open. */
export async function closeSuggest(page) {
  const w = page.locator('.editor-widget.suggest-widget.visible');
  if (await w.isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await w.waitFor({ state: 'hidden' }).catch(() => {});
  }
}

/** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
export async function save(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active').waitFor({ state: 'visible', timeout });
  await waitUntil(async () => !((await page.locator('.tabs-container .tab.active').getAttribute('class')) || '').includes('dirty'),
    { timeout, what: 'the active tab to be saved (not dirty)' });
}

/** Waits until a file on disk satisfies `matcher` (string it contains, RegExp, or fn(content)); returns the content. */
export async function waitForFileContent(file, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  return waitUntil(async () => {
    const c = await fsp.readFile(file, 'utf8').catch(() => null);
    return c != null && matches(c, matcher) ? c : null;
  }, { timeout, what: `${file} to match ${matcher}` });
}

/** The text of the active editor's visible lines (Monaco renders only what is in view). */
export async function readEditorText(page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().evaluate((el) => {
    const lines = [...el.querySelectorAll('.view-line')]
      .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent || '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text).join('\n');
  });
}

// ---- quick fix / code actions

const ACTION_WIDGET = '.action-widget';
const ACTION_ROWS = `${ACTION_WIDGET} .monaco-list-row.action`;

/**
 * Opens the quick-fix menu at the cursor (Ctrl+.), waits for it, and returns the labels it shows.
 * Leaves the menu open.
 */
export async function openQuickFixMenu(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  await page.keyboard.press('Control+.');
  await page.locator(ACTION_ROWS).first().waitFor({ state: 'visible', timeout });
  return page.locator(ACTION_ROWS).evaluateAll((rows) => rows.map((r) => (r.querySelector('.title')?.textContent || r.textContent || '').trim()));
}

/**
 * Ctrl+. at the cursor, waits for the row whose label matches, and applies it.
 * @returns {Promise<string[]>} all labels that were on offer
 */
export async function applyQuickFix(page, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  const labels = await openQuickFixMenu(page, { timeout });
  const row = page.locator(ACTION_ROWS).filter({ has: page.locator('.title', { hasText: label instanceof RegExp ? label : new RegExp(`^${escapeRe(label)}$`) }) }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    await page.keyboard.press('Escape');
    throw new Error(`quick fix "${label}" not offered; the menu had: ${JSON.stringify(labels)}`);
  }
  await row.click();
  await page.locator(ACTION_WIDGET).waitFor({ state: 'hidden', timeout });
  return labels;
}

// ---- completion / suggest widget

const SUGGEST = '.editor-widget.suggest-widget';
const SUGGEST_ROWS = `${SUGGEST} .monaco-list-row`;

/** Triggers suggestions (Ctrl+Space) and returns the labels shown. Leaves the widget open. */
export async function openSuggest(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const visible = await page.locator(`${SUGGEST}.visible`).isVisible().catch(() => false);
  if (!visible) await page.keyboard.press('Control+Space');
  await page.locator(SUGGEST_ROWS).first().waitFor({ state: 'visible', timeout });
  return page.locator(SUGGEST_ROWS).evaluateAll((rows) => rows.map((r) => (r.querySelector('.label-name')?.textContent || '').trim()));
}

/** Opens suggestions, waits for the item whose label matches, accepts it, waits for the widget to close. */
export async function acceptSuggestion(page, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  await openSuggest(page, { timeout });
  const re = label instanceof RegExp ? label : new RegExp(`^${escapeRe(label)}$`);
  const row = page.locator(SUGGEST_ROWS).filter({ has: page.locator('.label-name', { hasText: re }) }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  // a click selects in some versions; Enter accepts the selected one if still open
  if (await page.locator(`${SUGGEST}.visible`).isVisible().catch(() => false)) await page.keyboard.press('Enter');
  await page.locator(`${SUGGEST}.visible`).waitFor({ state: 'hidden', timeout });
}

// ---- hovers, notifications

/** Hovers the first squiggle whose decoration class matches severity and returns the hover text. */
export async function hoverSquiggle(page, { severity = 'warning', timeout = DEFAULT_TIMEOUT } = {}) {
  const sq = page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`).first();
  await sq.waitFor({ state: 'attached', timeout });
  await sq.hover({ force: true });
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents').first();
  await hover.waitFor({ state: 'visible', timeout });
  return (await hover.textContent())?.replace(/\s+/g, ' ').trim();
}

/** Visible notification toasts' messages. */
export async function readNotifications(page) {
  return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

function escapeRe(s) { return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
