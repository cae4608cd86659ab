// Proves that the end-to-end suite catches breakage: builds broken copies ("mutants") of the packaged
// extension, runs test/e2e/extension.test.mjs against each (E2E_VSIX), and checks that the suite FAILS
// for every one. Prints, per mutant, which tests failed and their first failure message.
//
//   node test/e2e/mutants.mjs [--vsix tbs-report-assistant.vsix] [--in-host] [name ...]
//   (or: node scripts/test-e2e.mjs --mutants)
// --in-host: run the in-host API suite (test/electron/suite, in code-server through
// scripts/test-electron.mjs --code-server) against each mutant instead of the browser suite.
//
// Exit status: 0 when every mutant was caught (the suite failed), 1 when one survived (the suite
// passed against a broken extension), 2 when a mutant could not be built (its edit no longer applies:
// update the mutant to match the new build).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkTempDir, packVsix, ROOT } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Replaces `from` (string or RegExp) by `to` (string or replacer function) in a file of the unpacked extension; throws when absent. */
function edit(extDir, rel, from, to) {
  const file = path.join(extDir, rel);
  const text = fs.readFileSync(file, 'utf8');
  const hit = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!hit) throw new Error(`mutant edit does not apply: ${from} not found in ${rel}`);
  fs.writeFileSync(file, text.replace(from, to));
}
function editJson(extDir, rel, fn) {
  const file = path.join(extDir, rel);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  fn(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

// The snippet edit a quick-fix sends (dist/server.js, minified): {range, snippet: {kind: "snippet", value}}.
const SNIPPET_EDIT = /\{range:(\w+)\.range,snippet:\{kind:"snippet",value:\1\.snippet\}\}/;

export const MUTANTS = {
  /** The quick-fix's edit replaces the line it is inserted before, instead of inserting: author's text is lost. */
  'quick-fix-overwrites-a-line': (ext) =>
    edit(
      ext,
      'dist/server.js',
      SNIPPET_EDIT,
      (_m, e) =>
        `{range:{start:${e}.range.start,end:{line:${e}.range.start.line+1,character:0}},snippet:{kind:"snippet",value:${e}.snippet}}`,
    ),
  /** The quick-fix inserts plain text: its "___" is no tab stop, so what the radiologist types goes elsewhere. */
  'quick-fix-without-tab-stop': (ext) =>
    edit(
      ext,
      'dist/server.js',
      SNIPPET_EDIT,
      (_m, e) => `{range:${e}.range,newText:${e}.snippet.replace(/\\$\\{\\d+:([^}]*)\\}/g,"$1")}`,
    ),
  /** The template snippet lost its "Interpreting physician" line. */
  'snippet-without-provider-line': (ext) =>
    editJson(ext, 'snippets/radiology-report.code-snippets', (s) => {
      const tpl = Object.values(s).find((x) => x.prefix === 'tbs-report');
      const i = tpl.body.findIndex((l) => l.startsWith('Interpreting physician:'));
      if (i < 0) throw new Error('mutant edit does not apply: no Interpreting physician line in the template');
      tpl.body.splice(i, 1);
    }),
  /**
   * Activated only by one of its commands. (VS Code still activates it for *.radreport files, from the
   * implicit onLanguage event of its contributed language, but no longer for a plain-text note.)
   */
  'activation-only-on-command': (ext) =>
    editJson(ext, 'package.json', (p) => {
      if (!p.activationEvents?.includes('onLanguage:plaintext'))
        throw new Error('mutant edit does not apply: activationEvents changed');
      p.activationEvents = ['onCommand:tbsReport.showOutput'];
    }),
  /** The extension's entry point is missing from the package: it never activates. */
  'activation-main-missing': (ext) =>
    editJson(ext, 'package.json', (p) => {
      if (!p.main) throw new Error('mutant edit does not apply: no main');
      p.main = './dist/client-missing.js';
    }),
};

function unzip(vsix, dir) {
  const r = spawnSync('unzip', ['-q', '-o', vsix, 'extension/*', '-d', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unzip ${vsix} failed: ${r.stderr}`);
  return path.join(dir, 'extension');
}

/** Failed test names and their error message (up to `maxLines` lines), from node:test TAP output. */
function failures(tap, maxLines = 8) {
  const out = [];
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^\s{4}not ok \d+ - (.*)$/);
    if (!m) continue;
    const msg = [];
    for (let j = i + 1; j < lines.length && !/^\s{4}(not )?ok \d+/.test(lines[j]); j++) {
      const e = lines[j].match(/^(\s+)error: ?(.*)$/);
      if (!e) continue;
      if (e[2] && !/^[|>]-?$/.test(e[2])) msg.push(e[2].replace(/^'|'$/g, ''));
      else {
        for (let k = j + 1; k < lines.length && lines[k].startsWith(`${e[1]}  `); k++) msg.push(lines[k].trim());
      }
      break;
    }
    out.push({
      test: m[1],
      message: msg.slice(0, maxLines).join('\n      ') + (msg.length > maxLines ? '\n      ...' : ''),
    });
  }
  return out;
}

/** Failed scenarios of the in-host suite: "not ok - name" and the error's first lines below it. */
function inHostFailures(text, maxLines = 4) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^not ok - (.*?)(?: \(\d+ ms\))?$/);
    if (!m) continue;
    const msg = [];
    for (let j = i + 1; j < lines.length && /^ {2}/.test(lines[j]) && msg.length < maxLines; j++) {
      if (/^\s+at /.test(lines[j])) break;
      msg.push(lines[j].trim());
    }
    out.push({ test: m[1], message: msg.join('\n      ') });
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  let vsix = path.join(ROOT, 'tbs-report-assistant.vsix');
  const hi = args.indexOf('--in-host');
  const inHost = hi >= 0;
  if (inHost) args.splice(hi, 1);
  const vi = args.indexOf('--vsix');
  if (vi >= 0) {
    vsix = path.resolve(args[vi + 1]);
    args.splice(vi, 2);
  }
  const names = args.length ? args : Object.keys(MUTANTS);
  if (!fs.existsSync(vsix)) {
    console.error(`${vsix} not found: run 'npm run package' first`);
    process.exit(2);
  }
  const tmp = mkTempDir('tbs-e2e-mutants-');
  const runId = process.env.E2E_RUN_ID || `mutants-${new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '')}`;
  const results = [];
  let status = 0;
  for (const name of names) {
    const mutate = MUTANTS[name];
    if (!mutate) {
      console.error(`unknown mutant ${name}; known: ${Object.keys(MUTANTS).join(', ')}`);
      process.exit(2);
    }
    const dir = path.join(tmp, name);
    let mutantVsix;
    try {
      const ext = unzip(vsix, dir);
      mutate(ext);
      mutantVsix = packVsix(ext, path.join(tmp, `${name}.vsix`));
    } catch (e) {
      console.error(`[mutant ${name}] could not be built: ${e.message}`);
      status = Math.max(status, 2);
      continue;
    }
    const t = Date.now();
    console.log(`\n[mutant ${name}] running the suite against ${mutantVsix}`);
    const cmd = inHost
      ? [path.join(ROOT, 'scripts', 'test-electron.mjs'), '--code-server']
      : ['--test', '--test-reporter=tap', path.join(HERE, 'extension.test.mjs')];
    const r = spawnSync(process.execPath, cmd, {
      encoding: 'utf8',
      env: {
        ...process.env,
        E2E_VSIX: mutantVsix,
        E2E_RUN_ID: `${runId}/${name}`,
        E2E_TIMEOUT_MS: process.env.E2E_TIMEOUT_MS || '10000',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const secs = ((Date.now() - t) / 1000).toFixed(1);
    const failed = inHost ? inHostFailures(`${r.stdout}\n${r.stderr}`) : failures(r.stdout || '');
    const caught = r.status !== 0;
    if (!caught) status = Math.max(status, 1);
    results.push({ name, caught, secs, failed });
    console.log(`[mutant ${name}] ${caught ? 'CAUGHT' : 'SURVIVED'}: suite exit ${r.status} in ${secs} s`);
    for (const f of failed) console.log(`  not ok - ${f.test}\n      ${f.message}`);
    if (caught && !failed.length) console.log((r.stdout || '').split('\n').slice(-40).join('\n'), r.stderr);
  }
  console.log('\nmutants:');
  for (const r of results)
    console.log(`  ${r.caught ? 'caught  ' : 'SURVIVED'} ${r.name} (${r.failed.length} failing test(s), ${r.secs} s)`);
  if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`screenshots: ${path.join(ROOT, 'test', 'e2e', 'artifacts', runId)}`);
  process.exit(status);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
