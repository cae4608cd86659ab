/**
 * One vitest test per template, grouped by concept. A template listed in known-gaps.ts runs as
 * `test.fails`: shown as an expected failure, and red as soon as it passes.
 */
import { describe, test } from 'vitest';
import type { Template } from './harness';
import { describeFailure, runTemplate } from './harness';
import { KNOWN_GAPS } from './known-gaps';
import { suiteSeed } from './prng';

/** Registers one vitest test per template, grouped by concept. */
export function register(templates: readonly Template[]): void {
  const seed = suiteSeed();
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) throw new Error(`duplicate template id ${t.id}`);
    ids.add(t.id);
  }
  const concepts = [...new Set(templates.map((t) => t.concept))];
  for (const concept of concepts) {
    describe(concept, () => {
      for (const t of templates.filter((x) => x.concept === concept)) {
        const gap = KNOWN_GAPS[t.id];
        const name = `${t.type} ${t.id} (${t.n} cases, seed ${seed})${gap ? ` [known gap: ${gap}]` : ''}`;
        const body = (): void => {
          const failed = runTemplate(t, seed).filter((r) => !r.ok);
          if (failed.length) {
            const msg = failed.map((r) => describeFailure(t, seed, r)).join('\n\n');
            throw new Error(`${failed.length} of ${t.n} cases fail\n\n${msg}`);
          }
        };
        if (gap) test.fails(name, body);
        else test(name, body);
      }
    });
  }
}
