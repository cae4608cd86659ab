/**
 * --format sarif: valid against the official OASIS SARIF 2.1.0 JSON schema (validated with ajv,
 * formats included, as GitHub's upload does), plus what GitHub code scanning needs beyond the
 * schema: rules with help text, results with a rule, a message and a 1-based region.
 *
 * test/cli/sarif-schema-2.1.0.json is the OASIS schema (title "Static Analysis Results Format
 * (SARIF) Version 2.1.0 JSON Schema", draft-07, $id .../oasis-tcs/sarif-spec/master/Schemata/
 * sarif-schema-2.1.0.json), vendored unchanged from the npm package @datadog/datadog-ci@2.48.0
 * (dist/commands/sarif/json-schema/sarif-schema-2.1.0.json; sha256 10666d46...556454).
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { NO_PROVIDER, ROOT, WITH_ERROR, CLEAN, INFO_ONLY, parseJson, runCli, tmpDir, write } from './helpers';

// RFC 3986 character classes.
const PCT = '%[0-9A-Fa-f]{2}';
const CHARS = `(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?#\\[\\]]|${PCT})*`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${CHARS}$`);
const REL = new RegExp(`^(?![^/?#]*:)${CHARS}$`);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

let validator: ValidateFunction | undefined;
function validate(doc: unknown): void {
  if (!validator) {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'cli', 'sarif-schema-2.1.0.json'), 'utf8'));
    assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    ajv.addFormat('uri', (s: string) => URI.test(s));
    ajv.addFormat('uri-reference', (s: string) => URI.test(s) || REL.test(s));
    ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s));
    validator = ajv.compile(schema);
  }
  const ok = validator(doc);
  assert.ok(ok, `SARIF does not match the 2.1.0 schema:\n${JSON.stringify(validator.errors?.slice(0, 10), null, 2)}`);
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          helpUri?: string;
          defaultConfiguration: { level: string };
        }>;
      };
    };
    invocations: Array<{
      executionSuccessful: boolean;
      exitCode: number;
      toolExecutionNotifications: Array<{
        level: string;
        message: { text: string };
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      }>;
    }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }>;
    }>;
  }>;
}

test('the format validators accept and refuse what RFC 3986 does', () => {
  assert.ok(URI.test('https://github.com/o/r/blob/main/docs/rules/missing-t-score.md'));
  assert.ok(!URI.test('docs/rules/missing-t-score.md'), 'a relative helpUri is not a "uri"');
  assert.ok(REL.test('reports/a%20b.txt'));
  assert.ok(!REL.test('reports/a b.txt'));
  assert.ok(!REL.test('<stdin>'));
});

test('SARIF output validates against the SARIF 2.1.0 schema and carries every finding', () => {
  const dir = tmpDir('sarif');
  const files = [
    write(dir, 'reports/err.radreport', WITH_ERROR),
    write(dir, 'reports/with space & <odd> #name.txt', NO_PROVIDER),
    write(dir, 'reports/info.txt', INFO_ONLY),
    write(dir, 'reports/clean.txt', CLEAN),
  ];
  const r = runCli(['check', '--format', 'sarif', 'reports', 'missing.txt', '-'], { cwd: dir, input: NO_PROVIDER });
  assert.equal(r.status, 2);
  const log = JSON.parse(r.stdout) as SarifLog;
  validate(log);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  assert.equal(run.tool.driver.name, 'tbs-report');
  assert.equal(rules.length, 20);
  for (const rule of rules) {
    assert.ok(rule.help.text.includes(`docs/rules/${rule.id}.md`), 'help text names the rule doc');
    assert.ok(rule.shortDescription.text.length > 10);
    assert.equal(rule.helpUri, undefined, 'no relative helpUri: SARIF requires an absolute URI');
    assert.match(rule.name, /^[A-Z][A-Za-z0-9]+$/);
  }
  // the same findings as the JSON output, in the same order
  const j = parseJson(runCli(['check', '--format', 'json', 'reports', '-'], { cwd: dir, input: NO_PROVIDER }));
  const expected = j.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  assert.equal(run.results.length, expected.length);
  run.results.forEach((res, i) => {
    const { f, d } = expected[i];
    assert.equal(res.ruleId, d.code);
    assert.equal(rules[res.ruleIndex].id, d.code);
    assert.equal(res.message.text, d.message);
    assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
    const loc = res.locations[0].physicalLocation;
    assert.deepEqual(loc.region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    const uri = f.path === '<stdin>' ? '%3Cstdin%3E' : f.path.split('/').map(encodeURIComponent).join('/');
    assert.equal(loc.artifactLocation.uri, uri);
    if (f.path !== '<stdin>') assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
  });
  assert.ok(
    run.results.some(
      (x) =>
        x.locations[0].physicalLocation.artifactLocation.uri === 'reports/with%20space%20%26%20%3Codd%3E%20%23name.txt',
    ),
  );
  assert.ok(
    run.results.some((x) => x.level === 'note'),
    'information is a note',
  );
  const inv = run.invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.equal(inv.exitCode, 2);
  assert.equal(inv.toolExecutionNotifications.length, 1);
  assert.match(inv.toolExecutionNotifications[0].message.text, /missing\.txt: no such file or directory/);
  assert.equal(files.length, 4);
  // the validator does refuse what GitHub refuses
  const bad = JSON.parse(r.stdout) as SarifLog;
  bad.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/missing-tbs-value.md';
  assert.throws(() => validate(bad), /does not match the 2\.1\.0 schema[\s\S]*helpUri/);
  const bad2 = JSON.parse(r.stdout) as SarifLog;
  (bad2.runs[0].results[0].locations[0].physicalLocation.region as { startLine: number }).startLine = 0;
  assert.throws(() => validate(bad2), /startLine/);
});

test('--rule-docs-base gives every rule an absolute helpUri; files outside cwd get file URIs', () => {
  const dir = tmpDir('sarif-base');
  const f = write(dir, 'r.txt', NO_PROVIDER);
  const r = runCli(
    ['check', '-f', 'sarif', '--rule-docs-base', 'https://github.com/example/tbs-report-assistant/blob/main/', f],
    { cwd: ROOT },
  );
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as SarifLog;
  validate(log);
  for (const rule of log.runs[0].tool.driver.rules)
    assert.equal(rule.helpUri, `https://github.com/example/tbs-report-assistant/blob/main/docs/rules/${rule.id}.md`);
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, `file://${f}`);
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
});

test('a clean run is a valid SARIF log with no results; --quiet drops notes', () => {
  const dir = tmpDir('sarif-clean');
  write(dir, 'clean.txt', CLEAN);
  write(dir, 'info.txt', INFO_ONLY);
  const r = runCli(['check', '-f', 'sarif', '-q', '.'], { cwd: dir });
  assert.equal(r.status, 0);
  const log = JSON.parse(r.stdout) as SarifLog;
  validate(log);
  assert.deepEqual(log.runs[0].results, []);
});
