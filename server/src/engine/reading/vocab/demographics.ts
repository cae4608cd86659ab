/** Demographic labels and values: age, sex, menopausal status, date of birth, exam date, BMI. */
import type { Entry } from '../concepts';
import type { MenopausalStatus, Sex } from '../../types';

const FIELDS: Array<[string, 'age' | 'sex' | 'menopause' | 'dob' | 'examDate' | 'bmi']> = [
  ['age', 'age'],
  ['aged', 'age'],
  ['age at exam', 'age'],
  ['sex', 'sex'],
  ['gender', 'sex'],
  ['menopausal status', 'menopause'],
  ['dob', 'dob'],
  ['date of birth', 'dob'],
  ['birth date', 'dob'],
  ['exam date', 'examDate'],
  ['date of exam', 'examDate'],
  ['study date', 'examDate'],
  ['date of study', 'examDate'],
  ['scan date', 'examDate'],
  ['date of service', 'examDate'],
  ['bmi', 'bmi'],
  ['body mass index', 'bmi'],
];

const SEXES: Array<[string, Sex]> = [
  ['female', 'female'],
  ['woman', 'female'],
  ['women', 'female'],
  ['lady', 'female'],
  ['f', 'female'],
  ['male', 'male'],
  ['man', 'male'],
  ['men', 'male'],
  ['gentleman', 'male'],
  ['m', 'male'],
];

const MENOPAUSE: Array<[string, MenopausalStatus]> = [
  ['premenopausal', 'premenopausal'],
  ['pre menopausal', 'premenopausal'],
  ['perimenopausal', 'perimenopausal'],
  ['peri menopausal', 'perimenopausal'],
  ['postmenopausal', 'postmenopausal'],
  ['post menopausal', 'postmenopausal'],
];

export const DEMOGRAPHICS: Entry[] = [
  ...FIELDS.map(([phrase, field]): Entry => ({ phrase, concept: { c: 'demographic', field } })),
  ...SEXES.map(([phrase, sex]): Entry => ({ phrase, concept: { c: 'sex', sex } })),
  ...MENOPAUSE.map(([phrase, status]): Entry => ({ phrase, concept: { c: 'menopause', status } })),
];
