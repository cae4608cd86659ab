/**
 * Diacritics folding: reports typed on a keyboard without accents ("osteoporotica", "Varsta",
 * "Impresion", "sold stang") read as the vocabulary written with them. The vocabulary is folded when
 * compiled (trie.ts, headers.ts) and word lists when loaded (`withFolded`): nothing is folded per token.
 */

/** Combining marks left by canonical decomposition (accents, cedillas, the Romanian comma below). */
const MARKS = /[\u0300-\u036f]/g;

/** A key without its diacritics ("osteoporótica" -> "osteoporotica", "șold" -> "sold"). */
export function foldKey(k: string): string {
  // Only keys with a letter beyond ASCII can change: most keys cost one scan.
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) > 0x7f) return k.normalize('NFD').replace(MARKS, '');
  return k;
}

/** A word list with each word's folded form added ("próximos" and "proximos"). */
export function withFolded(words: readonly string[]): string[] {
  const out = [...words];
  for (const w of words) {
    const f = foldKey(w);
    if (f !== w && !out.includes(f)) out.push(f);
  }
  return out;
}
