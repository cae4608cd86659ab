/** The tokeniser: numbers read whole or refused, units, placeholders, gaps and line breaks. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { normalise } from '../../server/src/engine/text';
import {
  DICTATED,
  GAP,
  INTERVAL,
  NUMBER,
  PLACEHOLDER,
  RANGE_START,
  REFUSED,
  SIGNED,
  tokenise,
  UNIT_G_CM2,
  UNIT_KG_M2,
  UNIT_OTHER,
  UNIT_PERCENT,
  UNIT_TIME,
  WALL,
  WORD,
} from '../../server/src/engine/reading/tokens';
import { findPlaceholders } from '../../server/src/engine/reading/placeholders';
import { makeDoc } from '../../server/src/engine/text';

function numbers(text: string): Array<{ value: number; text: string; unit: number; flags: number }> {
  const norm = normalise(text);
  const t = tokenise(norm);
  const out = [];
  for (let i = 0; i < t.n; i++)
    if (t.kind[i] === NUMBER)
      out.push({ value: t.value[i], text: text.slice(t.start[i], t.end[i]), unit: t.unit[i], flags: t.flags[i] });
  return out;
}

describe('numbers', () => {
  test('signs: ASCII minus, U+2212, en dash, plus, dictated', () => {
    expect(numbers('T-score -2.1').map((n) => n.value)).toEqual([-2.1]);
    expect(numbers('T-score \u22122.6').map((n) => n.value)).toEqual([-2.6]);
    expect(numbers('T-score \u20131.4').map((n) => n.value)).toEqual([-1.4]);
    expect(numbers('T-score +0.3').map((n) => n.value)).toEqual([0.3]);
    const dictated = numbers('T-score negative 1.6 and minus 2.1');
    expect(dictated.map((n) => n.value)).toEqual([-1.6, -2.1]);
    expect(dictated.every((n) => (n.flags & SIGNED) !== 0 && (n.flags & DICTATED) !== 0)).toBe(true);
  });

  test('a hyphen between words or numbers is not a sign', () => {
    expect(numbers('L1-4 and 1.230-1.310').map((n) => n.value)).toEqual([4, 1.23, 1.31]);
    expect(numbers('a)-4').map((n) => n.value)).toEqual([4]);
  });

  test('decimal point, decimal comma and the UK mid-dot are read whole', () => {
    expect(numbers('TBS 1.262').map((n) => n.value)).toEqual([1.262]);
    expect(numbers('TBS 1,262').map((n) => n.value)).toEqual([1.262]);
    expect(numbers('TBS 1\u00b7198, T-score \u22121\u00b79').map((n) => n.value)).toEqual([1.198, -1.9]);
  });

  test('never truncates: dates, times, versions and long fractions are refused whole', () => {
    for (const s of ['04/22/2024', '15:41', '12.5.3', '1.23456', '1234567']) {
      expect(numbers(s), s).toEqual([]);
      const t = tokenise(normalise(s));
      expect(t.kind[0], s).toBe(REFUSED);
    }
  });

  test('units: %, a no-break space before %, g/cm², kg/m², other units', () => {
    expect(numbers('MOF 17%')[0].unit).toBe(UNIT_PERCENT);
    expect(numbers('MOF 17\u00a0%')[0].unit).toBe(UNIT_PERCENT);
    expect(numbers('MOF 17 percent')[0].unit).toBe(UNIT_PERCENT);
    expect(numbers('BMD 0.701 g/cm\u00b2')[0].unit).toBe(UNIT_G_CM2);
    expect(numbers('BMI 24.1 kg/m2')[0].unit).toBe(UNIT_KG_M2);
    expect(numbers('age 72 years')[0].unit).toBe(UNIT_TIME);
    expect(numbers('calcium 500 mg')[0].unit).toBe(UNIT_OTHER);
  });

  test('a no-break hyphen (U+2011) is a hyphen', () => {
    const t = tokenise(normalise('T\u2011score \u22121\u00b79'));
    expect(t.kind[0]).toBe(WORD);
    expect(t.value[t.n - 1]).toBe(-1.9);
  });
});

describe('layout tokens', () => {
  test('column gaps: two spaces, a tab, a pipe, box drawing, ruled lines', () => {
    const kinds = (s: string) => {
      const t = tokenise(normalise(s));
      return Array.from(t.kind.slice(0, t.n));
    };
    expect(kinds('Neck  -2.3')).toEqual([WORD, GAP, NUMBER]);
    expect(kinds('Neck\t-2.3')).toEqual([WORD, GAP, NUMBER]);
    expect(kinds('Neck -2.3')).toEqual([WORD, NUMBER]);
    const piped = tokenise(normalise('| Neck | -2.3 |'));
    expect(piped.kind[0]).toBe(GAP);
    expect(piped.flags[0] & WALL).toBe(WALL);
    expect(kinds('\u2502 Neck \u2502 -2.3 \u2502')).toEqual([GAP, WORD, GAP, NUMBER, GAP]);
    expect(kinds('+------+-----+')).toEqual([GAP]);
  });

  test('a placeholder is one token, "XXX XXX XXXX" included', () => {
    const text = 'TBS: ___  Phone: XXX XXX XXXX  Name: [ ]';
    const doc = makeDoc(text);
    const t = tokenise(doc.norm, findPlaceholders(doc));
    const phs: string[] = [];
    for (let i = 0; i < t.n; i++) if (t.kind[i] === PLACEHOLDER) phs.push(text.slice(t.start[i], t.end[i]));
    expect(phs).toEqual(['___', 'XXX XXX XXXX', '[ ]']);
  });

  test('token arrays are typed and offsets point into the text', () => {
    const text = 'TBS L1-L4: 1.262\r\nT-score \u22122.1';
    const t = tokenise(normalise(text));
    expect(t.start).toBeInstanceOf(Int32Array);
    expect(t.line[t.n - 1]).toBe(1);
    const last = t.n - 1;
    expect(text.slice(t.start[last], t.end[last])).toBe('\u22122.1');
  });
});

describe('intervals and durations', () => {
  const marked = (text: string) => numbers(text).map((n) => [n.value, (n.flags & INTERVAL) !== 0]);
  test('a number with a time unit, and both ends of a range that ends in one, are intervals', () => {
    expect(marked('repeat in 1.5 to 2 years')).toEqual([
      [1.5, true],
      [2, true],
    ]);
    expect(marked('repeat in 1.5-2 years')).toEqual([
      [1.5, true],
      [2, true],
    ]);
    expect(marked('after 18-24 months')).toEqual([
      [18, true],
      [24, true],
    ]);
    expect(marked('after 18 - 24 months')[0]).toEqual([18, true]);
    expect(marked('every 24 months, or 1 or 2 yrs')).toEqual([
      [24, true],
      [1, true],
      [2, true],
    ]);
    expect(marked('follow-up in 6 weeks')).toEqual([[6, true]]);
    expect(numbers('in 1.5 to 2 years')[0].flags & RANGE_START).toBe(RANGE_START);
  });
  test('a value before an interval is none of it', () => {
    expect(marked('TBS 1.262 in 2024')).toEqual([
      [1.262, false],
      [2024, false],
    ]);
    expect(marked('T-score -2.5 to 2 years')[0]).toEqual([-2.5, false]);
    expect(marked('MOF 17% to 2 years')[0]).toEqual([17, false]);
  });
});

describe('spoken decimals of a dictation transcript', () => {
  const nums = (s: string) => {
    const t = tokenise(normalise(s));
    const out: Array<[number, boolean]> = [];
    for (let i = 0; i < t.n; i++) if (t.kind[i] === NUMBER) out.push([t.value[i], (t.flags[i] & DICTATED) !== 0]);
    return out;
  };
  test.each([
    ['the spine T-score is negative one point eight', [[-1.8, true]]],
    ['TBS one point two six two, degraded', [[1.262, false]]],
    [
      'neck minus two point three and hip zero point four',
      [
        [-2.3, true],
        [0.4, false],
      ],
    ],
    ['T score negative three point zero.', [[-3, true]]],
  ])('%s', (s, want) => {
    expect(nums(s)).toEqual(want);
  });
  test.each([['from one point of view'], ['point one of the plan'], ['one point'], ['one  point two (two spaces)']])(
    'no number in %s',
    (s) => {
      expect(nums(s)).toEqual([]);
    },
  );
  test('the readers see a spoken T-score as a typed one', () => {
    const e = analyze('Left femoral neck T-score negative two point four. TBS one point two one nine.').elements;
    expect(e.tScores.map((x) => x.value)).toEqual([-2.4]);
    expect(e.tbs.map((x) => x.value)).toEqual([1.219]);
  });
});
