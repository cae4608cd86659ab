/**
 * Risk reading classes of waves 8 and 9 (branch trisk): the scope of an adjustment lead-in over the
 * lines under it, slash pairs whose members carry their own qualifiers, approximate values in a
 * sentence of treatment cut-offs, "respectively" pairs whose kinds were named in the sentence
 * before, restated regions, and labelled risk slots. The phrasings are invented for the class (several
 * languages and layouts), with negative cases; none is the wording of a realistic file.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

/** "kind value adj|unadj", sorted. */
const read = (s: string): string[] =>
  analyze(s)
    .elements.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'adj' : 'unadj'}`)
    .sort();
const codes = (s: string): string[] => [...new Set(analyze(s).findings.map((f) => f.code))].sort();

/** A short report around a risk passage. */
const around = (risk: string): string =>
  [
    'DXA with trabecular bone score (CPT 77080, 77091)',
    'Age: 68   Sex: F',
    '',
    'Lumbar spine L1-L4 T-score -1.6. Left femoral neck T-score -2.1.',
    'TBS L1-L4 1.262 (partially degraded microarchitecture).',
    '',
    risk,
    '',
    'Impression: Osteopenia.',
    '',
    'Electronically signed by: Jane Roe, MD',
    '',
  ].join('\n');

describe('an adjustment lead-in covers the lines under it', () => {
  test.each([
    ['FRAX (Canada), after correction for the trabecular bone score:\n  - MOF: 21%\n  - hip: 4.2%'],
    ['FRAX with correction for TBS\n* major osteoporotic fracture 21 %\n* hip fracture 4.2 %'],
    ['FRAX mit TBS-Korrektur:\n  Major osteoporotic fracture 21 %\n  Hip fracture 4.2 %'],
    ['FRAX, adjustment for the trabecular bone score -\nMOF ........ 21%\nHip ........ 4.2%'],
  ])('%s', (s) => {
    expect(read(around(s))).toEqual(['hip 4.2 adj', 'mof 21 adj']);
    expect(codes(around(s))).not.toContain('risk-not-tbs-adjusted');
  });

  test('a contrary line after the items keeps its own adjustment', () => {
    const s = around(
      'FRAX (UK), after correction for the trabecular bone score:\n  - MOF: 21%\n  - hip: 4.2%\nWithout the TBS correction the same tool gave 18% and 3.5%.',
    );
    expect(read(s)).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
    expect(codes(s)).not.toContain('conflicting-values');
  });

  test.each([
    [
      'FRAX\nMit TBS-Korrektur:\n  Major osteoporotische Fraktur: 21 %\n  Hüftfraktur: 4,2 %\nOhne TBS-Korrektur: 18 % und 3,5 %.',
    ],
    [
      'FRAX avec TBS :\n- fracture ostéoporotique majeure : 21 %\n- fracture de hanche : 4,2 %\nSans TBS : 18 % et 3,5 %.',
    ],
    ['FRAX con TBS:\n- fractura osteoporótica mayor: 21 %\n- fractura de cadera: 4,2 %\nSin TBS: 18 % y 3,5 %.'],
  ])('other languages, with the contrary line after the items: %s', (s) => {
    expect(read(around(s))).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
  });

  test('a blank line and a new header end the lead-in', () => {
    const s = around(
      'FRAX, after correction for TBS:\n  - MOF: 21%\n  - hip: 4.2%\n\nFRAX WITHOUT TBS:\n  - MOF: 18%\n  - hip: 3.5%',
    );
    expect(read(s)).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
  });

  test('a lead-in silent on the TBS leaves the lines unadjusted', () => {
    expect(read(around('FRAX (US), after data entry:\n  - MOF: 21%\n  - hip: 4.2%'))).toEqual([
      'hip 4.2 unadj',
      'mof 21 unadj',
    ]);
  });
});

describe('slash pairs whose members carry their own qualifiers', () => {
  test.each([
    [
      'FRAX: major osteoporotic fracture 18% (BMD only) / 21% (adjusted for TBS); hip fracture 3.5% (BMD only) / 4.2% (adjusted for TBS).',
    ],
    ['FRAX\n  MOF 18 % unadjusted / 21 % TBS-adjusted\n  Hip 3.5 % unadjusted / 4.2 % TBS-adjusted'],
    [
      'FRAX 10-year probability of a major osteoporotic fracture 18% (without TBS) / 21% (with TBS), of a hip fracture 3.5% (without TBS) / 4.2% (with TBS).',
    ],
    ['FRAX\n  MOF 21% (TBS-adjusted) / 18% (unadjusted)\n  hip 4.2% (TBS-adjusted) / 3.5% (unadjusted)'],
    ['FRAX major osteoporotic fracture 18% (BMD only), 21% (with TBS); hip fracture 3.5% (BMD only), 4.2% (with TBS).'],
    ['FRAX MOF 18% unadjusted | 21% TBS-adjusted\nFRAX hip 3.5% unadjusted | 4.2% TBS-adjusted'],
    ['FRAX MOF: 18% (sans TBS) / 21% (avec TBS); hanche: 3,5% (sans TBS) / 4,2% (avec TBS)'],
  ])('%s', (s) => {
    expect(read(around(s))).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
    expect(codes(around(s))).not.toContain('risk-not-tbs-adjusted');
  });

  test('a bare slash pair of two kinds is still read by kind', () => {
    expect(read(around('TBS-adjusted FRAX MOF/hip: 21%/4.2%.'))).toEqual(['hip 4.2 adj', 'mof 21 adj']);
    expect(read(around('TBS-adjusted FRAX: MOF 21% / hip 4.2%.'))).toEqual(['hip 4.2 adj', 'mof 21 adj']);
  });

  test('a list of values of one qualifier is no pair', () => {
    expect(read(around('FRAX (TBS-adjusted): MOF 21%, hip 4.2%; unadjusted: MOF 18%, hip 3.5%.'))).toEqual([
      'hip 3.5 unadj',
      'hip 4.2 adj',
      'mof 18 unadj',
      'mof 21 adj',
    ]);
  });

  test('a slash pair without qualifiers takes no second value of the same kind', () => {
    expect(read(around('TBS-adjusted FRAX: MOF 21% / 4.2%.')).filter((r) => r.startsWith('mof'))).toEqual([
      'mof 21 adj',
    ]);
  });
});

describe('an approximate value in a sentence of treatment cut-offs is a threshold', () => {
  const results = 'TBS-adjusted FRAX: MOF 14%, hip 2.7%.';
  test.each([
    ['Consider treatment given the TBS-adjusted hip probability close to 3%.'],
    ['Treatment should be discussed, the hip fracture risk being near 3%.'],
    ['Pharmacotherapy is advised as the hip risk is around 3% (intervention threshold).'],
    ['Le traitement est recommandé, la probabilité de fracture de hanche étant proche de 3 %.'],
  ])('%s', (s) => {
    const text = around(`${results}\n${s}`);
    expect(read(text)).toEqual(['hip 2.7 adj', 'mof 14 adj']);
    expect(codes(text)).not.toContain('conflicting-values');
  });

  test.each([
    ['TBS-adjusted FRAX: the MOF risk is close to 20% and the hip risk is near 3%.'],
    ['TBS-adjusted FRAX 10-year probabilities: major osteoporotic fracture around 20%, hip around 3%.'],
  ])('an approximate value stated as the result, with no cut-off cue, is the result: %s', (s) => {
    expect(read(around(s))).toEqual(['hip 3 adj', 'mof 20 adj']);
  });
});

describe('"respectively" takes the kinds named in the sentence before', () => {
  test.each([
    [
      'Guidance advises drug treatment once the major fracture probability is above 20% or the hip probability is above 3%. Her TBS-adjusted FRAX values are 14% and 2.7% respectively.',
    ],
    [
      'Treatment is recommended at a MOF risk of 20% or more, or a hip fracture risk of 3% or more. The TBS-adjusted FRAX results are 14% and 2.7%, respectively, below both.',
    ],
    [
      'The FRAX probabilities of major osteoporotic and hip fracture were calculated. Adjusted for TBS, they are 14% and 2.7% respectively.',
    ],
  ])('%s', (s) => {
    expect(read(around(s))).toEqual(['hip 2.7 adj', 'mof 14 adj']);
    expect(codes(around(s))).not.toContain('missing-calculated-risk');
  });

  test.each([
    [
      'The FRAX probabilities of major osteoporotic and hip fracture were adjusted for TBS. They are 14% and 2.7% respectively.',
      'adj',
    ],
    [
      'Hip and major osteoporotic fracture probabilities were computed with FRAX corrected for the TBS. They are 2.7% and 14%, respectively.',
      'adj',
    ],
    [
      'The FRAX probabilities of major osteoporotic and hip fracture were not adjusted for TBS. They are 14% and 2.7% respectively.',
      'unadj',
    ],
  ])('the pair takes the adjustment the sentence before states: %s', (s, adj) => {
    expect(read(around(s))).toEqual([`hip 2.7 ${adj}`, `mof 14 ${adj}`]);
  });

  test('the kinds are taken in the order last named', () => {
    const s = around(
      'Treatment is advised above 3% for hip fracture or above 20% for a major osteoporotic fracture. With TBS adjustment, FRAX gives 2.7% and 14% respectively.',
    );
    expect(read(s)).toEqual(['hip 2.7 adj', 'mof 14 adj']);
  });

  test('without "respectively" the bare pair takes no kind from the sentence before', () => {
    const s = around(
      'Treatment is advised once the MOF probability is above 20% or the hip probability is above 3%. Her values are 14% and 2.7%.',
    );
    expect(read(s)).toEqual([]);
  });
});

describe('a labelled risk slot written as a percentage to fill is the risk, unfilled', () => {
  /** A template with both risks left as the given slot. */
  const template = (
    slot: string,
    mof = '10-year major osteoporotic fracture probability',
    hip = '10-year hip fracture probability',
  ) =>
    [
      'EXAM: DXA with trabecular bone score (CPT 77080, 77091)',
      'AGE: 65   SEX: F',
      'Lumbar spine L1-L4 T-score: -1.5. TBS (L1-L4): 1.318.',
      '',
      'FRACTURE RISK (FRAX, adjusted for TBS):',
      `${mof}: ${slot}`,
      `${hip}: ${slot}`,
      '',
      'IMPRESSION: Osteopenia.',
      'Signed: Jane Roe, MD',
      '',
    ].join('\n');
  test.each([['***%'], ['__ %'], ['[ ]%'], ['xx%'], ['XX %'], ['xxx %']])('slot %s', (slot) => {
    const c = codes(template(slot));
    expect(c).toContain('unfilled-placeholder');
    expect(c).not.toContain('missing-calculated-risk');
  });
  test.each([
    ['MOF', 'Hip'],
    ['Probabilité de fracture majeure à 10 ans', 'Probabilité de fracture de hanche'],
  ])('other labels: %s', (mof, hip) => {
    const c = codes(template('***%', mof, hip));
    expect(c).toContain('unfilled-placeholder');
    expect(c).not.toContain('missing-calculated-risk');
  });
  test('filled values raise neither finding', () => {
    const c = codes(
      template('17%').replace(
        /17%\n10-year hip fracture probability: 17%/,
        '17%\n10-year hip fracture probability: 2.9%',
      ),
    );
    expect(c).not.toContain('unfilled-placeholder');
    expect(c).not.toContain('missing-calculated-risk');
  });
  test("x's inside a word, and two underscores with no percentage, are no slot", () => {
    expect(codes(around('TBS-adjusted FRAX: MOF 17%, hip 2.9%. Seen at Maxx% clinic; file ref a__b.'))).not.toContain(
      'unfilled-placeholder',
    );
  });
});

describe('a restated forearm value resolves to the sub-region it was read at', () => {
  const sites = (s: string): string[] =>
    analyze(s)
      .elements.tScores.map((x) => `${x.site}:${x.value}`)
      .sort();
  /** A forearm table, then an impression line. */
  const forearm = (
    impression: string,
    rows = ['Left radius 33%        0.662   -2.7', 'Left radius total      0.571   -2.9'],
  ) =>
    [
      'Region                 BMD     T-score',
      'AP spine L1-L4         1.021   -1.3',
      ...rows,
      '',
      `Impression: ${impression}`,
      '',
    ].join('\n');

  test.each([
    ['Osteoporosis based on the one-third (33%) radius T-score of -2.7.'],
    ['Osteoporosis at the 1/3 (33 %) radius, T-score -2.7.'],
    ['Osteoporosis; the lowest T-score is at the radius (33%): -2.7.'],
    ['Osteoporosis based on the radius T-score of -2.7.'],
    ['Osteoporosis, left forearm T-score -2.7.'],
  ])('%s', (s) => {
    const text = forearm(s);
    expect(sites(text)).toEqual(['L1-L4:-1.3', 'left radius 33%:-2.7', 'left radius 33%:-2.7', 'left radius:-2.9']);
    expect(codes(text)).not.toContain('conflicting-values');
  });

  test('a bracketed gloss names the sub-region on its own line too', () => {
    expect(sites('Radius (33%): T-score -2.7\nRadius (UD): T-score -2.1\n')).toEqual([
      'radius 33%:-2.7',
      'radius UD:-2.1',
    ]);
    expect(sites('Left radius (one third) T-score -2.7\n')).toEqual(['left radius 33%:-2.7']);
  });

  test('the total radius value restated stays the total radius', () => {
    expect(sites(forearm('Osteoporosis; radius T-score -2.9.'))).toContain('left radius:-2.9');
    expect(sites(forearm('Osteoporosis; radius T-score -2.9.'))).not.toContain('left radius 33%:-2.9');
  });

  test('a value equal at two sub-regions takes neither', () => {
    const text = forearm('Osteoporosis; radius T-score -2.7.', [
      'Left radius 33%        0.662   -2.7',
      'Right radius 33%       0.671   -2.7',
    ]);
    expect(sites(text)).toContain('radius:-2.7');
  });
});
