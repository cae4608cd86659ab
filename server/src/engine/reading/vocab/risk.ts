/** Fracture-risk kinds, models and CAROC risk categories. One phrase per line. */
import type { Entry } from '../concepts';
import type { RiskKind, RiskModelName } from '../../types';

const KINDS: Array<[string, RiskKind]> = [
  ['mof', 'mof'],
  ['major osteoporotic fracture', 'mof'],
  ['major osteoporotic fractures', 'mof'],
  ['major osteoporotic', 'mof'],
  ['major osteoporotic fx', 'mof'],
  ['major fracture', 'mof'],
  ['major', 'mof'],
  ['osteoporotic fracture', 'mof'],
  ['hip', 'hip'],
  ['hip fracture', 'hip'],
  ['hip fractures', 'hip'],
  ['hip fx', 'hip'],
  ['hf', 'hip'],
  ['any fracture', 'any'],
  ['any osteoporotic fracture', 'any'],
  ['any fragility fracture', 'any'],
  ['any fractures', 'any'],
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
  // Names that also say the result is TBS-adjusted (the cue is in cues.ts).
  ['adjusted frax', 'FRAX'],
  ['tbs frax', 'FRAX'],
  ['frax tbs', 'FRAX'],
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

export const RISK: Entry[] = [
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
