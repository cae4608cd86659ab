/** Public surface of the analysis engine (pure: no LSP, no fs, no process). */
export { analyze } from './analyze';
export type { Analysis } from './analyze';
export * from './types';
export { DEFAULT_SETTINGS, resolveSettings } from './settings';
export type { EngineSettings, ThresholdPreset } from './settings';
export { RULES, RULE_BY_ID, ruleDocPath } from './rules/registry';
export type { RuleInfo } from './rules/registry';
export { PROFILE_REQUIRES, PROFILE_TITLE, ELEMENT_NAMES } from './profiles';
export { categoryOf, thresholdsFor, whoClassOf, WHO_LABEL } from './thresholds';
export { makeDoc, offsetAt, positionAt } from './text';
export { MISSING_RULE } from './rules/missing';
export { normaliseEdits, rangesOverlap } from './fixes/normalise';
export { planInsertions, SLOT_SPECS, snippetToText } from './fixes/insert';
export { explainAt, CPT_DESCRIPTORS, CPT_NAMES, MODEL_OUTPUTS } from './explain';
export type { Explanation } from './explain';
export { completionsAt, completionsFor, TRIGGER_CHARACTERS } from './complete';
export type { CompletionEntry, CompletionRequest } from './complete';
