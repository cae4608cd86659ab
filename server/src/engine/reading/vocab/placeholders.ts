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

/**
 * Words that make a bracketed field an instruction to the author ("[insert TBS]", "[TBS value]",
 * "[select model]"): such a field is a slot even where it stands alone on its line like a heading.
 * A field without one ("[Trabecular Bone Score]" above its rows) may be a heading.
 */
export const INSTRUCTION_WORDS: readonly string[] = [
  'value',
  'name',
  'date',
  'insert',
  'enter',
  'select',
  'result',
  'number',
  'percent',
];

/**
 * Labels of a patient's identifiers: masking characters after one of them are a redaction, not a
 * template's slot ("DNI: 11.xxx.xxx", "MRN: XXXXXXX", "NHS No. 485 xxx xxxx"). One label a line,
 * lower case, as the label ends before its ":" or value.
 */
export const IDENTIFIER_LABELS: readonly string[] = [
  'id',
  'patient id',
  'mrn',
  'mr no',
  'mr number',
  'medical record number',
  'record number',
  'hospital number',
  'hospital no',
  'nhs',
  'nhs no',
  'nhs number',
  'chi',
  'chi no',
  'ihi',
  'urn',
  'ur no',
  'hcn',
  'health card',
  'health card number',
  'medicare',
  'medicare no',
  'medical aid',
  'ssn',
  'social security number',
  'insurance number',
  'accession',
  'accession number',
  'dni',
  'nie',
  'cc',
  'identificación',
  'identificacion',
  'cédula',
  'cedula',
  'rut',
  'cpf',
  'rg',
  'pesel',
  'cpr',
  'personnummer',
  'fødselsnummer',
  'bsn',
  'codice fiscale',
  'nir',
  'n° ss',
];
