/**
 * Skeletal sites with side and region. A region's key is what `TScore.site` holds ("femoral neck",
 * "total hip", "L1-L4", "radius 33%"); `isDiagnosticSite` tells the ISCD diagnostic sites.
 */
import type { Entry, SiteInfo } from '../concepts';

const REGIONS: Array<[string, string]> = [
  ['femoral neck', 'femoral neck'],
  ['femoral necks', 'femoral neck'],
  ['total hips', 'total hip'],
  ['hips', 'hip'],
  ['femur neck', 'femoral neck'],
  ['neck of femur', 'femoral neck'],
  ['fn', 'femoral neck'],
  ['neck', 'femoral neck'],
  ['upper neck', 'upper neck'],
  ['upper femoral neck', 'upper neck'],
  ['total hip', 'total hip'],
  ['total femur', 'total hip'],
  ['femur total', 'total hip'],
  ['total proximal femur', 'total hip'],
  ['dual femur', 'total hip'],
  ['dual hip', 'total hip'],
  // "DualFemur Neck": the femur named before its region ("DualFemur Total" is the total hip).
  ['dualfemur', 'hip'],
  ['th', 'total hip'],
  ['trochanter', 'trochanter'],
  ['greater trochanter', 'trochanter'],
  ['troch', 'trochanter'],
  ['trochanteric', 'trochanter'],
  ['intertrochanteric', 'intertrochanter'],
  ['intertrochanter', 'intertrochanter'],
  ['inter', 'intertrochanter'],
  ["ward's", 'wards'],
  ['wards', 'wards'],
  ["ward's area", 'wards'],
  // The typographic apostrophe is part of the word token ("Ward’s triangle").
  ['ward\u2019s', 'wards'],
  ["ward's triangle", 'wards'],
  ['ward', 'wards'],
  ['lumbar spine', 'L1-L4'],
  ['lumbar', 'L1-L4'],
  ['l spine', 'L1-L4'],
  ['ap spine', 'L1-L4'],
  ['spine', 'L1-L4'],
  // A letter to the patient: "your lower back (lumbar spine)".
  ['lower back', 'L1-L4'],
  ['low back', 'L1-L4'],
  ['l1 l4', 'L1-L4'],
  ['l1 4', 'L1-L4'],
  ['l1l4', 'L1-L4'],
  ['l1 through l4', 'L1-L4'],
  ['l1 to l4', 'L1-L4'],
  ['l1 l3', 'L1-L3'],
  ['l1 3', 'L1-L3'],
  ['l2 l4', 'L2-L4'],
  ['l2 4', 'L2-L4'],
  ['l1 l2', 'L1-L2'],
  ['l2 l3', 'L2-L3'],
  ['l3 l4', 'L3-L4'],
  ['l1', 'L1'],
  ['l2', 'L2'],
  ['l3', 'L3'],
  ['l4', 'L4'],
  ['l5', 'L5'],
  ['radius', 'radius'],
  ['forearm', 'radius'],
  ['distal forearm', 'radius'],
  ['forearms', 'radius'],
  ['radial', 'radius'],
  ['distal radius', 'radius'],
  ['radius 33%', 'radius 33%'],
  ['33% radius', 'radius 33%'],
  ['one third radius', 'radius 33%'],
  ['1/3 radius', 'radius 33%'],
  ['radius one third', 'radius 33%'],
  ['radius 1/3', 'radius 33%'],
  ['ultradistal radius', 'radius UD'],
  ['ultra distal radius', 'radius UD'],
  ['radius ud', 'radius UD'],
  ['ud radius', 'radius UD'],
  ['ultradistal', 'radius UD'],
  ['mid radius', 'radius mid'],
  ['total body', 'total body'],
  ['whole body', 'total body'],
  ['hip', 'hip'],
  // German region names ("Schenkelhals li", "Gesamthüfte re", "LWS L1-L4").
  ['schenkelhals', 'femoral neck'],
  ['femurhals', 'femoral neck'],
  ['gesamthüfte', 'total hip'],
  ['hüfte gesamt', 'total hip'],
  ['gesamtfemur', 'total hip'],
  ['femur gesamt', 'total hip'],
  ['hüfte', 'hip'],
  ['lendenwirbelsäule', 'L1-L4'],
  ['lws', 'L1-L4'],
  ['unterarm', 'radius'],
  ['oberschenkelhals', 'femoral neck'],
  ['wirbelsäule', 'L1-L4'],
  ['proximal femur', 'hip'],
  // "Left femur:" over "Neck" and "Total" rows: the hip.
  ['femur', 'hip'],
  ['lumbar vertebrae', 'L1-L4'],
  ['lumbar vertebra', 'L1-L4'],
  // Spanish ("Cuello femoral izq.", "Cadera total derecha", "Columna lumbar L1-L4").
  ['cuello femoral', 'femoral neck'],
  ['cuello de fémur', 'femoral neck'],
  ['cuello del fémur', 'femoral neck'],
  ['cadera total', 'total hip'],
  ['total de cadera', 'total hip'],
  ['fémur total', 'total hip'],
  ['cadera', 'hip'],
  ['cuello', 'femoral neck'],
  ['columna lumbar', 'L1-L4'],
  ['columna', 'L1-L4'],
  ['raquis lumbar', 'L1-L4'],
  ['trocánter', 'trochanter'],
  ['antebrazo', 'radius'],
  ['radio 33%', 'radius 33%'],
  ['radio 1/3', 'radius 33%'],
  ['radio un tercio', 'radius 33%'],
  ['tercio distal del radio', 'radius 33%'],
  ['cuerpo entero', 'total body'],
  // French ("Col fémoral G", "Hanche totale D", "Rachis L1-L4").
  ['col fémoral', 'femoral neck'],
  ['col du fémur', 'femoral neck'],
  ['col de fémur', 'femoral neck'],
  ['hanche totale', 'total hip'],
  ['hanche total', 'total hip'],
  ['fémur total', 'total hip'],
  ['extrémité supérieure du fémur', 'hip'],
  ['hanche', 'hip'],
  ['rachis lombaire', 'L1-L4'],
  ['rachis', 'L1-L4'],
  ['colonne lombaire', 'L1-L4'],
  ['avant-bras', 'radius'],
  ['radius 1/3', 'radius 33%'],
  ['tiers distal du radius', 'radius 33%'],
  ['corps entier', 'total body'],
  // Portuguese ("Colo do fêmur esquerdo", "Fêmur total D", "Coluna lombar").
  ['colo femoral', 'femoral neck'],
  ['colo do fêmur', 'femoral neck'],
  ['colo do fémur', 'femoral neck'],
  ['fêmur total', 'total hip'],
  ['quadril total', 'total hip'],
  ['anca total', 'total hip'],
  ['quadril', 'hip'],
  ['colo', 'femoral neck'],
  ['coluna lombar', 'L1-L4'],
  ['coluna', 'L1-L4'],
  ['antebraço', 'radius'],
  ['rádio 33%', 'radius 33%'],
  ['rádio 1/3', 'radius 33%'],
  ['trocânter', 'trochanter'],
  // Italian ("Collo femorale sx", "Femore totale dx", "Colonna lombare").
  ['collo femorale', 'femoral neck'],
  ['collo del femore', 'femoral neck'],
  ['femore totale', 'total hip'],
  ['anca totale', 'total hip'],
  ['anca', 'hip'],
  ['collo', 'femoral neck'],
  ['femore', 'hip'],
  ['colonna lombare', 'L1-L4'],
  ['rachide lombare', 'L1-L4'],
  ['colonna', 'L1-L4'],
  ['avambraccio', 'radius'],
  ['trocantere', 'trochanter'],
  // Dutch ("Femurhals links", "Totale heup rechts", "Lumbale wervelkolom").
  ['heuphals', 'femoral neck'],
  ['totale heup', 'total hip'],
  ['heup totaal', 'total hip'],
  ['heup', 'hip'],
  ['lumbale wervelkolom', 'L1-L4'],
  ['lendenwervelkolom', 'L1-L4'],
  ['wervelkolom', 'L1-L4'],
  ['onderarm', 'radius'],
  // Swedish, Danish and Norwegian ("Lårbenshals vänster", "Total höft", "Hofte total", "Ländrygg").
  ['lårbenshals', 'femoral neck'],
  ['lårhals', 'femoral neck'],
  ['collum femoris', 'femoral neck'],
  ['total höft', 'total hip'],
  ['höft total', 'total hip'],
  ['total hofte', 'total hip'],
  ['hofte total', 'total hip'],
  ['höft', 'hip'],
  ['hofte', 'hip'],
  ['ländrygg', 'L1-L4'],
  ['lændehvirvelsøjle', 'L1-L4'],
  ['lænderyg', 'L1-L4'],
  ['korsrygg', 'L1-L4'],
  ['columna lumbalis', 'L1-L4'],
  ['underarm', 'radius'],
  // Turkish ("Sol femur boynu", "Total kalça", "Lomber omurga").
  ['femur boynu', 'femoral neck'],
  ['total kalça', 'total hip'],
  ['kalça', 'hip'],
  ['lomber omurga', 'L1-L4'],
  ['lomber vertebra', 'L1-L4'],
  ['lomber', 'L1-L4'],
  ['önkol', 'radius'],
  // Czech and Slovak ("Krček femuru vlevo", "Celkový proximální femur", "Bederní páteř").
  ['krček femuru', 'femoral neck'],
  ['krček stehenní kosti', 'femoral neck'],
  ['celkový proximální femur', 'total hip'],
  ['bederní páteř', 'L1-L4'],
  ['bedrová chrbtica', 'L1-L4'],
  // Polish ("Szyjka kości udowej lewej", "Biodro całkowite", "Kręgosłup L1-L4").
  ['szyjka kości udowej', 'femoral neck'],
  ['szyjka udowa', 'femoral neck'],
  ['biodro całkowite', 'total hip'],
  ['biodro', 'hip'],
  ['kręgosłup lędźwiowy', 'L1-L4'],
  ['kręgosłup', 'L1-L4'],
];

/**
 * A forearm region told twice, the second time in brackets: "one-third (33%) radius", "1/3 (33 %)
 * radius", "Radius (33%)", "radius (ultradistal)". The bracketed gloss names the same sub-region,
 * so the whole is that sub-region, not the radius it is part of.
 */
const FOREARM_NAMES = ['radius', 'radial', 'forearm'];
const FOREARM_SUBREGIONS: ReadonlyArray<[qualifiers: string[], region: string]> = [
  [['33%', '1/3', 'one third', 'third'], 'radius 33%'],
  [['ud', 'ultradistal', 'ultra distal'], 'radius UD'],
];
for (const [qualifiers, region] of FOREARM_SUBREGIONS)
  for (const name of FOREARM_NAMES)
    for (const q of qualifiers) {
      REGIONS.push([`${name} (${q})`, region]);
      for (const q2 of qualifiers) if (q2 !== q) REGIONS.push([`${q} (${q2}) ${name}`, region]);
    }

const SIDES: Array<[string, SiteInfo['side']]> = [
  ['left', 'left'],
  ['lt', 'left'],
  ['right', 'right'],
  ['rt', 'right'],
  // "Femoral neck L", "TSCORE_FN_L": a side's initial (a vertebra is "L1", one token).
  ['l', 'left'],
  ['r', 'right'],
  // German sides, written out or abbreviated after the region ("Schenkelhals li").
  ['links', 'left'],
  ['li', 'left'],
  ['rechts', 'right'],
  ['re', 'right'],
  // Spanish, French, Portuguese, Italian, Dutch, Polish sides, written out or abbreviated.
  ['izquierdo', 'left'],
  ['izquierda', 'left'],
  ['izq', 'left'],
  ['izqda', 'left'],
  ['izda', 'left'],
  ['derecho', 'right'],
  ['derecha', 'right'],
  ['dcho', 'right'],
  ['dcha', 'right'],
  ['gauche', 'left'],
  ['droit', 'right'],
  ['droite', 'right'],
  ['esquerdo', 'left'],
  ['esquerda', 'left'],
  ['esq', 'left'],
  ['direito', 'right'],
  ['direita', 'right'],
  ['sinistro', 'left'],
  ['sinistra', 'left'],
  ['destro', 'right'],
  ['destra', 'right'],
  ['linker', 'left'],
  ['linkerzijde', 'left'],
  ['rechter', 'right'],
  ['rechterzijde', 'right'],
  ['lewy', 'left'],
  ['lewa', 'left'],
  ['lewej', 'left'],
  ['lewe', 'left'],
  ['prawy', 'right'],
  ['prawa', 'right'],
  ['prawej', 'right'],
  ['prawe', 'right'],
  // Swedish, Danish, Norwegian, Turkish, Czech sides.
  ['vänster', 'left'],
  ['höger', 'right'],
  ['venstre', 'left'],
  ['højre', 'right'],
  ['høyre', 'right'],
  ['sol', 'left'],
  ['sağ', 'right'],
  ['vlevo', 'left'],
  ['vpravo', 'right'],
  ['levý', 'left'],
  ['pravý', 'right'],
  ['mean', 'mean'],
  ['both', 'both'],
  ['bilateral', 'both'],
  ['moyenne', 'mean'],
  ['promedio', 'mean'],
  ['media', 'mean'],
  ['média', 'mean'],
  ['bilatérale', 'both'],
  ['linke', 'left'],
  ['linken', 'left'],
  ['rechte', 'right'],
  ['rechten', 'right'],
];

/**
 * Sides that count only right after a region, on its row ("Col fémoral G", "Collo femorale sx",
 * "Cadera total dcha."): a letter or a short word that means something else elsewhere ("dx" a
 * diagnosis, "d" a vitamin, "g" a gram).
 */
const POSTPOSED_SIDES: Array<[string, SiteInfo['side']]> = [
  ['g', 'left'],
  ['d', 'right'],
  ['sx', 'left'],
  ['sin', 'left'],
  ['dx', 'right'],
  ['dex', 'right'],
  ['dir', 'right'],
];

/**
 * Side abbreviations after which a point does not end a sentence ("Rt. femoral neck", "Cuello
 * femoral izq. T-score"): read.ts joins the sentence over them.
 */
export const SIDE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'rt',
  'lt',
  'izq',
  'izqda',
  'izda',
  'dcho',
  'dcha',
  'esq',
  'dir',
  'sin',
  'dx',
  'sx',
  'dex',
]);

/**
 * German sides that are English words or letters too ("re": "Re:", "re-scan", "re check", "with re
 * to"; "li": a surname, an HTML list item): read as a side only on a line that is German, one with a
 * word of GERMAN_WORDS or a word with "ä", "ö", "ü" or "ß" ("Schenkelhals re", "Gesamthüfte li").
 */
export const GERMAN_ONLY_SIDES: readonly string[] = ['re', 'li'];

/** Words that make a line German: its region and side names, and common words of a German report. */
export const GERMAN_WORDS: readonly string[] = [
  'links',
  'rechts',
  'beidseits',
  'schenkelhals',
  'femurhals',
  'gesamthüfte',
  'gesamtfemur',
  'gesamt',
  'hüfte',
  'lendenwirbelsäule',
  'wirbelsäule',
  'lws',
  'bws',
  'unterarm',
  'oberschenkelhals',
  'messung',
  'messort',
  'befund',
  'beurteilung',
  'knochendichte',
  'osteopenie',
  'osteoporose',
  'und',
  'mit',
  'ist',
  'bei',
  'seite',
  'wert',
  'werte',
];

/** A side written inside a region's name: "total left hip". */
const SIDED_REGIONS: Array<[string, string, SiteInfo['side']]> = [
  ['total left hip', 'total hip', 'left'],
  ['total right hip', 'total hip', 'right'],
  ['total left femur', 'total hip', 'left'],
  ['total right femur', 'total hip', 'right'],
];

/**
 * Words of a block heading over femur rows ("DualFemur - Left", "Left Femur"): under one, a bare
 * "Neck" or "Total" row takes the heading's side. "total" alone is the total hip there.
 */
export const FEMUR_BLOCK_WORDS: ReadonlySet<string> = new Set(['femur', 'dualfemur', 'hip', 'femoral']);
export const BLOCK_TOTAL = 'total';

/** Words that may stand between a list's separator, its site and its value ("and at the"). */
export const LIST_FILLERS: ReadonlySet<string> = new Set(['at', 'the', 'of', 'is', 'in', 'for', 'and', 'on']);

/**
 * Words that lead from a stated class to the sites it is stated for ("osteopenia at both femoral
 * necks and the total hip", "ostéopénie au col fémoral", "osteoporosis of the lumbar spine").
 */
export const SITE_LEAD_WORDS: ReadonlySet<string> = new Set([
  'at',
  'of',
  'in',
  'on',
  'over',
  'the',
  'both',
  'and',
  'or',
  'en',
  'de',
  'del',
  'la',
  'el',
  'au',
  'du',
  'des',
  'di',
  'della',
  'al',
  'em',
  'do',
  'da',
  'no',
  'na',
  'am',
  'im',
  'der',
  'w',
]);

/** The word that pairs a list of values with a list of sites in order. */
export const RESPECTIVELY = 'respectively';

/** Words that open an aside after a listed value's site (", which is the lowest value,"). */
export const ASIDE_WORDS: ReadonlySet<string> = new Set(['which', 'that', 'being', 'the']);

export const SITES: Entry[] = [
  ...REGIONS.map(([phrase, region]): Entry => ({ phrase, concept: { c: 'site', site: { region } } })),
  ...SIDES.map(([phrase, side]): Entry => ({ phrase, concept: { c: 'site', site: { side } } })),
  ...SIDED_REGIONS.map(([phrase, region, side]): Entry => ({ phrase, concept: { c: 'site', site: { region, side } } })),
  ...POSTPOSED_SIDES.map(([phrase, side]): Entry => ({
    phrase,
    concept: { c: 'site', site: { side, postposed: true } },
  })),
];

/**
 * ISCD diagnostic regions: L1-L4 (or two or more vertebrae), total hip, femoral neck, 33 % radius.
 * An unqualified "hip" is read as the total hip and an unqualified "radius" as the 33 % radius, the
 * regions reports mean by them.
 */
const DIAGNOSTIC = new Set(['femoral neck', 'total hip', 'hip', 'l1-l4', 'radius 33%', 'radius']);

/**
 * Sub-regions and the region they are part of: a value restated at the forearm's "radius" that
 * equals one reading at its 33 % or ultradistal region is that reading ("Impression: osteoporosis
 * based on the radius T-score of -2.7" under rows "Left radius 33% -2.7" and "Left radius total -2.9").
 */
export const SUBREGION_OF: ReadonlyMap<string, string> = new Map([
  ['radius 33%', 'radius'],
  ['radius UD', 'radius'],
  ['radius mid', 'radius'],
]);

/** The side words a site key may open with ("left femoral neck", "mean total hip"). */
const SIDE_PREFIXES = ['left ', 'right ', 'mean ', 'both '];

/** A site key without its side: "left femoral neck" -> "femoral neck" (the case is kept). */
export function regionOf(site: string): string {
  for (const p of SIDE_PREFIXES)
    if (site.length > p.length && site.toLowerCase().startsWith(p)) return site.slice(p.length);
  return site;
}

/**
 * Is `site` (a `TScore.site` such as "left femoral neck", "L2-L4", "L3") an ISCD diagnostic site?
 * A range of two or more vertebrae is; a single vertebra, the trochanter, the intertrochanteric
 * region and Ward's area are not. An unnamed site (null) is not known to be one.
 */
export function isDiagnosticSite(site: string | null | undefined): boolean {
  if (!site) return false;
  const s = regionOf(site.toLowerCase());
  if (DIAGNOSTIC.has(s)) return true;
  // "l2-l4", "l1-l3": a vertebral range of at least two levels.
  if (s.length === 5 && s[0] === 'l' && s[2] === '-' && s[3] === 'l') return Number(s[4]) - Number(s[1]) >= 1;
  return false;
}
