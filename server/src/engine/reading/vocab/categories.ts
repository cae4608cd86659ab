/** TBS categories and WHO densitometric classes. One phrase per line. */
import type { Entry } from '../concepts';
import type { TbsCategory, WhoClass } from '../../types';

const TBS_CATEGORIES: Array<[string, TbsCategory]> = [
  ['normal microarchitecture', 'normal'],
  ['normal bone microarchitecture', 'normal'],
  ['normal trabecular microarchitecture', 'normal'],
  ['partially degraded', 'partially degraded'],
  ['partially degraded microarchitecture', 'partially degraded'],
  ['intermediate', 'partially degraded'],
  ['degraded', 'degraded'],
  ['degraded microarchitecture', 'degraded'],
];

const WHO: Array<[string, WhoClass]> = [
  ['osteoporosis', 'osteoporosis'],
  ['osteoporotic range', 'osteoporosis'],
  ['osteopenia', 'osteopenia'],
  ['osteopenic', 'osteopenia'],
  ['low bone mass', 'osteopenia'],
  ['low bone density', 'osteopenia'],
  ['low bone mineral density', 'osteopenia'],
  ['normal bone density', 'normal'],
  ['normal bone mass', 'normal'],
  ['normal bone mineral density', 'normal'],
  ['normal bmd', 'normal'],
  ['bmd is normal', 'normal'],
  ['bmd is within normal limits', 'normal'],
  ['bone density is normal', 'normal'],
  ['bone density is within normal limits', 'normal'],
  ['bone mineral density is normal', 'normal'],
];

export const CATEGORIES: Entry[] = [
  ...TBS_CATEGORIES.map(([phrase, category]): Entry => ({ phrase, concept: { c: 'tbsCategory', category } })),
  ...WHO.map(([phrase, who]): Entry => ({ phrase, concept: { c: 'who', who } })),
];
