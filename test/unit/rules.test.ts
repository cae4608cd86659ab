/** Every rule at and around its boundaries, every profile, and the quick-fixes that replace text. */
import { test, describe } from 'vitest';
import assert from 'node:assert/strict';
import { analyze, RULES } from '../../server/src/engine';
import { apply, codes, report, run } from './helpers';

describe('a clean report', () => {
  test('has no findings', () => {
    assert.deepEqual(codes(report()), []);
  });
});

describe('tbs-category-mismatch (2023 thresholds: > 1.310 normal; 1.230-1.310 partial; <= 1.230 degraded)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['1.311', 'normal', false],
    ['1.311', 'partially degraded', true],
    ['1.310', 'partially degraded', false],
    ['1.310', 'normal', true],
    ['1.231', 'partially degraded', false],
    ['1.231', 'degraded', true],
    ['1.230', 'degraded', false],
    ['1.230', 'partially degraded', true],
    ['1.229', 'degraded', false],
  ];
  for (const [value, stated, mismatch] of cases) {
    test(`TBS ${value} stated ${stated}: ${mismatch ? 'mismatch' : 'ok'}`, () => {
      const text = report({ tbsLine: `TBS L1-L4 ${value} (${stated} microarchitecture).` });
      assert.equal(codes(text).includes('tbs-category-mismatch'), mismatch);
    });
  }
  test('legacy preset: >= 1.350 normal, <= 1.200 degraded', () => {
    const at = (v: string, c: string) =>
      codes(report({ tbsLine: `TBS L1-L4 ${v} (${c}).` }), { thresholds: 'legacy' }).includes('tbs-category-mismatch');
    assert.equal(at('1.350', 'normal'), false);
    assert.equal(at('1.349', 'normal'), true);
    assert.equal(at('1.349', 'partially degraded'), false);
    assert.equal(at('1.200', 'degraded'), false);
    assert.equal(at('1.201', 'partially degraded'), false);
    assert.equal(at('1.334', 'normal'), true, 'corpus p02 would be partially degraded under legacy');
  });
  test('custom preset uses the two numbers from settings', () => {
    const at = (v: string, c: string) =>
      codes(report({ tbsLine: `TBS L1-L4 ${v} (${c}).` }), {
        thresholds: 'custom',
        customThresholds: [1.1, 1.4],
      }).includes('tbs-category-mismatch');
    assert.equal(at('1.100', 'degraded'), false);
    assert.equal(at('1.101', 'partially degraded'), false);
    assert.equal(at('1.400', 'partially degraded'), false);
    assert.equal(at('1.401', 'normal'), false);
    assert.equal(at('1.300', 'normal'), true);
  });
  test('the fix replaces the category only and the result re-analyses clean', () => {
    const text = report({ tbsLine: 'TBS L1-L4 1.198 (partially degraded microarchitecture).' });
    const f = run(text).findings.find((x) => x.code === 'tbs-category-mismatch')!;
    assert.match(f.message, /1\.198.*"degraded".*2023/);
    const fixed = apply(text, f.fixes![0].edits);
    assert.equal(fixed, text.replace('partially degraded microarchitecture', 'degraded microarchitecture'));
    assert.deepEqual(codes(fixed), []);
  });
  test('a reference line listing all categories states none', () => {
    const text = report({
      tbsLine:
        'TBS L1-L4 1.262 (partially degraded).\nReference: > 1.310 normal; 1.230-1.310 partially degraded; <= 1.230 degraded.',
    });
    assert.deepEqual(codes(text), []);
  });
});

describe('who-classification-mismatch (lowest T: <= -2.5 osteoporosis; < -1.0 low bone mass; >= -1.0 normal)', () => {
  const table = (t: string) => [`L1-L4                  0.971        ${t}      -0.2`];
  const cases: Array<[string, string, boolean]> = [
    ['-2.5', 'Osteoporosis.', false],
    ['-2.5', 'Osteopenia.', true],
    ['-2.4', 'Osteopenia.', false],
    ['-2.4', 'Osteoporosis.', true],
    ['-1.1', 'Low bone mass.', false],
    ['-1.0', 'Normal bone density.', false],
    ['-1.0', 'Osteopenia.', true],
    ['-0.9', 'Normal bone density.', false],
  ];
  for (const [t, stated, mismatch] of cases) {
    test(`lowest T ${t}, "${stated}": ${mismatch ? 'mismatch' : 'ok'}`, () => {
      const text = report({ table: table(t), impression: [`1. ${stated}`] });
      assert.equal(codes(text).includes('who-classification-mismatch'), mismatch);
    });
  }
  test('the fix writes the class the T-score gives and re-analyses clean', () => {
    const text = report({
      table: ['L1-L4                  0.861        -2.7      -1.2'],
      impression: ['1. Osteopenia. Lowest T-score -2.7 at L1-L4.'],
    });
    const f = run(text).findings.find((x) => x.code === 'who-classification-mismatch')!;
    const fixed = apply(text, f.fixes![0].edits);
    assert.equal(fixed, text.replace('1. Osteopenia.', '1. Osteoporosis.'));
    assert.deepEqual(codes(fixed), []);
  });
  test('"screening for osteoporosis" in the indication is not a classification', () => {
    const text = report().replace('TECHNIQUE:', 'INDICATION: Screening for osteoporosis.\n\nTECHNIQUE:');
    assert.deepEqual(codes(text), []);
  });
});

describe('plausibility', () => {
  const tbs = (v: string) => codes(report({ tbsLine: `TBS L1-L4 ${v}.` })).includes('tbs-value-implausible');
  test('TBS 0.800 and 1.800 are plausible; 0.799 and 1.801 are not', () => {
    assert.equal(tbs('0.800'), false);
    assert.equal(tbs('1.800'), false);
    assert.equal(tbs('0.799'), true);
    assert.equal(tbs('1.801'), true);
    assert.equal(tbs('12.62'), true);
  });
  const t = (v: string) =>
    codes(report({ table: [`Left femoral neck      0.694        ${v}      -0.7`] })).includes('t-score-implausible');
  test('T-score -7.0 and +7.0 are plausible; -7.1 and -12 are not', () => {
    assert.equal(t('-7.0'), false);
    assert.equal(t('+7.0'), false);
    assert.equal(t('-7.1'), true);
    assert.equal(t('-12'), true);
  });
  const r = (mof: string) =>
    codes(report({ riskLine: `TBS-adjusted FRAX: MOF ${mof}%; hip 0.1%.` })).includes('risk-implausible');
  test('risk must be >= 0 and <= 100 (0.0 % is a rounded FRAX output)', () => {
    assert.equal(r('100'), false);
    assert.equal(r('0.1'), false);
    assert.equal(r('100.1'), true);
    assert.equal(r('140'), true);
    assert.equal(r('0'), false);
    assert.equal(r('0.0'), false);
  });
});

describe('hip-risk-exceeds-mof', () => {
  const at = (line: string) => codes(report({ riskLine: line })).includes('hip-risk-exceeds-mof');
  test('hip = MOF is allowed, hip > MOF is not', () => {
    assert.equal(at('TBS-adjusted FRAX: MOF 4.5%; hip 4.5%.'), false);
    assert.equal(at('TBS-adjusted FRAX: MOF 4.4%; hip 4.5%.'), true);
  });
  test('compares adjusted with adjusted and unadjusted with unadjusted', () => {
    assert.equal(at('Conventional FRAX: MOF 3.0%, hip 2.0%.\nTBS-adjusted FRAX: MOF 5.0%; hip 2.5%.'), false);
    assert.equal(at('Conventional FRAX: MOF 3.0%, hip 3.5%.\nTBS-adjusted FRAX: MOF 5.0%; hip 2.5%.'), true);
  });
});

describe('conflicting-values', () => {
  test('two TBS values, with related information on both', () => {
    const text = report({ impression: ['1. Low bone mass (osteopenia).', '2. TBS 1.226.'] });
    const f = run(text).findings.find((x) => x.code === 'conflicting-values')!;
    assert.ok(f);
    assert.equal(f.related?.length, 2);
    assert.match(f.message, /1\.226.*1\.262/);
  });
  test('same value twice is no conflict; adjusted and unadjusted MOF are two measurements', () => {
    assert.deepEqual(codes(report({ impression: ['1. Low bone mass (osteopenia).', '2. TBS 1.262.'] })), []);
    assert.deepEqual(
      codes(report({ riskLine: 'Conventional FRAX: MOF 15%, hip 2.0%.\nTBS-adjusted FRAX: MOF 17%; hip 2.9%.' })),
      [],
    );
  });
  test('two T-scores for the same site conflict; different sites do not', () => {
    assert.ok(
      codes(report({ impression: ['1. Low bone mass (osteopenia); left femoral neck T-score -2.3.'] })).includes(
        'conflicting-values',
      ),
    );
    assert.deepEqual(
      codes(report({ impression: ['1. Low bone mass (osteopenia); lowest T-score -2.1 at the left femoral neck.'] })),
      [],
    );
  });
});

describe('risk-not-tbs-adjusted', () => {
  test('raised when no risk is stated as adjusted', () => {
    assert.deepEqual(codes(report({ riskLine: 'FRAX 10-year probability: MOF 17%; hip 2.9%.' })), [
      'risk-not-tbs-adjusted',
    ]);
  });
  test('not raised for "adjusted for TBS", "TBS-FRAX", "Adjusted-FRAX"', () => {
    for (const line of [
      'FRAX adjusted for TBS: MOF 17%, hip 2.9%.',
      'TBS-FRAX: MOF 17%, hip 2.9%.',
      'Adjusted-FRAX: MOF 17%, hip 2.9%.',
    ]) {
      assert.deepEqual(codes(report({ riskLine: line })), [], line);
    }
  });
  test('"not adjusted for TBS" is not adjusted', () => {
    const a = run(report({ riskLine: 'FRAX (not adjusted for TBS): MOF 17%; hip 2.9%.' }));
    assert.deepEqual(
      a.elements.risks.map((r) => r.adjusted),
      [false, false],
    );
  });
});

describe('codes and profiles', () => {
  test('77089 with 77091: cpt-code-conflict (error) and profile 77089', () => {
    const a = run(report({ code: '77080, 77089, 77091' }));
    assert.equal(a.profile, '77089');
    const f = a.findings.find((x) => x.code === 'cpt-code-conflict')!;
    assert.equal(f.severity, 'error');
  });
  test('modifier on a TBS code is an information hint', () => {
    const f = run(report({ code: '77080, 77091-26' })).findings.find((x) => x.code === 'tbs-code-modifier')!;
    assert.equal(f.severity, 'information');
  });
  test('77092 requires impression, provider, TBS and risk, not T-score or model', () => {
    const text =
      'TBS interpretation (CPT 77092)\nTBS 1.271.\nTBS-adjusted 10-year probability: MOF 12%, hip 1.1%.\n\nIMPRESSION:\nPartially degraded microarchitecture.\n\nInterpreted by: Jane Roe, MD\n';
    const a = run(text);
    assert.equal(a.profile, '77092');
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text.replace(/IMPRESSION:\nPartially degraded microarchitecture.\n/, '')), [
      'missing-impression',
    ]);
  });
  test('77089 requires an impression in addition to the 77091 elements', () => {
    const noImpression = report({ code: '77080, 77089' }).replace(
      /IMPRESSION:\n1\. Low bone mass \(osteopenia\)\.\n/,
      '',
    );
    assert.deepEqual(codes(noImpression), ['missing-impression']);
    assert.deepEqual(
      codes(report().replace(/IMPRESSION:\n1\. Low bone mass \(osteopenia\)\.\n/, '')),
      [],
      'not required for 77091',
    );
  });
  test('no code named: the configured profile applies', () => {
    const text = report({ code: '77080' }).replace(/IMPRESSION:\n1\. Low bone mass \(osteopenia\)\.\n/, '');
    assert.equal(run(text).profile, '77091');
    assert.equal(run(text, { profile: '77089' }).profile, '77089');
    assert.deepEqual(codes(text, { profile: '77089' }), ['missing-impression']);
  });
});

describe('validated ranges (information)', () => {
  const age = (a: string) => codes(report({ age: a })).includes('age-outside-validated-range');
  test('age 40 and 90 are inside; 39 and 91 are outside', () => {
    assert.equal(age('40'), false);
    assert.equal(age('90'), false);
    assert.equal(age('39'), true);
    assert.equal(age('91'), true);
  });
  test('age is only checked with a TBS-adjusted risk', () => {
    assert.deepEqual(codes(report({ age: '93', riskLine: 'FRAX: MOF 17%; hip 2.9%.' })), ['risk-not-tbs-adjusted']);
  });
  const bmi = (b: string) => codes(report({ bmi: b })).includes('bmi-outside-validated-range');
  test('BMI 15 and 37 are inside; 14.9 and 37.1 are outside', () => {
    assert.equal(bmi('15.0'), false);
    assert.equal(bmi('37.0'), false);
    assert.equal(bmi('14.9'), true);
    assert.equal(bmi('37.1'), true);
  });
  test('ranges are settings', () => {
    assert.equal(
      codes(report({ age: '93' }), { validatedAgeRange: [40, 95] }).includes('age-outside-validated-range'),
      false,
    );
    const f = run(report({ bmi: '39.0' })).findings.find((x) => x.code === 'bmi-outside-validated-range')!;
    assert.equal(f.severity, 'information');
  });
});

describe('severity settings and disable comments', () => {
  const text = report({ signature: 'cc: Referring Doc, MD' });
  test('a rule set to off disappears; another severity is applied', () => {
    assert.deepEqual(codes(text), ['missing-provider']);
    assert.deepEqual(codes(text, { severity: { 'missing-provider': 'off' } }), []);
    assert.equal(run(text, { severity: { 'missing-provider': 'error' } }).findings[0].severity, 'error');
  });
  test('"tbs-report-disable missing-provider" turns the rule off for the file', () => {
    assert.deepEqual(codes(`${text}<!-- tbs-report-disable missing-provider -->\n`), []);
  });
  test('"tbs-report-disable-next-line" applies to the next line only', () => {
    const t = report({ tbsLine: '<!-- tbs-report-disable-next-line -->\nTBS L1-L4 1.198 (partially degraded).' });
    assert.ok(!codes(t).includes('tbs-category-mismatch'));
  });
  test('every rule has a default severity', () => {
    for (const r of RULES) assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.id);
  });
});

describe('missing elements and their insertions', () => {
  const strip = (t: string, re: RegExp) => t.replace(re, '');
  const variants: Array<[string, string]> = [
    ['missing-tbs-value', strip(report(), /TBS L1-L4 1\.262 \(partially degraded microarchitecture\)\.\n/)],
    ['missing-t-score', report({ table: ['L1-L4                  0.871'] }).replace('   T-score   Z-score', '')],
    ['missing-risk-model', report({ riskLine: 'TBS-adjusted 10-year probability: MOF 17%; hip 2.9%.' })],
    ['missing-calculated-risk', report({ riskLine: 'FRAX not calculated.' })],
    ['missing-provider', report({ signature: 'Referring physician: Sam Poe, MD' })],
  ];
  for (const [code, text] of variants) {
    test(`${code}: the fix inserts a labelled slot and keeps every character`, () => {
      const a = run(text);
      assert.deepEqual([...new Set(a.findings.map((f) => f.code))], [code]);
      const f = a.findings[0];
      assert.ok(f.message.length > 40);
      const fixed = apply(text, f.fixes![0].edits);
      const inserted = f.fixes![0].edits[0].newText;
      const at = fixed.indexOf(inserted);
      assert.ok(at >= 0);
      assert.equal(fixed.slice(0, at) + fixed.slice(at + inserted.length), text, 'original text intact');
      assert.deepEqual(codes(fixed), ['unfilled-placeholder'], `after inserting ${JSON.stringify(inserted)}`);
    });
  }
  test('the missing element points at the section where it belongs', () => {
    const text = report({ riskLine: 'TBS-adjusted 10-year probability: MOF 17%; hip 2.9%.' });
    const f = run(text).findings[0];
    assert.equal(text.split('\n')[f.range.start.line], 'FRACTURE RISK:');
  });
  test('a labelled slot holding a placeholder raises unfilled-placeholder alone', () => {
    const text = report({ tbsLine: 'TBS: ___' });
    assert.deepEqual(codes(text), ['unfilled-placeholder']);
    assert.deepEqual(run(text).documented.unfilled, ['tbs']);
  });
});

describe('the template snippet', () => {
  test('expanded with its defaults yields placeholders only, never a missing-*', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../..');
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets/radiology-report.code-snippets'), 'utf8'));
    const tpl = Object.values(snippets as Record<string, { prefix: string; body: string[] }>).find(
      (s) => s.prefix === 'tbs-report',
    )!;
    const expanded = tpl.body
      .join('\n')
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');
    const a = analyze(expanded);
    assert.ok(a.findings.length > 0);
    assert.deepEqual([...new Set(a.findings.map((f) => f.code))], ['unfilled-placeholder']);
    // The template names FRAX (its TBS-adjusted line needs it); every other element is a blank slot.
    assert.deepEqual(a.documented.unfilled.sort(), ['provider', 'risk', 'tScore', 'tbs']);
  });
});
