/** CPT codes named in the report, with modifiers: "CPT 77091", "77091-26", "77091 TC". */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { range } from '../context';
import { execAt } from '../scan';
import type { CptCode } from '../types';

export const CODE = spaced(
  /(?<![\w./-])(77089|7709[0-2]|7708[0-6])(?:(?: ?- ?| )(26|tc)\b|(?: with)? modifier (26|tc)\b)?(?![\d/])/y,
);
/** What CODE's matches start with. */
export const CODE_FIRST = '7';

export function extractCodes(ctx: Ctx): CptCode[] {
  const out: CptCode[] = [];
  for (const m of execAt(ctx.doc.norm, ctx.keywords, CODE, CODE_FIRST)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const mod = m[2] ?? m[3] ?? null;
    out.push({ code: m[1], modifier: mod ? mod.toUpperCase() : null, span, range: range(ctx, span) });
  }
  return out;
}
