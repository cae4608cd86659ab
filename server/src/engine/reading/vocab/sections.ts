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
  ['study', 'technique'],
  ['examination', 'technique'],
  ['method', 'technique'],
  ['comparison', 'comparison'],
  ['prior studies', 'comparison'],
  ['change since', 'comparison'],
  ['changes since', 'comparison'],
  ['findings', 'findings'],
  ['results', 'findings'],
  ['bone density', 'findings'],
  ['bone mineral density', 'findings'],
  ['densitometry', 'findings'],
  ['measurements', 'findings'],
  ['bmd', 'findings'],
  ['dxa results', 'findings'],
  ['trabecular bone score', 'tbs'],
  ['tbs', 'tbs'],
  ['tbs results', 'tbs'],
  ['trabecular bone score tbs', 'tbs'],
  ['trabecular', 'tbs'],
  ['fracture risk', 'risk'],
  ['fracture risk assessment', 'risk'],
  ['fracture probability', 'risk'],
  ['frax', 'risk'],
  ['frax results', 'risk'],
  ['fracture risk calculation', 'risk'],
  ['10 year', 'risk'],
  ['10 yr', 'risk'],
  ['risk assessment', 'risk'],
  ['adjusted frax', 'risk'],
  ['absolute fracture risk', 'risk'],
  ['calculated risk', 'risk'],
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
  ['comment', 'impression'],
  ['comments', 'impression'],
  // Headers of lists that are not results: "FRAX risk factors", "Clinical data".
  ['risk factors', 'other'],
  ['risk factor', 'other'],
  ['frax inputs', 'other'],
  ['frax input', 'other'],
  ['clinical data', 'other'],
];

/** Lead-ins of an impression inside a paragraph ("In summary, ..."): read inline, never a section header. */
const IMPRESSION_LEADS = ['in summary', 'in conclusion', 'to summarise', 'to summarize', 'overall impression', 'imp'];

export const SECTIONS: Entry[] = [
  ...HEADERS.map(([phrase, kind]): Entry => ({ phrase, concept: { c: 'header', kind } })),
  ...IMPRESSION_LEADS.map((phrase): Entry => ({ phrase, concept: { c: 'header', kind: 'impression' } })),
];

/** The header phrases, for the section finder. */
export const HEADER_KINDS: ReadonlyArray<readonly [string, SectionKind]> = HEADERS;
