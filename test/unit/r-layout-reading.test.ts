/**
 * Reading mechanisms added for wave 6 (realistic set, R* files): site and side words of other
 * languages and their abbreviations as vocabulary data, a heading line that scopes the rows under it,
 * restatements, slash-separated cells named by a caption, and coordinated risk kinds. Each mechanism
 * is tested with phrasings and layouts other than the files that revealed it, and with neighbours
 * that must not change.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const tScores = (text: string): string[] =>
  analyze(text)
    .elements.tScores.map((t) => `${t.site ?? '?'}:${t.value}`)
    .sort();

describe('site and side words of other languages, written out or abbreviated', () => {
  test.each([
    // Spanish
    ['Cuello femoral derecho   T-score -2,1', 'right femoral neck:-2.1'],
    ['Cadera total dcha.:  T-score -1,4', 'right total hip:-1.4'],
    ['Cuello de fémur izquierdo: T-score -2,5', 'left femoral neck:-2.5'],
    ['Columna lumbar L1-L4  T-score -3,0', 'L1-L4:-3'],
    // French
    ['Col du fémur droit   T-score -2,2', 'right femoral neck:-2.2'],
    ['Hanche totale D      T-score -1,0', 'right total hip:-1'],
    ['Rachis lombaire      T-score -2,8', 'L1-L4:-2.8'],
    // Portuguese
    ['Colo do fêmur esquerdo: T-score -2,3', 'left femoral neck:-2.3'],
    ['Quadril total direito: T-score -0,9', 'right total hip:-0.9'],
    ['Coluna lombar L1-L4: T-score -1,7', 'L1-L4:-1.7'],
    // Italian
    ['Collo femorale sx    T-score -2,4', 'left femoral neck:-2.4'],
    ['Femore totale dx     T-score -1,3', 'right total hip:-1.3'],
    ['Colonna lombare      T-score -2,6', 'L1-L4:-2.6'],
    // Dutch
    ['Heuphals links       T-score -2,0', 'left femoral neck:-2'],
    ['Totale heup rechts   T-score -1,2', 'right total hip:-1.2'],
    // Swedish, Danish, Turkish, Czech
    ['Lårbenshals vänster   T-score -2,1', 'left femoral neck:-2.1'],
    ['Total hofte højre     T-score -1,3', 'right total hip:-1.3'],
    ['Sol femur boynu: T-skor -2,4', 'left femoral neck:-2.4'],
    ['Krček femuru vlevo: T-skóre -1,9', 'left femoral neck:-1.9'],
    // Polish
    ['Szyjka kości udowej prawej: T-score -2,9', 'right femoral neck:-2.9'],
    ['Biodro całkowite lewe: T-score -1,6', 'left total hip:-1.6'],
  ])('"%s" names its site and side', (line, want) => {
    expect(tScores(`Resultados / Results\n${line}\nTBS L1-L4 1,250\n`)).toContain(want);
  });

  test.each([
    [
      '* Rt. femoral neck: T-score = -1.6\n* Lt. femoral neck: T-score = -1.7',
      ['left femoral neck:-1.7', 'right femoral neck:-1.6'],
    ],
    ['- Rt. total hip T-score -1.2.\n- Lt. total hip T-score -1.5.', ['left total hip:-1.5', 'right total hip:-1.2']],
    [
      'Cuello femoral izq. T-score -2,0; cuello femoral dcho. T-score -1,8',
      ['left femoral neck:-2', 'right femoral neck:-1.8'],
    ],
  ])('a point after a side abbreviation does not cut the side from its site: %s', (lines, want) => {
    expect(tScores(`Findings\n${lines}\nTBS 1.300\n`)).toEqual(want);
  });

  test.each([
    // A letter or short word that is a side only right after its region.
    ['Dx: osteoporosis. Femoral neck T-score -2.6', 'femoral neck:-2.6'],
    ['Vitamin D low. Total hip T-score -1.9', 'total hip:-1.9'],
    ['Sx: back pain; femoral neck T-score -2.2', 'femoral neck:-2.2'],
    ['Femoral neck T-score -2.1 (g/cm2 0.701)', 'femoral neck:-2.1'],
  ])('a postposed side elsewhere gives no side: "%s"', (line, want) => {
    expect(tScores(`Findings\n${line}\nTBS 1.300\n`)).toEqual([want]);
  });
});

describe('a heading line naming a region scopes the rows under it', () => {
  test.each([
    [
      'bracketed headings, a row without a site and a "Total" row',
      '[Spine L1-L3]\n  BMD 0.801   T-score -2.0   Z-score -0.3\n[Right hip]\n  Neck    BMD 0.611   T-score -2.4\n  Total   BMD 0.700   T-score -1.9',
      ['L1-L3:-2', 'right femoral neck:-2.4', 'right total hip:-1.9'],
    ],
    [
      'headings with a colon',
      'Left femur:\n  Femoral neck   T-score -1.7\n  Total   T-score -1.2\nLumbar spine:\n  T-score -0.8',
      ['L1-L4:-0.8', 'left femoral neck:-1.7', 'left total hip:-1.2'],
    ],
    [
      'capitals, no indentation',
      'LEFT PROXIMAL FEMUR\nNeck T-score -2.6 Z-score -0.6\nTotal T-score -2.1 Z-score -0.4',
      ['left femoral neck:-2.6', 'left total hip:-2.1'],
    ],
    [
      'a Spanish heading',
      'Cadera izquierda\n  Cuello   T-score -2,2\n  Total    T-score -1,5',
      ['left femoral neck:-2.2', 'left total hip:-1.5'],
    ],
  ])('%s', (_name, block, want) => {
    expect(tScores(`DXA\n\n${block}\n\nTBS 1.250\n`)).toEqual([...want].sort());
  });

  test('a blank line ends the heading scope', () => {
    expect(tScores('DXA\n\n[Left proximal femur]\n\nT-score -2.2\n\nTBS 1.250\n')).toEqual(['?:-2.2']);
  });

  test('a line naming two regions is no heading', () => {
    expect(tScores('DXA\n\n[Spine and hip]\n  BMD 0.801   T-score -2.2\n\nTBS 1.250\n')).toEqual(['?:-2.2']);
  });
});

describe('the range named after a spine word, and the subject of coordinated measures', () => {
  test.each([
    ['Lumbar spine L2-L4 T-score -2.8', ['L2-L4:-2.8']],
    ['Spine (L1-L3): T-score -1.9', ['L1-L3:-1.9']],
    ['Lumbar vertebrae (L1-L4) total BMD is 0.775 g/cm2 and T score is -2.9.', ['L1-L4:-2.9']],
    ['The left femoral neck BMD measures 0.601 g/cm2 and the T-score is -2.3.', ['left femoral neck:-2.3']],
    ['Total hip BMD was 0.702 g/cm2 and its T-score was -1.6, Z-score -0.4.', ['total hip:-1.6']],
  ])('"%s"', (line, want) => {
    expect(tScores(`Findings:\n${line}\nTBS 1.300\n`)).toEqual(want);
  });

  test('a sentence naming two regions gives a later unsited score no site', () => {
    expect(tScores('Findings:\nSpine and hip BMD were measured and the T-score is -2.3.\nTBS 1.300\n')).toEqual([
      '?:-2.3',
    ]);
  });
});

describe('restatements: a value restated is the same reading, and its own site words win', () => {
  const table =
    'Region              T-score\nL1-L4               -1.4\nLeft femoral neck   -2.7\nLeft total hip      -2.0\n';
  test.each([
    ['Conclusion: osteoporosis, lowest T-score -2.7.', 'left femoral neck:-2.7'],
    ['Impression: Osteoporosis (lowest value, T-score -2.7).', 'left femoral neck:-2.7'],
    ['Wnioski: osteoporoza, najniższy T-score -2,7 (szyjka kości udowej).', 'left femoral neck:-2.7'],
    ['Conclusión: osteoporosis; el T-score más bajo es -2,7 en el cuello femoral.', 'left femoral neck:-2.7'],
    ['Beurteilung: Osteoporose, niedrigster T-Score -2,7 (Schenkelhals).', 'left femoral neck:-2.7'],
  ])('"%s"', (conclusion, want) => {
    const got = tScores(`Results\n${table}\nTBS 1.250\n\n${conclusion}\n`);
    expect(got).not.toContain('?:-2.7');
    expect(got).not.toContain('femoral neck:-2.7');
    expect(got).toContain(want);
  });

  test('a value equal to readings at two sites keeps no site of theirs', () => {
    const text =
      'Region              T-score\nLeft femoral neck   -2.1\nLeft total hip      -2.1\n\nTBS 1.250\n\nImpression: lowest T-score -2.1.\n';
    expect(tScores(text)).toContain('?:-2.1');
  });

  test.each([
    ['Osteoporosis (mean femoral neck T-score -2.6) with gain at the spine.', 'mean femoral neck:-2.6'],
    ['Osteopenia (left total hip T-score -1.9), stable lumbar spine.', 'left total hip:-1.9'],
    ['Ostéoporose (T-score -2,8 au rachis lombaire) sans changement à la hanche.', 'L1-L4:-2.8'],
    ['Osteoporosis at the spine (T-score -2.6, femoral neck).', 'femoral neck:-2.6'],
  ])('site words inside the brackets win over those outside: "%s"', (line, want) => {
    expect(tScores(`Impression:\n${line}\n\nTBS 1.250\n`)).toEqual([want]);
  });

  test('brackets that name no site leave the site outside them', () => {
    expect(tScores('Impression:\nLeft femoral neck (T-score -2.4).\n\nTBS 1.250\n')).toEqual([
      'left femoral neck:-2.4',
    ]);
  });
});

const risks = (text: string): string[] =>
  analyze(text)
    .elements.risks.map((r) => `${r.kind}:${r.value}`)
    .sort();

describe('risk kinds: other languages, and kinds coordinated like their values', () => {
  test.each([
    ['FRAX ajustado por TBS: fractura mayor 11 %, cadera 1,9 %.', ['hip:1.9', 'mof:11']],
    ['FRAX ajusté au TBS : fracture majeure 14 %, hanche 3,2 %.', ['hip:3.2', 'mof:14']],
    ['FRAX ajusté au TBS : fracture ostéoporotique majeure 12 %, FESF 2,5 %.', ['hip:2.5', 'mof:12']],
    [
      "FRAX ajusté au TBS : fractures majeures 9 % ; fractures de l'extrémité supérieure du fémur 1,1 %.",
      ['hip:1.1', 'mof:9'],
    ],
    ['FRAX corretto per TBS: frattura maggiore 18 %, anca 4,2 %.', ['hip:4.2', 'mof:18']],
    ['FRAX ajustado pelo TBS: fratura maior 16 %, quadril 3,0 %.', ['hip:3', 'mof:16']],
    ['FRAX gecorrigeerd voor TBS: majeure osteoporotische fractuur 13 %, heupfractuur 2,4 %.', ['hip:2.4', 'mof:13']],
  ])('"%s"', (line, want) => {
    expect(risks(`TBS 1,250\n${line}\n`)).toEqual(want);
  });

  test.each([
    ['TBS-adjusted FRAX (MOF / hip): 19 / 3.1 %.', ['hip:3.1', 'mof:19']],
    ['TBS-adjusted FRAX, major osteoporotic and hip fracture: 22 and 5.5 % respectively.', ['hip:5.5', 'mof:22']],
    ['FRAX ajustado por TBS (fractura mayor / cadera): 8,1 / 1,2 %.', ['hip:1.2', 'mof:8.1']],
    ['TBS-adjusted 10-year risks, hip / major osteoporotic: 2.2 / 12 %.', ['hip:2.2', 'mof:12']],
  ])('a slash or "and" pair of values shares the unit after the last: "%s"', (line, want) => {
    expect(risks(`TBS 1.250\n${line}\n`)).toEqual(want);
  });

  test.each([
    'Left femoral neck BMD 0.702 / 68 % of young adult mean, T-score -2.6.',
    'Exam 11/30/2026: 4.4 % of the scan area was excluded.',
  ])('a BMD, a date or a signed value before a percent takes no unit: "%s"', (line) => {
    expect(risks(`TBS 1.250\n${line}\n`)).toEqual([]);
  });
});

describe('rows of slash-separated cells named by a caption', () => {
  test.each([
    [
      'a caption in brackets, dot leaders',
      'Results (BMD g/cm2 / T-score / Z-score)\n  L1-L4 ............ 0.951 / -1.6 / -0.2\n  Left total hip .... 0.801 / -1.4 / -0.5',
      ['L1-L4:-1.6', 'left total hip:-1.4'],
    ],
    [
      'Z before T, no brackets',
      'Site            Z-score / T-score\nFemoral neck L   -0.9 / -2.3\nTotal hip L      -0.4 / -1.7',
      ['left femoral neck:-2.3', 'left total hip:-1.7'],
    ],
    [
      'a caption of short labels',
      'Values: BMD / T / Z\nLumbar spine: 1.010 / -0.8 / 0.3\nRight femoral neck: 0.650 / -2.2 / -0.9',
      ['L1-L4:-0.8', 'right femoral neck:-2.2'],
    ],
    [
      'Spanish rows under a Spanish caption',
      'Región (DMO g/cm² / T-score / Z-score)\nColumna lumbar    0,874 / -2,3 / -0,4\nCuello femoral izq.    0,672 / -2,0 / -0,1',
      ['L1-L4:-2.3', 'left femoral neck:-2'],
    ],
  ])('%s', (_name, block, want) => {
    expect(tScores(`DXA\n\n${block}\n\nTBS 1.300\n`)).toEqual([...want].sort());
  });

  test('a row with another number of values than the caption names is not read by it', () => {
    const text = 'DXA\n\nResults (BMD / T-score / Z-score)\n  Left femoral neck ..... 0.690 / -1.9\n\nTBS 1.300\n';
    expect(tScores(text)).not.toContain('left femoral neck:-1.9');
  });

  test('Z-scores of the rows are read as Z-scores, not T-scores', () => {
    const text = 'DXA\n\nResults (BMD / T-score / Z-score)\n  L1-L4 ..... 1.112 / -0.4 / 0.1\n\nTBS 1.300\n';
    const e = analyze(text).elements;
    expect(e.tScores.map((x) => x.value)).toEqual([-0.4]);
    expect((e.zScores ?? []).map((x) => x.value)).toEqual([0.1]);
  });
});

describe('a WHO class stated for named sites', () => {
  const who = (text: string): number =>
    analyze(text).findings.filter((f) => f.code === 'who-classification-mismatch').length;
  const table =
    'Region              T-score\nL1-L4               -0.6\nLeft femoral neck   -1.8\nLeft total hip      -1.2\nLeft radius 33%     -2.7\n';
  test.each([
    'Osteoporosis at the one-third radius, with osteopenia at the femoral neck and total hip.',
    'Osteoporosis of the forearm. Osteopenia of both hips. Normal lumbar spine.',
    'Ostéoporose au radius ; ostéopénie au col fémoral.',
    'Osteoporosis (radius 33%); osteopenia (left hip); spine normal.',
  ])('describes those sites beside the patient\'s class: "%s"', (impression) => {
    expect(who(`Age: 70  Sex: F\nResults\n${table}\nTBS 1.300\n\nImpression:\n${impression}\n`)).toBe(0);
  });

  test.each([
    // No statement of the patient's class (osteoporosis, from the radius).
    ['Osteopenia at the femoral neck and total hip.', 1],
    // The site's own T-score says otherwise.
    ['Osteoporosis at the radius. Osteopenia of the lumbar spine.', 1],
    // A class with no site is the patient's class.
    ['Osteoporosis at the radius. Osteopenia.', 1],
  ])('is still checked: "%s"', (impression, n) => {
    expect(who(`Age: 70  Sex: F\nResults\n${table}\nTBS 1.300\n\nImpression:\n${impression}\n`)).toBe(n);
  });
});

describe('a vertebra left out names no site of the value', () => {
  test.each([
    ['L1-L4 T-score -1.1 (L3 excluded)', 'L1-L4:-1.1'],
    ['Lumbar spine T-score -2.1 (L2 excluded due to degenerative change).', 'L1-L4:-2.1'],
    ['T-score -1.3 at L1-L3 (L4 excluded).', 'L1-L3:-1.3'],
    ['L2-L4 T-score -1.6, L1 is excluded (fracture).', 'L2-L4:-1.6'],
  ])('"%s"', (line, want) => {
    expect(tScores(`Findings:\n${line}\nTBS 1.300\n`)).toEqual([want]);
  });

  test('a vertebra that is measured keeps its own value', () => {
    expect(tScores('Findings:\nL3 T-score -2.0\nTBS 1.300\n')).toEqual(['L3:-2']);
  });
});
