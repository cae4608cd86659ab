/** Held-out drafts (wave 4, Z*): dictation, thresholds and context cues read by general mechanisms. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { normalise } from '../../server/src/engine/text';
import { DICTATED, INTERVAL, NUMBER, tokenise, UNIT_PERCENT } from '../../server/src/engine/reading/tokens';

const nums = (s: string) => {
  const t = tokenise(normalise(s));
  const out: Array<[number, boolean]> = [];
  for (let i = 0; i < t.n; i++) if (t.kind[i] === NUMBER) out.push([t.value[i], (t.flags[i] & DICTATED) !== 0]);
  return out;
};

describe('a dictated sign at a line end signs the number on the next line', () => {
  test.each([
    ['hip T score minus\ntwo point one', [[-2.1, true]]],
    ['the T-score is negative\n1.7 at the neck', [[-1.7, true]]],
    ['spine minus   \n  zero point nine period', [[-0.9, true]]],
    ['T score minus\r\nthree point zero', [[-3, true]]],
  ])('%j', (s, want) => {
    expect(nums(s)).toEqual(want);
  });
  test.each([
    // Two line breaks: a paragraph apart, no sign carried.
    ['the minus\n\n2.3 value', [[2.3, false]]],
    // A word between: not a sign of the number.
    ['minus\nabout 2.3', [[2.3, false]]],
    [
      '1.5 minus 0.2',
      [
        [1.5, false],
        [-0.2, true],
      ],
    ],
  ])('unchanged: %j', (s, want) => {
    expect(nums(s)).toEqual(want);
  });
  test('the readers never read a wrapped negative T-score as positive', () => {
    const e = analyze('Left femoral neck T score minus\ntwo point three. Lumbar spine T-score negative\n1.4.').elements;
    expect(e.tScores.map((x) => x.value).sort()).toEqual([-2.3, -1.4].sort());
  });
});

describe('spoken whole numbers with a unit', () => {
  test.each([
    ['major osteoporotic fracture thirty one percent', 31],
    ['hip fracture risk twelve per cent', 12],
    ['ten-year risk of forty-four %', 44],
    ['risk of nine percent', 9],
  ])('%s', (s, v) => {
    const t = tokenise(normalise(s));
    const i = Array.from({ length: t.n }, (_, k) => k).filter((k) => t.kind[k] === NUMBER);
    expect(i.map((k) => t.value[k])).toContain(v);
    expect(i.some((k) => t.value[k] === v && t.unit[k] === UNIT_PERCENT)).toBe(true);
  });
  test('an age in words', () => {
    expect(analyze('Seventy one year old woman, history of fracture.').elements.age?.value ?? null).toBe(71);
  });
  test('a spoken duration is an interval, never a value', () => {
    const t = tokenise(normalise('repeat in two years'));
    const k = Array.from({ length: t.n }, (_, j) => j).find((j) => t.kind[j] === NUMBER)!;
    expect(t.value[k]).toBe(2);
    expect(t.flags[k] & INTERVAL).toBeTruthy();
  });
  test.each(['one of the two sites was excluded', 'thirty vertebrae', 'one point of view', 'seventy one'])(
    'unchanged (no unit, no point): %s',
    (s) => {
      expect(nums(s)).toEqual([]);
    },
  );
});

describe('dictated punctuation words act as the punctuation', () => {
  const who = (s: string) => analyze(s).elements.whoStatements.map((w) => w.whoClass);
  test.each([
    'Lumbar spine T score minus two point six period\n\nimpression colon osteoporosis period treatment recommended period\n',
    'spine T-score minus 2.7 full stop\nimpression colon osteoporosis full stop follow up comma calcium period\n',
  ])('%j', (s) => {
    expect(who(s)).toEqual(['osteoporosis']);
  });
  test('the normalised text keeps its length', () => {
    const s = 'impression colon osteopenia period repeat comma please period';
    const n = normalise(s);
    expect(n.length).toBe(s.length);
    expect(n.startsWith('impression :')).toBe(true);
  });
  test.each([
    'Treatment for a period of two years. Colon cancer, 2019. Impression: osteopenia.',
    'The comma-separated list. Over a period of 5 years the BMD fell.',
  ])('a typed report that mentions the words is left alone: %s', (s) => {
    expect(normalise(s)).toBe(s.toLowerCase());
  });
  test('a typed full stop ends a phrase: "osteoporosis. Treatment" is a statement', () => {
    expect(who('Lumbar spine T-score -2.6.\n\nImpression: osteoporosis. Treatment recommended.\n')).toEqual([
      'osteoporosis',
    ]);
    expect(who('Lumbar spine T-score -2.6.\n\nImpression: Osteoporosis treatment is advised.\n')).toEqual([]);
  });
  test('a line that opens with a comma goes on with the sentence (the adjustment reaches it)', () => {
    const r = analyze('FRAX adjusted for TBS: major osteoporotic fracture 31%\n, hip fracture 8.2%.\n').elements.risks;
    expect(r.map((x) => [x.kind, x.value, x.adjusted])).toEqual([
      ['mof', 31, true],
      ['hip', 8.2, true],
    ]);
  });
});

describe('a threshold covers its coordinated list of values', () => {
  const risks = (s: string) =>
    analyze(s)
      .elements.risks.map((r) => `${r.kind}:${r.value}:${r.adjusted ? 'a' : 'u'}`)
      .sort();
  test.each([
    'FRAX adjusted for TBS: MOF 13%, hip 2.4%. Treatment is advised above 20% (MOF) or 3% (hip).',
    'FRAX adjusted for TBS: MOF 13%, hip 2.4%. We treat at or above 20% (major osteoporotic) and 3% (hip fracture).',
    'FRAX adjusted for TBS: MOF 13%, hip 2.4%. The intervention threshold is 20%, 3% for hip.',
    'FRAX adjusted for TBS: MOF 13%, hip 2.4%. Therapy is indicated when these reach 20% / 3%.',
  ])('%s', (s) => {
    expect(risks(s)).toEqual(['hip:2.4:a', 'mof:13:a']);
  });
  test.each([
    // Unchanged: a result after a threshold phrase with a label of its own is still a result.
    ['FRAX adjusted for TBS: MOF 25%, above 20%, hip 3.4%.', ['hip:3.4:a', 'mof:25:a']],
  ])('unchanged: %s', (s, want) => {
    expect(risks(s)).toEqual(want);
  });
});

describe('a lead-in that brings the TBS into FRAX adjusts the sentence after it', () => {
  const risks = (s: string) =>
    analyze(s)
      .elements.risks.map((r) => `${r.kind}:${r.value}:${r.adjusted ? 'a' : 'u'}`)
      .sort();
  test.each([
    'After incorporating his trabecular bone score of 1.198 into FRAX, the 10-year probability of a major osteoporotic fracture is 18% and of a hip fracture 3.1%.',
    "Integrating the patient's TBS (1.250) in the calculation, the ten-year risk of a major osteoporotic fracture is 18% and of hip fracture 3.1%.",
    'Factoring in her TBS value, FRAX gives a major osteoporotic fracture risk of 18% and a hip fracture risk of 3.1%.',
  ])('%s', (s) => {
    expect(risks(s)).toEqual(['hip:3.1:a', 'mof:18:a']);
  });
  test('unchanged: the sentence after the lead-in is not adjusted', () => {
    expect(
      risks(
        'After incorporating her TBS of 1.241 into FRAX, the calculation was rerun.\nFRAX without TBS: major osteoporotic fracture 18%, hip fracture 3.1%.',
      ),
    ).toEqual(['hip:3.1:u', 'mof:18:u']);
  });
});

describe('an earlier-study cue after a comma qualifies the value after it', () => {
  const ts = (s: string) =>
    analyze(s)
      .elements.tScores.map((x) => x.value)
      .sort();
  test.each([
    ['The lumbar spine T-score is -1.8, previously -2.1.', [-1.8]],
    ['Left total hip T-score -1.2, formerly -1.0.', [-1.2]],
    ['Femoral neck T-score -2.6, compared with -2.4 in 2022.', [-2.6]],
  ])('%s', (s, want) => {
    expect(ts(s)).toEqual(want);
  });
  test('unchanged: "-2.3 previously" with no comma is the earlier value', () => {
    expect(ts('The lumbar spine T-score is -2.0 (it was -2.3 previously).')).toEqual([-2]);
  });
});

describe('a comparative with its reference is no general statement', () => {
  const cats = (s: string) => analyze(s).elements.categories.map((c) => c.category);
  const pre = 'L1-L4 TBS is 1.206.\n\n';
  test.each([
    'IMPRESSION: Degraded microarchitecture, slightly lower than in 2023.',
    'IMPRESSION: Partially degraded microarchitecture, a little higher than the prior study.',
  ])('%s', (s) => {
    expect(cats(pre + s)).toHaveLength(1);
  });
  test('unchanged: a general sentence states nothing', () => {
    expect(cats(pre + 'Note: a lower TBS is associated with degraded microarchitecture.')).toEqual([]);
  });
});

describe('a relative change is no risk value', () => {
  const risks = (s: string) =>
    analyze(s)
      .elements.risks.map((r) => `${r.kind}:${r.value}`)
      .sort();
  const pre = 'FRAX adjusted for TBS: MOF 12%, hip 2.1%. ';
  test.each([
    'Given the steroid dose, the MOF should be increased by 15%.',
    'With high-dose glucocorticoids the MOF probability is raised by approximately 20% of its value.',
    'At this dose an increase of 15% applies to the MOF figure.',
    'The hip probability is reduced by about 30% of the value for a low dose.',
  ])('%s', (s) => {
    expect(risks(pre + s)).toEqual(['hip:2.1', 'mof:12']);
  });
  test('unchanged: a value the change leads to is still read', () => {
    expect(risks('FRAX adjusted for TBS: the MOF rises by 3% to 15%, hip 2.1%.')).toContain('hip:2.1');
  });
});

describe('an arrow ties a category to its value and is no "greater than"', () => {
  test.each(['TBS (L1-L4): 1.211 -> degraded', 'TBS L1-L4 1.211 => degraded microarchitecture'])('%s', (s) => {
    expect(analyze(s).elements.categories.map((c) => c.category)).toEqual(['degraded']);
  });
  test('unchanged: ">" alone is still a threshold', () => {
    expect(analyze('TBS: 1.262. Degraded: TBS > 1.230 is not degraded').elements.tbs.map((x) => x.value)).toEqual([
      1.262,
    ]);
  });
});
