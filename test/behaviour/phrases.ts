/**
 * Phrase lists of the behavioural suite, written from the domain reference (section 6), the report
 * layouts of issue 10 and how radiologists write. They are deliberately independent of the engine:
 * nothing here is imported from server/src/engine (no lexicon, vocabulary or data module), or the
 * suite would only test itself.
 */

// ---------------------------------------------------------------- TBS

/** Labels that name the trabecular bone score. */
export const TBS_LABELS = [
  'TBS',
  'Trabecular bone score',
  'trabecular bone score',
  'Trabecular score',
  'Trabecular Bone Score (TBS)',
  'TBS L1-L4',
  'Lumbar spine TBS',
  'TBS (L1-L4)',
  'Spine TBS',
] as const;

/** The three synonyms the invariance tests swap. */
export const TBS_SYNONYMS = ['TBS', 'trabecular bone score', 'trabecular score'] as const;

/** Words between a label and its value; `{v}` is the value. Each keeps the sentence's meaning. */
export const FILLERS = [
  ': {v}',
  ' {v}',
  ' is {v}',
  ' was {v}',
  ' of {v}',
  ' = {v}',
  ' came out at {v}',
  ' is approximately {v}',
  ' measures {v}',
  ' of approximately {v}',
  ' was found to be {v}',
  ' is calculated at {v}',
  ' was measured at {v}',
  ' is {v} today',
] as const;

/** Sentence frames for a TBS value; `{L}` is a label, `{F}` a filler with its value. */
export const TBS_FRAMES = [
  '{L}{F}.',
  'The {l}{F}.',
  '{L}{F} (L1-L4).',
  'The lumbar spine {l}{F}.',
  'Calculated {l}{F}.',
  'On the L1-L4 image the {l}{F}.',
] as const;

// ---------------------------------------------------------------- BMD sites

export type Region = 'spine' | 'neck' | 'totalHip' | 'radius';
export type Side = 'left' | 'right' | null;

/** How reports name a site; `{s}` is the side word (capitalised as needed by the caller). */
export const SITE_NAMES: Record<Region, readonly string[]> = {
  spine: ['lumbar spine (L1-L4)', 'L1-L4', 'lumbar spine L1-L4', 'AP spine L1-L4', 'spine (L1-L4)'],
  neck: ['{s} femoral neck', 'femoral neck ({s})', '{s} hip femoral neck', 'neck of the {s} femur', '{s} neck'],
  totalHip: ['{s} total hip', 'total {s} hip', '{s} hip (total)', 'total hip ({s})', '{s} total proximal femur'],
  radius: ['{s} one-third radius', '{s} 33% radius', '{s} radius 33%', 'one-third radius ({s})'],
};

/** Short table labels of a site. */
export const SITE_ROWS: Record<Region, readonly string[]> = {
  spine: ['L1-L4', 'Lumbar spine L1-L4', 'AP Spine L1-L4', 'Spine L1-L4'],
  neck: ['{S} femoral neck', '{S} Femoral Neck', 'Femoral neck {S}', '{S} neck'],
  totalHip: ['{S} total hip', '{S} Total Hip', 'Total hip {S}', 'Total {S} hip'],
  radius: ['{S} radius 33%', '{S} one-third radius', 'Radius 33% {S}'],
};

// ---------------------------------------------------------------- T- and Z-scores

export const T_LABELS = ['T-score', 'T score', 'T-Score', 'T-score value', 'BMD T-score'] as const;
export const Z_LABELS = ['Z-score', 'Z score', 'Z-Score'] as const;

/** Frames for a T-score at a site: `{T}` label, `{site}` site name, `{F}` filler with value. */
export const T_FRAMES = [
  'The {site} {T}{F}.',
  '{Site} {T}{F}.',
  '{T} at the {site}{F}.',
  '{T}{F} at the {site}.',
  'At the {site}, the {T}{F}.',
  'The {T} for the {site}{F}.',
  '{Site}: {T} {v}.',
  '{Site}: BMD {bmd} g/cm2, {T} {v}.',
  'The {site} has a {T} of {v}.',
  'The {T} is {v} at the {site}.',
] as const;

// ---------------------------------------------------------------- risk

export type Model = 'FRAX' | 'Garvan' | 'QFracture' | 'CAROC';

/** How reports name a model. */
export const MODEL_NAMES: Record<Model, readonly string[]> = {
  FRAX: ['FRAX', 'FRAX®', 'FRAXplus', 'the FRAX tool', 'FRAX (US, Caucasian)', 'FRAX (UK)', 'WHO FRAX calculator'],
  Garvan: ['Garvan', 'the Garvan fracture risk calculator', 'Garvan FRC', 'Garvan nomogram'],
  QFracture: ['QFracture', 'QFracture-2016', 'the QFracture tool'],
  CAROC: ['CAROC', 'the CAROC tool', 'CAROC (Osteoporosis Canada)'],
};

export const MOF_LABELS = [
  'major osteoporotic fracture',
  'MOF',
  'major fracture',
  'major osteoporotic fracture (MOF)',
  'major osteoporosis-related fracture',
] as const;
export const MOF_SYNONYMS = ['major osteoporotic fracture', 'MOF', 'major fracture'] as const;
export const HIP_LABELS = ['hip fracture', 'hip', 'hip fracture (HF)'] as const;
export const ANY_LABELS = ['any osteoporotic fracture', 'any fracture', 'any fragility fracture'] as const;

/** Cues that a risk result is TBS-adjusted, placed before the model or the risk. */
export const ADJUSTED_PREFIXES = ['TBS-adjusted', 'TBS adjusted', 'TBS-adj.', 'Adjusted-for-TBS'] as const;
/** Cues placed after the model name. */
export const ADJUSTED_SUFFIXES = [
  'adjusted for TBS',
  'adj. for TBS',
  'adjusted for trabecular bone score',
  'with TBS adjustment',
  '(TBS-adjusted)',
  'adjusted for your TBS',
] as const;

/** Frames of a MOF + hip pair: `{M}` model, `{mof}`/`{hip}` labels, `{a}`/`{b}` values with %. */
export const RISK_PAIR_FRAMES = [
  '{M} 10-year probability of {mof} {a} and {hip} {b}.',
  '{M}: {mof} {a}; {hip} {b}.',
  '{M} {mof} {a}, {hip} {b}.',
  '{M} estimates a {a} probability of {mof} and a {b} probability of {hip}.',
  'The 10-year {mof} risk by {M} is {a} and the {hip} risk is {b}.',
  '{M} 10-year risk: {mof} = {a}, {hip} = {b}.',
  'According to {M}, the 10-year probability of {mof} is {a} and of {hip} is {b}.',
  '{M} 10-year probabilities of {mof} and {hip} are {a} and {b} respectively.',
  '{M} 10-year probability of {mof} (clinical spine, forearm, hip or shoulder) {a} and of {hip} {b}.',
  '{M}: {mof} (treatment threshold 20%) {a}; {hip} (threshold 3%) {b}.',
  'The {mof} and {hip} probabilities by {M} are {a} and {b}.',
  '{M}: 10-year risk of {mof} {a}, of {hip} {b}.',
] as const;

export const CAROC_CATEGORY_FRAMES = [
  'CAROC: {c} risk.',
  'CAROC 10-year fracture risk category: {c}.',
  'Fracture risk by CAROC is {c}.',
  'The patient is at {c} risk of fracture (CAROC).',
  'CAROC risk category: {C}.',
] as const;

// ---------------------------------------------------------------- people

export const FIRST_NAMES = [
  'Jane',
  'Ahmed',
  'Li',
  'Priya',
  'Tomasz',
  'Grace',
  'Oluwaseun',
  'Mei',
  'Carlos',
  'Ingrid',
  'Rohan',
  'Siobhan',
  'Kwame',
  'Elena',
] as const;
export const LAST_NAMES = [
  'Roe',
  'Okafor',
  'Nguyen',
  'Marrow-Ibanez',
  "O'Sullivan",
  'Lindqvist',
  'Haddad',
  'Kowalczyk',
  'Chen',
  'Van der Berg',
  'Patel',
  'MacLeod',
  'Abernathy',
  'Fitzgerald-Shaw',
] as const;

/** Credentials written after a signer's name. */
export const CREDENTIALS = [
  'MD',
  'DO',
  'FRCR',
  'FRANZCR',
  'FRCPC',
  'MBBS, FRCR',
  'MD, PhD',
  'M.D.',
  'MBChB FRCR',
] as const;

/** Labels that introduce the interpreting / signing provider. */
export const SIGNER_LABELS = [
  'Electronically signed by:',
  'Signed by:',
  'Interpreting physician:',
  'Reported by:',
  'Reporting radiologist:',
  'Radiologist:',
  'Interpreted by:',
  'Calculated and reviewed by:',
  'Reviewed and signed by:',
  'Read by:',
  'Verified by:',
  'Dictated and signed by:',
  'Authorised by:',
  'Attending radiologist:',
] as const;

/** Provider lines of amended reports and addenda (issue 10, item 11). */
export const AMENDING_LABELS = ['Amended by:', 'Addendum by:', 'Report amended by:', 'Addendum signed by:'] as const;

/** Sign-off blocks: the name is on its own line after the closing. */
export const CLOSINGS = ['Sincerely,', 'Yours sincerely,', 'Kind regards,', 'With best wishes,', 'Regards,'] as const;

/** Roles that never document the provider. */
export const EXCLUDED_ROLE_LABELS = [
  'Referring physician:',
  'Referring clinician:',
  'Ordering physician:',
  'Ordered by:',
  'Requested by:',
  'cc:',
  'CC:',
  'Copy to:',
  'Technologist:',
  'Performed by (technologist):',
  'Referred by:',
] as const;

// ---------------------------------------------------------------- statements

export type Who = 'normal' | 'osteopenia' | 'osteoporosis';
export const WHO_PHRASES: Record<Who, readonly string[]> = {
  normal: ['Normal bone density.', 'Bone mineral density is within normal limits.', 'Normal BMD.'],
  osteopenia: [
    'Low bone mass (osteopenia).',
    'Osteopenia.',
    'Findings are consistent with osteopenia.',
    'Low bone mass.',
    'Bone density is in the osteopenic range.',
  ],
  osteoporosis: [
    'Osteoporosis.',
    'Findings are consistent with osteoporosis.',
    'Densitometric osteoporosis.',
    'Bone density is in the osteoporotic range.',
  ],
};

/** Frames that negate, hedge or suppose an osteoporosis statement. */
export const WHO_NEGATED = [
  'Osteoporosis is unlikely.',
  'There is no osteoporosis.',
  'No evidence of osteoporosis.',
  'Osteoporosis cannot be excluded clinically.',
  'This is not osteoporosis.',
  'A T-score of -2.5 or lower would indicate osteoporosis.',
  'Osteoporosis is not present.',
] as const;

export type TbsCat = 'normal' | 'partially degraded' | 'degraded';
export const TBS_CAT_PHRASES: Record<TbsCat, readonly string[]> = {
  normal: ['normal microarchitecture', 'normal bone microarchitecture', 'normal trabecular microarchitecture'],
  'partially degraded': [
    'partially degraded microarchitecture',
    'partially degraded bone microarchitecture',
    'partially degraded trabecular microarchitecture',
  ],
  degraded: ['degraded microarchitecture', 'degraded bone microarchitecture', 'degraded trabecular microarchitecture'],
};

/** Impression-type headers. */
export const IMPRESSION_HEADERS = [
  'IMPRESSION:',
  'Impression:',
  'ASSESSMENT:',
  'Assessment:',
  'CONCLUSION:',
  'Conclusion:',
  'OPINION:',
  'Opinion:',
  'COMMENT:',
  'Comment:',
  'Impression and recommendation:',
  'IMPRESSION AND RECOMMENDATIONS:',
  '## Impression',
  'Summary and impression:',
] as const;

// ---------------------------------------------------------------- demographics

export const AGE_FRAMES = [
  'Age: {a}',
  'Age {a} years.',
  '{a}-year-old postmenopausal woman.',
  '{a} year old woman.',
  'A {a}-year-old lady.',
  'Patient age: {a} y',
  'Age / sex ...... {a} y / female',
  '{a} yo F.',
] as const;

export const BMI_FRAMES = [
  'BMI {b} kg/m2.',
  'BMI: {b} kg/m²',
  'Body mass index {b} kg/m2.',
  'Body mass index of {b}.',
  'BMI = {b}',
  'Height 162 cm, weight 61 kg, BMI {b} kg/m2.',
] as const;

export const CPT_LINES = [
  { text: 'CPT 77080, 77091', codes: ['77080', '77091'] },
  { text: 'CPT codes: 77080 and 77091', codes: ['77080', '77091'] },
  { text: 'Procedure codes: 77080, 77091.', codes: ['77080', '77091'] },
  { text: 'CPT: 77080-26, 77092', codes: ['77080', '77092'] },
  { text: 'Billing: 77085 + 77091', codes: ['77085', '77091'] },
  { text: 'CPT 77089', codes: ['77089'] },
] as const;

// ---------------------------------------------------------------- boilerplate that states no result

/** Legends and reference text: none of it is this study's result. */
export const LEGENDS = [
  'WHO classification: T-score -1.0 and above: normal; between -1.0 and -2.5: low bone mass (osteopenia); -2.5 or lower: osteoporosis.',
  'T-score -2.5 or lower: osteoporosis. T-score between -1.0 and -2.5: osteopenia.',
  'TBS reference: > 1.310 normal; 1.230-1.310 partially degraded; 1.230 or lower degraded microarchitecture.',
  'TBS interpretation (L1-L4): 1.350 or above normal, 1.200 to 1.350 partially degraded, 1.200 or below degraded.',
  'Reference range for the T-score: -1.0 and above.',
  'Least significant change (LSC): spine 0.025 g/cm2 (2.8%), total hip 0.018 g/cm2 (2.1%); TBS LSC 0.040.',
  'The precision error of TBS at this centre is 1.8%, so a change of 0.035 or more is significant.',
  'Note: FRAX is validated for ages 40-90; TBS for BMI 15-37 kg/m2.',
  'Z-score: comparison with age-matched controls. T-score: comparison with young adults.',
] as const;

/** Treatment and intervention thresholds quoted in a report: never results. */
export const THRESHOLDS = [
  'Treatment is usually advised when the MOF risk reaches 20% and the hip risk 3%.',
  'Treatment is usually advised when these reach 20 % and 3 %.',
  'US treatment thresholds (BHOF): 10-year MOF probability 20% or more, or hip 3% or more.',
  'NOGG intervention threshold at this age: MOF 18.5%, hip fracture 4.2%.',
  'Treatment threshold (NOGG, age-dependent): 16.0% major osteoporotic fracture.',
  'The hip fracture probability (threshold 3%) is given above.',
  'Pharmacological therapy is considered when the 10-year hip fracture probability is 3% or higher or the MOF probability 20% or higher.',
] as const;

/** Banners above a prior report pasted below the current one. */
export const PRIOR_BANNERS = [
  '----- PRIOR REPORT ({d}) -----',
  'PREVIOUS REPORT ({d}), for comparison:',
  '=== Comparison: report of {d} ===',
  'Prior study report ({d}) - pasted for reference',
  '*** Previous DXA report dated {d} ***',
] as const;
