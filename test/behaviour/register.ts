/**
 * One vitest test per template, grouped by concept. A template listed in known-gaps.ts runs as
 * `test.fails`: shown as an expected failure, and red as soon as it passes. Beside it, at the default
 * seed, a floor test keeps the gap from growing: at least as many of its cases pass as passed when
 * the gap was recorded (GAP_FLOORS).
 */
import { describe, test } from 'vitest';
import type { CaseResult, Template } from './harness';
import { describeFailure, runTemplate } from './harness';
import { GAP_FLOORS, KNOWN_GAPS } from './known-gaps';
import { DEFAULT_SEED, suiteSeed } from './prng';

/** Registers the tests of `templates`, grouped by concept. */
export function register(templates: readonly Template[]): void {
  const seed = suiteSeed();
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) throw new Error(`duplicate template id ${t.id}`);
    ids.add(t.id);
  }
  // Each template runs once; its test and its floor test share the results.
  const results = new Map<string, CaseResult[]>();
  const run = (t: Template): CaseResult[] => {
    let r = results.get(t.id);
    if (!r) results.set(t.id, (r = runTemplate(t, seed)));
    return r;
  };
  const report = (t: Template, failed: CaseResult[], head: string): string =>
    `${head}\n\n${failed.map((r) => describeFailure(t, seed, r)).join('\n\n')}`;

  const concepts = [...new Set(templates.map((t) => t.concept))];
  for (const concept of concepts) {
    describe(concept, () => {
      for (const t of templates.filter((x) => x.concept === concept)) {
        const gap = KNOWN_GAPS[t.id];
        const name = `${t.type} ${t.id} (${t.n} cases, seed ${seed})${gap ? ` [known gap: ${gap}]` : ''}`;
        const body = (): void => {
          const failed = run(t).filter((r) => !r.ok);
          if (failed.length) throw new Error(report(t, failed, `${failed.length} of ${t.n} cases fail`));
        };
        if (!gap) {
          test(name, body);
          continue;
        }
        test.fails(name, body);
        const floor = GAP_FLOORS[t.id];
        if (floor !== undefined && seed === DEFAULT_SEED) {
          test(`${t.type} ${t.id}: at least ${floor} of ${t.n} cases still pass (known-gap floor)`, () => {
            const failed = run(t).filter((r) => !r.ok);
            const passed = t.n - failed.length;
            if (passed < floor)
              throw new Error(
                report(t, failed, `only ${passed} of ${t.n} cases pass; ${floor} passed when the gap was recorded`),
              );
          });
        }
      }
    });
  }
}
