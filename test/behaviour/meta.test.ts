/**
 * Meta-tests: the suite itself is not hard-coded. Texts come from the seed, a check depends on the
 * value in the text, an invariance check sees a changed fact, the phrase lists do not come from the
 * engine, and the known-gaps list names only templates that exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { study } from './gen';
import type { Template } from './harness';
import { diffProjection, project, runCase } from './harness';
import { GAP_FLOORS, KNOWN_GAPS } from './known-gaps';
import { caseSeed, DEFAULT_SEED, Rng } from './prng';
import { parts, assemble, render } from './report';
import { ALL_TEMPLATES } from './templates';

const DIR = join(__dirname);

function texts(t: Template, seed: number, k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(t.gen(new Rng(caseSeed(seed, t.id, i)), i).text);
  return out;
}

describe('generation', () => {
  test('the suite has at least 5,000 cases', () => {
    const total = ALL_TEMPLATES.reduce((s, t) => s + t.n, 0);
    expect(total).toBeGreaterThanOrEqual(5000);
  });

  test('every template id is unique', () => {
    const ids = ALL_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the same seed gives the same texts', () => {
    for (const t of ALL_TEMPLATES) expect(texts(t, DEFAULT_SEED, 3), t.id).toEqual(texts(t, DEFAULT_SEED, 3));
  });

  test('two seeds give different texts for every template', () => {
    for (const t of ALL_TEMPLATES) {
      const a = texts(t, DEFAULT_SEED, 5);
      const b = texts(t, DEFAULT_SEED + 1, 5);
      expect(a, t.id).not.toEqual(b);
    }
  });

  test('cases within a template differ from each other', () => {
    for (const t of ALL_TEMPLATES) {
      const xs = texts(t, DEFAULT_SEED, 10);
      expect(new Set(xs).size, t.id).toBeGreaterThan(5);
    }
  });
});

describe('checks depend on the text', () => {
  // Templates whose cases name the written form of the value they test.
  const withValues = ALL_TEMPLATES.filter((t) => t.gen(new Rng(1), 0).values !== undefined);

  test('some templates name their values', () => {
    expect(withValues.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'mft.tbs.frames',
        'mft.t-score.tables',
        'mft.risk.mof-hip-frames',
        'mft.provider.labels',
      ]),
    );
  });

  test('deleting the value from a passing case makes its check fail', () => {
    let passing = 0;
    for (const t of withValues) {
      for (let i = 0; i < 15; i++) {
        const seed = caseSeed(DEFAULT_SEED, t.id, i);
        const c = t.gen(new Rng(seed), i);
        if (c.check(analyze(c.text, c.settings)) !== null) continue; // a known gap: nothing to mutate
        passing++;
        let mutated = c.text;
        for (const v of c.values ?? []) mutated = mutated.split(v).join('');
        expect(mutated, `${t.id} #${i}`).not.toBe(c.text);
        expect(
          c.check(analyze(mutated, c.settings)),
          `${t.id} #${i}: the check passes without the value\n${mutated}`,
        ).not.toBeNull();
      }
    }
    // The meta-test must have had something to mutate.
    expect(passing).toBeGreaterThan(30);
  }, 60_000);

  test('a runCase result carries the seed and text a failure is reported with', () => {
    const t = ALL_TEMPLATES[0];
    const r = runCase(t, DEFAULT_SEED, 7);
    expect(r.seed).toBe(caseSeed(DEFAULT_SEED, t.id, 7));
    expect(r.text).toBe(t.gen(new Rng(r.seed), 7).text);
  });
});

describe('the invariance projection sees a changed fact', () => {
  const edits: Array<[string, (s: ReturnType<typeof study>) => string]> = [
    ['TBS value', ({ facts, phrasing }) => render({ ...facts, tbs: facts.tbs + 0.011 }, phrasing)],
    [
      'T-score',
      ({ facts, phrasing }) =>
        render(
          { ...facts, tscores: facts.tscores.map((t, i) => (i === 1 ? { ...t, value: t.value - 0.3 } : t)) },
          phrasing,
        ),
    ],
    ['MOF risk', ({ facts, phrasing }) => render({ ...facts, mof: facts.mof + 2 }, phrasing)],
    ['provider', ({ facts, phrasing }) => assemble({ ...parts(facts, phrasing), signature: [''] }, phrasing)],
  ];
  for (const [what, edit] of edits) {
    test(`changing the ${what} changes the projection`, () => {
      for (let i = 0; i < 20; i++) {
        const s = study(new Rng(caseSeed(DEFAULT_SEED, `meta.${what}`, i)), 'us-prose');
        const base = project(analyze(render(s.facts, s.phrasing)));
        const changed = project(analyze(edit(s)));
        expect(diffProjection(base, changed), `${what} #${i}`).not.toBeNull();
      }
    });
  }
});

describe('independence and bookkeeping', () => {
  test('no file of the suite imports the engine lexicon, vocabulary or any module but its public entry', () => {
    const specsOf = (file: string) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.ts'))) {
      for (const s of specsOf(join(DIR, f))) {
        expect(s, `${f} imports ${s}`).not.toMatch(/lexicon|vocab|data/i);
        if (!s.startsWith('.') || s.startsWith('./')) continue;
        // A plain-text helper the suites share (test/shared) may be imported: it imports nothing relative.
        if (s.startsWith('../shared/')) {
          const shared = specsOf(join(DIR, `${s}.ts`));
          expect(
            shared.filter((x) => x.startsWith('.')),
            `${s} imports`,
          ).toEqual([]);
        } else expect(s, `${f} imports ${s}`).toBe('../../server/src/engine');
      }
    }
  });

  test('every known gap names a template that exists', () => {
    const ids = new Set(ALL_TEMPLATES.map((t) => t.id));
    expect(Object.keys(KNOWN_GAPS).filter((k) => !ids.has(k))).toEqual([]);
  });

  test('every floor belongs to a known gap and is at most its case count', () => {
    const byId = new Map(ALL_TEMPLATES.map((t) => [t.id, t]));
    for (const [id, floor] of Object.entries(GAP_FLOORS)) {
      expect(KNOWN_GAPS[id], id).toBeDefined();
      expect(floor, id).toBeGreaterThan(0);
      expect(floor, id).toBeLessThanOrEqual(byId.get(id)?.n ?? -1);
    }
  });

  test('every known gap gives a reason', () => {
    for (const [id, why] of Object.entries(KNOWN_GAPS)) expect(why.length, id).toBeGreaterThan(20);
  });
});
