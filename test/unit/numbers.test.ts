/** The tokeniser's numbers agree with the regular expression that specifies them. */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NUMBER, RANGE_START, tokenise } from '../../server/src/engine/reading/tokens';
import { makeDoc } from '../../server/src/engine/text';

const SPEC = /(?:(?<![\w)\].])([-+])|(?<![\w.,]|\d:|[\w.]\/))(\d{1,6}(?:[.,]\d{1,4})?)(?![\d/]|[.,]\d|:\d)/g;

function bySpec(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const norm = makeDoc(text).norm;
  SPEC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEC.exec(norm)) !== null) {
    const v = Number(m[2].replace(',', '.'));
    out.push([m.index, m.index + m[0].length, m[1] === '-' ? -v : v]);
  }
  return out;
}

function byScanner(text: string): Array<[number, number, number]> {
  const t = tokenise(makeDoc(text).norm);
  const out: Array<[number, number, number]> = [];
  // The first end of an interval ("1.5" of "in 1.5 to 2 years") is a number no reader takes.
  for (let i = 0; i < t.n; i++)
    if (t.kind[i] === NUMBER && !(t.flags[i] & RANGE_START)) out.push([t.start[i], t.end[i], t.value[i]]);
  return out;
}

test('scanner = specification on hand-picked cases', () => {
  const cases = [
    'TBS 1.262',
    'T-score -2.1, -1.6,-2.0',
    'L1-L4 0.871 -1.6',
    '1.230-1.310',
    '04/22/2024 15:41',
    'v3.1',
    '1,262 and 1,2,3',
    '1234567 12.34567 12.5.3',
    'MOF/hip: 15%/2.1%',
    'x-2 (−2.1) [-3] a)-4 .5',
    '+7.0 T4 -12',
    ':5 1:5 a:5 x/5 ./5 5/ 5:',
  ];
  for (const c of cases) assert.deepEqual(byScanner(c), bySpec(c), c);
});

test('scanner = specification on generated text', () => {
  const alphabet = fc.constantFrom(...'0123456789.,-+/: a)]x_T%'.split(''));
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
      (s) => {
        assert.deepEqual(byScanner(s), bySpec(s));
      },
    ),
    { numRuns: 3000 },
  );
});
