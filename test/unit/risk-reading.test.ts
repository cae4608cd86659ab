/**
 * The risk reader on the token pipeline (reading/risk.ts, riskTable.ts, riskKinds.ts), one block
 * per mechanism, in CheckList style: MFT (does it read the class), INV (a fact-preserving change
 * leaves the reading as it was), DIR (a cue moves the reading the expected way). The phrasings
 * here were written after the reader, not used to build it.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

/** "kind value adj|unadj", sorted. */
const read = (s: string): string[] =>
  analyze(s)
    .elements.risks.map((r) => `${r.kind} ${r.value} ${r.adjusted ? 'adj' : 'unadj'}`)
    .sort();
const kinds = (s: string): string[] =>
  analyze(s)
    .elements.risks.map((r) => `${r.kind} ${r.value}`)
    .sort();

describe('typed attachment (MFT)', () => {
  test.each([
    ['The FRAX tool puts her 10-year chance of a major osteoporotic fracture at 21% and of a hip fracture at 4.2%.'],
    ['FRAX gives 21% for a major osteoporotic fracture and 4.2% for a hip fracture over ten years.'],
    ['Ten-year FRAX risk is 21% (major osteoporotic) and 4.2% (hip).'],
    ['Per FRAX, major osteoporotic fracture risk stands at 21 percent; hip fracture risk stands at 4.2 percent.'],
    ['FRAX 10-yr probabilities — MOF: 21%, hip: 4.2%.'],
    ['Calculated with FRAX, hip 4.2% and MOF 21%.'],
  ])('kind before or after the value, ordinary words between: %s', (s) => {
    expect(kinds(s)).toEqual(['hip 4.2', 'mof 21']);
  });

  test.each([
    ['FRAX-derived probabilities for major osteoporotic and hip fracture: 21% and 4.2%, respectively.'],
    ['Using FRAX, the major osteoporotic fracture and hip fracture risks were 21 % and 4.2 % respectively.'],
    ['FRAX MOF/hip: 21%/4.2%.'],
    ['FRAX: 21% / 4.2% (MOF / hip).'],
  ])('coordinated values and "respectively": %s', (s) => {
    expect(kinds(s)).toEqual(['hip 4.2', 'mof 21']);
  });

  test.each([
    ['TBS-adjusted FRAX: MOF 21%, hip 4.2% (unadjusted: 18% and 3.5%).'],
    ['TBS-adjusted FRAX gives MOF 21% and hip 4.2% [without TBS 18% and 3.5%].'],
  ])('a bracketed pair takes the kinds before it, in order: %s', (s) => {
    expect(read(s)).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
  });

  test('one value in brackets after each risk', () => {
    expect(read('FRAX with TBS: MOF 21% (unadjusted 18%), hip 4.2% (unadjusted 3.5%).')).toEqual([
      'hip 3.5 unadj',
      'hip 4.2 adj',
      'mof 18 unadj',
      'mof 21 adj',
    ]);
  });

  test('a value that rises to another keeps its kind; the first is the value before adjustment', () => {
    expect(read('After TBS adjustment the FRAX hip fracture probability goes up from 3.5% to 4.2%.')).toEqual([
      'hip 3.5 unadj',
      'hip 4.2 adj',
    ]);
    expect(read('The FRAX MOF risk of 18% rising to 21% once adjusted for TBS.')).toEqual([
      'mof 18 unadj',
      'mof 21 adj',
    ]);
  });
});

describe('kind attribution (MFT)', () => {
  test.each([
    ['FRAX: major osteoporotic fracture (hip, spine, forearm or humerus) 21%.'],
    ['FRAX 10-year risk of a major osteoporotic fracture (MOF; vertebra, hip, wrist, shoulder): 21%.'],
    [
      'FRAX: probability of major osteoporotic fracture (clinical vertebral, hip, forearm and proximal humerus) is 21%.',
    ],
  ])('a site list in brackets after MOF names no kind: %s', (s) => {
    expect(kinds(s)).toEqual(['mof 21']);
  });

  test.each([
    ['FRAX: your chance of breaking a major bone (spine, hip, wrist or shoulder) over ten years is 21%.'],
    ['FRAX probability of a major osteoporotic fracture, that is (hip, vertebra or wrist), 21%.'],
  ])('any bracketed list of sites names no kind: %s', (s) => {
    expect(kinds(s)).toEqual(['mof 21']);
  });

  test('kinds after the values, after "respectively for"', () => {
    expect(kinds('FRAX gives 21% and 4.2% respectively for major osteoporotic and hip fracture.')).toEqual([
      'hip 4.2',
      'mof 21',
    ]);
  });

  test('listed kinds repeat over whole rounds of values', () => {
    expect(read('FRAX MOF and hip risks, conventional: 18 % and 3.5 %; with TBS: 21 % and 4.2 %.')).toEqual([
      'hip 3.5 unadj',
      'hip 4.2 adj',
      'mof 18 unadj',
      'mof 21 adj',
    ]);
  });

  test('Garvan "any fracture" is its own kind', () => {
    expect(kinds('Garvan 10-year risk of any osteoporotic fracture 24% and of hip fracture 6%.')).toEqual([
      'any 24',
      'hip 6',
    ]);
  });
});

describe('thresholds, legends and hypotheticals are not results (DIR)', () => {
  const base = 'FRAX: MOF 21%, hip 4.2%.';
  test.each([
    ['NOGG intervention threshold at age 70: 17.5%.'],
    ['Treatment is generally recommended when these reach 20 % and 3 %.'],
    ['Treatment is considered if MOF risk is 20% or more.'],
    ['US thresholds: MOF ≥ 20%, hip ≥ 3%.'],
    ['MOF risk would rise to 25% if the TBS were lower.'],
    ['Had the TBS been normal, the MOF probability would have been 16%.'],
    ['Intervention levels: MOF 20%, hip 3%.'],
  ])('"%s" adds no risk', (extra) => {
    expect(kinds(`${base} ${extra}`)).toEqual(['hip 4.2', 'mof 21']);
  });

  test('a threshold in brackets after the kind is not its value', () => {
    expect(kinds('FRAX: MOF (treat at 20%) 21%; hip (treat at 3%) 4.2%.')).toEqual(['hip 4.2', 'mof 21']);
    expect(kinds('FRAX: hip fracture (threshold 3%) 4.2%.')).toEqual(['hip 4.2']);
  });

  test('age-dependent threshold table lines', () => {
    const text = [
      'FRAX: MOF 21%, hip 4.2%.',
      '',
      'NOGG intervention thresholds (MOF):',
      'Age 60: 12%',
      'Age 70: 17%',
      'Age 80: 24%',
    ].join('\n');
    expect(kinds(text)).toEqual(['hip 4.2', 'mof 21']);
  });
});

describe('adjustment scope (DIR / INV)', () => {
  test.each([
    ['Fracture risk (TBS-adjusted)\nFRAX MOF 21%\nFRAX hip 4.2%'],
    ['FRAX, adjusted for TBS:\n* MOF 21%\n* hip 4.2%'],
    ['Taking the trabecular bone score into account: FRAX MOF 21%, hip 4.2%.'],
    ['Accounting for the TBS, FRAX gives MOF 21% and hip 4.2%.'],
    ['FRAX (TBS-adj.): MOF 21%, hip 4.2%.'],
    ['FRAX adj. for TBS — MOF 21%, hip 4.2%.'],
    ['Your FRAX, adjusted for your TBS, is 21% for a major fracture and 4.2% for a hip fracture.'],
    ['FRAX: MOF 21%, hip 4.2%. Both figures include the TBS adjustment.'],
    ['FRAX (TBS-corrected): MOF 21%, hip 4.2%.'],
  ])('adjusted: %s', (s) => {
    expect(read(s)).toEqual(['hip 4.2 adj', 'mof 21 adj']);
  });

  test.each([
    ['FRAX without TBS: MOF 21%, hip 4.2%.'],
    ['Conventional FRAX: MOF 21%, hip 4.2%.'],
    ['FRAX (not adjusted for TBS): MOF 21%, hip 4.2%.'],
    ['FRAX MOF 21%, hip 4.2%.'],
  ])('not adjusted: %s', (s) => {
    expect(read(s)).toEqual(['hip 4.2 unadj', 'mof 21 unadj']);
  });

  test('an adjustment for something else is no TBS adjustment', () => {
    expect(read('TBS 1.210. Age-adjusted FRAX: MOF 21%, hip 4.2%.')).toEqual(['hip 4.2 unadj', 'mof 21 unadj']);
  });

  test('a heading covers only its own block', () => {
    const text = 'FRAX, TBS-adjusted:\n- MOF 21%\n- hip 4.2%\n\nImpression:\n- MOF 18% on the old scan software\n';
    expect(read(text)).toContain('mof 21 adj');
    expect(read(text)).not.toContain('mof 18 adj');
  });
});

describe('risk matrices (MFT)', () => {
  const tables: Array<[string, string]> = [
    [
      'short heading',
      [
        'FRAX (AU):',
        '                         Without TBS     With TBS',
        'Major osteoporotic         18%            21%',
        'Hip                        3.5%           4.2%',
      ].join('\n'),
    ],
    [
      'columns in the other order',
      [
        '10-year fracture probability (%)',
        '                         TBS-adjusted    Unadjusted',
        'MOF                        21              18',
        'Hip fracture               4.2             3.5',
      ].join('\n'),
    ],
    [
      'pipe table, kinds as columns',
      [
        '| FRAX 10-yr (%) | MOF | Hip |',
        '|---|---|---|',
        '| Unadjusted | 18 | 3.5 |',
        '| TBS-adjusted | 21 | 4.2 |',
      ].join('\n'),
    ],
    [
      'box drawing',
      [
        'FRAX 10-year probability',
        '┌──────────────┬─────────────┬──────────┐',
        '│              │ without TBS │ with TBS │',
        '├──────────────┼─────────────┼──────────┤',
        '│ MOF          │ 18 %        │ 21 %     │',
        '│ Hip fracture │ 3.5 %       │ 4.2 %    │',
        '└──────────────┴─────────────┴──────────┘',
      ].join('\n'),
    ],
    [
      '+---+ grid',
      [
        'FRAX risk (%)',
        '+-----------+-------------+--------------+',
        '| Kind      | Unadjusted  | TBS-adjusted |',
        '+-----------+-------------+--------------+',
        '| MOF       | 18          | 21           |',
        '| Hip       | 3.5         | 4.2          |',
        '+-----------+-------------+--------------+',
      ].join('\n'),
    ],
    [
      'rows named by the model',
      [
        'Fracture probability (%)   MOF    Hip',
        'FRAX                        18     3.5',
        'FRAX adj. TBS               21     4.2',
      ].join('\n'),
    ],
  ];
  test.each(tables)('%s', (_name, table) => {
    expect(read(table)).toEqual(['hip 3.5 unadj', 'hip 4.2 adj', 'mof 18 unadj', 'mof 21 adj']);
  });

  test('the heading length never swaps the columns (INV)', () => {
    const body = [
      '                         Without TBS     With TBS',
      'Major osteoporotic         18%            21%',
      'Hip                        3.5%           4.2%',
    ];
    const headings = ['FRAX:', 'FRAX (US, Caucasian):', 'FRAX 10-year probability of fracture, as calculated today:'];
    const readings = headings.map((h) => read([h, ...body].join('\n')));
    for (const r of readings) expect(r).toEqual(readings[0]);
  });

  test('a row of an earlier study is left out', () => {
    const text = ['FRAX (%)          MOF    Hip', 'Today, with TBS   21     4.2', 'Prior (2021)      16     2.9'].join(
      '\n',
    );
    expect(read(text)).toEqual(['hip 4.2 adj', 'mof 21 adj']);
  });
});

describe('prior studies (DIR)', () => {
  test.each([
    ['On the 2021 study, FRAX MOF was 16%.'],
    ['Previous FRAX (03/2022): MOF 16%, hip 2.9%.'],
    ['Compared with the last exam, when MOF risk was 16%, the risk has risen.'],
  ])('"%s" is history', (prior) => {
    expect(kinds(`FRAX: MOF 21%, hip 4.2%. ${prior}`)).toEqual(['hip 4.2', 'mof 21']);
  });

  test('a prior fracture is a risk factor, not an earlier study', () => {
    expect(kinds('FRAX (with prior fracture, current smoker): MOF 21%, hip 4.2%.')).toEqual(['hip 4.2', 'mof 21']);
  });
});

describe('model tie and CAROC', () => {
  const models = (s: string) =>
    analyze(s)
      .elements.risks.map((r) => `${r.kind} ${r.model ?? '-'}`)
      .sort();

  test('a risk belongs to the model of its sentence, lead-in or table', () => {
    expect(models('Garvan: any fracture 24%, hip 6%. FRAX: MOF 21%, hip 4.2%.')).toEqual([
      'any Garvan',
      'hip FRAX',
      'hip Garvan',
      'mof FRAX',
    ]);
    expect(models('QFracture, 10-year:\n- MOF 9.6%\n- hip 2.2%')).toEqual(['hip QFracture', 'mof QFracture']);
  });

  const categories: Array<[string, string]> = [
    ['CAROC: the 10-year fracture risk is moderate.', 'moderate'],
    ['Using CAROC, she falls into the high risk category.', 'high'],
    ['CAROC risk category: low.', 'low'],
  ];
  for (const [text, category] of categories)
    test(`CAROC category: ${text}`, () => {
      expect(analyze(text).elements.riskCategories?.map((c) => c.category)).toEqual([category]);
    });

  test('a category word about something else is no risk category', () => {
    expect(analyze('CAROC was used. Low TBS and high BMD were noted.').elements.riskCategories).toEqual([]);
  });
});

describe('a later clause that points back takes the earlier kinds, and keeps its own adjustment cue (MFT / DIR)', () => {
  test.each([
    [
      'FRAX without the TBS gives 23% for a major osteoporotic fracture and 6.2% for a hip fracture; once adjusted for TBS, these become 27% and 7.5%.',
    ],
    [
      'FRAX: major osteoporotic fracture 23%, hip fracture 6.2%; with the TBS adjustment they are 27% and 7.5% respectively.',
    ],
    ['Her FRAX MOF is 23% and her hip probability 6.2%; adjusted for TBS both increase, to 27% and 7.5%.'],
  ])('%s', (s) => {
    expect(read(s)).toEqual(['hip 6.2 unadj', 'hip 7.5 adj', 'mof 23 unadj', 'mof 27 adj']);
  });
  test('a single later value with no pointer takes no kind from the clause before', () => {
    expect(kinds('FRAX MOF 23%, hip 6.2%; LSC 2.8%.')).toEqual(['hip 6.2', 'mof 23']);
  });
  test('a cue after the values, in a clause of its own with no values, still qualifies them', () => {
    expect(read('FRAX: MOF 23%, hip 6.2%; both adjusted for TBS.')).toEqual(['hip 6.2 adj', 'mof 23 adj']);
  });
});

describe('adjustment cues: inclusion and incorporation of the TBS (MFT)', () => {
  test.each([
    ['FRAX (incl. TBS): MOF 14%, hip 2.0%.'],
    ['FRAX including the TBS: MOF 14%, hip 2.0%.'],
    ['FRAX (BMD + TBS): MOF 14%, hip 2.0%.'],
    ['FRAX, TBS-modified: MOF 14%, hip 2.0%.'],
    ['These FRAX figures incorporate the TBS:\n- MOF 14%\n- hip 2.0%'],
  ])('%s', (s) => {
    expect(read(s)).toEqual(['hip 2 adj', 'mof 14 adj']);
  });
  test('"FRAX results:" over its values names the model', () => {
    expect(analyze('FRAX results:\n- MOF 14%\n- hip 2.0%').elements.riskModels.map((m) => m.name)).toEqual(['FRAX']);
  });
});

describe('a year that labels bracketed values makes them the earlier study (DIR)', () => {
  test.each([
    ['TBS-adjusted FRAX: MOF 18%, hip 4.0% (2023: 15% and 3.1%).'],
    ['TBS-adjusted FRAX MOF 18% (2021: 15%), hip 4.0% (2021: 3.1%).'],
  ])('%s', (s) => {
    expect(read(s)).toEqual(['hip 4 adj', 'mof 18 adj']);
  });
  test('T-scores too', () => {
    const t = analyze('L1-L4 T-score -2.1 (2019: -1.7). Femoral neck T-score -2.5 (2019: -2.4).').elements.tScores;
    expect(t.map((x) => x.value).sort((a, b) => a - b)).toEqual([-2.5, -2.1]);
  });
});

describe('a bare number after a risk kind on a line that names the model is a percentage (MFT / DIR)', () => {
  test.each([
    ['TBS 1.25.\nFRAX-TBS  MOF 6.1 / hip 0.4', ['hip 0.4 adj', 'mof 6.1 adj']],
    ['TBS 1.25.\nFRAX_MOF_ADJ: 17.0\nFRAX_HIP_ADJ: 3.1', ['hip 3.1 adj', 'mof 17 adj']],
    ['TBS 1.25.\nFRAX MOF = 12.5, HIP = 1.9 (TBS-adjusted)', ['hip 1.9 adj', 'mof 12.5 adj']],
    ['TBS 1.25.\nGarvan 10-yr: any fracture 17, hip 3.0', ['any 17 unadj', 'hip 3 unadj']],
  ])('%s', (s, want) => {
    expect(read(s)).toEqual(want);
  });
  test.each([
    ['FRAX inputs: hip BMD 0.802 g/cm2, femoral neck T-score -2.3.'],
    ['FRAX was not run. Hip T-score -1.8.'],
    ['Hip 2.6 (no model named on this line)\nFRAX pending.'],
  ])('no risk in %s', (s) => {
    expect(read(s)).toEqual([]);
  });
});

describe('a bare "adjusted" in a FRAX line of a TBS report (MFT / DIR)', () => {
  test('"FRAX_MOF_ADJ" beside "FRAX_MOF" is the TBS-adjusted value', () => {
    expect(read('TBS_L1L4=1.262\nFRAX_MOF: 14.0\nFRAX_MOF_ADJ: 17.0')).toEqual(['mof 14 unadj', 'mof 17 adj']);
  });
  test('"adjusted for" another factor is not the TBS adjustment', () => {
    expect(read('TBS 1.25. FRAX (adjusted for steroid dose): MOF 20%, hip 3.1%.')).toEqual([
      'hip 3.1 unadj',
      'mof 20 unadj',
    ]);
  });
  test('without a TBS in the report, a bare "adj" says nothing of it', () => {
    expect(read('FRAX_MOF_ADJ: 17.0')).toEqual(['mof 17 unadj']);
  });
});

describe('a CAROC category changed in the next sentence (MFT / DIR)', () => {
  const carocs = (s: string) => (analyze(s).elements.riskCategories ?? []).map((c) => c.category);
  test.each([
    ['CAROC basal risk: moderate. Increased to high because of a prior hip fracture.', ['moderate', 'high']],
    ['CAROC: low risk.\nRaised to moderate given long-term prednisone.', ['low', 'moderate']],
    [
      'CAROC 10-year risk category: high. Downgraded to moderate after review of the fracture history.',
      ['high', 'moderate'],
    ],
  ])('%s', (s, want) => {
    expect(carocs(s)).toEqual(want);
  });
  test('a next sentence that changes something else states no category', () => {
    expect(carocs('CAROC: moderate. Increased calcium intake is advised for high-risk patients.')).toEqual([
      'moderate',
    ]);
  });
});

describe('a correction supersedes the value it replaces (DIR)', () => {
  test.each([
    [
      'TBS 1.25. TBS-adjusted FRAX: MOF 31%, hip 3.6%.\nADDENDUM: the correct TBS-adjusted hip fracture probability is 2.6% (not 3.6%).',
    ],
    [
      'TBS 1.25. TBS-adjusted FRAX: MOF 31%, hip 3.6%.\nAmended: the hip fracture probability should read 2.6%, not 3.6%.',
    ],
    [
      'TBS 1.25. TBS-adjusted FRAX: MOF 31%, hip 3.6%.\nCorrection: hip fracture risk is 2.6% (previously reported in error as 3.6%).',
    ],
  ])('%s', (s) => {
    expect(read(s)).toEqual(['hip 2.6 adj', 'mof 31 adj']);
    expect(analyze(s).findings.map((f) => f.code)).not.toContain('conflicting-values');
  });
  test('without a correction word, two hip values stay a conflict', () => {
    const s =
      'TBS 1.25. TBS-adjusted FRAX: MOF 31%, hip 3.6%.\nImpression: TBS-adjusted hip fracture probability 2.6%.';
    expect(analyze(s).findings.map((f) => f.code)).toContain('conflicting-values');
  });
  test('a negated value outside a correction is left alone', () => {
    expect(read('TBS 1.25. TBS-adjusted FRAX: MOF 18%, hip 2.9%. Hip is not 3% or more.')).toEqual([
      'hip 2.9 adj',
      'mof 18 adj',
    ]);
  });
});

describe('the next sentence that points back takes the kinds of the sentence before (MFT / DIR)', () => {
  test.each([
    ['FRAX (BMD only): MOF 15% and hip 2.4%. With the TBS factored in, these increase to 18% and 3.0% respectively.'],
    ['Unadjusted FRAX: major osteoporotic fracture 15%, hip fracture 2.4%. Adjusted for TBS they are 18% and 3.0%.'],
  ])('%s', (s) => {
    expect(read(s)).toEqual(['hip 2.4 unadj', 'hip 3 adj', 'mof 15 unadj', 'mof 18 adj']);
  });
  test('a sentence further on takes nothing', () => {
    expect(kinds('FRAX: MOF 15% and hip 2.4%. The scan was uneventful. These are 18% and 3.0% respectively.')).toEqual([
      'hip 2.4',
      'mof 15',
    ]);
  });
  test('"rather than" in an erratum sets the replaced value aside', () => {
    expect(
      read(
        'TBS 1.25. TBS-adjusted FRAX: MOF 16%, hip 3.2%. Erratum: the MOF probability should read 13% rather than 16%.',
      ),
    ).toEqual(['hip 3.2 adj', 'mof 13 adj']);
  });
});
