/**
 * Honest, short wording (issue 11 item 7, issue 13 item 6): every finding message is one sentence of
 * at most 100 characters starting with a capital; messages speak of "the 77091 checklist", never
 * of what CPT "needs" or "requires"; CPT codes are named by short paraphrases, never by the AMA
 * descriptor text; the code family pairs a TBS code with a spine DXA (77080 / 77085).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, CPT_NAMES, explainAt, RULES } from '../../server/src/engine';
import { decodeReport } from '../../server/src/cli/read';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { EngineSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { dxa } from './report';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'reports');
const DOCS = path.join(ROOT, 'docs', 'rules');

/** Every finding over the fixture reports and the rule pages' examples (which trigger every rule). */
function allFindings(): Finding[] {
  const out: Finding[] = [];
  for (const f of fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.radreport'))) {
    const decoded = decodeReport(fs.readFileSync(path.join(FIXTURES, f)));
    if ('text' in decoded) for (const x of analyze(decoded.text).findings) out.push(x);
  }
  const example = /<!-- example: (?:triggers|passes)(?: (\{.*?\}))? -->\r?\n```[a-z]*\r?\n([\s\S]*?)\r?\n```/g;
  for (const page of fs.readdirSync(DOCS).filter((x) => x.endsWith('.md'))) {
    for (const m of fs.readFileSync(path.join(DOCS, page), 'utf8').matchAll(example)) {
      const settings: Partial<EngineSettings> | undefined = m[1] ? JSON.parse(m[1]) : undefined;
      for (const x of analyze(m[2], settings).findings) out.push(x);
    }
  }
  return out;
}

const AMA_STEM =
  /structural condition of the bone microarchitecture|gray-scale variogram|by other qualified health care professional/i;

describe('finding messages', () => {
  const findings = allFindings();
  test('the fixture set and the rule pages exercise every rule', () => {
    const seen = new Set(findings.map((f) => f.code));
    for (const r of RULES) expect(seen, r.id).toContain(r.id);
  });
  test('every message is at most 100 characters and starts with a capital letter', () => {
    for (const f of findings) {
      expect(f.message.length, `${f.code}: ${f.message}`).toBeLessThanOrEqual(100);
      expect(f.message, f.code).toMatch(/^[A-Z"]/);
      if (f.message.startsWith('"')) expect(f.message[1], f.message).toMatch(/[A-Z]/);
    }
  });
  test('every message is one sentence (no full stop before its end)', () => {
    for (const f of findings) {
      const inner = f.message
        .slice(0, -1)
        .replace(/"[^"]*"/g, '""')
        .replace(/\d\.\d/g, '0');
      expect(inner, `${f.code}: ${f.message}`).not.toMatch(/[.!?] [A-Z]/);
    }
  });
  test('messages speak of the 77091 checklist, never of what CPT needs or requires, and cite no source', () => {
    for (const f of findings) {
      expect(f.message, f.code).not.toMatch(/CPT 770\d\d documentation|\b(?:needs|requires)\b/);
      expect(f.message, f.code).not.toMatch(/McCloskey|K152299 intended|ESCEO|Shevroja|Medimaps|BHOF|MrOS/);
      // Worked examples belong in the hover and the rule page.
      expect(f.message, f.code).not.toMatch(/\be\.g\./);
    }
    const missing = analyze('TBS report draft.').findings.find((f) => f.code === 'missing-tbs-value');
    expect(missing?.message).toMatch(/the 77091 checklist/);
  });
});

describe('CPT codes', () => {
  test('named by short paraphrases: no AMA descriptor text ships', () => {
    for (const [code, name] of Object.entries(CPT_NAMES)) {
      expect(name, code).not.toMatch(AMA_STEM);
      expect(name.length, code).toBeLessThan(100);
    }
    const sources = [
      'server/src/engine/explain.ts',
      'server/src/engine/complete.ts',
      'snippets/radiology-report.code-snippets',
      'README.md',
      'package.json',
      ...fs.readdirSync(DOCS).map((f) => `docs/rules/${f}`),
    ];
    for (const s of sources) expect(fs.readFileSync(path.join(ROOT, s), 'utf8'), s).not.toMatch(AMA_STEM);
  });
  test('the code hover: a TBS code goes with 77080 or 77085, and no same-date requirement', () => {
    const text = dxa({ patient: ['Age: 68   Sex: F', 'CPT 77080, 77091'] });
    const a = analyze(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('77091'));
    const h = explainAt(a, { line, character: lines[line].indexOf('77091') + 1 }, DEFAULT_SETTINGS)!.markdown;
    expect(h).toMatch(/technical calculation only/);
    expect(h).toMatch(/\*\*77080\*\* or \*\*77085\*\*/);
    expect(h).toMatch(/not 77081 or 77086/);
    expect(h).toMatch(/same date is not required/);
    expect(h).not.toMatch(AMA_STEM);
  });
});

describe('rule metadata', () => {
  test('sources cite the workflow, FRAX inputs and the named studies, not the CPT descriptor', () => {
    for (const r of RULES) expect(r.source, r.id).not.toMatch(/descriptor/i);
    const src = (id: string) => RULES.find((r) => r.id === id)!.source;
    expect(src('tbs-category-mismatch')).toMatch(/Medimaps/);
    expect(src('tbs-category-mismatch')).toMatch(/Shevroja et al\., Osteoporos Int 2023/);
    expect(src('bmi-outside-validated-range')).toMatch(/MrOS/);
    expect(src('bmi-outside-validated-range')).toMatch(/TBS iNsight v4/);
    expect(src('age-outside-validated-range')).toMatch(/K152299/);
  });
  test('the age finding names the K152299 population', () => {
    const text = dxa({ patient: ['Age: 93   Sex: F', 'History: postmenopausal.'] });
    const f = analyze(text).findings.find((x) => x.code === 'age-outside-validated-range')!;
    expect(f.message).toMatch(/men, postmenopausal women/);
    expect(f.message).toMatch(/40-90/);
  });
});
