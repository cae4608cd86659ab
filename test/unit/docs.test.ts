/**
 * Documentation against code: one docs/rules page per rule id (naming its id, default severity,
 * source and off switches, with examples that really do / do not trigger the rule), the
 * .tbsreportrc.json schema against the registry and the engine's settings, and the rules tables
 * in README.md and docs/rules/README.md against scripts/rules-table.mjs.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyze } from '../../server/src/engine/analyze';
import { SLOT_SPECS, snippetToText } from '../../server/src/engine/fixes/insert';
import { MISSING_RULE } from '../../server/src/engine/rules/missing';
import { RULES } from '../../server/src/engine/rules/registry';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/engine/settings';
import type { EngineSettings } from '../../server/src/engine/settings';
import { fmt3, thresholdsFor } from '../../server/src/engine/thresholds';
import type { ElementId } from '../../server/src/engine/types';
import { DEFAULT_SERVER_SETTINGS } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const SCHEMA_PATH = path.join(ROOT, 'schemas', 'tbsreportrc.schema.json');
const SCRIPT = path.join(ROOT, 'scripts', 'rules-table.mjs');
const README = path.join(ROOT, 'README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';
const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'];

function readDoc(id: string): string {
  return fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
}

function readSchema(): Record<string, any> {
  return JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
}

function runScript(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

interface Example {
  kind: 'triggers' | 'passes';
  settings: Partial<EngineSettings> | undefined;
  text: string;
}

/** Examples are fenced blocks right after `<!-- example: triggers|passes [settings JSON] -->`. */
function examples(md: string): Example[] {
  const out: Example[] = [];
  const re = /<!-- example: (triggers|passes)(?: (\{.*?\}))? -->\r?\n```[a-z]*\r?\n([\s\S]*?)\r?\n```/g;
  for (const m of md.matchAll(re)) {
    out.push({ kind: m[1] as Example['kind'], settings: m[2] ? JSON.parse(m[2]) : undefined, text: m[3] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rule pages

test('every rule in RULES has docs/rules/<id>.md naming its id and default severity', () => {
  for (const rule of RULES) {
    const file = path.join(DOCS, `${rule.id}.md`);
    assert.ok(fs.existsSync(file), `missing ${path.relative(ROOT, file)}`);
    const md = readDoc(rule.id);
    assert.equal(md.split(/\r?\n/)[0], `# ${rule.id}`, `${rule.id}.md: the title must be the rule id`);
    const sev = /\*\*Default severity:\*\*\s*`?([a-z]+)`?/.exec(md);
    assert.ok(sev, `${rule.id}.md: no "**Default severity:**" line`);
    assert.equal(
      sev[1],
      rule.severity,
      `${rule.id}.md states default severity ${sev[1]}, the registry ${rule.severity}`,
    );
  }
});

test('every page in docs/rules (except README.md) is a known rule', () => {
  const ids = new Set<string>(RULES.map((r) => r.id));
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const f of pages) assert.ok(ids.has(f.slice(0, -3)), `docs/rules/${f} documents no rule in RULES`);
  assert.equal(pages.length, RULES.length);
});

test('every rule page cites the registry source and shows every way to change or silence the rule', () => {
  for (const rule of RULES) {
    const md = readDoc(rule.id);
    assert.ok(md.includes(rule.source), `${rule.id}.md does not quote the registry source "${rule.source}"`);
    for (const needle of [
      `tbsReport.severity.${rule.id}`,
      `"tbsReport.severity": { "${rule.id}": "off" }`,
      `{ "severity": { "${rule.id}": "off" } }`,
      `tbs-report-disable ${rule.id}`,
      `tbs-report-disable-next-line ${rule.id}`,
      `tbs-report-disable-line ${rule.id}`,
    ]) {
      assert.ok(md.includes(needle), `${rule.id}.md does not mention ${needle}`);
    }
    for (const heading of ['## What it checks', '## Why it matters', '## Examples', '## Quick-fix', '## Source']) {
      assert.ok(md.includes(heading), `${rule.id}.md has no "${heading}" section`);
    }
  }
});

test('the examples on every rule page trigger (or do not trigger) the rule as documented', () => {
  for (const rule of RULES) {
    const list = examples(readDoc(rule.id));
    assert.ok(
      list.some((e) => e.kind === 'triggers'),
      `${rule.id}.md has no triggering example`,
    );
    assert.ok(
      list.some((e) => e.kind === 'passes'),
      `${rule.id}.md has no non-triggering example`,
    );
    for (const ex of list) {
      const codes = analyze(ex.text, ex.settings).findings.map((f) => f.code);
      assert.equal(
        codes.includes(rule.id),
        ex.kind === 'triggers',
        `${rule.id}.md example said to ${ex.kind === 'triggers' ? 'trigger' : 'not trigger'} it, but findings are [${codes.join(', ')}]:\n${ex.text}`,
      );
    }
  }
});

test('the missing-* pages show the line and section their quick-fix inserts', () => {
  for (const [el, id] of Object.entries(MISSING_RULE) as Array<[ElementId, string]>) {
    const md = readDoc(id);
    const spec = SLOT_SPECS[el];
    const line = snippetToText(spec.line);
    assert.ok(md.includes(line), `${id}.md does not show the inserted line "${line}"`);
    if (spec.header) assert.ok(md.includes(spec.header), `${id}.md does not name the section header "${spec.header}"`);
    // The fix really is offered, with that line.
    const a = analyze('Nothing documented yet.', { profile: '77089' });
    const f = a.findings.find((x) => x.code === id);
    assert.ok(f?.fixes?.length, `${id} offers no quick-fix`);
    assert.ok(
      f.fixes[0].edits.some((e) => e.newText.includes(line)),
      `${id}'s quick-fix does not insert "${line}"`,
    );
  }
});

test('tbs-category-mismatch.md gives the boundaries of the 2023 and legacy presets', () => {
  const md = readDoc('tbs-category-mismatch');
  for (const preset of ['2023', 'legacy'] as const) {
    const t = thresholdsFor({ ...DEFAULT_SETTINGS, thresholds: preset });
    assert.ok(md.includes(`\`${preset}\``), `preset ${preset} not named`);
    assert.ok(
      md.includes(`<= ${fmt3(t.degradedAtOrBelow)}`),
      `${preset}: degraded "<= ${fmt3(t.degradedAtOrBelow)}" not stated`,
    );
    const normal = `${t.normalInclusive ? '>=' : '>'} ${fmt3(t.normalFrom)}`;
    assert.ok(md.includes(normal), `${preset}: normal "${normal}" not stated`);
  }
});

test('docs/rules/README.md has the rules table that scripts/rules-table.mjs generates', { timeout: 60_000 }, () => {
  const r = runScript(['--check', '--file', path.join(DOCS, 'README.md')]);
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  const index = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  for (const rule of RULES)
    assert.ok(index.includes(`(${rule.id}.md)`), `docs/rules/README.md does not link ${rule.id}.md`);
});

// ---------------------------------------------------------------------------------------------
// .tbsreportrc.json schema

test('the schema parses, is draft-07 with a title, and describes every property', () => {
  const schema = readSchema();
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(typeof schema.title, 'string');
  assert.equal(typeof schema.description, 'string');
  const walk = (node: any, where: string) => {
    if (!node || typeof node !== 'object') return;
    if (node.properties) {
      for (const [key, sub] of Object.entries<any>(node.properties)) {
        assert.equal(typeof sub.description, 'string', `${where}.${key} has no description`);
        assert.ok(sub.description.length > 10, `${where}.${key}: description too short`);
        walk(sub, `${where}.${key}`);
      }
    }
    if (Array.isArray(node.items))
      node.items.forEach((it: any, i: number) =>
        assert.equal(typeof it.description, 'string', `${where}[${i}] has no description`),
      );
    else if (node.items) walk(node.items, `${where}[]`);
  };
  walk(schema, '$');
  assert.deepEqual(Object.keys(schema.properties).sort(), [
    '$schema',
    'checkPlainText',
    'customThresholds',
    'debounceMs',
    'enable',
    'labels',
    'maxFileSize',
    'profile',
    'severity',
    'thresholds',
    'validatedAgeRange',
    'validatedBmiRange',
  ]);
});

test("the schema's severity properties are exactly the rule ids, each with the five severities", () => {
  const sev = readSchema().properties.severity;
  assert.equal(sev.additionalProperties, false);
  assert.deepEqual(
    Object.keys(sev.properties),
    RULES.map((r) => r.id),
  );
  for (const rule of RULES) {
    const p = sev.properties[rule.id];
    assert.deepEqual(p.enum, SEVERITY_SETTINGS, `${rule.id}: enum`);
    assert.ok(
      p.description.includes(rule.id) && p.description.includes(`default ${rule.severity}`),
      `${rule.id}: description must name the id and its default`,
    );
  }
});

test("the schema's defaults and enums match the engine and the extension's settings", () => {
  const props = readSchema().properties;
  assert.equal(props.profile.default, DEFAULT_SETTINGS.profile);
  assert.equal(props.thresholds.default, DEFAULT_SETTINGS.thresholds);
  assert.deepEqual(props.customThresholds.default, DEFAULT_SETTINGS.customThresholds);
  assert.deepEqual(props.validatedAgeRange.default, DEFAULT_SETTINGS.validatedAgeRange);
  assert.deepEqual(props.validatedBmiRange.default, DEFAULT_SETTINGS.validatedBmiRange);
  assert.equal(props.enable.default, DEFAULT_SERVER_SETTINGS.enable);
  assert.equal(props.checkPlainText.default, DEFAULT_SERVER_SETTINGS.checkPlainText);
  assert.equal(props.debounceMs.default, DEFAULT_SERVER_SETTINGS.debounceMs);
  assert.equal(props.maxFileSize.default, DEFAULT_SERVER_SETTINGS.maxFileSize);
  assert.deepEqual(Object.keys(props.labels.properties).sort(), [
    'impression',
    'provider',
    'risk',
    'riskModel',
    'tScore',
    'tbs',
  ]);
  // The VS Code settings contribution (package.json) offers the same choices.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.configuration.properties;
  assert.deepEqual(props.profile.enum, contributed['tbsReport.profile'].enum);
  assert.deepEqual(props.thresholds.enum, contributed['tbsReport.thresholds'].enum);
  assert.deepEqual(
    Object.keys(props.severity.properties).sort(),
    Object.keys(contributed['tbsReport.severity'].properties).sort(),
  );
  assert.deepEqual(
    Object.keys(props.labels.properties).sort(),
    // one setting per element (tbsReport.labels.tbs, ...): lists the settings UI can edit
    Object.keys(contributed)
      .filter((k) => k.startsWith('tbsReport.labels.'))
      .map((k) => k.slice('tbsReport.labels.'.length))
      .sort(),
  );
});

test('ajv compiles the schema; a valid config passes and invalid ones fail', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(readSchema());
  const valid = {
    $schema: './schemas/tbsreportrc.schema.json',
    profile: '77089',
    severity: { 'missing-impression': 'off', 'tbs-code-modifier': 'hint', 'cpt-code-conflict': 'warning' },
    thresholds: 'custom',
    customThresholds: [1.2, 1.3],
    validatedAgeRange: [50, 90],
    validatedBmiRange: [15, 37],
    labels: { tbs: ['Bone texture index'], provider: ['Befundet von'] },
    enable: true,
    checkPlainText: false,
    debounceMs: 300,
    maxFileSize: 1048576,
  };
  assert.ok(validate(valid), JSON.stringify(validate.errors));
  assert.ok(validate({}), 'an empty config is valid');
  // The engine accepts it too.
  const problems: string[] = [];
  resolveSettings(valid, problems);
  assert.deepEqual(problems, []);

  const invalid: Array<[string, unknown, boolean]> = [
    // [why, config, does the engine also reject it?]
    ['bad severity', { severity: { 'missing-tbs-value': 'fatal' } }, true],
    ['bad profile', { profile: '77090' }, true],
    ['profile as a number', { profile: 77091 }, false],
    ['unknown rule id', { severity: { 'missing-tbs': 'off' } }, false],
    ['unknown key', { profiles: '77091' }, false],
    ['bad thresholds preset', { thresholds: '2019' }, true],
    ['three custom thresholds', { customThresholds: [1.2, 1.25, 1.3] }, true],
    ['age range of strings', { validatedAgeRange: ['40', '90'] }, true],
    ['unknown label element', { labels: { bmd: ['BMD'] } }, false],
    ['label not a list', { labels: { tbs: 'TBS index' } }, true],
    ['enable not boolean', { enable: 'yes' }, false],
    ['negative debounceMs', { debounceMs: -1 }, false],
  ];
  for (const [why, config, engineRejects] of invalid) {
    assert.equal(validate(config), false, `${why}: the schema accepted ${JSON.stringify(config)}`);
    if (engineRejects) {
      const p: string[] = [];
      resolveSettings(config, p);
      assert.ok(p.length > 0, `${why}: the engine accepted ${JSON.stringify(config)}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// scripts/rules-table.mjs

test(
  'rules-table.mjs prints a table linking every rule page, and --check / --write work on a file',
  { timeout: 60_000 },
  () => {
    const printed = runScript([]);
    assert.equal(printed.status, 0, printed.stderr);
    for (const rule of RULES) {
      assert.ok(
        printed.stdout.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.severity} |`),
        `table row of ${rule.id}`,
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-table-'));
    try {
      const file = path.join(dir, 'README.md');
      fs.writeFileSync(file, `# x\n\n${START}\n| stale |\n${END}\n\ntail\n`);
      assert.equal(runScript(['--check', '--file', file]).status, 1, 'a stale table must fail --check');
      const w = runScript(['--write', '--file', file]);
      assert.equal(w.status, 0, w.stderr);
      const written = fs.readFileSync(file, 'utf8');
      assert.ok(
        written.startsWith('# x\n\n') && written.endsWith(`${END}\n\ntail\n`),
        'text around the markers is kept',
      );
      assert.equal(runScript(['--check', '--file', file]).status, 0, 'after --write, --check passes');
      fs.writeFileSync(file, '# no markers\n');
      const none = runScript(['--check', '--file', file]);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /no rules table markers/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'README.md has the rules table that scripts/rules-table.mjs generates, between its markers',
  { timeout: 60_000 },
  () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.ok(
      readme.includes(START) && readme.includes(END),
      `README.md must keep the ${START} / ${END} markers around the rules table`,
    );
    const r = runScript(['--check']);
    assert.equal(r.status, 0, `run node scripts/rules-table.mjs --write\n${r.stdout}${r.stderr}`);
  },
);
