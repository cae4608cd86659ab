/**
 * Disable comments and pasted-report banners are read only where the shared scan (findKeywords)
 * found a keyword; PATTERNS lists any sticky pattern still run only at its hits (none today). That is right only if it finds every match of
 * each pattern that a scan of the whole text would: checked here against those whole-text scans.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findKeywords, matchesAt } from '../../server/src/engine/scan';
import { makeDoc } from '../../server/src/engine/text';
import { generateReports } from '../robustness/reportGen';

const PATTERNS: Array<[string, RegExp, string]> = [];

function wholeScan(norm: string, sticky: RegExp): Array<[number, number]> {
  const re = new RegExp(sticky.source, sticky.flags.replace('y', '') + 'g');
  const out: Array<[number, number]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

function check(text: string): void {
  const doc = makeDoc(text);
  const words = findKeywords(doc);
  for (const [name, sticky, first] of PATTERNS) {
    assert.ok(sticky.sticky, `${name} is a sticky pattern`);
    const found = matchesAt(doc.norm, words, sticky, first).map((s): [number, number] => [s.start, s.end]);
    assert.deepEqual(found, wholeScan(doc.norm, sticky), `${name} in ${JSON.stringify(text.slice(0, 200))}`);
  }
  // Disable comments are looked for only at keyword hits too.
  const commentAtHit = words.some((w) => doc.norm.startsWith('tbs-report-disable', w.start));
  assert.equal(
    commentAtHit,
    doc.norm.includes('tbs-report-disable'),
    `disable comment in ${JSON.stringify(text.slice(0, 200))}`,
  );
  // Pasted-report banners: every occurrence starts at a hit.
  for (const w of ['prior report', 'previous report']) {
    for (let k = doc.norm.indexOf(w); k >= 0; k = doc.norm.indexOf(w, k + 1))
      assert.ok(
        words.some((h) => h.start === k),
        `"${w}" at ${k} in ${JSON.stringify(text.slice(0, 200))}`,
      );
  }
}

test('measure-word scan finds every label on hand-picked text', () => {
  const cases = [
    'TBS: 1.262 and T-score -2.1; Z score 0.3; BMD 0.8',
    'Trabecular  bone\tscores 1.2, trabecular bone score 1.3',
    'T: -1.2 t = -2 t -1.5 t +0.4 T=-2.5 tbs-adjusted tbst-score',
    'ttbs tbsbmd bmdtbs zbs t-scores z-scorebs t  score tscore t- score',
    'L1-L4 | 1.099 | -1.4 | TBS | T-score | BMD | Z-score |',
    'rest of text without any word of interest',
    'Unadjusted | without  TBS | without tbs | caroconventional | tunadjusted | without tbswithout tbs',
    'WHO Fracture Risk Assessment Tool; fracture risk  assessment\ttool; ttool; t-score tool',
    '<!-- tbs-report-disable missing-provider --> ttbs-report-disable xtbs-report-disable-next-line',
    'FRAX, fraxplus, FRAXplus: Garvan; QFracture, q-fracture, CAROC, tfrax, frax-tbs, garvanx',
    'BMI 24.1; bmi: 30; BMI of 19,5; bmibmi 3; CPT 77091-26, 77080 TC, 770912, 7709177089, x77091, 77091 with modifier 26',
    '',
  ];
  for (const c of cases) check(c);
});

test('measure-word scan finds every label in generated reports', () => {
  for (const r of generateReports(200, 7)) check(r);
});

test('measure-word scan finds every label in random text', () => {
  const pieces = fc.constantFrom(
    't',
    'z',
    'b',
    's',
    'tbs',
    'bmd',
    'score',
    'scores',
    'trabecular',
    'bone',
    ' ',
    '  ',
    '\t',
    '-',
    '+',
    '=',
    ':',
    '1',
    '.2',
    'T',
    'Z',
    'TBS',
    '\n',
    'a',
    'x',
    'frax',
    'plus',
    'garvan',
    'q',
    'fracture',
    'caroc',
    'bmi',
    '770',
    '9',
    '1',
    '-26',
    ' tc',
    ' modifier',
    '/',
    'tbs-report-disable',
    '-report-disable',
    'fracture risk assessment tool',
    'who ',
    'tool',
    'unadjusted',
    'without tbs',
    'conventional',
    'con',
    'ventional',
    'un',
    'adjusted',
    'without',
    ' tbs',
    'prior report',
    'previous report',
    'prior',
    ' report',
  );
  fc.assert(
    fc.property(
      fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')),
      (s) => check(s),
    ),
    { numRuns: 3000 },
  );
});
