/**
 * Context cues, as in ConText (Harkema et al. 2009; medspaCy's context rules): each cue has a
 * category, a direction (forward: what follows it; backward: what precedes it; both; terminate:
 * ends the scope of other cues) and a maximum scope in tokens. A scope also ends at the end of the
 * sentence. One cue per line.
 */
import type { Entry, CueCategory, Direction } from '../concepts';
import {
  ADJUSTED,
  ASSERTED,
  CURRENT,
  HISTORICAL,
  HYPOTHETICAL,
  NEGATED,
  THRESHOLD,
  TOPIC,
  UNADJUSTED,
  UNCERTAIN,
} from '../concepts';

type Cue = [phrase: string, category: CueCategory, direction: Direction, scope: number];

const CUES: Cue[] = [
  // Prior / historical: an earlier study's values.
  ['prior', HISTORICAL, 'forward', 30],
  ['previous', HISTORICAL, 'forward', 30],
  ['previously', HISTORICAL, 'forward', 30],
  ['previously', HISTORICAL, 'backward', 3],
  ['earlier', HISTORICAL, 'forward', 30],
  ['baseline', HISTORICAL, 'forward', 30],
  ['last study', HISTORICAL, 'forward', 30],
  ['last exam', HISTORICAL, 'forward', 30],
  ['compared with', HISTORICAL, 'forward', 30],
  ['compared to', HISTORICAL, 'forward', 30],
  ['versus', HISTORICAL, 'forward', 6],
  ['vs', HISTORICAL, 'forward', 6],
  ['at that time', HISTORICAL, 'backward', 10],
  // "At that time the L1-L4 T-score was -2.9": what follows is the earlier study's.
  ['at that time', HISTORICAL, 'forward', 30],
  ['at the time', HISTORICAL, 'forward', 30],
  ['at that study', HISTORICAL, 'forward', 30],
  ['at that visit', HISTORICAL, 'forward', 30],
  ['formerly', HISTORICAL, 'forward', 30],
  ['prior report', HISTORICAL, 'forward', 40],
  // This study: ends a historical scope.
  ['now', CURRENT, 'forward', 10],
  ['current', CURRENT, 'forward', 8],
  ['currently', CURRENT, 'forward', 8],
  ['today', CURRENT, 'both', 8],
  ['this study', CURRENT, 'forward', 10],
  ['this exam', CURRENT, 'forward', 10],
  ['present study', CURRENT, 'forward', 10],
  // Thresholds, references and legends: not results. A threshold word covers what follows it, and
  // the few words before it ("the 3% hip treatment threshold").
  ['threshold', THRESHOLD, 'forward', 8],
  ['threshold', THRESHOLD, 'backward', 3],
  ['thresholds', THRESHOLD, 'forward', 10],
  ['thresholds', THRESHOLD, 'backward', 3],
  ['intervention threshold', THRESHOLD, 'forward', 10],
  ['intervention threshold', THRESHOLD, 'backward', 3],
  ['treatment threshold', THRESHOLD, 'forward', 10],
  ['treatment threshold', THRESHOLD, 'backward', 3],
  ['cut off', THRESHOLD, 'forward', 8],
  ['cut off', THRESHOLD, 'backward', 3],
  ['cutoff', THRESHOLD, 'forward', 8],
  ['cutoff', THRESHOLD, 'backward', 3],
  ['cut point', THRESHOLD, 'forward', 8],
  ['cut point', THRESHOLD, 'backward', 3],
  ['cut points', THRESHOLD, 'forward', 10],
  ['cut points', THRESHOLD, 'backward', 3],
  ['reference range', THRESHOLD, 'forward', 12],
  ['reference', THRESHOLD, 'forward', 10],
  ['least significant change', THRESHOLD, 'forward', 30],
  ['lsc', THRESHOLD, 'forward', 6],
  ['or lower', THRESHOLD, 'backward', 6],
  ['or below', THRESHOLD, 'backward', 6],
  ['or less', THRESHOLD, 'backward', 6],
  ['or more', THRESHOLD, 'backward', 6],
  ['or greater', THRESHOLD, 'backward', 6],
  ['or higher', THRESHOLD, 'backward', 6],
  ['or above', THRESHOLD, 'backward', 6],
  ['and above', THRESHOLD, 'backward', 6],
  // A legend's bound after its value: "T-score -2.5 and below", "-2.5 or worse".
  ['and below', THRESHOLD, 'backward', 6],
  ['and lower', THRESHOLD, 'backward', 6],
  ['and less', THRESHOLD, 'backward', 6],
  ['and under', THRESHOLD, 'backward', 6],
  ['or under', THRESHOLD, 'backward', 6],
  ['or worse', THRESHOLD, 'backward', 6],
  ['and higher', THRESHOLD, 'backward', 6],
  ['and over', THRESHOLD, 'backward', 6],
  ['or over', THRESHOLD, 'backward', 6],
  // The same bounds in other languages: "un Z-score de -2,0 o menos", "-2,5 ou moins", "-2,5 oder
  // weniger", "-2,5 o inferiore", "-2,5 ou menos", "-2,5 lub mniej", "-2,5 of lager".
  ...[
    'o menos',
    'o inferior',
    'o más',
    'o mayor',
    'o superior',
    'ou moins',
    'ou plus',
    'ou inférieur',
    'ou supérieur',
    'ou menos',
    'ou mais',
    'ou inferior',
    'oder weniger',
    'oder niedriger',
    'oder darunter',
    'oder mehr',
    'oder höher',
    'o meno',
    'o inferiore',
    'o più',
    'o superiore',
    'lub mniej',
    'lub niżej',
    'lub więcej',
    'of lager',
    'of minder',
    'of hoger',
    'of meer',
  ].map((phrase): Cue => [phrase, THRESHOLD, 'backward', 6]),
  // ... and before it: "T-score at or below -2.5", "a TBS at or above 1.310".
  ['at or below', THRESHOLD, 'forward', 4],
  ['at or below', THRESHOLD, 'backward', 3],
  ['at or above', THRESHOLD, 'forward', 4],
  ['at or above', THRESHOLD, 'backward', 3],
  ['at or under', THRESHOLD, 'forward', 4],
  ['equal to or less than', THRESHOLD, 'forward', 4],
  ['equal to or greater than', THRESHOLD, 'forward', 4],
  ['less than or equal to', THRESHOLD, 'forward', 4],
  ['greater than or equal to', THRESHOLD, 'forward', 4],
  ['up to', THRESHOLD, 'forward', 3],
  // Legends and definitions: "WHO definitions:", "Reference ranges", "Key:".
  ['definitions', THRESHOLD, 'forward', 30],
  ['definition', THRESHOLD, 'forward', 30],
  ['defined as', THRESHOLD, 'forward', 12],
  ['is defined', THRESHOLD, 'both', 12],
  ['legend', THRESHOLD, 'forward', 30],
  ['reference ranges', THRESHOLD, 'forward', 30],
  ['reference values', THRESHOLD, 'forward', 30],
  ['least significant changes', THRESHOLD, 'forward', 30],
  ['greater than', THRESHOLD, 'forward', 4],
  ['less than', THRESHOLD, 'forward', 4],
  ['more than', THRESHOLD, 'forward', 4],
  ['at least', THRESHOLD, 'forward', 4],
  ['exceeds', THRESHOLD, 'forward', 4],
  ['exceed', THRESHOLD, 'forward', 4],
  // "once the probabilities pass 20 percent", "when it surpasses 3 %", "goes above 20%".
  ['pass', THRESHOLD, 'forward', 4],
  ['passes', THRESHOLD, 'forward', 4],
  ['surpass', THRESHOLD, 'forward', 4],
  ['surpasses', THRESHOLD, 'forward', 4],
  ['go above', THRESHOLD, 'forward', 4],
  ['goes above', THRESHOLD, 'forward', 4],
  ['rise above', THRESHOLD, 'forward', 4],
  ['rises above', THRESHOLD, 'forward', 4],
  // "T-score between -1.0 and -2.5: osteopenia": a legend's band.
  ['between', THRESHOLD, 'forward', 4],
  ['above', THRESHOLD, 'forward', 2],
  ['below', THRESHOLD, 'forward', 2],
  ['when these reach', THRESHOLD, 'forward', 10],
  ['when they reach', THRESHOLD, 'forward', 10],
  ['if these reach', THRESHOLD, 'forward', 10],
  ['usually advised when', THRESHOLD, 'forward', 12],
  ['treat if', THRESHOLD, 'forward', 10],
  ['treat at', THRESHOLD, 'forward', 4],
  ['treat above', THRESHOLD, 'forward', 4],
  ['treatment at', THRESHOLD, 'forward', 4],
  ['treatment above', THRESHOLD, 'forward', 4],
  ['reaches', THRESHOLD, 'forward', 4],
  ['reach', THRESHOLD, 'forward', 4],
  ['>', THRESHOLD, 'forward', 1],
  ['<', THRESHOLD, 'forward', 1],
  ['\u2265', THRESHOLD, 'forward', 1],
  ['\u2264', THRESHOLD, 'forward', 1],
  ['intervention level', THRESHOLD, 'forward', 10],
  ['intervention levels', THRESHOLD, 'forward', 10],
  // Hypothetical: not a result.
  ['would be', HYPOTHETICAL, 'both', 8],
  ['would have been', HYPOTHETICAL, 'both', 8],
  ['if', HYPOTHETICAL, 'forward', 10],
  ['could be', HYPOTHETICAL, 'both', 6],
  ['would indicate', HYPOTHETICAL, 'both', 6],
  ['would suggest', HYPOTHETICAL, 'both', 6],
  ['would be consistent with', HYPOTHETICAL, 'forward', 6],
  ['in the event', HYPOTHETICAL, 'forward', 10],
  // Negated and uncertain.
  ['not', NEGATED, 'forward', 5],
  ['no', NEGATED, 'forward', 4],
  ['no evidence of', NEGATED, 'forward', 6],
  ['without', NEGATED, 'forward', 4],
  // "13% rather than 16%", "osteopenia rather than osteoporosis": what follows is set aside.
  ['rather than', NEGATED, 'forward', 4],
  ['instead of', NEGATED, 'forward', 4],
  ['negative for', NEGATED, 'forward', 5],
  ['rule out', NEGATED, 'forward', 5],
  ['r/o', NEGATED, 'forward', 5],
  ['is unlikely', NEGATED, 'backward', 6],
  ['unlikely', NEGATED, 'both', 6],
  ['is not present', NEGATED, 'backward', 6],
  ['is excluded', NEGATED, 'backward', 6],
  ['cannot be excluded', UNCERTAIN, 'backward', 6],
  ['can not be excluded', UNCERTAIN, 'backward', 6],
  ['cannot be ruled out', UNCERTAIN, 'backward', 6],
  ['possible', UNCERTAIN, 'forward', 4],
  ['possibly', UNCERTAIN, 'forward', 4],
  ['probable', UNCERTAIN, 'forward', 4],
  ['suspected', UNCERTAIN, 'forward', 4],
  ['questionable', UNCERTAIN, 'forward', 4],
  ['borderline', UNCERTAIN, 'forward', 3],
  ['approaching', UNCERTAIN, 'forward', 3],
  ['near', UNCERTAIN, 'forward', 3],
  ['close to', UNCERTAIN, 'forward', 3],
  ['closer to', UNCERTAIN, 'forward', 3],
  ['bordering on', UNCERTAIN, 'forward', 3],
  ['verging on', UNCERTAIN, 'forward', 3],
  ['nearly', UNCERTAIN, 'forward', 3],
  ['almost', UNCERTAIN, 'forward', 3],
  ['low normal', UNCERTAIN, 'forward', 3],
  ['near normal', UNCERTAIN, 'forward', 3],
  ['towards', UNCERTAIN, 'forward', 2],
  ['toward', UNCERTAIN, 'forward', 2],
  ['into', UNCERTAIN, 'forward', 2],
  ['from', HISTORICAL, 'forward', 2],
  ['on the prior', HISTORICAL, 'both', 30],
  ['in the past', HISTORICAL, 'backward', 4],
  ['history of', HISTORICAL, 'forward', 3],
  ['h/o', HISTORICAL, 'forward', 3],
  ['known', HISTORICAL, 'forward', 2],
  ['family history of', HISTORICAL, 'forward', 4],
  // A prior fracture is a clinical risk factor of this study's calculation, not an earlier study: it
  // reaches only the word after it ("prior fracture 2019"), never back over a list's comma to a
  // measured value ("BMI 24.5, prior fracture", "TBS 1.233, prior fracture").
  ['prior fracture', HISTORICAL, 'forward', 1],
  ['prior fractures', HISTORICAL, 'forward', 1],
  ['previous fracture', HISTORICAL, 'forward', 1],
  ['previous fractures', HISTORICAL, 'forward', 1],
  ['prior fragility fracture', HISTORICAL, 'forward', 1],
  ['previous fragility fracture', HISTORICAL, 'forward', 1],
  // A class named as a topic, not stated (read only by class statements).
  ['for', TOPIC, 'forward', 2],
  ['risk of', TOPIC, 'forward', 3],
  ['risk for', TOPIC, 'forward', 3],
  ['screening for', TOPIC, 'forward', 3],
  ['screen for', TOPIC, 'forward', 3],
  ['evaluate for', TOPIC, 'forward', 3],
  ['evaluation for', TOPIC, 'forward', 3],
  ['assess for', TOPIC, 'forward', 3],
  ['assessment for', TOPIC, 'forward', 3],
  ['prevent', TOPIC, 'forward', 3],
  ['prevention of', TOPIC, 'forward', 3],
  ['treatment of', TOPIC, 'forward', 3],
  ['therapy for', TOPIC, 'forward', 3],
  ['discuss', TOPIC, 'forward', 4],
  ['discussed', TOPIC, 'forward', 4],
  ['counsel', TOPIC, 'forward', 4],
  ['counseled on', TOPIC, 'forward', 4],
  ['counselled on', TOPIC, 'forward', 4],
  ['counseling about', TOPIC, 'forward', 4],
  ['counselling about', TOPIC, 'forward', 4],
  ['secondary', TOPIC, 'forward', 2],
  ['glucocorticoid induced', TOPIC, 'forward', 2],
  ['steroid induced', TOPIC, 'forward', 2],
  ['neither', NEGATED, 'forward', 5],
  ['nor', NEGATED, 'forward', 4],
  ['absence of', NEGATED, 'forward', 4],
  ['free of', NEGATED, 'forward', 4],
  ['ruled out', NEGATED, 'both', 5],
  ['is ruled out', NEGATED, 'backward', 5],
  ['exclude', NEGATED, 'forward', 4],
  ['excludes', NEGATED, 'forward', 4],
  ['excluded', NEGATED, 'backward', 5],
  ['not excluded', UNCERTAIN, 'backward', 5],
  ['is not excluded', UNCERTAIN, 'backward', 5],
  ['cannot exclude', UNCERTAIN, 'forward', 5],
  ["can't be excluded", UNCERTAIN, 'backward', 6],
  ['not present', NEGATED, 'backward', 5],
  ['is not seen', NEGATED, 'backward', 5],
  ['is not likely', NEGATED, 'backward', 5],
  ['less likely', UNCERTAIN, 'backward', 5],
  ['is possible', UNCERTAIN, 'backward', 5],
  ['is questionable', UNCERTAIN, 'backward', 5],
  ['is suspected', UNCERTAIN, 'backward', 5],
  ['not confirmed', UNCERTAIN, 'backward', 5],
  ['is not confirmed', UNCERTAIN, 'backward', 5],
  ['?', UNCERTAIN, 'backward', 4],
  ['probably', UNCERTAIN, 'forward', 4],
  ['suspect', UNCERTAIN, 'forward', 4],
  ['suspicious for', UNCERTAIN, 'forward', 4],
  ['suggestive of', UNCERTAIN, 'forward', 4],
  ['question of', UNCERTAIN, 'forward', 4],
  ['concern for', UNCERTAIN, 'forward', 4],
  ['differential', UNCERTAIN, 'forward', 6],
  ['would', HYPOTHETICAL, 'forward', 6],
  ['could', HYPOTHETICAL, 'forward', 6],
  ['might', HYPOTHETICAL, 'forward', 6],
  ['may', HYPOTHETICAL, 'forward', 6],
  ['whether', HYPOTHETICAL, 'forward', 6],
  ['unless', HYPOTHETICAL, 'forward', 6],
  ['defined as', THRESHOLD, 'forward', 8],
  ['definition', THRESHOLD, 'forward', 8],
  // A diagnosis given as the reason for a recommendation is affirmed: "because of her osteoporosis,
  // a bisphosphonate is advised", "given his osteopenia", "en raison de son ostéoporose".
  ...[
    'because of',
    'given her',
    'given his',
    'given the',
    'in view of',
    'in light of',
    'due to her',
    'due to his',
    'owing to',
    'on account of',
    'as she has',
    'as he has',
    'since she has',
    'since he has',
    'en raison de',
    'compte tenu de',
    'debido a',
    'dado que tiene',
    'aufgrund der',
    'wegen der',
    'in considerazione della',
    'a causa della',
    'devido à',
    'tendo em vista a',
  ].map((phrase): Cue => [phrase, ASSERTED, 'forward', 3]),
  // Against the expected range for age (a Z-score reading), not a WHO class: "low bone mass for age".
  ['for age', TOPIC, 'backward', 5],
  ['for chronological age', TOPIC, 'backward', 5],
  ["for the patient's age", TOPIC, 'backward', 5],
  ['for her age', TOPIC, 'backward', 5],
  ['for his age', TOPIC, 'backward', 5],
  ['for the age', TOPIC, 'backward', 5],
  ['expected for age', TOPIC, 'backward', 5],
  ['below the expected range', TOPIC, 'both', 5],
  ['within the expected range', TOPIC, 'both', 5],
  // Adjustment for TBS.
  ['tbs adjusted', ADJUSTED, 'both', 14],
  ['tbs adj', ADJUSTED, 'both', 14],
  ['adj for tbs', ADJUSTED, 'both', 14],
  ['adj tbs', ADJUSTED, 'both', 14],
  ['adjusted for tbs', ADJUSTED, 'both', 14],
  ['adjusted for the tbs', ADJUSTED, 'both', 14],
  ['adjusted for your tbs', ADJUSTED, 'both', 14],
  ['adjusted for trabecular bone score', ADJUSTED, 'both', 14],
  ['adjusted with tbs', ADJUSTED, 'both', 14],
  ['adjusted by tbs', ADJUSTED, 'both', 14],
  ['adjusted using tbs', ADJUSTED, 'both', 14],
  ['with tbs adjustment', ADJUSTED, 'both', 14],
  ['after tbs adjustment', ADJUSTED, 'both', 14],
  ['tbs adjustment', ADJUSTED, 'both', 14],
  ['adjustment for tbs', ADJUSTED, 'both', 14],
  ['adjustment for the tbs', ADJUSTED, 'both', 14],
  ['adjustment for trabecular bone score', ADJUSTED, 'both', 14],
  ['adjustment with tbs', ADJUSTED, 'both', 14],
  ['incorporating the trabecular bone score', ADJUSTED, 'forward', 20],
  ['corrected for tbs', ADJUSTED, 'both', 14],
  // Other languages, alone or beside the English ("FRAX Canada ajusté pour le TBS / adjusted for TBS").
  ['ajusté pour le tbs', ADJUSTED, 'both', 14],
  ['ajusté pour tbs', ADJUSTED, 'both', 14],
  ['ajusté au tbs', ADJUSTED, 'both', 14],
  ['ajusté tbs', ADJUSTED, 'both', 14],
  ['ajustado por tbs', ADJUSTED, 'both', 14],
  ['ajustado por el tbs', ADJUSTED, 'both', 14],
  ['ajustado al tbs', ADJUSTED, 'both', 14],
  ['ajustado pelo tbs', ADJUSTED, 'both', 14],
  ['ajustado para o tbs', ADJUSTED, 'both', 14],
  ['corretto per tbs', ADJUSTED, 'both', 14],
  ['corretto per il tbs', ADJUSTED, 'both', 14],
  ['tbs adjustiert', ADJUSTED, 'both', 14],
  ['tbs korrigiert', ADJUSTED, 'both', 14],
  ['corrected for the tbs', ADJUSTED, 'both', 14],
  ['corrected for trabecular bone score', ADJUSTED, 'both', 14],
  ['corrected with tbs', ADJUSTED, 'both', 14],
  ['tbs correction', ADJUSTED, 'both', 14],
  ['with tbs correction', ADJUSTED, 'both', 14],
  ['tbs corrected', ADJUSTED, 'both', 14],
  ['adjusted frax', ADJUSTED, 'forward', 14],
  ['tbs frax', ADJUSTED, 'forward', 14],
  ['frax tbs', ADJUSTED, 'forward', 14],
  ['accounting for the trabecular bone score', ADJUSTED, 'forward', 30],
  ['accounting for the tbs', ADJUSTED, 'forward', 30],
  ['taking the tbs into account', ADJUSTED, 'forward', 30],
  ['taking the trabecular bone score into account', ADJUSTED, 'forward', 30],
  ['taking into account the tbs', ADJUSTED, 'forward', 30],
  ['taking into account the trabecular bone score', ADJUSTED, 'forward', 30],
  ['with the tbs taken into account', ADJUSTED, 'both', 20],
  ['include the tbs adjustment', ADJUSTED, 'both', 14],
  ['incorporating the tbs', ADJUSTED, 'forward', 20],
  ['incorporating tbs', ADJUSTED, 'forward', 20],
  ['with tbs', ADJUSTED, 'both', 10],
  ['with the tbs', ADJUSTED, 'both', 10],
  ['tbs factored in', ADJUSTED, 'both', 14],
  ['with the tbs factored in', ADJUSTED, 'forward', 20],
  ['incl tbs', ADJUSTED, 'both', 10],
  ['including tbs', ADJUSTED, 'both', 10],
  ['including the tbs', ADJUSTED, 'both', 10],
  ['inclusive of tbs', ADJUSTED, 'both', 10],
  ['incorporate the tbs', ADJUSTED, 'both', 14],
  ['incorporates the tbs', ADJUSTED, 'both', 14],
  ['incorporate tbs', ADJUSTED, 'both', 14],
  ['incorporates tbs', ADJUSTED, 'both', 14],
  ['tbs included', ADJUSTED, 'both', 10],
  ['tbs incorporated', ADJUSTED, 'both', 10],
  ['tbs modified', ADJUSTED, 'both', 14],
  ['modified by tbs', ADJUSTED, 'both', 14],
  ['modified for tbs', ADJUSTED, 'both', 14],
  ['factoring in the tbs', ADJUSTED, 'forward', 30],
  ['factoring in tbs', ADJUSTED, 'forward', 30],
  ['bmd and tbs', ADJUSTED, 'both', 10],
  ['bmd tbs', ADJUSTED, 'both', 10],
  ['bmd + tbs', ADJUSTED, 'both', 10],
  ['unadjusted', UNADJUSTED, 'both', 10],
  // The same for "modified" ("FRAX, modified for TBS" ... "unmodified FRAX: 14 %").
  ['unmodified', UNADJUSTED, 'both', 10],
  ['not modified', UNADJUSTED, 'both', 10],
  ['without modification', UNADJUSTED, 'both', 10],
  ['before modification', UNADJUSTED, 'both', 10],
  ['uncorrected', UNADJUSTED, 'both', 10],
  ['not corrected', UNADJUSTED, 'both', 10],
  ['without correction', UNADJUSTED, 'both', 10],
  ['without tbs correction', UNADJUSTED, 'both', 10],
  ['before correction', UNADJUSTED, 'both', 10],
  ['not adjusted', UNADJUSTED, 'both', 10],
  ['not tbs adjusted', UNADJUSTED, 'both', 10],
  ['non adjusted', UNADJUSTED, 'both', 10],
  ['without tbs', UNADJUSTED, 'both', 10],
  ['without tbs adjustment', UNADJUSTED, 'both', 10],
  ['without the tbs', UNADJUSTED, 'both', 10],
  ['without the tbs adjustment', UNADJUSTED, 'both', 10],
  ['without adjustment', UNADJUSTED, 'both', 10],
  ['before adjustment', UNADJUSTED, 'both', 10],
  ['before the adjustment', UNADJUSTED, 'both', 10],
  ['before tbs adjustment', UNADJUSTED, 'both', 10],
  ['prior to adjustment', UNADJUSTED, 'both', 10],
  ['conventional', UNADJUSTED, 'both', 10],
  ['standard frax', UNADJUSTED, 'both', 10],
  ['bmd only', UNADJUSTED, 'both', 10],
  ['frax alone', UNADJUSTED, 'both', 10],
  // Terminators: a new clause ends the scope of what came before.
  ['but', NEGATED, 'terminate', 0],
  ['however', NEGATED, 'terminate', 0],
  ['although', NEGATED, 'terminate', 0],
  ['whereas', NEGATED, 'terminate', 0],
  ['which', NEGATED, 'terminate', 0],
];

/**
 * A lead-in that brings the TBS into the calculation ("After incorporating her trabecular bone score
 * of 1.241 into FRAX, the 10-year risk ... is 15%"): verb, an optional determiner, the TBS; its
 * scope is the rest of the sentence (the cue's clause, at most 30 words).
 */
const LEAD_IN_VERBS = ['incorporating', 'integrating', 'factoring in', 'accounting for', 'entering', 'applying'];
const LEAD_IN_DETERMINERS = ['', 'the ', 'her ', 'his ', 'their ', 'your ', "the patient's ", 'a '];
const LEAD_IN_OBJECTS = ['tbs', 'trabecular bone score', 'tbs value', 'trabecular bone score value'];
const known = new Set(CUES.map(([phrase]) => phrase));
for (const verb of LEAD_IN_VERBS)
  for (const det of LEAD_IN_DETERMINERS)
    for (const object of LEAD_IN_OBJECTS) {
      const phrase = `${verb} ${det}${object}`;
      if (!known.has(phrase)) CUES.push([phrase, ADJUSTED, 'forward', 30]);
    }

/**
 * Adjustment cues as a family: a participle of adjusting, a preposition, an optional determiner and
 * a name of the TBS ("corrected for the trabecular score", "adjusted using the patient's TBS",
 * "ajustée pour le TBS", "ajustados según el TBS"), and the passive with the TBS as subject ("where
 * TBS is included in the calculation", "the trabecular bone score was taken into account"). Each
 * language: its participles (every gender and number), prepositions and determiners; the TBS names
 * are shared. A phrase the list above already holds keeps its own scope.
 */
const TBS_NAMES = ['tbs', 'trabecular bone score', 'trabecular score', 'tbs value'];
const ADJUSTING: ReadonlyArray<{ participles: string[]; preps: string[]; determiners: string[]; names: string[] }> = [
  {
    participles: ['adjusted', 'corrected', 'modified', 'weighted', 'recalculated'],
    preps: ['for', 'by', 'with', 'using'],
    determiners: ['', 'the ', 'her ', 'his ', 'your ', "the patient's "],
    names: TBS_NAMES,
  },
  // The noun, as a literal translation writes it: "with correction on TBS", "adjustment by the TBS".
  {
    participles: ['correction', 'adjustment', 'modification'],
    preps: ['on', 'by', 'to', 'according to', 'taking into account'],
    determiners: ['', 'the '],
    names: TBS_NAMES,
  },
  {
    participles: ['ajusté', 'ajustée', 'ajustés', 'ajustées', 'corrigé', 'corrigée', 'corrigés', 'corrigées'],
    preps: ['pour', 'par', 'sur', 'selon'],
    determiners: ['', 'le '],
    names: ['tbs'],
  },
  {
    participles: [
      'ajustado',
      'ajustada',
      'ajustados',
      'ajustadas',
      'corregido',
      'corregida',
      'corregidos',
      'corregidas',
    ],
    preps: ['por', 'según', 'con', 'al'],
    determiners: ['', 'el '],
    names: ['tbs'],
  },
  {
    // Portuguese: "ajustado pelo TBS", "ajustada ao TBS", "corrigido com o TBS".
    participles: ['ajustado', 'ajustada', 'ajustados', 'ajustadas', 'corrigido', 'corrigida'],
    preps: ['pelo', 'ao', 'para o', 'com o', 'com'],
    determiners: [''],
    names: ['tbs'],
  },
  {
    participles: [
      'corretto',
      'corretta',
      'corretti',
      'corrette',
      'aggiustato',
      'aggiustata',
      'aggiustati',
      'aggiustate',
    ],
    preps: ['per', 'con', 'secondo'],
    determiners: ['', 'il '],
    names: ['tbs'],
  },
  {
    participles: ['adjustiert', 'korrigiert', 'angepasst'],
    preps: ['für', 'mit', 'nach'],
    determiners: ['', 'den ', 'das '],
    names: ['tbs'],
  },
];
/** The passive: "[the] TBS is included", "the trabecular bone score was taken into account". */
const TBS_SUBJECT_DETERMINERS = ['', 'the '];
const PASSIVE_AUX = ['is', 'was', 'has been', 'being'];
const PASSIVE_PARTICIPLES = [
  'included',
  'incorporated',
  'factored in',
  'taken into account',
  'accounted for',
  'integrated',
  'entered',
  'considered',
];
{
  const have = new Set(CUES.map(([phrase]) => phrase));
  const add = (phrase: string, direction: Direction, scope: number) => {
    if (have.has(phrase)) return;
    have.add(phrase);
    CUES.push([phrase, ADJUSTED, direction, scope]);
  };
  for (const { participles, preps, determiners, names } of ADJUSTING)
    for (const p of participles)
      for (const prep of preps)
        for (const det of determiners) for (const name of names) add(`${p} ${prep} ${det}${name}`, 'both', 14);
  // The passive reaches both ways: "FRAX, where TBS is included in the calculation: MOF 22 %, ...".
  for (const det of TBS_SUBJECT_DETERMINERS)
    for (const name of TBS_NAMES.slice(0, 3))
      for (const aux of PASSIVE_AUX) for (const p of PASSIVE_PARTICIPLES) add(`${det}${name} ${aux} ${p}`, 'both', 20);
}

/**
 * A relative change is no value of its own ("the MOF should be raised by about 15% of its value",
 * "an increase of 10%"): a change verb with "by" covers the two words after it (the number, or a
 * hedge and the number: "by 3% to 15%" leaves the 15 %); "of its value" covers the number before
 * it. Marked as a threshold (not a result), so it reaches back over no comma. (A comparative after a
 * number, "3.1% higher than the threshold", is left alone: the value may be the result.)
 */
const CHANGE_VERBS = ['raised', 'increased', 'reduced', 'decreased', 'lowered', 'multiplied', 'rises', 'falls'];
for (const verb of CHANGE_VERBS) CUES.push([`${verb} by`, THRESHOLD, 'forward', 2]);
for (const noun of ['an increase of', 'a reduction of', 'a decrease of', 'a relative increase of'])
  CUES.push([noun, THRESHOLD, 'forward', 2]);
for (const tail of ['of its value', 'of the value', 'of that value']) CUES.push([tail, THRESHOLD, 'backward', 2]);

export const CUE_ENTRIES: Entry[] = CUES.map(([phrase, category, direction, scope]): Entry => ({
  phrase,
  concept: { c: 'cue', category, direction, scope },
}));

/**
 * Dated cues: a preposition right before a year or a date ("in 2021", "on 03/12/2023"), or a verb
 * of an earlier finding a few words before one ("diagnosed 03/2023"), makes what follows history.
 */
export const DATE_PREPOSITIONS: readonly string[] = ['in', 'on', 'since'];
/** Words that may stand between such a preposition and its year: "on the 2021 study". */
export const DATE_ARTICLES: readonly string[] = ['the', 'her', 'his', 'their'];
export const DATED_VERBS: readonly string[] = ['diagnosed', 'dx', 'noted', 'documented', 'measured', 'found'];
/** Scope of a dated cue, in words. */
export const DATED_SCOPE = 8;
/**
 * A dated cue also reaches back over the statement it dates ("TBS was normal in 2019", "osteopenia
 * diagnosed 03/2023", "TBS 1.40 in 2021"), up to a comma, the cue's opening bracket or one of these words: a
 * comparison ("lower than in 2019", "down from 1.35 in 2019"), a coordinated present statement ("is
 * normal and was degraded in 2019"), a present-tense verb ("is stable since 2019"). "since" and "from"
 * date a span that reaches today: their cue never reaches back.
 */
export const DATED_BACK_STOPS: readonly string[] = [
  'than',
  'and',
  'but',
  'to',
  'from',
  'vs',
  'versus',
  'compared',
  'is',
  'are',
  'remains',
  'remain',
  'now',
  'today',
  'currently',
];
/**
 * Words that end a dated cue's forward scope: the other end of a change ("from 1.350 in 2019 to
 * 1.262"), a comparison ("in 2019 than now").
 */
export const DATED_FORWARD_STOPS: readonly string[] = ['to', 'than', 'vs', 'versus', 'whereas', 'while'];
/** Dated cues that never reach back over what precedes them ("stable since 2019"). */
export const DATED_FORWARD_ONLY: readonly string[] = ['since'];
/**
 * A year that names a document, not a date of a finding: "the ISCD 2019 positions", "in the 2019
 * ISCD Official Positions", "FRAX 2019 version", "WHO 1994 criteria". Such a noun (or an
 * organisation's name) right after a year makes it no dated cue ("in 2018 by WHO criteria" is one).
 */
export const YEAR_NAME_NOUNS: readonly string[] = [
  'position',
  'positions',
  'guideline',
  'guidelines',
  'guidance',
  'version',
  'criteria',
  'edition',
  'update',
  'revision',
  'recommendation',
  'recommendations',
  'consensus',
  'statement',
  'classification',
  'definition',
  'definitions',
  'release',
  'model',
  'algorithm',
  'iscd',
  'who',
  'nof',
  'bhof',
  'nogg',
  'aace',
  'ces',
  'acr',
];

/**
 * Words of a correction ("The correct hip fracture probability is 2.6% (not 3.6%)", "amended: ...
 * should read 12%, not 15%"): in a sentence with one of them, a value under a negation is the value
 * it replaces, and that value stated elsewhere is superseded.
 */
export const CORRECTION_WORDS: readonly string[] = [
  'correct',
  'corrected',
  'correction',
  'amended',
  'amendment',
  'revised',
  'erratum',
  'mistyped',
  'typo',
  'misreported',
  'replaces',
  'supersedes',
  'should',
];

/**
 * A change between two values of one measure, as [start word, end word]: "TBS rose from 1.21 in 2019
 * to 1.26", "improved from 1.180 (2021) to 1.236", "pasó de 1,180 a 1,236". The value after the end
 * word is the later one: this study's, unless its own context dates it earlier.
 */
export const CHANGE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['from', 'to'],
  ['de', 'a'],
  ['da', 'a'],
  ['von', 'auf'],
  ['van', 'naar'],
];

/**
 * Words that leave a phrase open: a line that ends in one goes on on the next line, whatever opens
 * it ("FRAX, adjusted for" / "TBS: MOF 12%"; "probability of" / "Major osteoporotic fracture 14%").
 */
export const OPEN_END_WORDS: readonly string[] = [
  'for',
  'of',
  'with',
  'to',
  'by',
  'at',
  'from',
  'the',
  'a',
  'an',
  'per',
  'than',
  'via',
  'using',
  'into',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'di',
  'für',
  'mit',
  'von',
  'podle',
];
