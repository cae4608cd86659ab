/**
 * Metamorphic (CheckList invariance) suite over the realistic reports (test/fixtures/realworld): every
 * fact-preserving transform of transforms.ts is applied to every realistic file, and the projection
 * of the transformed report's analysis (projection.ts: values, sites, risks, models, categories,
 * provider, demographics, the set of finding codes; no offsets, no lines) must keep the transform's
 * relation with the original's. Pairs the engine does not keep yet are listed in known.ts and run as
 * expected failures; see README.md.
 */
import { describe, expect, test } from 'vitest';
import { loadExpectations, readReport } from '../realworld/compare';
import { KNOWN_PAIRS } from './known';
import { describeDifferences, differences, projectText, type Projection } from './projection';
import { TRANSFORMS } from './transforms';

const names = Object.keys(loadExpectations()).sort();
const texts = new Map(names.map((n) => [n, readReport(n)]));
const originals = new Map<string, Projection>();
const original = (n: string): Projection => {
  let p = originals.get(n);
  if (!p) originals.set(n, (p = projectText(texts.get(n)!)));
  return p;
};

/** The digits of a text in order: a transform that moves no block keeps them all. */
const digits = (s: string): string => (s.match(/\d+/g) ?? []).join(' ');

test('every transform has its known list, naming files of the set to which it applies', () => {
  expect(Object.keys(KNOWN_PAIRS).sort()).toEqual(TRANSFORMS.map((t) => t.id).sort());
  for (const t of TRANSFORMS) {
    for (const n of KNOWN_PAIRS[t.id]) {
      expect(names, `${t.id}: ${n}`).toContain(n);
      expect(t.apply(texts.get(n)!), `${t.id} does not change ${n}`).not.toBe(texts.get(n));
    }
  }
});

test('each transform changes a good share of the set (a transform that applies nowhere tests nothing)', () => {
  for (const t of TRANSFORMS) {
    const applies = names.filter((n) => t.apply(texts.get(n)!) !== texts.get(n)).length;
    expect(applies, t.id).toBeGreaterThanOrEqual(50);
  }
});

test('transforms keep the text: in-place ones keep every number in order, appended ones keep the report as a prefix', () => {
  for (const t of TRANSFORMS) {
    for (const n of names) {
      const before = texts.get(n)!;
      const after = t.apply(before);
      if (t.id.startsWith('append-')) {
        expect(after.startsWith(before.replace(/(?:\r?\n|[ \t])+$/, '')), `${t.id} ${n}`).toBe(true);
      } else if (t.id === 'letterhead-page-break') {
        const inserted = new Set(t.apply('').split('\n'));
        const kept = (s: string): string =>
          s
            .split(/\r?\n/)
            .filter((l) => l.trim() !== '' && !inserted.has(l) && !/^Page \d of 2$/.test(l))
            .join('\n');
        expect(kept(after), `${t.id} ${n}`).toBe(kept(before));
      } else {
        expect(digits(after), `${t.id} ${n}`).toBe(digits(before));
      }
    }
  }
});

describe('transforms on small texts', () => {
  const get = (id: string) => TRANSFORMS.find((t) => t.id === id)!.apply;
  test('a sign becomes U+2212; dates, ranges and vertebral ranges keep their hyphen', () => {
    expect(get('minus-u2212')('T-score -1.3 (L1-L4), 2021-05-04, range 1.0-2.5, change: -0.7%')).toBe(
      'T-score \u22121.3 (L1-L4), 2021-05-04, range 1.0-2.5, change: \u22120.7%',
    );
  });
  test('hard wrapping re-flows prose only, never a table row', () => {
    const prose = 'word '.repeat(30).trim();
    const row = 'Left femoral neck      0.712      -1.9      ' + 'x '.repeat(30);
    const out = get('hard-wrap-72')(`${prose}\n${row}\n`).split('\n');
    expect(out.length).toBe(5);
    expect(out.every((l) => l.length <= 72 || l === row)).toBe(true);
    expect(out.slice(0, 3).join(' ')).toBe(prose);
    expect(out[3]).toBe(row);
  });
  test('header case: capitals to Title case (acronyms kept) and Title case to capitals', () => {
    expect(get('header-case')('IMPRESSION: Osteopenia.\nDXA WITH TBS\nHistory: fall\nTBS L1-L4: 1.2')).toBe(
      'Impression: Osteopenia.\nDXA WITH TBS\nHISTORY: fall\nTBS L1-L4: 1.2',
    );
  });
  test('markdown prefixes header-only lines', () => {
    expect(get('markdown-headers')('FINDINGS\nSpine T-score -1.0.\nImpression:\nNormal.')).toBe(
      '## FINDINGS\nSpine T-score -1.0.\n## Impression:\nNormal.',
    );
  });
  test('the page break goes to the paragraph break nearest the middle', () => {
    const out = get('letterhead-page-break')('a\n\nb\n\nc\n\nd');
    expect(out.split('\n').indexOf('Page 2 of 2')).toBeGreaterThan(out.split('\n').indexOf('b'));
    expect(out.split('\n').indexOf('Page 2 of 2')).toBeLessThan(out.split('\n').indexOf('c'));
  });
});

// One test per transform for the pairs that must keep the relation (a test per pair costs more in
// the runner than the analysis itself), and one expected failure per known pair.
for (const t of TRANSFORMS) {
  const known = new Set(KNOWN_PAIRS[t.id] ?? []);
  const changed = (n: string): string => t.apply(texts.get(n)!);
  const broken = (n: string): string => {
    const ds = differences(original(n), projectText(changed(n)), t.relation);
    return ds.length ? `${n}: ${describeDifferences(ds)}` : '';
  };
  describe(`${t.id}: ${t.what} (relation: ${t.relation})`, () => {
    test('every file not listed in known.ts keeps the relation', () => {
      const failing = names
        .filter((n) => !known.has(n) && changed(n) !== texts.get(n))
        .map(broken)
        .filter(Boolean);
      expect(failing, `${t.id}: ${failing.length} new failing pairs`).toEqual([]);
    });
    for (const n of known)
      test.fails(`${n} (known)`, () => {
        const b = broken(n);
        if (b) throw new Error(`${t.id} ${b}`);
      });
  });
}
