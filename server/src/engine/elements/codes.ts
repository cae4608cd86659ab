/** CPT codes named in the report, with modifiers: "CPT 77091", "77091-26", "77091 TC". */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { range } from '../context';
import type { CptCode } from '../types';

export const CODE = spaced(/(?<![\w.\/-])(77089|7709[0-2]|7708[0-6])(?:(?: ?- ?| )(26|tc)\b|(?: with)? modifier (26|tc)\b)?(?![\d\/])/y);

export function extractCodes(ctx: Ctx): CptCode[] {
  const out: CptCode[] = [];
  let lastEnd = 0;
  for (const { start } of ctx.keywords) {
    if (start < lastEnd || ctx.doc.norm.charCodeAt(start) !== 55) continue; // "7"
    CODE.lastIndex = start;
    const m = CODE.exec(ctx.doc.norm);
    if (!m) continue;
    const span = { start, end: start + m[0].length };
    lastEnd = span.end;
    const mod = m[2] ?? m[3] ?? null;
    out.push({ code: m[1], modifier: mod ? mod.toUpperCase() : null, span, range: range(ctx, span) });
  }
  return out;
}
