/** Section headers and the kind of section each opens. One phrase per line. */
import type { Entry } from '../concepts';
import type { SectionKind } from '../../types';

const HEADERS: Array<[string, SectionKind]> = [
  ['indication', 'indication'],
  ['indications', 'indication'],
  ['clinical indication', 'indication'],
  ['clinical history', 'indication'],
  ['history', 'indication'],
  ['reason for exam', 'indication'],
  ['reason for study', 'indication'],
  ['technique', 'technique'],
  ['procedure', 'technique'],
  ['exam', 'technique'],
  ['examination', 'technique'],
  ['method', 'technique'],
  ['comparison', 'comparison'],
  ['prior studies', 'comparison'],
  ['findings', 'findings'],
  ['results', 'findings'],
  ['bone density', 'findings'],
  ['bone mineral density', 'findings'],
  ['densitometry', 'findings'],
  ['measurements', 'findings'],
  ['trabecular bone score', 'tbs'],
  ['tbs', 'tbs'],
  ['fracture risk', 'risk'],
  ['fracture risk assessment', 'risk'],
  ['fracture probability', 'risk'],
  ['frax', 'risk'],
  ['impression', 'impression'],
  ['impression and recommendation', 'impression'],
  ['impression and recommendations', 'impression'],
  ['impressions', 'impression'],
  ['conclusion', 'impression'],
  ['conclusions', 'impression'],
  ['assessment', 'impression'],
  ['assessment and plan', 'impression'],
  ['summary', 'impression'],
  ['interpretation', 'impression'],
  ['opinion', 'impression'],
  ['diagnosis', 'impression'],
  ['diagnostic impression', 'impression'],
  ['recommendation', 'recommendations'],
  ['recommendations', 'recommendations'],
  ['plan', 'recommendations'],
  ['follow up', 'recommendations'],
  ['comment', 'recommendations'],
  ['comments', 'recommendations'],
];

export const SECTIONS: Entry[] = HEADERS.map(([phrase, kind]): Entry => ({ phrase, concept: { c: 'header', kind } }));

/** The header phrases, for the section finder. */
export const HEADER_KINDS: ReadonlyArray<readonly [string, SectionKind]> = HEADERS;
