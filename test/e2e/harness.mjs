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
const dbg = (...a) => {
  if (DEBUG) console.error('[e2e]', ...a);
};

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
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
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
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}` + (lastErr ? ` (last error: ${lastErr.message})` : ''),
      );
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
  const r = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--force', '--install-extension', abs],
    {
      env: codeServerEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
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
  const r = spawnSync(
    'zip',
    ['-q', '-r', '-X', path.resolve(outFile), 'extension.vsixmanifest', '[Content_Types].xml', 'extension'],
    {
      cwd: stage,
      encoding: 'utf8',
    },
  );
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`zip failed (${r.error?.message || r.status}): ${r.stderr}`);
  return path.resolve(outFile);
}
const xmlEsc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
export async function startCodeServer({
  folder,
  extensionsDir,
  settings = {},
  userDataDir,
  env = {},
  args: extraArgs = [],
  startTimeout = 60_000,
} = {}) {
  assertInstalled();
  installExitHooks();
  if (!folder) throw new Error('startCodeServer: folder is required');
  folder = path.resolve(folder);
  const ownDirs = []; // temp dirs made here, removed by stop() unless E2E_KEEP=1
  if (!userDataDir) ownDirs.push((userDataDir = mkTempDir('tbs-e2e-ud-')));
  if (!extensionsDir) ownDirs.push((extensionsDir = mkTempDir('tbs-e2e-ext-')));
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
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      ...extraArgs,
      folder,
    ];
    dbg('spawn', process.execPath, args.join(' '));
    const child = spawn(process.execPath, args, {
      cwd: folder,
      env: codeServerEnv(env),
      detached: true,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const pid = child.pid;
    liveGroups.add(pid);
    let exited = null;
    const exitPromise = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        exited = { code, signal };
        resolve(exited);
      }),
    );
    child.unref();

    const server = {
      port,
      url: `http://127.0.0.1:${port}`,
      folder,
      userDataDir,
      extensionsDir,
      settingsPath,
      logFile,
      pid,
      log: () => {
        try {
          return fs.readFileSync(logFile, 'utf8');
        } catch {
          return '';
        }
      },
      stop: async ({ cleanup = !process.env.E2E_KEEP } = {}) => {
        const removeDirs = () => {
          if (cleanup) for (const d of ownDirs) fs.rmSync(d, { recursive: true, force: true });
        };
        if (!liveGroups.has(pid)) return removeDirs();
        killGroup(pid, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
        await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 2000))]);
        liveGroups.delete(pid);
        removeDirs();
        dbg('stopped code-server group', pid);
      },
    };
    try {
      await waitUntil(
        async () => {
          if (exited)
            throw Object.assign(new Error(`code-server exited early (${JSON.stringify(exited)})`), { fatal: true });
          const res = await fetch(`${server.url}/healthz`).catch(() => null);
          return res && res.ok;
        },
        { timeout: startTimeout, interval: 150, what: `code-server /healthz on port ${port}` },
      );
      dbg('code-server up on', server.url);
      return server;
    } catch (e) {
      lastError = e;
      lastError.log = server.log();
      await server.stop({ cleanup: false });
      if (!/EADDRINUSE/.test(lastError.log)) break;
    }
  }
  for (const d of ownDirs) fs.rmSync(d, { recursive: true, force: true });
  throw new Error(`${lastError.message}\n--- code-server log ---\n${tail(lastError.log || '', 60)}`);
}

function tail(text, n) {
  return text.split('\n').slice(-n).join('\n');
}

/** Reads User/settings.json of a running server from disk. */
export function readUserSettings(server) {
  return JSON.parse(fs.readFileSync(server.settingsPath, 'utf8'));
}

function mergeSettings(cur, patch) {
  const out = { ...cur };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * Changes user settings the way a user does: "Preferences: Open User Settings (JSON)", replace the
 * text, Ctrl+S, close the editor. `patch` is merged over the current settings (a key set to undefined
 * is removed). Waits until the file on disk holds the new settings; the caller then waits on the
 * change's effect in the UI (e.g. waitForLanguageStatus).
 * NB: code-server 4.100 does NOT apply edits made to User/settings.json behind its back (its server
 * sees the file change, the workbench does not re-read it), so the UI route is the reliable one.
 * @returns {Promise<object>} the new settings
 */
export async function updateUserSettings(page, server, patch, { timeout = DEFAULT_TIMEOUT } = {}) {
  const next = mergeSettings(readUserSettings(server), patch);
  const activeBefore = await page
    .locator('.tabs-container .tab.active')
    .getAttribute('data-resource-name')
    .catch(() => null);
  await runCommand(page, 'Preferences: Open User Settings (JSON)', { timeout });
  await waitForActiveEditor(page, 'settings.json', { timeout });
  await focusEditor(page, { timeout });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await pasteText(page, JSON.stringify(next, null, 2));
  await save(page, { timeout });
  await waitUntil(
    () => {
      try {
        return JSON.stringify(readUserSettings(server)) === JSON.stringify(next);
      } catch {
        return false;
      }
    },
    { timeout, what: 'User/settings.json to be written' },
  );
  await page.keyboard.press('Control+W');
  await page
    .locator('.tabs-container .tab[data-resource-name="settings.json"]')
    .waitFor({ state: 'detached', timeout });
  if (activeBefore && activeBefore !== 'settings.json')
    await waitForActiveEditor(page, activeBefore, { timeout }).catch(() => {});
  return next;
}

/**
 * Changes workspace settings by writing <folder>/.vscode/settings.json on disk (code-server does pick
 * up changes to this file, within about 0.2–2.5 s). Only resource/window-scoped settings work there.
 * @returns {Promise<object>} the new workspace settings
 */
export async function updateWorkspaceSettings(server, patch, { folder = server.folder } = {}) {
  const file = path.join(folder, '.vscode', 'settings.json');
  let cur = {};
  try {
    cur = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* none yet */
  }
  const next = mergeSettings(cur, patch);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, JSON.stringify(next, null, 2));
  return next;
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
export async function openWorkbench(
  browser,
  server,
  { folder = server.folder, viewport = { width: 1280, height: 800 }, timeout = 60_000 } = {},
) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url }).catch(() => {});
  const page = await context.newPage();
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  page.__consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.__consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => page.__consoleErrors.push(String(e)));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`, {
    timeout,
  });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  // the status bar and the explorer's folder root are there once the remote connection is up
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
  await page
    .locator('.explorer-folders-view, .explorer-viewlet .monaco-list')
    .first()
    .waitFor({ state: 'attached', timeout })
    .catch(() => {});
  return page;
}

// ------------------------------------------------------------------------------------------ session

/**
 * Everything at once: install the vsix (optional), start code-server, launch Chromium, open the workbench.
 * @returns {Promise<Session>} { name, server, browser, page, artifactsDir, shot(step) → png path, close() }
 */
export async function startSession({
  name = 'session',
  vsix,
  extensionsDir,
  folder,
  settings = {},
  viewport,
  env,
  args,
} = {}) {
  const started = Date.now();
  const ownDirs = [];
  if (vsix) {
    if (!extensionsDir) ownDirs.push((extensionsDir = mkTempDir('tbs-e2e-ext-')));
    await installVsix(vsix, { extensionsDir });
  }
  let server;
  try {
    server = await startCodeServer({ folder, extensionsDir, settings, env, args });
  } catch (e) {
    for (const d of ownDirs) fs.rmSync(d, { recursive: true, force: true });
    throw e;
  }
  let browser, page;
  try {
    browser = await launchBrowser();
    page = await openWorkbench(browser, server, { viewport });
  } catch (e) {
    await browser?.close().catch(() => {});
    await server.stop();
    for (const d of ownDirs) fs.rmSync(d, { recursive: true, force: true });
    throw e;
  }
  const artifactsDir = path.join(ARTIFACTS_DIR, RUN_ID, name.replace(/[^\w.-]+/g, '-'));
  let n = 0;
  const session = {
    name,
    server,
    browser,
    page,
    artifactsDir,
    /** Saves a screenshot as artifacts/<run>/<name>/NN-step.png and returns its path. */
    shot: async (step, opts = {}) => {
      fs.mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${String(++n).padStart(2, '0')}-${step.replace(/[^\w.-]+/g, '-')}.png`);
      // animations: 'disabled' finishes fade-ins (hovers, menus) so they show fully in the picture
      await page.screenshot({ path: file, animations: 'disabled', ...opts });
      return file;
    },
    close: async () => {
      await browser.close().catch(() => {});
      await server.stop();
      if (!process.env.E2E_KEEP) for (const d of ownDirs) fs.rmSync(d, { recursive: true, force: true });
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
      if (s.page.__consoleErrors.length)
        fs.writeFileSync(path.join(s.artifactsDir, 'browser-console.log'), s.page.__consoleErrors.join('\n'));
      e.message += `\n(screenshot: ${png}; logs in ${s.artifactsDir})`;
    } catch {
      /* keep the original error */
    }
    throw e;
  } finally {
    await s.close();
  }
}

/** Concatenates the extension host and output-channel logs found under a user-data-dir. */
export function collectExtHostLogs(userDataDir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
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
  await page
    .locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`)
    .waitFor({ state: 'visible', timeout });
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .waitFor({ state: 'visible', timeout });
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
  const row = page
    .locator(QUICK_INPUT_ROWS, { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(base)}$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await waitUntil(async () => ((await row.getAttribute('class')) || '').includes('focused'), {
    timeout,
    what: `Quick Open row ${base} focused`,
  }).catch(async () => {
    await row.click();
  });
  if (await page.locator(QUICK_INPUT).isVisible()) await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout });
  await waitForActiveEditor(page, base, { timeout });
  await focusEditor(page);
}

/** Puts keyboard focus into the active editor's text area (no-op when it is already there). */
export async function focusEditor(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const ed = page.locator('.editor-group-container.active .monaco-editor').first();
  await ed.waitFor({ state: 'visible', timeout });
  await waitUntil(
    async () => {
      const focused = await page.evaluate(
        () => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor'),
      );
      if (!focused)
        await ed
          .locator('textarea.inputarea, .native-edit-context')
          .first()
          .focus()
          .catch(() => {});
      return focused;
    },
    { timeout, what: 'editor focus' },
  );
}
/** Alias of focusEditor, used before keyboard actions that need the editor to have focus. */
export const ensureEditorFocus = focusEditor;

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
  if (
    await page
      .locator(MARKERS_PANEL)
      .isVisible()
      .catch(() => false)
  )
    return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator(MARKERS_PANEL).waitFor({ state: 'visible', timeout });
}

/**
 * Reads the Problems panel rows as shown: file rows (kind 'file') and marker rows (kind 'marker').
 * Only the rows the virtualized tree has rendered are read (all of them unless the panel overflows).
 * @returns {Promise<Array<{kind: 'file'|'marker', file: string, text: string, message: string,
 *           source: string, code: string, position: string, severity: string, ariaLabel: string}>>}
 */
export async function readProblems(page) {
  return page.locator(MARKER_ROWS).evaluateAll((rows) => {
    let file = '';
    return rows
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((r) => {
        const q = (s) =>
          [...r.querySelectorAll(s)]
            .map((e) => (e.textContent || '').trim())
            .filter(Boolean)
            .join(' ');
        const ariaLabel = r.getAttribute('aria-label') || '';
        if (!r.querySelector('.marker-message-details-container, .marker-message')) {
          file = q('.label-name') || ariaLabel;
          return {
            kind: 'file',
            file,
            text: q('.label-name'),
            message: '',
            source: '',
            code: '',
            position: '',
            severity: '',
            ariaLabel,
          };
        }
        const sevEl = r.querySelector('.marker-icon');
        const sev = sevEl ? ['error', 'warning', 'info'].find((k) => sevEl.classList.contains(k)) || '' : '';
        const message = q('.marker-message');
        const source = q('.marker-source');
        const code = q('.marker-code');
        const position = q('.marker-line');
        // "message source(code) [Ln 1, Col 1]" as the panel shows it
        const text = `${message} ${source}${code ? `(${code})` : ''} ${position}`.replace(/\s+/g, ' ').trim();
        return { kind: 'marker', file, text, message, source, code, position, severity: sev, ariaLabel };
      });
  });
}

/** The marker rows only (no file rows), after opening the Problems panel. */
export async function readMarkers(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  await openProblems(page, { timeout });
  return (await readProblems(page)).filter((r) => r.kind === 'marker');
}

/**
 * Opens the Problems panel and waits until a marker row's text (or aria-label) matches `matcher`
 * (substring, RegExp or fn(text)). Returns all marker rows at that moment.
 */
export async function waitForProblem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  await openProblems(page, { timeout });
  return waitUntil(
    async () => {
      const rows = (await readProblems(page)).filter((r) => r.kind === 'marker');
      return rows.some((r) => matches(r.text, matcher) || matches(r.ariaLabel, matcher)) ? rows : null;
    },
    { timeout, what: `a Problems row matching ${matcher}` },
  );
}

/** Waits until the marker rows satisfy predicate(rows) (e.g. rows => rows.length === 3); returns them. */
export async function waitForProblems(page, predicate, { timeout = DEFAULT_TIMEOUT, what = 'the Problems rows' } = {}) {
  await openProblems(page, { timeout });
  let last = [];
  try {
    return await waitUntil(
      async () => {
        last = (await readProblems(page)).filter((r) => r.kind === 'marker');
        return predicate(last) ? last : null;
      },
      { timeout, what },
    );
  } catch (e) {
    e.message += `\nlast rows: ${JSON.stringify(last.map((r) => r.text))}`;
    throw e;
  }
}

/** Waits until no marker row matches `matcher` (with no matcher: until the panel shows no marker). Returns the rows left. */
export async function waitForNoProblem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  return waitForProblems(page, (rows) => !rows.some((r) => matches(r.text, matcher ?? (() => true))), {
    timeout,
    what: `no Problems row matching ${matcher ?? 'anything'}`,
  });
}

/** The numbers shown by the status bar's problems item (#status.problems), e.g. {errors: 0, warnings: 2, info: 0}. */
export async function readProblemCounts(page) {
  const label =
    (await page
      .locator('#status\\.problems')
      .getAttribute('aria-label')
      .catch(() => '')) || '';
  const num = (re) => Number((label.match(re) || [])[1] || 0);
  return {
    errors: num(/Errors?:\s*(\d+)/i),
    warnings: num(/Warnings?:\s*(\d+)/i),
    info: num(/Infos?:\s*(\d+)/i),
    label,
  };
}

/**
 * Every marker row of the Problems panel, also when the virtualized list renders only part of them:
 * when fewer rows are rendered than the status bar's problem counts announce, the panel is maximized
 * ("View: Toggle Maximized Panel") for the read and restored after. Throws when still short.
 */
export async function readAllMarkers(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const rows = await readMarkers(page, { timeout });
  const { errors, warnings, info } = await readProblemCounts(page);
  const total = errors + warnings + info;
  if (rows.length >= total) return rows;
  await runCommand(page, 'View: Toggle Maximized Panel', { timeout });
  try {
    return await waitUntil(
      async () => {
        const r = (await readProblems(page)).filter((x) => x.kind === 'marker');
        return r.length >= total ? r : null;
      },
      { timeout: 5000, what: `${total} rendered Problems rows in the maximized panel` },
    );
  } finally {
    await runCommand(page, 'View: Toggle Maximized Panel', { timeout });
  }
}

// ---- editor state

/** Whether the active editor's tab shows unsaved changes (only meaningful with files.autoSave off). */
export async function isActiveEditorDirty(page) {
  return ((await page.locator('.tabs-container .tab.active').getAttribute('class')) || '')
    .split(/\s+/)
    .includes('dirty');
}

/**
 * Closes every editor, reverting unsaved changes (no "Save changes?" dialog): a clean slate between
 * scenarios, also after one failed half-way. Returns how many were closed.
 */
export async function closeAllEditors(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const tabs = page.locator('.tabs-container .tab');
  for (let i = 0; i < 30; i++) {
    const n = await tabs.count();
    if (!n) return i;
    if (
      await page
        .locator(`${QUICK_INPUT}`)
        .isVisible()
        .catch(() => false)
    )
      await page.keyboard.press('Escape');
    await page.keyboard.press('Escape'); // menus, suggestions, snippet mode
    const dirty = await isActiveEditorDirty(page);
    if (dirty) await runCommand(page, 'View: Revert and Close Editor', { timeout });
    else await page.keyboard.press('Control+W');
    await waitUntil(async () => (await tabs.count()) < n, { timeout, what: 'the editor to close' });
  }
  throw new Error('closeAllEditors: editors keep opening');
}

/** Presses Ctrl+Z in the editor until its tab is no longer dirty (needs files.autoSave off). */
export async function undoUntilClean(page, { maxSteps = 50, timeout = DEFAULT_TIMEOUT } = {}) {
  await focusEditor(page, { timeout });
  for (let i = 0; i < maxSteps; i++) {
    if (!(await isActiveEditorDirty(page))) return i;
    await page.keyboard.press('Control+Z');
    // the tab redraws asynchronously: give it a moment to drop 'dirty' before undoing further
    await waitUntil(async () => !(await isActiveEditorDirty(page)), { timeout: 300, interval: 30 }).catch(() => {});
  }
  throw new Error(`the editor is still dirty after ${maxSteps} undo steps`);
}

/** The status bar's cursor item as shown, e.g. "Ln 21, Col 25 (3 selected)". */
export async function readCursorStatus(page) {
  return (
    (await page
      .locator('#status\\.editor\\.selection')
      .textContent()
      .catch(() => '')) || ''
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The squiggles drawn in the visible part of the active editor, top to bottom:
 * [{ line (1-based, read from the gutter), severity ('error'|'warning'|'info'|'hint'), left, width }].
 */
export async function readSquiggles(page) {
  const ed = page.locator('.editor-group-container.active .monaco-editor').first();
  return ed.evaluate((root) => {
    const lineAt = new Map();
    for (const d of root.querySelectorAll('.margin-view-overlays > div')) {
      const n = d.querySelector('.line-numbers');
      if (n) lineAt.set(parseFloat(d.style.top), Number(n.textContent.trim()));
    }
    const out = [];
    for (const d of root.querySelectorAll('.view-overlays > div')) {
      for (const sq of d.querySelectorAll('[class*="squiggly-"]')) {
        const sev = (sq.className.match(/squiggly-(error|warning|info|hint)/) || [])[1];
        if (!sev) continue;
        out.push({
          line: lineAt.get(parseFloat(d.style.top)) ?? null,
          severity: sev,
          left: parseFloat(sq.style.left),
          width: parseFloat(sq.style.width),
        });
      }
    }
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.left - b.left);
  });
}

// ---- status bar / language status

/** @returns {Promise<Array<{id: string, text: string, ariaLabel: string}>>} every visible status bar entry */
export async function readStatusBar(page) {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((items) =>
    items
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({
        id: el.id || '',
        text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
        ariaLabel: el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || '',
      })),
  );
}

/** Waits for a status bar entry whose text or aria-label matches; returns it. */
export async function waitForStatusBarItem(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  return waitUntil(
    async () => (await readStatusBar(page)).find((i) => matches(i.text, matcher) || matches(i.ariaLabel, matcher)),
    { timeout, what: `a status bar item matching ${matcher}` },
  );
}

const LANG_STATUS_ENTRY = '#status\\.languageStatus';
const LANG_STATUS_HOVER = '.workbench-hover-container .hover-language-status';

/**
 * The language status items of the active editor as the `{}` status bar entry (#status.languageStatus)
 * announces them, without opening anything: its aria-label reads
 * "Editor Language Status: <label>[, <detail>], next: <label>..." (one part per item).
 * @returns {Promise<string[]>} one string per item, "label" or "label, detail"
 */
export async function readLanguageStatusSummary(page) {
  const label =
    (await page
      .locator(LANG_STATUS_ENTRY)
      .getAttribute('aria-label')
      .catch(() => null)) || '';
  return label
    .replace(/^[^:]*:\s*/, '')
    .split(/, next: /)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Waits until one language status item (as in readLanguageStatusSummary) matches; returns all items. */
export async function waitForLanguageStatus(page, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  let last = [];
  try {
    return await waitUntil(
      async () => {
        last = await readLanguageStatusSummary(page);
        return last.some((i) => matches(i, matcher)) ? last : null;
      },
      { timeout, what: `a language status item matching ${matcher}` },
    );
  } catch (e) {
    e.message += `\nlast items: ${JSON.stringify(last)}`;
    throw e;
  }
}

/**
 * Opens the language status hover (click on the `{}` entry) and reads each item as shown:
 * label, detail, command links, severity ('info' | 'warning' | 'error'). Closes it again unless keepOpen
 * (keep it open to take a screenshot of it, then call closeLanguageStatus).
 * @returns {Promise<Array<{label: string, detail: string, links: string[], severity: string, text: string}>>}
 */
export async function readLanguageStatus(page, { timeout = DEFAULT_TIMEOUT, keepOpen = false } = {}) {
  const entry = page.locator(LANG_STATUS_ENTRY);
  await entry.waitFor({ state: 'visible', timeout });
  if (
    !(await page
      .locator(LANG_STATUS_HOVER)
      .first()
      .isVisible()
      .catch(() => false))
  )
    await entry.click();
  await page.locator(LANG_STATUS_HOVER).first().waitFor({ state: 'visible', timeout });
  const items = await page.locator(LANG_STATUS_HOVER).evaluateAll((els) =>
    els.map((el) => {
      const left = el.querySelector('.left');
      let label = '',
        detail = '',
        seenSep = false;
      for (const n of left ? left.childNodes : []) {
        if (n.nodeType === 1 && n.classList.contains('separator')) {
          seenSep = true;
          continue;
        }
        if (seenSep) detail += n.textContent;
        else label += n.textContent;
      }
      const sev = el.querySelector('.severity');
      const sevNum = sev ? Number((sev.className.match(/sev(\d)/) || [])[1]) : 1;
      return {
        label: label.replace(/\s+/g, ' ').trim(),
        detail: detail.replace(/\s+/g, ' ').trim(),
        links: [...el.querySelectorAll('.right a.monaco-link')]
          .map((a) => (a.textContent || '').trim())
          .filter(Boolean),
        severity: sevNum >= 3 ? 'error' : sevNum === 2 ? 'warning' : 'info',
        text: (left?.textContent || '').replace(/\s+/g, ' ').trim(),
      };
    }),
  );
  if (!keepOpen) await closeLanguageStatus(page, { timeout });
  return items;
}

/** Closes the language status hover if it is open. */
export async function closeLanguageStatus(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  const hover = page.locator(LANG_STATUS_HOVER).first();
  if (!(await hover.isVisible().catch(() => false))) return;
  await page.keyboard.press('Escape');
  try {
    await hover.waitFor({ state: 'hidden', timeout: 2000 });
  } catch {
    // the hover is "locked" after a click and keeps open while focus is elsewhere: clicking the entry toggles it
    await page.locator(LANG_STATUS_ENTRY).click();
    await hover.waitFor({ state: 'hidden', timeout });
  }
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
  await ensureEditorFocus(page);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]) await page.keyboard.insertText(lines[i]);
    if (i < lines.length - 1) {
      await closeSuggest(page);
      await page.keyboard.press('Enter');
    }
  }
}

/**
 * Pastes text at the cursor (replacing the selection) exactly as given: a synthetic paste event with
 * the text as clipboard data is sent to the focused editor, so no clipboard permission is needed and
 * no auto-closing, auto-indent or suggestion gets in the way. Use it for bulk or exact content.
 */
export async function pasteText(page, text) {
  await ensureEditorFocus(page);
  const handled = await page.evaluate((t) => {
    const el = document.activeElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(ev);
    return ev.defaultPrevented; // the editor's paste handler calls preventDefault
  }, text);
  if (!handled) throw new Error('pasteText: the focused element did not handle the paste event');
}

/** Selects the whole document (Ctrl+A) and pastes `text` over it. */
export async function replaceAllText(page, text) {
  await ensureEditorFocus(page);
  await page.keyboard.press('Control+A');
  await pasteText(page, text);
}

/** Types key by key like a person (triggers auto-closing, quick suggestions, on-type formatting). */
export async function typeKeys(page, text, { delay = 0 } = {}) {
  await ensureEditorFocus(page);
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
  await waitUntil(
    async () => !((await page.locator('.tabs-container .tab.active').getAttribute('class')) || '').includes('dirty'),
    { timeout, what: 'the active tab to be saved (not dirty)' },
  );
}

/**
 * Waits until a file on disk satisfies `matcher` (string it contains, RegExp, or fn(content)) and reads
 * the same on two polls in a row (a write in progress is not taken for the result); returns the content.
 */
export async function waitForFileContent(file, matcher, { timeout = DEFAULT_TIMEOUT } = {}) {
  let prev = null;
  return waitUntil(
    async () => {
      const c = await fsp.readFile(file, 'utf8').catch(() => null);
      const ok = c != null && matches(c, matcher);
      const stable = ok && c === prev;
      prev = ok ? c : null;
      return stable ? c : null;
    },
    { timeout, what: `${file} to match ${matcher}` },
  );
}

/** The text of the active editor's visible lines (Monaco renders only what is in view). */
export async function readEditorText(page) {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((el) => {
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
 * Opens the quick-fix menu at the cursor (Ctrl+.) and returns the labels it offers; leaves it open.
 * Retries Ctrl+. while the menu does not come (code actions may still be computing right after an edit).
 */
export async function openQuickFixMenu(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  if (
    !(await page
      .locator(ACTION_ROWS)
      .first()
      .isVisible()
      .catch(() => false))
  )
    await ensureEditorFocus(page, { timeout });
  await waitUntil(
    async () => {
      if (
        await page
          .locator(ACTION_ROWS)
          .first()
          .isVisible()
          .catch(() => false)
      )
        return true;
      await page.keyboard.press('Control+.');
      try {
        await page.locator(ACTION_ROWS).first().waitFor({ state: 'visible', timeout: 3000 });
        return true;
      } catch {
        await page.keyboard.press('Escape'); // closes a "No code actions available" message
        return false;
      }
    },
    { timeout, interval: 200, what: 'the quick fix menu (Ctrl+.)' },
  );
  return readQuickFixMenu(page);
}

/** Labels of the open quick-fix menu's actions (group headers such as "Quick Fix" excluded). */
export async function readQuickFixMenu(page) {
  return page
    .locator(ACTION_ROWS)
    .evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('aria-label') || (r.querySelector('.title')?.textContent || '').trim()),
    );
}

/**
 * Ctrl+. at the cursor, waits for the action whose label matches (exact string or RegExp), moves to it
 * with the arrow keys and applies it with Enter. (A mouse click does not work: a pointer-block layer
 * covers the menu while it is open.) Returns all labels that were on offer.
 */
export async function applyQuickFix(page, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  const want = label instanceof RegExp ? (t) => label.test(t) : (t) => t === label;
  let labels = [];
  try {
    labels = await waitUntil(
      async () => {
        const l = await openQuickFixMenu(page, { timeout });
        if (l.some(want)) return l;
        await page.keyboard.press('Escape'); // the action may come with the next diagnostics: ask again
        return null;
      },
      { timeout, interval: 250, what: `quick fix "${label}"` },
    );
  } catch (e) {
    e.message += `; the menu had: ${JSON.stringify(labels.length ? labels : await readQuickFixMenu(page).catch(() => []))}`;
    throw e;
  }
  await selectListRowByKeyboard(
    page,
    `${ACTION_WIDGET} .monaco-list-row.action.focused`,
    (r) => want(r),
    labels.length + 2,
  );
  await page.keyboard.press('Enter');
  await page.locator(ACTION_WIDGET).waitFor({ state: 'hidden', timeout });
  return labels;
}

/** Presses ArrowDown until the focused row's aria-label satisfies want(); throws after maxSteps. */
async function selectListRowByKeyboard(page, focusedSelector, want, maxSteps) {
  for (let i = 0; i <= maxSteps; i++) {
    const cur = await page
      .locator(focusedSelector)
      .first()
      .getAttribute('aria-label', { timeout: 2000 })
      .catch(() => null);
    if (cur != null && want(cur)) return cur;
    await page.keyboard.press('ArrowDown');
    await waitUntil(
      async () =>
        (await page
          .locator(focusedSelector)
          .first()
          .getAttribute('aria-label', { timeout: 500 })
          .catch(() => null)) !== cur,
      { timeout: 2000, interval: 20, what: 'the list focus to move' },
    ).catch(() => {});
  }
  throw new Error(`no row matching the wanted label in ${focusedSelector}`);
}

// ---- completion / suggest widget

const SUGGEST = '.editor-widget.suggest-widget';
const SUGGEST_ROWS = `${SUGGEST} .monaco-list-row`;

/** Triggers suggestions at the cursor (Ctrl+Space) unless open, waits for rows, returns their labels. Leaves it open. */
export async function openSuggest(page, { timeout = DEFAULT_TIMEOUT } = {}) {
  await ensureEditorFocus(page, { timeout });
  if (
    !(await page
      .locator(`${SUGGEST}.visible`)
      .isVisible()
      .catch(() => false))
  )
    await page.keyboard.press('Control+Space');
  await page.locator(SUGGEST_ROWS).first().waitFor({ state: 'visible', timeout });
  return readSuggestions(page);
}

/** Labels of the suggest widget's rendered rows (it renders about 12 at a time). */
export async function readSuggestions(page) {
  return page
    .locator(SUGGEST_ROWS)
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
        .map((r) => (r.querySelector('.label-name')?.textContent || '').trim()),
    );
}

/**
 * Opens suggestions, moves to the item whose label matches (exact string or RegExp) with the arrow keys,
 * accepts it with Enter and waits for the widget to close. Type a prefix first to narrow the list.
 */
export async function acceptSuggestion(page, label, { timeout = DEFAULT_TIMEOUT } = {}) {
  const labels = await openSuggest(page, { timeout });
  const want = label instanceof RegExp ? (t) => label.test(t) : (t) => t === label;
  const rowLabel = async () =>
    (
      await page
        .locator(`${SUGGEST_ROWS}.focused .label-name`)
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => null)
    )?.trim() ?? null;
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    const cur = await rowLabel();
    if (cur != null && want(cur)) {
      found = true;
      break;
    }
    await page.keyboard.press('ArrowDown');
    await waitUntil(async () => (await rowLabel()) !== cur, {
      timeout: 2000,
      interval: 20,
      what: 'suggest focus to move',
    }).catch(() => {});
  }
  if (!found) {
    await page.keyboard.press('Escape');
    throw new Error(`suggestion "${label}" not found; first rows were ${JSON.stringify(labels)}`);
  }
  // Tab accepts in every language; Enter does not where editor.acceptSuggestionOnEnter is off (as in
  // Radiology Reports, where Enter must always start a new line).
  await page.keyboard.press('Tab');
  // accepted: the list closes, or (a snippet whose first tab stop is a choice) shows that choice's list
  await waitUntil(
    async () =>
      !(await page
        .locator(`${SUGGEST}.visible`)
        .isVisible()
        .catch(() => false)) || (await rowLabel()) !== (labels.find(want) ?? label),
    { timeout, what: `the suggestion "${label}" to be accepted` },
  );
}

// ---- hovers, notifications

/** Hovers the first squiggle whose decoration class matches severity and returns the hover text. */
export async function hoverSquiggle(page, { severity = 'warning', timeout = DEFAULT_TIMEOUT } = {}) {
  const sq = page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`).first();
  await sq.waitFor({ state: 'attached', timeout });
  await sq.hover({ force: true });
  const hover = page
    .locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents')
    .first();
  await hover.waitFor({ state: 'visible', timeout });
  await page.waitForFunction((el) => (el.innerText || '').trim().length > 0, await hover.elementHandle(), { timeout });
  // innerText keeps the hover's line breaks: "message\nsource(code)\nView Problem (Alt+F8) ..."
  return (await hover.innerText()).replace(/[ \t]+/g, ' ').trim();
}

/** Visible notification toasts' messages. */
export async function readNotifications(page) {
  return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

function escapeRe(s) {
  return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ------------------------------------------------------------------------------------------ (e) processes (Linux /proc)

/**
 * One process as /proc shows it, or null when there is none with that pid:
 * { pid, ppid, pgid, state ('R', 'S', 'Z' for a zombie, ...), argv: string[] } (argv is empty for a zombie).
 */
export function readProcess(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv[argv.length - 1] === '') argv.pop();
    return { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), state, argv };
  } catch {
    return null;
  }
}

/** Every process /proc lists (a snapshot; processes may come and go while it is read). */
export function listProcesses() {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(readProcess)
    .filter(Boolean);
}

/** Whether pid is a running process (a zombie, dead but not yet reaped by its parent, is not). */
export function processAlive(pid) {
  const p = readProcess(pid);
  return !!p && p.state !== 'Z';
}

/** Whether `pid` descends from `ancestor` (following parent pids in the snapshot `procs`). */
export function isDescendantOf(pid, ancestor, procs = listProcesses()) {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  for (let p = byPid.get(pid), hops = 0; p && hops < 64; p = byPid.get(p.ppid), hops++) {
    if (p.ppid === ancestor) return true;
  }
  return false;
}

/**
 * The folder an extension was installed into by installVsix: <extensionsDir>/<publisher>.<name>-<version>.
 * @param {string} id  "publisher.name"
 */
export function installedExtensionDir(extensionsDir, id) {
  const dirs = fs
    .readdirSync(extensionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.toLowerCase().startsWith(`${id.toLowerCase()}-`));
  if (dirs.length !== 1)
    throw new Error(
      `expected one installed ${id} in ${extensionsDir}, found ${JSON.stringify(dirs.map((d) => d.name))}`,
    );
  return path.join(extensionsDir, dirs[0].name);
}

/**
 * The live processes of one code-server session that run `script` (an absolute path, e.g. a language
 * server inside installedExtensionDir(...)): descendants of server.pid with `script` as one of their
 * argv entries. Each comes with its parent process as `parent`. Other sessions' processes never match
 * (they descend from another code-server and their extensions live in another extensions dir).
 */
export function findSessionProcesses(server, script) {
  const procs = listProcesses();
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  return procs
    .filter((p) => p.state !== 'Z' && p.argv.includes(script) && isDescendantOf(p.pid, server.pid, procs))
    .map((p) => ({ ...p, parent: byPid.get(p.ppid) || null }));
}
