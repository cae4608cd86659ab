/**
 * Layout reading (issue 10, item 3): the same facts written as prose, as tables (spaces, tabs,
 * pipes, box drawing, `+---+` grids, a two-line header), as key/value lines, CSV, semicolon CSV,
 * YAML, bullets, a sideways table and slash lists must give identical T-score, Z-score and TBS
 * elements (INV). MFT cases cover per-vertebra rows, a both-hips mean row, trochanter rows, the
 * 33 % radius, a comparison table whose "Change" and earlier-study columns are never this study's
 * values, and printouts modelled on public GE Lunar / Hologic reports and UK / AU / CA letters.
 * Layouts here were written from those report styles, not from the reader's code.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { makeCtx } from '../../server/src/engine/context';
import { readLayout } from '../../server/src/engine/reading/layout';
import { NUMBER, UNIT_NONE, UNIT_PERCENT } from '../../server/src/engine/reading/tokens';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { makeDoc } from '../../server/src/engine/text';

interface Read {
  t: string[];
  z: string[];
  tbs: number[];
}

/** What a report says: distinct site:value pairs of T- and Z-scores, distinct TBS values. */
function read(text: string): Read {
  const el = analyze(text).elements;
  const pairs = (xs: Array<{ value: number; site: string | null }>) =>
    [...new Set(xs.map((x) => `${x.site ?? '?'}:${x.value}`))].sort();
  return { t: pairs(el.tScores), z: pairs(el.zScores ?? []), tbs: [...new Set(el.tbs.map((x) => x.value))].sort() };
}

const EXPECTED: Read = {
  t: ['L1-L4:-1.2', 'left femoral neck:-2.3', 'left total hip:-1.7'],
  z: ['L1-L4:0.1', 'left femoral neck:-0.9', 'left total hip:-0.6'],
  tbs: [1.262],
};

const HEAD = 'DXA BONE DENSITOMETRY WITH TBS\nPatient: Jane Example   Age: 67   Sex: F\n\n';

const LAYOUTS: Record<string, string> = {
  prose:
    'FINDINGS:\nThe lumbar spine (L1-L4) has a T-score of -1.2 and a Z-score of 0.1. At the left femoral neck the T-score ' +
    'is -2.3 (Z-score -0.9). The left total hip T-score is -1.7, with a Z-score of -0.6.\n' +
    'The trabecular bone score came out at 1.262.\n',
  spaces:
    'Region               BMD (g/cm2)   T-score   Z-score\n' +
    'L1-L4                0.912         -1.2      0.1\n' +
    'Left femoral neck    0.701         -2.3      -0.9\n' +
    'Left total hip       0.788         -1.7      -0.6\n\nTBS L1-L4: 1.262\n',
  tabs:
    'Site\tBMD\tT-score\tZ-score\n' +
    'L1-L4\t0.912\t-1.2\t0.1\n' +
    'Left femoral neck\t0.701\t-2.3\t-0.9\n' +
    'Left total hip\t0.788\t-1.7\t-0.6\n\nTrabecular bone score (L1-L4)\t1.262\n',
  markdown:
    '| Region | BMD (g/cm²) | T-score | Z-score |\n' +
    '|---|---:|---:|---:|\n' +
    '| L1-L4 | 0.912 | -1.2 | 0.1 |\n' +
    '| Left femoral neck | 0.701 | -2.3 | -0.9 |\n' +
    '| Left total hip | 0.788 | -1.7 | -0.6 |\n\n**TBS:** 1.262\n',
  box:
    '┌───────────────────┬─────────┬─────────┬─────────┐\n' +
    '│ Region            │ BMD     │ T-score │ Z-score │\n' +
    '├───────────────────┼─────────┼─────────┼─────────┤\n' +
    '│ L1-L4             │ 0.912   │ −1.2    │ 0.1     │\n' +
    '│ Left femoral neck │ 0.701   │ −2.3    │ −0.9    │\n' +
    '│ Left total hip    │ 0.788   │ −1.7    │ −0.6    │\n' +
    '└───────────────────┴─────────┴─────────┴─────────┘\nTBS 1.262 (L1-L4)\n',
  grid:
    '+-------------------+-------+---------+---------+-------+\n' +
    '| Site              | BMD   | T-score | Z-score | TBS   |\n' +
    '+===================+=======+=========+=========+=======+\n' +
    '| L1-L4             | 0.912 | -1.2    | +0.1    | 1.262 |\n' +
    '+-------------------+-------+---------+---------+-------+\n' +
    '| Left femoral neck | 0.701 | -2.3    | -0.9    |       |\n' +
    '+-------------------+-------+---------+---------+-------+\n' +
    '| Left total hip    | 0.788 | -1.7    | -0.6    |       |\n' +
    '+-------------------+-------+---------+---------+-------+\n',
  keyValue:
    'T-score (L1-L4): -1.2\nZ-score (L1-L4): 0.1\nT-score (left femoral neck): -2.3\nZ-score (left femoral neck): -0.9\n' +
    'T-score (left total hip): -1.7\nZ-score (left total hip): -0.6\nTBS (L1-L4): 1.262\n',
  snakeKeys:
    'l1_l4_t_score: -1.2\nl1_l4_z_score: 0.1\nleft_femoral_neck_t_score: -2.3\nleft_femoral_neck_z_score: -0.9\n' +
    'left_total_hip_t_score: -1.7\nleft_total_hip_z_score: -0.6\ntbs_l1_l4: 1.262\n',
  csvQuoted:
    '"section","label","value","unit"\n' +
    '"bmd","L1-L4 T-score","-1.2","SD"\n"bmd","L1-L4 Z-score","0.1","SD"\n' +
    '"bmd","Left femoral neck T-score","-2.3","SD"\n"bmd","Left femoral neck Z-score","-0.9","SD"\n' +
    '"bmd","Left total hip T-score","-1.7","SD"\n"bmd","Left total hip Z-score","-0.6","SD"\n' +
    '"tbs","TBS L1-L4","1.262",""\n',
  csvSemicolon:
    'Field;Value;Unit\nL1–L4 T-Score;−1,2;SD\nL1–L4 Z-Score;0,1;SD\nLeft femoral neck T-Score;−2,3;SD\n' +
    'Left femoral neck Z-Score;−0,9;SD\nLeft total hip T-Score;−1,7;SD\nLeft total hip Z-Score;−0,6;SD\nTBS L1–L4;1,262;\n',
  yaml:
    'report:\n  bmd:\n    - site: L1-L4\n      t_score: -1.2\n      z_score: 0.1\n' +
    '    - site: left femoral neck\n      t_score: -2.3\n      z_score: -0.9\n' +
    '    - site: left total hip\n      t_score: -1.7\n      z_score: -0.6\n' +
    '  tbs:\n    region: L1-L4\n    value: 1.262\n',
  yamlBySite:
    'lumbar_spine:\n  tscore: -1.2\n  zscore: 0.1\nleft_femoral_neck:\n  tscore: -2.3\n  zscore: -0.9\n' +
    'left_total_hip:\n  tscore: -1.7\n  zscore: -0.6\ntbs:\n  value: 1.262\n',
  bullets:
    'Results:\n- Lumbar spine L1-L4: BMD 0.912 g/cm2; T-score -1.2; Z-score +0.1\n' +
    '- Left femoral neck: BMD 0.701 g/cm2; T-score -2.3; Z-score -0.9\n' +
    '- Left total hip: BMD 0.788 g/cm2; T-score -1.7; Z-score -0.6\n- TBS: 1.262\n',
  sideways:
    '            L1-L4    Left femoral neck    Left total hip\n' +
    'BMD         0.912    0.701                0.788\n' +
    'T-score     -1.2     -2.3                 -1.7\n' +
    'Z-score     0.1      -0.9                 -0.6\n\nTBS 1.262\n',
  slashLists:
    'T-scores (L1-L4 / left femoral neck / left total hip): -1.2 / -2.3 / -1.7.\n' +
    'Z-scores (L1-L4 / left femoral neck / left total hip): 0.1 / -0.9 / -0.6.\nTBS 1.262.\n',
  semicolonList:
    'T-scores: L1-L4 -1.2; left femoral neck -2.3; left total hip -1.7.\n' +
    'Z-scores: L1-L4 +0.1; left femoral neck -0.9; left total hip -0.6.\nTBS: 1.262.\n',
  twoLineHeader:
    '                     BMD        T-         Z-\n' +
    'Region               (g/cm2)    score      score\n' +
    'L1-L4                0.912      -1.2       0.1\n' +
    'Left femoral neck    0.701      -2.3       -0.9\n' +
    'Left total hip       0.788      -1.7       -0.6\n\nTBS (L1-L4) 1.262\n',
  ukLetter:
    'Dear Dr Smith,\n\nLumbar spine (L1-4): BMD 0.912 g/cm², T-score −1·2, Z-score 0·1.\n' +
    'Left femoral neck: BMD 0.701 g/cm², T-score −2·3, Z-score −0·9.\n' +
    'Left total hip: BMD 0.788 g/cm², T-score −1·7, Z-score −0·6.\nTrabecular bone score 1·262.\n',
};

describe('INV: every layout of the same facts gives the same scores', () => {
  for (const [name, body] of Object.entries(LAYOUTS))
    test(name, () => {
      expect(read(HEAD + body)).toEqual(EXPECTED);
    });
});

describe('MFT: table rows of every kind', () => {
  test('per-vertebra rows (L1, L2, L3, L4 and L1-L4) keep their own sites', () => {
    const r = read(
      'AP Spine L1-L4\nRegion    BMD (g/cm²)   T-score   Z-score\n' +
        'L1        0.801         -2.0      -0.8\nL2        0.866         -1.8      -0.6\n' +
        'L3        0.912         -1.5      -0.3\nL4        0.934         -1.4      -0.2\n' +
        'L1-L4     0.882         -1.6      -0.4\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.6', 'L1:-2', 'L2:-1.8', 'L3:-1.5', 'L4:-1.4']);
    expect(r.z).toEqual(['L1-L4:-0.4', 'L1:-0.8', 'L2:-0.6', 'L3:-0.3', 'L4:-0.2']);
  });
  test('a Hologic dual femur printout: rows take the side of their block, the mean block too', () => {
    const r = read(
      'DualFemur - Left\nRegion   Area(cm²)  BMC(g)  BMD(g/cm²)  T-score  PR(%)  Z-score  AM(%)\n' +
        'Neck     4.95       3.21    0.648       -1.9     76     -0.4     93\n' +
        'Troch    11.12      6.35    0.571       -1.3     80     -0.2     97\n' +
        'Inter    18.04      17.1    0.948       -1.5     79     -0.5     92\n' +
        'Total    34.11      26.66   0.782       -1.6     78     -0.4     94\n' +
        "Ward's   1.11       0.51    0.459       -2.2     59     -0.3     95\n\n" +
        'DualFemur - Mean\nRegion   BMD(g/cm²)  T-score  Z-score\nNeck     0.652       -1.85    -0.35\nTotal    0.790       -1.55    -0.35\n',
    );
    expect(r.t).toEqual([
      'left femoral neck:-1.9',
      'left intertrochanter:-1.5',
      'left total hip:-1.6',
      'left trochanter:-1.3',
      'left wards:-2.2',
      'mean femoral neck:-1.85',
      'mean total hip:-1.55',
    ]);
  });
  test('a GE Lunar printout: "Young-Adult T-score" and "Age-Matched Z-score" columns after "YA %"', () => {
    const r = read(
      'Region          BMD (g/cm²)   Young-Adult (%)   T-score   Age-Matched (%)   Z-score\n' +
        'L1-L4           1.012         84                -1.3      97                -0.2\n' +
        'Neck Left       0.801         81                -1.5      99                -0.1\n' +
        'Total Left      0.843         80                -1.6      95                -0.4\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.3', 'left femoral neck:-1.5', 'left total hip:-1.6']);
    expect(r.z).toEqual(['L1-L4:-0.2', 'left femoral neck:-0.1', 'left total hip:-0.4']);
  });
  test('a Hologic APEX header over two lines ("T -" over "Score") with area, BMC, PR and AM columns', () => {
    const r = read(
      'Region      Area     BMC      BMD       T -     PR      Z -     AM\n' +
        '           (cm²)     (g)    (g/cm²)   Score    (%)    Score    (%)\n' +
        'L1          14.21    10.12   0.712     -2.2     75     -0.9     88\n' +
        'L2          15.02    11.40   0.759     -2.0     78     -0.7     90\n' +
        'Total       60.12    52.40   0.872     -1.6     82     -0.2     97\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.6', 'L1:-2.2', 'L2:-2']);
    expect(r.z).toEqual(['L1-L4:-0.2', 'L1:-0.9', 'L2:-0.7']);
  });
  test('a GE Lunar header over two lines ("Young-Adult" over "(%)  T-Score")', () => {
    const r = read(
      'Region     BMD        Young-Adult       Age-Matched\n' +
        '           (g/cm²)    (%)   T-Score     (%)   Z-Score\n' +
        'L1-L4      1.012      84    -1.3        97    -0.2\n' +
        'Neck Left  0.801      81    -1.5        99    -0.1\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.3', 'left femoral neck:-1.5']);
    expect(r.z).toEqual(['L1-L4:-0.2', 'left femoral neck:-0.1']);
  });
  test('values go to the column they stand under (Measured date and Age columns before BMD)', () => {
    const r = read(
      'Scan Type   Region      Measured     Age   BMD     T-Score   Z-Score\n' +
        'AP Spine    L1-L4       02/03/2025   68    0.913   -1.3      0.2\n' +
        'DualFemur   Neck Left   02/03/2025   68    0.668   -1.9      -0.4\n' +
        'DualFemur   Total Left  02/03/2025   68    0.781   -1.4      -0.2\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.3', 'left femoral neck:-1.9', 'left total hip:-1.4']);
    expect(r.z).toEqual(['L1-L4:0.2', 'left femoral neck:-0.4', 'left total hip:-0.2']);
  });
  test('a risk matrix ("BMD only", "BMD + TBS") is no BMD table: its percentages are no TBS', () => {
    const r = read(
      'TBS 1.222\nFRAX (UK):\n                   BMD only    BMD + TBS\nMajor osteoporotic 17%         21%\nHip                3.1%        4.0%\n',
    );
    expect(r.tbs).toEqual([1.222]);
  });
  test('a letter to the patient: "lower back", "hip (femoral neck)", "hip (total)"', () => {
    const r = read(
      'Your results are given as T-scores, which compare your bones with those of a healthy young adult:\n' +
        '  - lower back: -0.8\n  - hip (femoral neck): -1.3\n  - hip (total): -0.9\n',
    );
    expect(r.t).toEqual(['L1-L4:-0.8', 'femoral neck:-1.3', 'total hip:-0.9']);
  });
  test('sides and values in a slash list after one region (Lunar DualFemur summary)', () => {
    const r = read(
      'DualFemur Neck   Left -1.8 / Right -1.6 / Mean -1.7\nDualFemur Total  Left -1.2 / Right -1.1 / Mean -1.2\n',
    );
    expect(r.t).toEqual([
      'left femoral neck:-1.8',
      'left total hip:-1.2',
      'mean femoral neck:-1.7',
      'mean total hip:-1.2',
      'right femoral neck:-1.6',
      'right total hip:-1.1',
    ]);
  });
  test('a short dot leader between label and value ("T-score .. -2.5")', () => {
    expect(read('Lumbar spine L1-L4 T-score .. -2.5\nLeft femoral neck T-score ... -2.7\n').t).toEqual([
      'L1-L4:-2.5',
      'left femoral neck:-2.7',
    ]);
  });
  test('forearm: the 33 % radius and the ultradistal radius are sites, "33%" is no value', () => {
    const r = read(
      'Site                        T-score   BMD (g/cm2)   Z-score\n' +
        'Left forearm, 33% radius    -2.8      0.581         -1.7\n' +
        'Left forearm, UD radius     -2.1      0.342         -1.0\n',
    );
    expect(r.t).toEqual(['left radius 33%:-2.8', 'left radius UD:-2.1']);
  });
  test('a both-hips mean row is its own site', () => {
    const r = read(
      'Region               BMD     T-score\nLeft total hip       0.801   -1.4\nRight total hip      0.823   -1.2\n' +
        'Mean total hip       0.812   -1.3\n',
    );
    expect(r.t).toEqual(['left total hip:-1.4', 'mean total hip:-1.3', 'right total hip:-1.2']);
  });
});

describe('MFT: terse headers and narrow gaps', () => {
  test('"T" and "Z" alone head their columns (spaces and pipes)', () => {
    const spaces = read(
      'Site                 BMD     T      Z\nL1-L4                0.912   -1.2   0.1\nFemoral neck (left)  0.701   -2.3   -0.9\n',
    );
    const pipes = read(
      'Scan site | BMD g/cm2 | T | Z\n--- | --- | --- | ---\nAP spine L1-L4 | 0.912 | -1.2 | 0.1\nLeft hip neck | 0.701 | -2.3 | -0.9\n',
    );
    for (const r of [spaces, pipes]) {
      expect(r.t).toEqual(['L1-L4:-1.2', 'left femoral neck:-2.3']);
      expect(r.z).toEqual(['L1-L4:0.1', 'left femoral neck:-0.9']);
    }
  });
  test('"T -1.2 / Z 0.1" after a site key', () => {
    const r = read('Spine L1-L4: T -1.2 / Z 0.1\nLeft femoral neck: T -2.3 / Z -0.9\n');
    expect(r.t).toEqual(['L1-L4:-1.2', 'left femoral neck:-2.3']);
    expect(r.z).toEqual(['L1-L4:0.1', 'left femoral neck:-0.9']);
  });
  test('columns two spaces apart ("BMD  T-score") stay apart', () => {
    const r = read('Region  BMD  T-score  Z-score  TBS\nL1-L4  0.912  -1.2  0.1  1.262\n');
    expect(r).toEqual({ t: ['L1-L4:-1.2'], z: ['L1-L4:0.1'], tbs: [1.262] });
  });
  test('a side named once covers the regions of its sentence', () => {
    expect(read('Left hip: femoral neck T -2.3, total hip T -1.7.\n').t).toEqual([
      'left femoral neck:-2.3',
      'left total hip:-1.7',
    ]);
  });
  test('a block heading on the line above a "BMD= T-score=" line names the site (UCSF style)', () => {
    const r = read(
      'RESULTS:\nL1-L4 Total\nBMD values= 1.163 T-score= 0.7 Z-score= 1.9\n\nTotal Femur\nBMD values= 0.745 T-score= -1.9 Z-score= -0.7\n',
    );
    expect(r.t).toEqual(['L1-L4:0.7', 'total hip:-1.9']);
    expect(r.z).toEqual(['L1-L4:1.9', 'total hip:-0.7']);
  });
});

describe('MFT: comparison tables', () => {
  test('a "Change" column is never a T-score, an earlier study never this one', () => {
    const r = read(
      'Region              BMD     T-score   Prior T-score (2022)   Change\n' +
        'L1-L4               0.912   -1.2      -1.0                   −0.7%\n' +
        'Left femoral neck   0.701   -2.3      -2.1                   -2.4%\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.2', 'left femoral neck:-2.3']);
  });
  test('one measure in a column per study ("T-score 2026  T-score 2024  Change")', () => {
    const r = read(
      'Site          T-score 2026   T-score 2024   Change\nL1-L4         −1.6          −1.5          −0.7%\nTotal hip     −1.3          −1.2          −1.1%\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.6', 'total hip:-1.3']);
  });
  test('date columns: only the latest study is read', () => {
    const r = read(
      'Measurement                    08/2023    08/2025    Change\n' +
        'Left femoral neck T-score      -2.0       -2.3       -0.3\n' +
        'L1-L4 T-score                  -1.0       -1.2       -0.2\n',
    );
    expect(r.t).toEqual(['L1-L4:-1.2', 'left femoral neck:-2.3']);
  });
});

describe('MFT: lists after one label', () => {
  test('sites after their values, with an aside', () => {
    const r = read(
      'T-scores: -0.9 for the lumbar spine; -2.1 at the left femoral neck, which is the lowest value, and -1.5 at the left total hip.\n',
    );
    expect(r.t).toEqual(['L1-L4:-0.9', 'left femoral neck:-2.1', 'left total hip:-1.5']);
  });
  test('values, then their sites, tied by "respectively"', () => {
    expect(
      read('T-scores of -1.2, -2.3 and -1.7 at the lumbar spine, left femoral neck and left total hip, respectively.\n')
        .t,
    ).toEqual(EXPECTED.t);
    expect(
      read(
        'The Z-scores are 0.1, -0.9, and -0.6 for the L1-L4 spine, the left femoral neck, and the left total hip respectively.\n',
      ).z,
    ).toEqual(EXPECTED.z);
  });
  test('a comma list of site and value pairs', () => {
    const r = read('BMD T-scores: L1-L4 -1.6, left femoral neck -2.3, left total hip -1.4.\n');
    expect(r.t).toEqual(['L1-L4:-1.6', 'left femoral neck:-2.3', 'left total hip:-1.4']);
  });
  test('a slash list of sites before the values', () => {
    const r = read('T-scores L1-L4 / total hip / femoral neck: -1.2 / -0.8 / -1.5\n');
    expect(r.t).toEqual(['L1-L4:-1.2', 'femoral neck:-1.5', 'total hip:-0.8']);
  });
  test('lines that name a site and no measure: the signed value is the T-score', () => {
    const r = read('Left femoral neck 0.701 -2.3\nLeft total hip: 0.788 -1.7\n');
    expect(r.t).toEqual(['left femoral neck:-2.3', 'left total hip:-1.7']);
  });
});

describe('key/value layouts', () => {
  test('a TBS two keys below its label in YAML, and in a semicolon row', () => {
    expect(read('tbs:\n  region: L1-L4\n  value: 1.262\n  category: normal\n').tbs).toEqual([1.262]);
    expect(read('Field;Value\nTBS L1–L4;1,262;\n').tbs).toEqual([1.262]);
  });
  test("a placeholder in a key/value row is the value's place, not a value", () => {
    const a = analyze('Field;Value\nTBS L1-L4;___;\nL1-L4 T-score;-1.2;SD\n');
    expect(a.elements.tbs).toEqual([]);
    expect(a.elements.slots.some((s) => s.element === 'tbs')).toBe(true);
  });
  test('a T-score key with a TBS in another key is not mixed up', () => {
    const r = read('Field;Value\nTBS T-score;-0.8;\nL1-L4 T-score;-1.2;\nTBS;1.262;\n');
    expect(r.t).toEqual(['L1-L4:-1.2']);
    expect(r.tbs).toEqual([1.262]);
  });
});

describe('units in a cell or key of their own', () => {
  /** The unit of each number after the layout is read: "9.4%" or "9.4". */
  function units(text: string): string[] {
    const ctx = makeCtx(makeDoc(text), DEFAULT_SETTINGS);
    readLayout(ctx);
    const t = ctx.reading.tokens;
    const out: string[] = [];
    for (let k = 0; k < t.n; k++)
      if (t.kind[k] === NUMBER)
        out.push(`${t.value[k]}${t.unit[k] === UNIT_PERCENT ? '%' : t.unit[k] === UNIT_NONE ? '' : '?'}`);
    return out;
  }
  test('quoted CSV, semicolon CSV, tab-separated cells and percent keys', () => {
    expect(units('"frax","FRAX MOF 10-yr","9.4","%",""\n"frax","FRAX hip","1.2","%"\n')).toEqual([
      '10?',
      '9.4%',
      '1.2%',
    ]);
    expect(units('FRAX MOF 10-year probability;19,1;%\nBMI;24,6;kg/m²\n')).toEqual(['10?', '19.1%', '24.6']);
    expect(units('MOF\t17.0\t%\nHip\t2.4\t%\n')).toEqual(['17%', '2.4%']);
    expect(units('frax:\n  mof_pct: 15.0\n  hip_pct: 2.4\n  bmi: 24.1\n')).toEqual(['15%', '2.4%', '24.1']);
  });
  test('a number next to an ordinary cell keeps no unit', () => {
    expect(units('L1-L4;-1.2;SD\nTBS;1.262;\n')).toEqual(['-1.2', '1.262']);
  });
});

describe('documents read in turns', () => {
  // The layout reader keeps what it learns of each line for the document it reads last (layout.ts
  // lineFacts); a document read after another must read as it does alone.
  const table = 'Region  BMD  T-score  Z-score\nL1-L4  0.912  -1.6  -0.4\nLeft femoral neck  0.701  -2.3  -1.1\n';
  const keys = 'dxa:\n  - site: left total hip\n    t_score: -1.4\n\n\n\n\n\nTBS;1,262;\nMOF;17;%\n';
  const alone = (text: string) => JSON.stringify(readLayout(makeCtx(makeDoc(text), DEFAULT_SETTINGS)));
  test('a table read after a key tree, and the other way round, reads as alone', () => {
    const tableAlone = alone(table);
    const keysAlone = alone(keys);
    expect(JSON.parse(tableAlone).rows).toHaveLength(2);
    expect(JSON.parse(keysAlone).pairs.length).toBeGreaterThanOrEqual(2);
    // Both documents made first, then read in turns.
    const ctxTable = makeCtx(makeDoc(table), DEFAULT_SETTINGS);
    const ctxKeys = makeCtx(makeDoc(keys), DEFAULT_SETTINGS);
    expect(JSON.stringify(readLayout(ctxKeys))).toBe(keysAlone);
    expect(JSON.stringify(readLayout(ctxTable))).toBe(tableAlone);
    expect(alone(keys)).toBe(keysAlone);
  });
  test('whole analyses in turns give the same elements', () => {
    const first = analyze(table).elements;
    analyze(keys);
    expect(analyze(table).elements).toEqual(first);
  });
});
