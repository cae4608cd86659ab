/**
 * Words that make a bracketed field a template's placeholder: "[TBS]", "[tbs value]", "[insert
 * name]", "[select model]". One word per line; a field holds one of them as part of its text.
 */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'value',
  'name',
  'date',
  'insert',
  'enter',
  'select',
  'tbs',
  'score',
  'result',
  'provider',
  'physician',
  'radiologist',
  'model',
  'percent',
  'number',
  'site',
];
