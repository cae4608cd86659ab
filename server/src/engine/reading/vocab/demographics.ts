/**
 * Demographic labels and values: age, sex, menopausal status, date of birth, exam date, BMI; the
 * words after an age ("72-year-old", "68 yo"); group nouns ("postmenopausal women" speaks of a
 * population, not the patient); month names of written dates. One phrase per line.
 */
import type { Entry } from '../concepts';
import { THRESHOLD } from '../concepts';
import type { MenopausalStatus, Sex } from '../../types';
import { withFolded } from '../fold';
import { ROMANIAN_AGE_UNITS } from './romanian';
import { withAsciiUmlauts } from './roles';

type Field = 'age' | 'sex' | 'menopause' | 'dob' | 'examDate' | 'bmi' | 'ageUnit';

const FIELDS: Array<[string, Field]> = [
  ['age', 'age'],
  ['aged', 'age'],
  ['age at exam', 'age'],
  ['age at scan', 'age'],
  ['age at study', 'age'],
  ['age at examination', 'age'],
  ['age at time of scan', 'age'],
  ['age at time of exam', 'age'],
  ['age at the time of scan', 'age'],
  ['age at the time of exam', 'age'],
  ['age at the time of the scan', 'age'],
  ['age years', 'age'],
  ['age yrs', 'age'],
  ['age y', 'age'],
  ['sex', 'sex'],
  ['gender', 'sex'],
  ['menopausal status', 'menopause'],
  ['dob', 'dob'],
  ['d o b', 'dob'],
  ['date of birth', 'dob'],
  ['birth date', 'dob'],
  ['birthdate', 'dob'],
  ['born', 'dob'],
  ['exam date', 'examDate'],
  ['exam', 'examDate'],
  ['date', 'examDate'],
  ['examination date', 'examDate'],
  ['date of exam', 'examDate'],
  ['date of examination', 'examDate'],
  ['study date', 'examDate'],
  ['date of study', 'examDate'],
  ['scan date', 'examDate'],
  ['date of scan', 'examDate'],
  ['date of service', 'examDate'],
  ['dos', 'examDate'],
  ['acquisition date', 'examDate'],
  ['date acquired', 'examDate'],
  // Labels of reports in other languages or bilingual layouts ("Età: 75 anni", "Sexo: Feminino",
  // "née le 03/09/1953", "Data esame: 11/06/2026").
  ['età', 'age'],
  ['eta', 'age'],
  ['edad', 'age'],
  ['idade', 'age'],
  ['âge', 'age'],
  ['leeftijd', 'age'],
  ['sexo', 'sex'],
  ['sexe', 'sex'],
  ['sesso', 'sex'],
  ['geschlecht', 'sex'],
  ['geslacht', 'sex'],
  ['née le', 'dob'],
  ['né le', 'dob'],
  ['nee le', 'dob'],
  ['ne le', 'dob'],
  ['nata il', 'dob'],
  ['nato il', 'dob'],
  ['nacida el', 'dob'],
  ['nacido el', 'dob'],
  ['nascida em', 'dob'],
  ['nascido em', 'dob'],
  ['date de naissance', 'dob'],
  ['data di nascita', 'dob'],
  ['fecha de nacimiento', 'dob'],
  ['data de nascimento', 'dob'],
  ['geburtsdatum', 'dob'],
  ['geboren am', 'dob'],
  ['geb', 'dob'],
  ['geboortedatum', 'dob'],
  ['data esame', 'examDate'],
  ["date de l'examen", 'examDate'],
  ["date d'examen", 'examDate'],
  ["data dell'esame", 'examDate'],
  ['fecha del estudio', 'examDate'],
  ['fecha de estudio', 'examDate'],
  ['data do exame', 'examDate'],
  ['untersuchungsdatum', 'examDate'],
  ['onderzoeksdatum', 'examDate'],
  // Literal translations and Nordic / Finnish labels ("Date of investigation", "Tutkimuspäivä",
  // "Undersökningsdatum", "Födelsedatum", "Ålder").
  ['date of investigation', 'examDate'],
  ['investigation date', 'examDate'],
  ['tutkimuspäivä', 'examDate'],
  ['tutkimuspaiva', 'examDate'],
  ['undersökningsdatum', 'examDate'],
  ['undersokningsdatum', 'examDate'],
  ['undersøkelsesdato', 'examDate'],
  ['undersøgelsesdato', 'examDate'],
  ['syntymäaika', 'dob'],
  ['syntymaaika', 'dob'],
  ['födelsedatum', 'dob'],
  ['fodelsedatum', 'dob'],
  ['fødselsdato', 'dob'],
  ['fodselsdato', 'dob'],
  ['ålder', 'age'],
  ['alder', 'age'],
  ['ikä', 'age'],
  ['bmi', 'bmi'],
  ['body mass index', 'bmi'],
  ['body mass index bmi', 'bmi'],
  // After an age: "72-year-old", "68 yo", "70 y/o", "71 years of age".
  ['year old', 'ageUnit'],
  ['years old', 'ageUnit'],
  ['yr old', 'ageUnit'],
  ['yrs old', 'ageUnit'],
  ['year of age', 'ageUnit'],
  ['years of age', 'ageUnit'],
  ['yo', 'ageUnit'],
  ['y o', 'ageUnit'],
  ['y/o', 'ageUnit'],
  ['yoa', 'ageUnit'],
  // "(72 ans)", "75 anni", "58 años", "66 anos", "76 Jahre", "70 jaar".
  ['ans', 'ageUnit'],
  ['anni', 'ageUnit'],
  ['años', 'ageUnit'],
  ['anos', 'ageUnit'],
  ['jahre', 'ageUnit'],
  ['jaar', 'ageUnit'],
  // Finnish "68-vuotias" (year-old).
  ['vuotias', 'ageUnit'],
];

const SEXES: Array<[string, Sex]> = [
  ['female', 'female'],
  ['woman', 'female'],
  ['women', 'female'],
  ['lady', 'female'],
  ['girl', 'female'],
  ['f', 'female'],
  ['male', 'male'],
  ['man', 'male'],
  ['men', 'male'],
  ['gentleman', 'male'],
  ['boy', 'male'],
  ['m', 'male'],
  ['feminino', 'female'],
  ['femenino', 'female'],
  ['féminin', 'female'],
  ['feminin', 'female'],
  ['femmina', 'female'],
  ['weiblich', 'female'],
  ['vrouw', 'female'],
  ['masculino', 'male'],
  ['masculin', 'male'],
  ['maschio', 'male'],
  ['männlich', 'male'],
  // Patient nouns with a gender of their own ("Patiente :", "Patientin:", "Pacjentka:").
  ['patiente', 'female'],
  ['patientin', 'female'],
  ['pacjentka', 'female'],
  ['femme', 'female'],
  ['mujer', 'female'],
  ['kobieta', 'female'],
  ['homme', 'male'],
  ['hombre', 'male'],
  ['mężczyzna', 'male'],
  // Finnish and Nordic: "nainen", "kvinna", "kvinne", "kvinde"; "mies", "mann", "mand".
  ['nainen', 'female'],
  ['kvinna', 'female'],
  ['kvinne', 'female'],
  ['kvinde', 'female'],
  ['mies', 'male'],
  ['mann', 'male'],
  ['mand', 'male'],
];

const MENOPAUSE: Array<[string, MenopausalStatus]> = [
  ['premenopausal', 'premenopausal'],
  ['pre menopausal', 'premenopausal'],
  ['perimenopausal', 'perimenopausal'],
  ['peri menopausal', 'perimenopausal'],
  ['postmenopausal', 'postmenopausal'],
  ['post menopausal', 'postmenopausal'],
  // A menopause that has happened (natural, early, surgical, ovarian insufficiency).
  ['menopause at', 'postmenopausal'],
  ['menopause in', 'postmenopausal'],
  ['menopause age', 'postmenopausal'],
  ['age at menopause', 'postmenopausal'],
  ['early menopause', 'postmenopausal'],
  ['premature menopause', 'postmenopausal'],
  ['surgical menopause', 'postmenopausal'],
  ['natural menopause', 'postmenopausal'],
  ['induced menopause', 'postmenopausal'],
  ['since menopause', 'postmenopausal'],
  ['since the menopause', 'postmenopausal'],
  ['after menopause', 'postmenopausal'],
  ['after the menopause', 'postmenopausal'],
  ['years after menopause', 'postmenopausal'],
  ['years since menopause', 'postmenopausal'],
  ['primary ovarian insufficiency', 'postmenopausal'],
  ['premature ovarian insufficiency', 'postmenopausal'],
  ['premature ovarian failure', 'postmenopausal'],
  ['bilateral oophorectomy', 'postmenopausal'],
];

/** Ages of a group, not of the patient: "men aged 50 and over", "women 65 or older". */
const AGE_BOUNDS = ['and over', 'or over', 'and older', 'or older', 'years and over', 'years and older'];

export const DEMOGRAPHICS: Entry[] = [
  ...AGE_BOUNDS.map((phrase): Entry => ({
    phrase,
    concept: { c: 'cue', category: THRESHOLD, direction: 'backward', scope: 4 },
  })),
  // German words also in the ASCII umlaut spelling ("maennlich" for "männlich").
  ...FIELDS.flatMap(([phrase, field]) =>
    withAsciiUmlauts([phrase]).map((p): Entry => ({ phrase: p, concept: { c: 'demographic', field } })),
  ),
  ...SEXES.flatMap(([phrase, sex]) =>
    withAsciiUmlauts([phrase]).map((p): Entry => ({ phrase: p, concept: { c: 'sex', sex } })),
  ),
  ...MENOPAUSE.map(([phrase, status]): Entry => ({ phrase, concept: { c: 'menopause', status } })),
];

/**
 * Nouns of a group: a sex or status word before or after one ("postmenopausal women", "men aged 50
 * and over", "women over 65") speaks of a population, not of the patient.
 */
export const GROUP_NOUNS: readonly string[] = [
  'women',
  'men',
  'females',
  'males',
  'ladies',
  'patients',
  'people',
  'persons',
  'individuals',
  'subjects',
  'population',
  'populations',
  'cohort',
  'cohorts',
  'adults',
];

/** Sex letters read only in a labelled or slashed value, or next to an age ("Sex: F", "68 yo F"). */
export const SEX_LETTERS: readonly string[] = ['f', 'm'];

/** Words that, right before "age N", make N the age at an event, not the patient's age. */
export const EVENT_AGE_WORDS: readonly string[] = [
  'at',
  'since',
  'from',
  'before',
  'after',
  'by',
  'over',
  'under',
  'until',
  'till',
  'than',
  'between',
  'menopause',
  'menarche',
  'diagnosis',
  'onset',
];

/**
 * Words right before "N years" that make it a time horizon, never the patient's age: "a 10 anos",
 * "à 10 ans", "in 10 years", "within 10 years", "over the next 10 years", "la 10 ani", "entro 10
 * anni", "binnen 10 jaar", "nei prossimi 10 anni", "en los próximos 10 años".
 */
export const HORIZON_BEFORE: readonly string[] = withFolded([
  'in',
  'within',
  'next',
  'a',
  'à',
  'em',
  'en',
  'la',
  'în',
  'entro',
  'binnen',
  'próximos',
  'próximas',
  'prossimi',
  'prochaines',
  'prochains',
  'nächsten',
  'naechsten',
  'komende',
  'volgende',
  'următorii',
  'innerhalb',
]);

/** Words right after "N years" that make it a horizon: "10 years risk", "10 anos de" is no age then. */
export const HORIZON_AFTER: readonly string[] = withFolded([
  'probability',
  'probabilities',
  'risk',
  'risks',
  'horizon',
  'probabilidade',
  'probabilidad',
  'probabilità',
  'probabilité',
  'risco',
  'riesgo',
  'rischio',
  'risque',
  'risc',
  'risiko',
  'kans',
]);

/** Honorifics, read as the patient's sex only right after a patient label ("Patient: Miss D Quayle"). */
export const TITLES: ReadonlyArray<readonly [string, Sex]> = [
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['mr', 'male'],
  // Other languages: "Patiente : Mme ...", "Paciente: Sra. ...", "Patient: Frau ...", "Pacjent: Pani ...".
  ['mme', 'female'],
  ['madame', 'female'],
  ['mlle', 'female'],
  ['mademoiselle', 'female'],
  ['sra', 'female'],
  ['señora', 'female'],
  ['srta', 'female'],
  ['signora', 'female'],
  ['frau', 'female'],
  ['mevrouw', 'female'],
  ['mevr', 'female'],
  ['pani', 'female'],
  ['monsieur', 'male'],
  ['sr', 'male'],
  ['señor', 'male'],
  ['signor', 'male'],
  // Italian "Sig." (signor); "Sig.ra" is the feminine (TITLE_FEMININE_ENDINGS).
  ['sig', 'male'],
  ['herr', 'male'],
  ['dhr', 'male'],
  ['pan', 'male'],
];

/**
 * Feminine endings written after a title's point: "Sig.ra" (signora), "Sr.a" (senhora), "Dott.ssa":
 * the title with one of them glued after its point names a woman.
 */
export const TITLE_FEMININE_ENDINGS: readonly string[] = ['ra', 'a', 'ssa'];

/**
 * Words right before a date that make it the exam date when no exam-date label is written
 * ("Exam: 12.11.2025", "scanned 03/04/2026"); read only to settle an age from a date of birth.
 */
export const EXAM_DATE_WORDS: readonly string[] = [
  'exam',
  'examined',
  'examination',
  'scan',
  'scanned',
  'study',
  'studied',
  'visit',
  'seen',
  'attended',
  'acquired',
  'performed',
];

/** Prepositions between such a word and its date: "Scanned on 04.03.2026". */
export const EXAM_DATE_PREPOSITIONS: readonly string[] = ['on', 'dated'];

/**
 * HL7 v2 segment fields that carry demographics (HL7 v2.5 chapters 3, 4 and 7), by segment and field
 * number (field n follows the n-th "|" after the segment's name): PID-7 date/time of birth, PID-8
 * administrative sex, OBR-7 observation date/time and OBX-14 date/time of the observation (the exam
 * date, for an age from the date of birth).
 */
export const HL7_FIELDS: ReadonlyArray<readonly [segment: string, field: number, what: 'dob' | 'sex' | 'examDate']> = [
  ['pid', 7, 'dob'],
  ['pid', 8, 'sex'],
  ['obr', 7, 'examDate'],
  ['obx', 14, 'examDate'],
];

/** HL7 administrative sex codes (table 0001) that name a sex ("U", "O", "A", "N" name none). */
export const HL7_SEX_CODES: ReadonlyArray<readonly [code: string, sex: Sex]> = [
  ['f', 'female'],
  ['m', 'male'],
];

/** Labels of the patient's name line: "Patient:", "Pt:", "Re:", "Name:", "Patient name:". */
export const PATIENT_LABELS: readonly string[] = [
  'patient',
  'pt',
  're',
  'name',
  // Other languages: "Patiente :", "Paciente:", "Patientin:", "Paziente:", "Pacjent:", "Nom :", "Nombre:".
  'patiente',
  'paciente',
  'patientin',
  'paziente',
  'pacjent',
  'pacjentka',
  'nom',
  'nombre',
  'nome',
  'potilas',
  'pasient',
];

/**
 * "She is 77 and has ...": a subject pronoun, a present-tense "is" and a bare age. Only the present
 * ("she was 45 when ..." is an event's age); the age must end its clause or be followed by one of
 * AGE_FOLLOWERS.
 */
export const AGE_SUBJECTS: readonly string[] = ['she', 'he'];
export const AGE_COPULAS: readonly string[] = ['is'];
export const AGE_FOLLOWERS: readonly string[] = ['and', 'with', 'years', 'yrs', 'now', 'today'];

/** Words between a person noun and the age: "a gentleman of 78", "a retired engineer of 83". */
export const AGE_OF: readonly string[] = ['of'];

/** Articles read past before a label ("at the age of 45"). */
export const ARTICLES: readonly string[] = ['the', 'a', 'an'];

/** Words that may follow an age's number as its unit: "93 y", "71 years", "64 yrs". */
export const AGE_UNIT_WORDS: readonly string[] = [
  'y',
  'yr',
  'yrs',
  'year',
  'years',
  'ans',
  'anni',
  'años',
  'anos',
  'jahre',
  // German "78 J." (Jahre).
  'j',
  'jaar',
  // Nordic "74 år", Finnish "71 vuotta" and its abbreviation "68 v" (read only where an age is
  // expected: after an age label, beside a sex, after the name on the patient line).
  'år',
  'vuotta',
  'v',
  ...ROMANIAN_AGE_UNITS,
];

/** Month names and their abbreviations, for written dates ("12 March 1951", "Mar 3, 1951"). */
export const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
];

/** Plausible ages, in years (an age outside is something else: a year, a count). */
export const AGE_LIMITS: readonly [number, number] = [1, 120];
/** Plausible BMIs, in kg/m² (a value outside is a weight, a height or a percentage). */
export const BMI_LIMITS: readonly [number, number] = [8, 90];
