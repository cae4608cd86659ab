/** Parser variants, hover and completion contents, normalisation edits and user label words. */
import { test, describe } from 'vitest';
import assert from 'node:assert/strict';
import { analyze, completionsAt, explainAt, normaliseEdits, DEFAULT_SETTINGS } from '../../server/src/engine';
import { apply, codes, report, run } from './helpers';

describe('parser variants', () => {
  test('CRLF, BOM, Unicode minus, en dash, decimal comma, any case', () => {
    const text =
      '\ufeff' +
      report({
        table: [
          'l1-l4                  0,871        \u22121,6      -0,2',
          'LEFT FEMORAL NECK      0.694        \u20132.1      -0.7',
        ],
        tbsLine: 'tbs l1\u2013l4: 1,262 (partially degraded microarchitecture).',
      }).replace(/\n/g, '\r\n');
    const a = run(text);
    assert.deepEqual(
      a.elements.tbs.map((t) => t.value),
      [1.262],
    );
    assert.deepEqual(
      a.elements.tScores.map((t) => t.value),
      [-1.6, -2.1],
    );
    assert.deepEqual(codes(text), []);
  });
  test('ranges are UTF-16 positions in the original text', () => {
    const text = 'Patient: Zoë 👩‍⚕️ Ng\nTBS: 1.262\n';
    const a = run(text);
    assert.deepEqual(a.elements.tbs[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 10 } });
  });
  test('a CR-only document has lines', () => {
    const a = run('TBS: 1.262\rT-score: -2.1\rFRAX MOF 12%, hip 1%\r');
    assert.equal(a.elements.tScores[0].range.start.line, 1);
  });
  test('a Z-score and a TBS T-score are not BMD T-scores', () => {
    const a = run('TBS L1-L4 1.230, TBS T-score -2.1.\nZ-score -1.4 at the left femoral neck.\n');
    assert.deepEqual(a.elements.tScores, []);
  });
  test('BMD near the word TBS is not a TBS value', () => {
    assert.deepEqual(run('TBS analysis was performed (L1-L4 BMD 0.903 g/cm2).\n').elements.tbs, []);
  });
  test('referring, ordering and cc clinicians are not the provider', () => {
    for (const line of [
      'Referring physician: Sam Poe, MD',
      'Ordered by: Sam Poe, NP',
      'cc: Sam Poe, MD',
      'Ordering clinician: Sam Poe, MD',
    ]) {
      assert.deepEqual(run(`${line}\n`).elements.providers, [], line);
    }
  });
  test('signatures in many forms are the provider', () => {
    for (const line of [
      'Electronically signed by: Jane Roe, MD',
      'Interpreting physician: Jane Roe, MD',
      'Calculated and reviewed by Jane Roe, MD',
      'Radiologist: Jane Roe, MD',
      'Signed by:\nJane Roe, MD',
      'Jane Roe, MD',
    ]) {
      assert.equal(run(`TBS 1.262\n\n${line}\n`).elements.providers.length, 1, line);
    }
  });
  test('percentages that are not fracture risks are not risks', () => {
    const text =
      'Left total hip: 0.690 vs 0.716 g/cm2, a decrease of 3.6% (exceeds the least significant change of 2.5%).\nLeft radius 33%: 0.602.\nTreatment thresholds: MOF >= 20%, hip >= 3%.\n';
    assert.deepEqual(run(text).elements.risks, []);
  });
  test('risks spanning two lines keep kind and adjustment', () => {
    const a = run(
      'IMPRESSION:\nTBS-adjusted FRAX 10-year probability of major osteoporotic fracture 17% and hip\n   fracture 2.9%.\n',
    );
    assert.deepEqual(
      a.elements.risks.map((r) => [r.kind, r.value, r.adjusted]),
      [
        ['mof', 17, true],
        ['hip', 2.9, true],
      ],
    );
  });
});

describe('hover', () => {
  const text = report();
  const a = analyze(text);
  const at = (needle: string, offset = 1) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return explainAt(a, { line, character: lines[line].indexOf(needle) + offset }, DEFAULT_SETTINGS);
  };
  test('a TBS value: category under the active thresholds and their source', () => {
    const h = at('1.262')!;
    assert.match(h.markdown, /partially degraded microarchitecture under the \*\*2023\*\* thresholds/);
    assert.match(h.markdown, /ESCEO/);
    const legacy = explainAt(a, h.range.start, { ...DEFAULT_SETTINGS, thresholds: 'legacy' })!;
    assert.match(legacy.markdown, /legacy/);
  });
  test('a T-score: its WHO class', () => {
    assert.match(at('-2.1')!.markdown, /low bone mass \(osteopenia\)/);
  });
  test('a risk: what MOF means and whether it is adjusted', () => {
    const h = at('17%')!;
    assert.match(h.markdown, /major osteoporotic fracture/);
    assert.match(h.markdown, /TBS-adjusted/);
  });
  test('a CPT code: its descriptor and the family', () => {
    const h = at('77091')!;
    assert.match(h.markdown, /technical calculation only/);
    assert.match(h.markdown, /77089.*global/);
  });
  test('nothing under plain words', () => {
    assert.equal(at('BONE DENSITOMETRY'), null);
  });
});

describe('completion', () => {
  test('element labels and section headers at a line start', () => {
    const labels = completionsAt('').map((c) => c.label);
    for (const l of [
      'TBS L1-L4:',
      'Femoral neck T-score:',
      'Risk model:',
      'Interpreting physician:',
      'IMPRESSION:',
      'FRACTURE RISK:',
    ])
      assert.ok(labels.includes(l), l);
  });
  test('risk model names, TBS categories and CPT codes elsewhere', () => {
    const mid = completionsAt('Risk model: F').map((c) => c.label);
    assert.ok(mid.includes('FRAX') && mid.includes('Garvan') && mid.includes('QFracture') && mid.includes('CAROC'));
    assert.ok(completionsAt('TBS 1.262 (').some((c) => c.label === 'partially degraded microarchitecture'));
    assert.deepEqual(
      completionsAt('CPT ')
        .map((c) => c.label)
        .slice(0, 4),
      ['77089', '77090', '77091', '77092'],
    );
  });
});

describe('normalise (on request)', () => {
  test('Unicode minus and decimal commas in read values become ASCII; nothing else changes', () => {
    const text =
      report({
        table: ['L1-L4                  0.871        \u22121.6      \u22120.2'],
        tbsLine: 'TBS L1-L4 1,262 (partially degraded).',
      }) + 'Ranges 1,2 and 3,4 in prose stay.\n';
    const a = analyze(text);
    const fixed = apply(text, normaliseEdits(text, a.elements));
    assert.equal(fixed, text.replace(/\u2212/g, '-').replace('1,262', '1.262'));
    assert.deepEqual(codes(fixed), []);
  });
});

describe('user label words', () => {
  test('matched as literal text, never as a pattern', () => {
    const text = 'Bone texture (T.B.S.)+ index: 1.262\n';
    assert.deepEqual(
      analyze(text, { labels: { tbs: ['(T.B.S.)+ index'] } }).elements.tbs.map((t) => t.value),
      [1.262],
    );
    assert.deepEqual(
      analyze('Bone texture TxBxSx index: 1.262\n', { labels: { tbs: ['(T.B.S.)+ index'] } }).elements.tbs,
      [],
      'a regular expression would have matched',
    );
  });
  test('a label word that would be a catastrophic pattern is just text (the run ends)', { timeout: 10_000 }, () => {
    const evil = '(a+)+$';
    const text = 'a'.repeat(50_000) + '!';
    const a = analyze(text, { labels: { tbs: [evil], provider: [evil] } });
    assert.deepEqual(a.elements.tbs, []);
  });
});

describe('section headers', () => {
  test('mixed-case known headers are sections; field labels are not', () => {
    const heads = [
      'Impression:',
      'Fracture risk (FRAX adjusted for TBS):',
      'Clinical history:',
      'Bone density:',
      'Opinion:',
      'Diagnosis:',
      'Comments:',
      'Findings:',
      'Trabecular bone score:',
      'Technique: DXA of L1-L4.',
      'Recommendations:',
      'Conclusion:',
    ];
    for (const h of heads) assert.equal(run(`${h}\nText.\n`).sections.length, 1, h);
    for (const f of [
      'Patient: Jane Doe',
      'Referring physician: Sam Poe, MD',
      'Previous fragility fracture: no',
      'TBS: 1.262',
      'Age: 68',
    ]) {
      assert.equal(run(`${f}\n`).sections.length, 0, f);
    }
  });
  test('all-caps and Markdown headers, with their kinds', () => {
    const a = run('## Impression\nx\nFRACTURE RISK:\ny\n6. TRABECULAR BONE SCORE\nz\n');
    assert.deepEqual(
      a.sections.map((s) => [s.title, s.kind]),
      [
        ['Impression', 'impression'],
        ['FRACTURE RISK', 'risk'],
        ['TRABECULAR BONE SCORE', 'tbs'],
      ],
    );
  });
});

describe('comparison tables', () => {
  test('a column per study date: only the latest column is this study', () => {
    const text =
      'COMPARISON:\nMeasurement          08/2023    08/2025    Change\nLeft femoral neck T-score   -2.6   -2.4   +0.2\nTBS L1-L4            1.213      1.236      +1.9%\n';
    const a = run(text);
    assert.deepEqual(
      a.elements.tScores.map((t) => t.value),
      [-2.4],
    );
    assert.deepEqual(
      a.elements.tbs.map((t) => t.value),
      [1.236],
    );
    assert.deepEqual(a.elements.risks, []);
  });
  test('a sentence with two dates is not a comparison table', () => {
    const a = run(
      'COMPARISON: DXA of 06/02/2022 and 05/01/2024.\nRegion   BMD   T-score   Z-score\nL1-L4   0.871   -1.6   -0.2\n',
    );
    assert.deepEqual(
      a.elements.tScores.map((t) => t.value),
      [-1.6],
    );
  });
});

describe('risk tables', () => {
  test('kinds as rows, adjustment as columns, % only in the title', () => {
    const a = run(
      'FRAX 10-year fracture probability (%)\n                     Unadjusted    TBS-adjusted\nMajor osteoporotic       15            18\nHip                     2.9           3.6\n',
    );
    assert.deepEqual(
      a.elements.risks.map((r) => [r.kind, r.value, r.adjusted]),
      [
        ['mof', 15, false],
        ['mof', 18, true],
        ['hip', 2.9, false],
        ['hip', 3.6, true],
      ],
    );
  });
  test('Markdown: kinds as columns, adjustment as rows', () => {
    const a = run(
      '| FRAX 10-yr (%) | MOF | Hip |\n|---|---|---|\n| Without TBS | 14 | 2.2 |\n| With TBS adjustment | 17 | 2.8 |\n',
    );
    assert.deepEqual(
      a.elements.risks.map((r) => [r.kind, r.value, r.adjusted]),
      [
        ['mof', 14, false],
        ['hip', 2.2, false],
        ['mof', 17, true],
        ['hip', 2.8, true],
      ],
    );
  });
  test('a BMD table is not a risk table', () => {
    assert.deepEqual(
      run('Region   BMD   T-score   Z-score\nLeft total hip   0.781   -1.4   -0.3\n').elements.risks,
      [],
    );
  });
});
