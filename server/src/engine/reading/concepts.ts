/**
 * What a phrase of the vocabulary means. Each vocabulary module (`vocab/*.ts`) lists phrases with
 * one of these; the trie (`trie.ts`) compiles them all into one matcher.
 */
import type {
  ElementId,
  MenopausalStatus,
  RiskCategoryName,
  RiskKind,
  RiskModelName,
  SectionKind,
  Sex,
  TbsCategory,
  WhoClass,
} from '../types';

/** ConText categories of a context cue (one bit each, so that a token can carry several). */
export const HISTORICAL = 1;
export const THRESHOLD = 2;
export const HYPOTHETICAL = 4;
export const NEGATED = 8;
export const UNCERTAIN = 16;
export const ADJUSTED = 32;
export const UNADJUSTED = 64;
export const EXCLUDED_ROLE = 128;
/** "now", "current", "this study": the value is this study's even after a historical cue. */
export const CURRENT = 256;
/**
 * A diagnosis named as a topic, not stated: "risk of osteoporosis", "screening for", "prevention of",
 * "treatment of", "steroid-induced". Only statements of a class read it.
 */
export const TOPIC = 512;
/**
 * A diagnosis given as the reason for a recommendation ("because of her osteoporosis, ...", "given
 * his osteopenia"): affirmed, in any sentence. Only statements of a class read it.
 */
export const ASSERTED = 1024;

export type CueCategory =
  | typeof HISTORICAL
  | typeof THRESHOLD
  | typeof HYPOTHETICAL
  | typeof NEGATED
  | typeof UNCERTAIN
  | typeof ADJUSTED
  | typeof UNADJUSTED
  | typeof EXCLUDED_ROLE
  | typeof CURRENT
  | typeof TOPIC
  | typeof ASSERTED;

/** FORWARD covers what follows the cue, BACKWARD what precedes it, TERMINATE ends other cues' scope. */
export type Direction = 'forward' | 'backward' | 'both' | 'terminate';

/** A region of the skeleton; `diagnostic` is true for the ISCD diagnostic sites. */
export interface SiteInfo {
  side?: 'left' | 'right' | 'mean' | 'both';
  region?: string;
  /** A side that counts only right after its region ("Col fémoral G"): vocab/sites.ts POSTPOSED_SIDES. */
  postposed?: true;
}

export type Concept =
  | { c: 'tbs' }
  /** "TBS T-score", "TBS Z-score": a score of the TBS, not a BMD score. */
  | { c: 'tbsScore' }
  | { c: 't' }
  | { c: 'z' }
  | { c: 'bmd' }
  /**
   * A table's column word that names no measure of this study: a change between studies ("change",
   * "difference") or another column ("area", "BMC", "YA"). A "change" word on a line also keeps a
   * site's number on it from being read as a T-score.
   */
  | { c: 'column'; column: 'change' | 'other' }
  /** A key whose value is its parent label's value in a key/value tree ("tbs:" / "value: 1.262"). */
  | { c: 'valueKey' }
  | { c: 'site'; site: SiteInfo }
  | { c: 'kind'; kind: RiskKind }
  | { c: 'model'; model: RiskModelName }
  | { c: 'tbsCategory'; category: TbsCategory }
  | { c: 'who'; who: WhoClass }
  /** A class word inside a name that states nothing: "Osteoporosis Canada", "osteoporosis therapy". */
  | { c: 'whoTopic' }
  /** Words of a classification sentence: "WHO", "classification", "densitometric", "diagnosis". */
  | { c: 'classification' }
  /** A key whose value states the densitometric class: "Bone density: osteopenia", "DXA result: normal". */
  | { c: 'whoKey' }
  /** A clinical basis of a diagnosis: "fragility fracture", "clinically", "vertebral fracture". */
  | { c: 'clinicalBasis' }
  | { c: 'riskCategory'; category: RiskCategoryName }
  /**
   * A provider's role label. `part`: a trainee's line ("Fellow:", "Resident:"), a provider only when
   * no other signer is named; an attestation ("Attending attestation:"), whose signer closes it.
   */
  | { c: 'role'; excluded: boolean; part?: 'trainee' | 'attestation' }
  | { c: 'credential' }
  | { c: 'techCredential' }
  | { c: 'courtesy' }
  /** `lead`: a lead-in of a statement inside a paragraph ("In summary he has ..."), never a header. */
  | { c: 'header'; kind: SectionKind; lead?: boolean }
  /** A demographic label; `ageUnit` follows an age ("72-year-old", "68 yo", "71 years of age"). */
  | { c: 'demographic'; field: 'age' | 'sex' | 'menopause' | 'dob' | 'examDate' | 'bmi' | 'ageUnit' }
  | { c: 'sex'; sex: Sex }
  | { c: 'menopause'; status: MenopausalStatus }
  | { c: 'cue'; category: CueCategory; direction: Direction; scope: number }
  /** A scanner or software name: a number right after it is a version ("TBS iNsight 3.1"). */
  | { c: 'software' }
  /** A noun that names a quantity of its own ("code", "check", "module"): the number after it is that. */
  | { c: 'quantity' }
  /**
   * A phrase that names something else, so that a shorter phrase inside it does not match:
   * "dose-adjusted FRAX" is no TBS adjustment.
   */
  | { c: 'other' }
  /** A word from the `tbsReport.labels` setting. */
  | { c: 'label'; element: ElementId };

/** One line of vocabulary: a phrase (words as written; case, hyphens and spacing do not matter). */
export interface Entry {
  phrase: string;
  concept: Concept;
}
