// In-host test suite (test/electron/suite) in a desktop VS Code through @vscode/test-electron.
// Not part of `npm test`: it needs a desktop VS Code, which cannot be downloaded on machines
// without network access.
//
//   VSCODE_EXECUTABLE_PATH=/path/to/code node scripts/test-electron.mjs
//       runs the suite in that VS Code (the extension from this checkout, built with esbuild first;
//       E2E_VSIX=file.vsix tests that package instead, unpacked)
//   node scripts/test-electron.mjs
//       without VSCODE_EXECUTABLE_PATH: downloads VS Code (VSCODE_TEST_VERSION, default "stable") with
//       @vscode/test-electron; when that fails, says so and exits 1
//   node scripts/test-electron.mjs --code-server
//       runs the same suite in code-server's extension host (VS Code 1.100.3, from
//       scripts/setup-e2e.sh) with the packaged .vsix (npm run package, or E2E_VSIX): for machines
//       without a desktop VS Code
//
// Exit status: 0 when every scenario passed, 1 when one failed or no VS Code could be run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expectations, prepareWorkspace, ROOT, SUITE } from '../test/electron/prepare.mjs';

process.chdir(ROOT);
const args = process.argv.slice(2);
const started = Date.now();
const keep = !!process.env.E2E_KEEP;

function die(msg, code = 1) {
  console.error(`\ntest-electron: ${msg}`);
  process.exit(code);
}
function sh(title, cmd, argv) {
  console.log(`== ${title}: ${cmd} ${argv.join(' ')}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) die(`${title} failed (exit ${r.status ?? r.signal})`);
}
function unpackVsix(vsix, into) {
  const r = spawnSync('unzip', ['-q', '-o', vsix, 'extension/*', '-d', into], { encoding: 'utf8' });
  if (r.status !== 0) die(`cannot unzip ${vsix}: ${r.stderr || r.error?.message}`);
  return path.join(into, 'extension');
}

if (args.includes('--code-server')) await viaCodeServer();
else await viaElectron();

// ------------------------------------------------------------------------------------------ desktop VS Code

async function viaElectron() {
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch {
    die(
      '@vscode/test-electron is not installed: add it as a devDependency (npm install -D @vscode/test-electron@^3.1.0)',
    );
  }
  const { runTests, downloadAndUnzipVSCode } = testElectron;

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (vscodeExecutablePath) {
    if (!fs.existsSync(vscodeExecutablePath)) die(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
    console.log(`== VS Code: ${vscodeExecutablePath} (VSCODE_EXECUTABLE_PATH)`);
  } else {
    const version = process.env.VSCODE_TEST_VERSION || 'stable';
    console.log(
      `== VS Code: VSCODE_EXECUTABLE_PATH is not set; downloading VS Code ${version} with @vscode/test-electron`,
    );
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({
        version,
        cachePath: path.join(ROOT, '.vscode-test'),
        timeout: 30_000,
      });
    } catch (e) {
      die(
        `no VS Code is available: the download failed (${String(e.message || e).trim()}).\n` +
          '  Set VSCODE_EXECUTABLE_PATH to an installed desktop VS Code (the `code` executable, e.g.\n' +
          '  /usr/share/code/code or .../Visual Studio Code.app/Contents/MacOS/Electron), or run\n' +
          '  `node scripts/test-electron.mjs --code-server` to run the same suite in code-server.',
      );
    }
  }

  let extensionDevelopmentPath = ROOT;
  const { tmp, folder } = prepareWorkspace();
  if (process.env.E2E_VSIX) {
    extensionDevelopmentPath = unpackVsix(path.resolve(process.env.E2E_VSIX), path.join(tmp, 'vsix'));
  } else {
    sh('bundle', 'node', ['esbuild.mjs']);
  }
  const expect = expectations();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { TBS_TEST_EXPECT: JSON.stringify(expect) },
      launchArgs: [
        folder,
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    });
    console.log(`\ntest-electron: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    die(`the in-host suite failed (${e.message || e})`);
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ code-server

async function viaCodeServer() {
  const h = await import('../test/e2e/harness.mjs');
  sh('setup (Chromium, code-server)', 'bash', ['scripts/setup-e2e.sh']);
  let vsix = process.env.E2E_VSIX && path.resolve(process.env.E2E_VSIX);
  if (!vsix) {
    sh('package (.vsix)', 'npm', ['run', '--silent', 'package']);
    vsix = path.join(ROOT, 'tbs-report-assistant.vsix');
  }
  const { tmp, folder } = prepareWorkspace();
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  await h.installVsix(vsix, { extensionsDir });
  const runner = h.packVsix(path.join(ROOT, 'test', 'electron', 'code-server-runner'), path.join(tmp, 'runner.vsix'));
  await h.installVsix(runner, { extensionsDir });
  const result = path.join(tmp, 'result.json');
  const env = {
    TBS_TEST_SUITE: SUITE,
    TBS_TEST_RESULT: result,
    TBS_TEST_EXPECT: JSON.stringify(expectations()),
    TBS_TEST_TIMEOUT_MS: process.env.E2E_TIMEOUT_MS || '20000',
  };
  console.log(`== code-server: ${path.basename(vsix)} + the in-host runner; workspace ${folder}`);
  let outcome;
  let s;
  try {
    s = await h.startSession({
      name: 'in-host-suite',
      extensionsDir,
      folder,
      env,
      settings: { 'files.autoSave': 'off' },
    });
    outcome = await h.waitUntil(() => fs.existsSync(result) && JSON.parse(fs.readFileSync(result, 'utf8')), {
      timeout: 180_000,
      interval: 250,
      what: `the in-host suite's result (${result})`,
    });
    if (!outcome.ok) {
      await s.shot('FAILED').catch(() => {});
      fs.writeFileSync(path.join(s.artifactsDir, 'exthost.log'), h.collectExtHostLogs(s.server.userDataDir));
    }
  } catch (e) {
    outcome = { ok: false, log: [], error: String(e.message || e) };
  } finally {
    await s?.close();
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const l of outcome.log) console.log(l);
  if (!outcome.ok)
    die(
      `the in-host suite failed in code-server: ${outcome.error}${s ? `\n  (screenshot and extension host log in ${s.artifactsDir})` : ''}`,
    );
  console.log(`\ntest-electron --code-server: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
