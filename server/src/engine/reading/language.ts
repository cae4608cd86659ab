/**
 * Words of one language that are other words in English: a German side ("re", "li") is a side only
 * on a German line (`vocab/sites.ts` GERMAN_ONLY_SIDES, GERMAN_WORDS). Elsewhere its hit keeps no
 * site ("Re: Mrs X", "re-scan", "re check", "with re to", "Dr Li"), so no reader takes it for a side.
 * One pass over the hits; each line is looked at once.
 */
import type { Concept } from './concepts';
import type { Hits } from './trie';
import type { Tokens } from './tokens';
import { PUNCT, WORD, wordIn } from './tokens';
import { GERMAN_ONLY_SIDES, GERMAN_WORDS } from './vocab/sites';

/** The concepts of a German-only side's hit without its site (one array per vocabulary array). */
const WITHOUT_SITE = new WeakMap<readonly Concept[], Concept[]>();

function withoutSite(concepts: Concept[]): Concept[] {
  let out = WITHOUT_SITE.get(concepts);
  if (!out) WITHOUT_SITE.set(concepts, (out = concepts.filter((c) => c.c !== 'site')));
  return out;
}

/** A word with a German letter (ä, ö, ü, ß), or one of GERMAN_WORDS. */
function germanWord(t: Tokens, k: number): boolean {
  if (t.kind[k] !== WORD || wordIn(t, k, GERMAN_ONLY_SIDES)) return false;
  if (wordIn(t, k, GERMAN_WORDS)) return true;
  for (let p = t.start[k]; p < t.end[k]; p++) {
    const c = t.norm.charCodeAt(p);
    if (c === 0xe4 || c === 0xf6 || c === 0xfc || c === 0xdf) return true;
  }
  return false;
}

/**
 * Drops the side of each German-only side's hit that is not on a German line, or that opens its
 * line before a colon ("Re: ..."), in place (`hits.concepts`).
 */
export function germanOnlySides(t: Tokens, hits: Hits): void {
  let line = -1;
  let german = false;
  // Tokens of the current line: from `lineFrom`, scanned up to `scanned` (each token once).
  let lineFrom = 0;
  for (let h = 0; h < hits.n; h++) {
    const k = hits.start[h];
    if (hits.end[h] - k !== 1 || t.kind[k] !== WORD || t.end[k] - t.start[k] !== 2) continue;
    if (!wordIn(t, k, GERMAN_ONLY_SIDES)) continue;
    const concepts = hits.concepts[h];
    if (!concepts.some((c) => c.c === 'site')) continue;
    if (t.line[k] !== line) {
      line = t.line[k];
      lineFrom = k;
      while (lineFrom > 0 && t.line[lineFrom - 1] === line) lineFrom--;
      german = false;
      for (let q = lineFrom; q < t.n && t.line[q] === line && !german; q++) german = germanWord(t, q);
    }
    const opensLabel =
      k === lineFrom && k + 1 < t.n && t.kind[k + 1] === PUNCT && t.norm.charCodeAt(t.start[k + 1]) === 58;
    if (!german || opensLabel) hits.concepts[h] = withoutSite(concepts);
  }
}
