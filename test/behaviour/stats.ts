/**
 * Pass rates of the behavioural suite per concept, per test type and per template, against the
 * engine in this worktree. Not a test: bundle and run it with
 *
 *   npx esbuild test/behaviour/stats.ts --bundle --platform=node --outfile=/tmp/behaviour-stats.js && \
 *     node /tmp/behaviour-stats.js [template-id [count]]
 *
 * With a template id it prints that template's failing cases (up to `count`, default 5) instead;
 * with `floors`, the GAP_FLOORS record of known-gaps.ts as the engine in this worktree stands.
 */
import type { Template } from './harness';
import { describeFailure, runTemplate } from './harness';
import { KNOWN_GAPS } from './known-gaps';
import { suiteSeed } from './prng';
import { ALL_TEMPLATES } from './templates';

const seed = suiteSeed();
const [only, count] = process.argv.slice(2);

if (only === 'floors') {
  // The GAP_FLOORS record for known-gaps.ts: how many cases of each known gap pass now.
  console.log('export const GAP_FLOORS: Record<string, number> = {');
  for (const t of ALL_TEMPLATES.filter((x) => KNOWN_GAPS[x.id]))
    console.log(`  '${t.id}': ${runTemplate(t, seed).filter((r) => r.ok).length},`);
  console.log('};');
} else if (only) {
  const t = ALL_TEMPLATES.find((x) => x.id === only);
  if (!t) throw new Error(`no template ${only}`);
  const failed = runTemplate(t, seed).filter((r) => !r.ok);
  console.log(`${t.id}: ${failed.length} of ${t.n} fail (seed ${seed})\n`);
  for (const r of failed.slice(0, Number(count ?? 5))) console.log(describeFailure(t, seed, r), '\n');
} else {
  const rows: Array<{ t: Template; pass: number }> = [];
  const t0 = Date.now();
  for (const t of ALL_TEMPLATES) rows.push({ t, pass: runTemplate(t, seed).filter((r) => r.ok).length });
  const ms = Date.now() - t0;
  const pct = (p: number, n: number): string => `${((100 * p) / n).toFixed(1)} %`;
  const group = (key: (t: Template) => string): void => {
    const m = new Map<string, { pass: number; n: number }>();
    for (const r of rows) {
      const k = key(r.t);
      const g = m.get(k) ?? { pass: 0, n: 0 };
      g.pass += r.pass;
      g.n += r.t.n;
      m.set(k, g);
    }
    for (const [k, g] of m) console.log(`| ${k} | ${g.pass} / ${g.n} | ${pct(g.pass, g.n)} |`);
  };
  const total = rows.reduce((s, r) => s + r.t.n, 0);
  const passed = rows.reduce((s, r) => s + r.pass, 0);
  console.log(
    `seed ${seed}; ${rows.length} templates; ${total} cases; ${passed} pass (${pct(passed, total)}); ${ms} ms\n`,
  );
  console.log('| type | pass | rate |\n|---|---|---|');
  group((t) => t.type);
  console.log('\n| concept | pass | rate |\n|---|---|---|');
  group((t) => t.concept);
  console.log('\n| concept | MFT | INV | DIR |\n|---|---|---|---|');
  for (const c of [...new Set(rows.map((r) => r.t.concept))]) {
    const cell = (type: string): string => {
      const rs = rows.filter((r) => r.t.concept === c && r.t.type === type);
      const n = rs.reduce((s, r) => s + r.t.n, 0);
      const p = rs.reduce((s, r) => s + r.pass, 0);
      return n ? `${p} / ${n} (${pct(p, n)})` : '';
    };
    console.log(`| ${c} | ${cell('MFT')} | ${cell('INV')} | ${cell('DIR')} |`);
  }
  console.log('\n| template | pass | rate | known gap |\n|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.t.id} | ${r.pass} / ${r.t.n} | ${pct(r.pass, r.t.n)} | ${KNOWN_GAPS[r.t.id] ? 'yes' : ''} |`);
}
