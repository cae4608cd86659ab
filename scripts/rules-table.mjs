#!/usr/bin/env node
// The Markdown table of every rule (id linked to its docs page, default severity, what it checks,
// source), generated from the rule registry so that the README cannot drift from the engine.
//
//   node scripts/rules-table.mjs                 print the table
//   node scripts/rules-table.mjs --write         replace the table between the markers in README.md
//   node scripts/rules-table.mjs --check         exit 1 when README.md's table differs from the registry
//   ... --file docs/rules/README.md              work on another Markdown file (links are made
//                                                relative to that file's folder)
//
// The table goes between the lines `<!-- rules-table:start -->` and `<!-- rules-table:end -->`.
// It is read from the registry's TypeScript source (server/src/engine/rules/registry.ts), bundled
// in memory with esbuild, so no compile step comes first.
//
// Exit status: 0 ok; 1 --check found a difference; 2 usage error, missing markers, or no registry.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const START = '<!-- rules-table:start -->';
export const END = '<!-- rules-table:end -->';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'server', 'src', 'engine', 'rules', 'registry.ts');

class Failure extends Error {}

function rel(p) {
  return path.relative(process.cwd(), p) || '.';
}

/** The RULES array of the rule registry, bundled from its TypeScript source with esbuild. */
export function loadRules() {
  if (!existsSync(SOURCE)) throw new Failure(`${rel(SOURCE)} not found.`);
  const built = esbuild.buildSync({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(mod, mod.exports, createRequire(SOURCE));
  const { RULES } = mod.exports;
  if (!Array.isArray(RULES) || !RULES.length) throw new Failure(`${rel(SOURCE)} exports no RULES.`);
  return RULES;
}

/** Text for a table cell: Markdown-special characters escaped, no line breaks. */
function cell(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/**
 * The table. `linkBase` is the folder of the rule pages as seen from the file the table goes in
 * ("docs/rules" for the README at the repository root, "" for docs/rules/README.md).
 */
export function rulesTable(rules, linkBase = 'docs/rules') {
  const prefix = linkBase ? `${linkBase.replace(/\/+$/, '')}/` : '';
  const lines = ['| Rule | Default severity | What it checks | Source |', '|---|---|---|---|'];
  for (const r of rules) {
    lines.push(`| [\`${r.id}\`](${prefix}${r.id}.md) | ${cell(r.severity)} | ${cell(r.summary)} | ${cell(r.source)} |`);
  }
  return lines.join('\n');
}

/** Splits a Markdown file at the markers; null when it has none. */
export function splitAtMarkers(text) {
  const s = text.indexOf(START);
  if (s < 0) return null;
  const e = text.indexOf(END, s + START.length);
  if (e < 0) return null;
  return { before: text.slice(0, s + START.length), inner: text.slice(s + START.length, e), after: text.slice(e) };
}

function normalise(s) {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

function parseArgs(argv) {
  const opts = { mode: 'print', file: path.join(ROOT, 'README.md') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--write' || a === '--check') {
      if (opts.mode !== 'print') throw new Failure('use only one of --write and --check');
      opts.mode = a.slice(2);
    } else if (a === '--file') {
      const v = argv[++i];
      if (!v) throw new Failure('--file needs a path');
      opts.file = path.resolve(v);
    } else if (a.startsWith('--file=')) {
      opts.file = path.resolve(a.slice('--file='.length));
    } else if (a === '-h' || a === '--help') {
      opts.mode = 'help';
    } else {
      throw new Failure(
        `unknown argument ${a}\nusage: node scripts/rules-table.mjs [--write | --check] [--file FILE.md]`,
      );
    }
  }
  return opts;
}

function linkBaseFor(file) {
  return path
    .relative(path.dirname(file), path.join(ROOT, 'docs', 'rules'))
    .split(path.sep)
    .join('/');
}

function main(argv) {
  const opts = parseArgs(argv);
  if (opts.mode === 'help') {
    process.stdout.write('usage: node scripts/rules-table.mjs [--write | --check] [--file FILE.md]\n');
    return 0;
  }
  const rules = loadRules();
  const fileGiven = argv.some((a) => a === '--file' || a.startsWith('--file='));
  const table = rulesTable(rules, linkBaseFor(opts.file));
  if (opts.mode === 'print') {
    process.stdout.write(`${table}\n`);
    return 0;
  }
  if (!existsSync(opts.file)) throw new Failure(`${rel(opts.file)} not found`);
  const text = readFileSync(opts.file, 'utf8');
  const parts = splitAtMarkers(text);
  if (!parts) {
    throw new Failure(
      `${rel(opts.file)} has no rules table markers: put the lines\n  ${START}\n  ${END}\nwhere the table should go, then run node scripts/rules-table.mjs --write`,
    );
  }
  if (opts.mode === 'write') {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const body = `${eol}${table.split('\n').join(eol)}${eol}`;
    const next = `${parts.before}${body}${parts.after}`;
    if (next !== text) {
      writeFileSync(opts.file, next);
      process.stdout.write(`${rel(opts.file)}: rules table updated (${rules.length} rules).\n`);
    } else process.stdout.write(`${rel(opts.file)}: rules table already up to date.\n`);
    return 0;
  }
  // --check
  const have = normalise(parts.inner);
  const want = normalise(table);
  if (have === want) {
    process.stdout.write(`${rel(opts.file)}: rules table is up to date (${rules.length} rules).\n`);
    return 0;
  }
  const haveLines = have ? have.split('\n') : [];
  const wantLines = want.split('\n');
  const haveSet = new Set(haveLines);
  const wantSet = new Set(wantLines);
  const out = [
    `${rel(opts.file)}: the rules table differs from the rule registry.`,
    `- lines in ${rel(opts.file)} that the registry does not produce; + lines the registry produces that are missing:`,
  ];
  for (const l of haveLines) if (!wantSet.has(l)) out.push(`- ${l}`);
  for (const l of wantLines) if (!haveSet.has(l)) out.push(`+ ${l}`);
  if (out.length === 2) out.push('  (same lines, different order)');
  out.push(`Run: node scripts/rules-table.mjs --write${fileGiven ? ` --file ${rel(opts.file)}` : ''}`);
  process.stderr.write(`${out.join('\n')}\n`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof Failure) {
      process.stderr.write(`rules-table: ${e.message}\n`);
      process.exitCode = 2;
    } else throw e;
  }
}
