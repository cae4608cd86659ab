/** Fracture-risk kinds, models and CAROC risk categories. One phrase per line. */
import type { Entry } from '../concepts';
import type { RiskKind, RiskModelName } from '../../types';
import { DICTATED_MODEL_NAMES } from './dictation';

const KINDS: Array<[string, RiskKind]> = [
  ['mof', 'mof'],
  ['major osteoporotic fracture', 'mof'],
  ['major osteoporotic fractures', 'mof'],
  ['major osteoporotic', 'mof'],
  ['major osteoporotic fx', 'mof'],
  ['major fracture', 'mof'],
  ['major bone', 'mof'],
  ['major bones', 'mof'],
  ['major', 'mof'],
  ['osteoporotic fracture', 'mof'],
  ['major osteoporosis related fracture', 'mof'],
  ['major osteoporosis related fractures', 'mof'],
  ['all fractures', 'mof'],
  ['total fracture', 'mof'],
  ['hip', 'hip'],
  ['hip fracture', 'hip'],
  ['hip fractures', 'hip'],
  ['hip fx', 'hip'],
  ['hf', 'hip'],
  ['any fracture', 'any'],
  ['any osteoporotic fracture', 'any'],
  ['any fragility fracture', 'any'],
  ['any fractures', 'any'],
  // Kinds in reports of other languages or bilingual layouts (FRAX France, Spain, Italy, Brazil,
  // Germany: "fracture majeure 22 %", "fractura de cadera 3,1 %").
  ['fracture majeure', 'mof'],
  ['fractures majeures', 'mof'],
  ['fracture ostéoporotique majeure', 'mof'],
  ['fractures ostéoporotiques majeures', 'mof'],
  ['fractura mayor', 'mof'],
  ['fractura principal', 'mof'],
  ['fractura osteoporótica mayor', 'mof'],
  ['fractura osteoporótica principal', 'mof'],
  ['frattura maggiore', 'mof'],
  ['frattura osteoporotica maggiore', 'mof'],
  ['fratture osteoporotiche maggiori', 'mof'],
  ['fratura maior', 'mof'],
  ['fratura osteoporótica maior', 'mof'],
  ['osteoporotische hauptfraktur', 'mof'],
  ['hauptfraktur', 'mof'],
  ['fracture de hanche', 'hip'],
  ['fracture de la hanche', 'hip'],
  ['fracture du col du fémur', 'hip'],
  ['col du fémur', 'hip'],
  ['fractura de cadera', 'hip'],
  ['frattura di femore', 'hip'],
  ['frattura del femore', 'hip'],
  ['fratura de quadril', 'hip'],
  ['fratura do quadril', 'hip'],
  ['hüftfraktur', 'hip'],
  ['schenkelhalsfraktur', 'hip'],
  // The hip named alone after the major fracture, as "hip" is ("fractura mayor 3,4 %, cadera 0,6 %").
  ['cadera', 'hip'],
  ['hanche', 'hip'],
  ['quadril', 'hip'],
  ['anca', 'hip'],
  ['heup', 'hip'],
  ['hüfte', 'hip'],
  ['biodro', 'hip'],
  // The proximal femur named in full ("fracture de l'extrémité supérieure du fémur 4,0 %", FESF).
  ["fracture de l'extrémité supérieure du fémur", 'hip'],
  ["fractures de l'extrémité supérieure du fémur", 'hip'],
  ['extrémité supérieure du fémur', 'hip'],
  ['fesf', 'hip'],
  ['fractura de fémur proximal', 'hip'],
  ['fractura del fémur proximal', 'hip'],
  ['fractura de fêmur proximal', 'hip'],
  ['fratura do fêmur proximal', 'hip'],
  ['frattura del femore prossimale', 'hip'],
  ['frattura di anca', 'hip'],
  ['frattura dell anca', 'hip'],
  // An elided article glued to its noun is one word ("dell'anca", "all'anca").
  ["frattura dell'anca", 'hip'],
  ["fratture dell'anca", 'hip'],
  ["frattura d'anca", 'hip'],
  ['fratura da anca', 'hip'],
  ['fractura de quadril', 'hip'],
  // The femoral neck fracture named as the hip kind, and the Portuguese "major" (Portugal).
  ['fratura do colo do fémur', 'hip'],
  ['fratura do colo do fêmur', 'hip'],
  ['fratura do colo femoral', 'hip'],
  ['fratura osteoporótica major', 'mof'],
  ['fractura de cuello de fémur', 'hip'],
  ['fractura de cuello femoral', 'hip'],
  ['fractura del cuello del fémur', 'hip'],
  ['fracture du col fémoral', 'hip'],
  ['frattura del collo del femore', 'hip'],
  ['frattura del collo femorale', 'hip'],
  ['oberschenkelhalsfraktur', 'hip'],
  ['hüftnahe fraktur', 'hip'],
  ['proximale femurfraktur', 'hip'],
  ['hüftfrakturen', 'hip'],
  // Dutch and Polish kinds.
  ['heupfractuur', 'hip'],
  ['majeure osteoporotische fractuur', 'mof'],
  ['osteoporotische fractuur', 'mof'],
  ['złamanie biodra', 'hip'],
  ['złamanie szyjki kości udowej', 'hip'],
  ['złamanie osteoporotyczne główne', 'mof'],
  ['główne złamanie osteoporotyczne', 'mof'],
];

const MODELS: Array<[string, RiskModelName]> = [
  ['frax', 'FRAX'],
  ['fraxplus', 'FRAX'],
  ['frax plus', 'FRAX'],
  ['fracture risk assessment tool', 'FRAX'],
  ['who fracture risk assessment tool', 'FRAX'],
  ['garvan', 'Garvan'],
  ['garvan fracture risk calculator', 'Garvan'],
  ['qfracture', 'QFracture'],
  ['q fracture', 'QFracture'],
  ['qfracture 2016', 'QFracture'],
  ['caroc', 'CAROC'],
  // Section headers that name the model ("FRAX results:" over its values; the header is in sections.ts).
  ['frax results', 'FRAX'],
  // Names that also say the result is TBS-adjusted (the cue is in cues.ts).
  ['adjusted frax', 'FRAX'],
  ['tbs frax', 'FRAX'],
  ['frax tbs', 'FRAX'],
  // Speech-recognition spellings of the model names (dictation.ts).
  ...DICTATED_MODEL_NAMES,
];

const CAROC: Array<[string, 'low' | 'moderate' | 'high']> = [
  ['low risk', 'low'],
  ['low fracture risk', 'low'],
  ['moderate risk', 'moderate'],
  ['moderate fracture risk', 'moderate'],
  ['intermediate risk', 'moderate'],
  ['high risk', 'high'],
  ['high fracture risk', 'high'],
  ['very high risk', 'high'],
];

/** Adjustments for something other than the TBS: they hide the "adjusted frax" cue inside them. */
const OTHER_ADJUSTMENTS = [
  'dose adjusted',
  'age adjusted',
  'sex adjusted',
  'bmi adjusted',
  'glucocorticoid adjusted',
  'steroid adjusted',
  'gc adjusted',
  'lumbar spine adjusted',
];

/**
 * Phrases that are the TBS label and an adjustment cue at once: "FRAX (TBS-corrected)" is adjusted,
 * "TBS corrected to 1.241" labels a TBS value. The cue is in cues.ts.
 */
const TBS_AND_CUE = ['tbs corrected'];

export const RISK: Entry[] = [
  ...TBS_AND_CUE.map((phrase): Entry => ({ phrase, concept: { c: 'tbs' } })),
  ...OTHER_ADJUSTMENTS.map((phrase): Entry => ({ phrase, concept: { c: 'other' } })),
  ...KINDS.map(([phrase, kind]): Entry => ({ phrase, concept: { c: 'kind', kind } })),
  ...MODELS.map(([phrase, model]): Entry => ({ phrase, concept: { c: 'model', model } })),
  ...CAROC.map(([phrase, category]): Entry => ({ phrase, concept: { c: 'riskCategory', category } })),
];

/** Labels of the risk-model slot: "Risk model: ___". */
export const MODEL_LABELS: Entry[] = [
  'risk model',
  'fracture risk model',
  'risk calculation model',
  'risk tool',
  'risk calculator',
  'fracture risk tool',
  'fracture risk calculator',
  'risk calculation tool',
  'model',
  'model used',
].map((phrase): Entry => ({ phrase, concept: { c: 'label', element: 'riskModel' } }));

/**
 * Words the risk reader compares tokens with (one word each; case does not matter). They are data,
 * not phrases of the trie: they carry no concept of their own and never hide a longer phrase.
 */
export const RISK_WORDS = {
  /** A sentence about risk names one of these (or a model, or a kind). */
  terms: ['risk', 'risks', 'probability', 'probabilities', 'likelihood', 'chance'],
  /** "10-year", "5 yr": the time horizon a probability covers. */
  horizon: ['year', 'years', 'yr', 'yrs', 'y'],
  /** Horizons written as words. */
  horizonNumbers: { five: 5, ten: 10 } as Record<string, number>,
  /** "adjusted" alone: a TBS adjustment when the TBS is named in the same sentence or cell. */
  bareAdjusted: ['adjusted', 'adj'],
  /**
   * A model said not to apply to this patient: "FRAX is not applicable (premenopausal)", "FRAX was
   * not used", "Garvan is not valid under 60": a negator then one of these, in the model's clause,
   * a few words after it. ("FRAX not calculated" names the model whose result is still to come.)
   */
  modelNegators: ['not', 'cannot', 'never'],
  modelNotUsed: ['applicable', 'used', 'indicated', 'valid', 'appropriate', 'suitable'],
  /** "adjusted for ...", "adjusted by ...": the adjustment names what it is for. */
  adjustedFor: ['for', 'by', 'with', 'to', 'using'],
  /** Between a kind and a value, these make the value a change, not a probability. */
  change: ['change', 'changes', 'decrease', 'decreased', 'increase', 'increased', 'loss', 'gain', 'vs'],
  /** "12% rising to 15%", "from 11% to 14%": the second value continues the first one's kind. */
  continuation: ['to'],
  from: ['from'],
  /** A sentence that points back at values given earlier: "the FRAX probabilities above". */
  backReference: ['above', 'earlier', 'previously'],
  /** A next sentence that speaks of the values just given: "Both are adjusted for TBS." */
  nextSentenceSubjects: ['both', 'these', 'they', 'all', 'this'],
  nextSentenceNouns: ['probabilities', 'values', 'results', 'risks', 'estimates', 'figures'],
  /** A clause with values and no kinds that ends with this takes the kinds given before it, in order. */
  respectively: ['respectively'],
  /** CAROC category words, and what they name. */
  categories: {
    low: 'low',
    moderate: 'moderate',
    medium: 'moderate',
    intermediate: 'moderate',
    high: 'high',
  } as Record<string, 'low' | 'moderate' | 'high'>,
  /** A category word right after one of these describes the risk: "risk category: high". */
  categoryLabels: ['risk', 'category', 'level', 'caroc'],
  /** "risk category", "risk level": a sentence that names a category in a CAROC report. */
  categoryNouns: ['category', 'level'],
  /** Fillers between such a label and the category word. */
  categoryFillers: ['is', 'was', 'of', 'to'],
  /**
   * A sentence right after a CAROC sentence that opens with one of these changes its category
   * ("CAROC basal risk: moderate. Increased to high because of ..."); it also labels the category.
   */
  categoryChange: [
    'increased',
    'raised',
    'upgraded',
    'elevated',
    'moved',
    'moves',
    'revised',
    'changed',
    'reclassified',
    'rises',
    'rose',
    'escalated',
    'decreased',
    'lowered',
    'downgraded',
  ],
  /** A category word right before one of these is about something else ("low TBS", "high BMD"). */
  categoryNotAbout: ['tbs', 'bmd', 'bone', 'trabecular', 't', 'z'],
  /** Risk words that name a probability on their own ("probability ___"). */
  probability: ['probability', 'probabilities'],
  /** "fracture risk ___". */
  fracture: ['fracture', 'fractures'],
  /** "(spine, hip, wrist or shoulder)": a bracketed list names sites, not a kind. */
  listOr: ['or'],
  /** Words that join coordinated values: "11.8 % and 1.9 %", "18 % & 9.3 %". */
  coordination: ['and', '&'],
  /** Fillers between a risk kind and a placeholder: "MOF risk ___", "hip probability is ___". */
  slotFillers: ['risk', 'probability', 'is', 'of'],
};
