/**
 * Types shared by every part of the analysis engine. The engine is pure: text and settings in,
 * typed findings out. Nothing here may import vscode-* packages, fs or process.
 */

/** Zero-based line and UTF-16 character, as LSP defines them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A span of the document in UTF-16 offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type ProfileId = '77091' | '77089' | '77092';

/** 10-year (or 5-year) probability of a major osteoporotic fracture, of hip fracture, or (Garvan) of
 * any osteoporotic fracture. */
export type RiskKind = 'mof' | 'hip' | 'any';
/** CAROC's 10-year MOF risk category: low < 10 %, moderate 10-20 %, high > 20 %. */
export type RiskCategoryName = 'low' | 'moderate' | 'high';
export type Sex = 'female' | 'male';
export type MenopausalStatus = 'premenopausal' | 'perimenopausal' | 'postmenopausal';
export type RiskModelName = 'FRAX' | 'Garvan' | 'QFracture' | 'CAROC';
export type TbsCategory = 'normal' | 'partially degraded' | 'degraded';
export type WhoClass = 'normal' | 'osteopenia' | 'osteoporosis';

export type ElementId = 'tbs' | 'tScore' | 'riskModel' | 'risk' | 'provider' | 'impression';

export interface Located {
  span: Span;
  range: Range;
}

export interface TbsValue extends Located {
  value: number;
  /** Raw text of the number as written. */
  text: string;
  /**
   * Vertebral range the value was measured on, normalised ("L1-L4", "L2-L4", "L3"); undefined or
   * null when the report does not say (read as L1-L4). TBS of different ranges are different
   * measurements.
   */
  region?: string | null;
}

export interface TScore extends Located {
  value: number;
  text: string;
  /** Normalised site, e.g. "left femoral neck", "l1-l4"; null when the report does not say. */
  site: string | null;
}

/** A BMD Z-score (documents the T-score element for premenopausal women and men under 50). */
export interface ZScore extends Located {
  value: number;
  text: string;
  site: string | null;
}

/** A stated CAROC-style risk category: the calculated risk of a model that gives no number. */
export interface RiskCategory extends Located {
  model: RiskModelName | null;
  category: RiskCategoryName;
}

/** Who the patient is, as far as the report says (null where it does not). */
export interface Population {
  sex: Sex | null;
  menopause: MenopausalStatus | null;
}

export interface RiskModel extends Located {
  name: RiskModelName;
}

export interface Risk extends Located {
  kind: RiskKind;
  value: number;
  text: string;
  adjusted: boolean;
  /** Years the probability covers: 10 unless the sentence says otherwise (Garvan also gives 5). */
  horizon: number;
  /** The model the result was calculated with, where the report ties one to it. */
  model?: RiskModelName | null;
}

export interface Provider extends Located {
  /** The name (and credential) as written. */
  text: string;
  /** The label that introduced it, e.g. "Electronically signed by". */
  label: string;
}

export interface Placeholder extends Located {
  text: string;
}

/** A labelled slot that holds a placeholder: the element's place, unfilled. */
export interface Slot extends Located {
  element: ElementId;
}

export interface CptCode extends Located {
  code: string;
  modifier: string | null;
}

export interface CategoryStatement extends Located {
  category: TbsCategory;
  /** The TBS value the statement describes. */
  tbs: TbsValue;
}

/**
 * A stated densitometric class. Only affirmed statements are elements: a negated, uncertain or
 * hypothetical mention ("osteoporosis is unlikely", "cannot be excluded", "would indicate") is not.
 */
export interface WhoStatement extends Located {
  whoClass: WhoClass;
  /** The sentence bases the class on a fracture or a clinical diagnosis, not on the T-score. */
  clinical: boolean;
  /**
   * The regions the class is stated for, when the statement names them ("osteopenia at both femoral
   * necks": ["femoral neck"]); absent when it names none (the patient's class).
   */
  regions?: string[];
}

export interface NumberFact extends Located {
  value: number;
}

export type SectionKind =
  | 'header'
  | 'indication'
  | 'technique'
  | 'comparison'
  | 'findings'
  | 'tbs'
  | 'risk'
  | 'impression'
  | 'recommendations'
  | 'signature'
  | 'other';

export interface Section {
  /** Title as written, without the trailing colon or markdown hashes. */
  title: string;
  kind: SectionKind;
  /** Line of the header. */
  headerLine: number;
  /** Range of the header text. */
  headerRange: Range;
  /** First line after the header that belongs to the section (may equal endLine+1 when empty). */
  bodyStartLine: number;
  /** Last line of the section (inclusive), before the next header. */
  endLine: number;
  /** Text that follows the colon on the header line ("INDICATION: text"), trimmed. */
  inlineText: string;
  /** Offset where that text starts (the end of the header line when there is none). */
  inlineStart: number;
}

export interface Elements {
  tbs: TbsValue[];
  tScores: TScore[];
  riskModels: RiskModel[];
  risks: Risk[];
  providers: Provider[];
  placeholders: Placeholder[];
  slots: Slot[];
  codes: CptCode[];
  categories: CategoryStatement[];
  whoStatements: WhoStatement[];
  /** BMD Z-scores (optional until every reader fills it). */
  zScores?: ZScore[];
  /** Stated risk categories (CAROC); optional until every reader fills it. */
  riskCategories?: RiskCategory[];
  /** Sex and menopausal status; optional until every reader fills it. */
  population?: Population;
  age: NumberFact | null;
  bmi: NumberFact | null;
  impression: Located | null;
}

export interface RelatedInfo {
  range: Range;
  message: string;
}

export interface TextEditSpec {
  range: Range;
  newText: string;
  /** Same edit as a snippet (with $1 tab stops) for clients that accept snippet edits. */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEditSpec[];
  /** True when this is the preferred fix for its finding. */
  preferred?: boolean;
  /**
   * True when the fix changes a clinical statement (a diagnosis or a category): offered only on
   * request, never preferred, never part of fix-all or "Insert all missing elements".
   */
  suggestion?: boolean;
}

export interface Finding {
  code: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

export type RuleId =
  | 'missing-tbs-value'
  | 'missing-t-score'
  | 'missing-risk-model'
  | 'missing-calculated-risk'
  | 'missing-provider'
  | 'missing-impression'
  | 'unfilled-placeholder'
  | 'tbs-value-implausible'
  | 't-score-implausible'
  | 'risk-implausible'
  | 'hip-risk-exceeds-mof'
  | 'tbs-category-mismatch'
  | 'who-classification-mismatch'
  | 'conflicting-values'
  | 'risk-not-tbs-adjusted'
  | 'tbs-adjustment-non-frax'
  | 'cpt-code-conflict'
  | 'tbs-code-modifier'
  | 'age-outside-validated-range'
  | 'bmi-outside-validated-range';
