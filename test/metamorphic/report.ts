/**
 * Figures of the metamorphic suite: for each transform, how many realistic files it applies to and on
 * how many the projection differs, with the differing elements. Run from the repository root:
 *   npx esbuild test/metamorphic/report.ts --bundle --platform=node --outfile=/tmp/mm-$USER.js --log-level=error && node /tmp/mm-$USER.js [transform-id] [--files] [--known]
 * `--files` lists each failing file with its differences; `--known` prints known.ts's KNOWN table as
 * it would be today (to paste after a fix, once each removed entry is checked).
 */
import { loadExpectations, readReport } from '../realworld/compare';
import { checkPair, describeDifferences, projectText } from './projection';
import { TRANSFORMS } from './transforms';

const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('--'));
const files = args.includes('--files');
const known = args.includes('--known');
const names = Object.keys(loadExpectations()).sort();
const texts = new Map(names.map((n) => [n, readReport(n)]));
const originals = new Map(names.map((n) => [n, projectText(texts.get(n)!)]));
const table: string[] = [];
const knownOut: string[] = [];
for (const t of TRANSFORMS) {
  if (only && t.id !== only) continue;
  let applies = 0;
  const failing: string[] = [];
  const byElement = new Map<string, number>();
  for (const n of names) {
    const r = checkPair(originals.get(n)!, texts.get(n)!, t);
    if (!r.applies) continue;
    applies++;
    if (r.diffs.length === 0) continue;
    failing.push(n);
    for (const d of r.diffs) byElement.set(d.element, (byElement.get(d.element) ?? 0) + 1);
    if (files) console.log(`${t.id}  ${n}: ${describeDifferences(r.diffs)}`);
  }
  const els = [...byElement]
    .sort((a, b) => b[1] - a[1])
    .map(([e, c]) => `${e} ${c}`)
    .join(', ');
  table.push(`${t.id.padEnd(22)} ${String(failing.length).padStart(3)} / ${String(applies).padStart(3)}  ${els}`);
  knownOut.push(`  '${t.id}': [${failing.map((f) => `'${f}'`).join(', ')}],`);
}
console.log(`transform              differ / applies (of ${names.length})  differing elements (files)`);
console.log(table.join('\n'));
if (known) console.log(knownOut.join('\n'));
