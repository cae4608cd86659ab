/** Section headers and the kind of section each opens. One phrase per line. */
import type { Entry } from '../concepts';
import type { SectionKind } from '../../types';
import { ROMANIAN_HEADERS } from './romanian';

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
  ['assessment plan', 'impression'],
  ['assessment & plan', 'impression'],
  ['a/p', 'impression'],
  ['a & p', 'impression'],
  ['summary', 'impression'],
  ['interpretation', 'impression'],
  ['opinion', 'impression'],
  ['diagnosis', 'impression'],
  ['diagnostic impression', 'impression'],
  // Abbreviated headers of terse notes ("Impr:", "Imp:", "IMP.", "Concl.:", "Dx:"); a point after
  // an abbreviation is no word.
  ['impr', 'impression'],
  ['imp', 'impression'],
  ['concl', 'impression'],
  ['dx', 'impression'],
  ['diag', 'impression'],
  ['recommendation', 'recommendations'],
  ['recommendations', 'recommendations'],
  ['plan', 'recommendations'],
  ['follow up', 'recommendations'],
  ['comment', 'impression'],
  ['comments', 'impression'],
  // Vendor printouts: "Physician comment:", "Physician's Comments:".
  ['physician comment', 'impression'],
  ['physician comments', 'impression'],
  ["physician's comment", 'impression'],
  ["physician's comments", 'impression'],
  ['physicians comments', 'impression'],
  ['reviewer comment', 'impression'],
  ['reviewer comments', 'impression'],
  // Headers of reports in other languages, alone or in bilingual titles ("CONCLUSÃO / CONCLUSION",
  // "Assessment (Beurteilung)").
  ['conclusão', 'impression'],
  ['conclusión', 'impression'],
  ['conclusione', 'impression'],
  ['conclusioni', 'impression'],
  ['conclusie', 'impression'],
  ['beurteilung', 'impression'],
  // Scandinavian and German impression titles ("Kommentar / Comment:", "Konklusjon", "Vurdering").
  ['kommentar', 'impression'],
  ['kommentarer', 'impression'],
  ['konklusjon', 'impression'],
  ['konklusion', 'impression'],
  ['slutsats', 'impression'],
  ['vurdering', 'impression'],
  ['bedömning', 'impression'],
  ['zusammenfassung', 'impression'],
  ['impressão', 'impression'],
  ['impresión diagnóstica', 'impression'],
  ['befund', 'findings'],
  ['resultados', 'findings'],
  ['résultats', 'findings'],
  ['risultati', 'findings'],
  ...ROMANIAN_HEADERS,
  // Headers of lists that are not results: "FRAX risk factors", "Clinical data".
  ['risk factors', 'other'],
  ['risk factor', 'other'],
  ['frax inputs', 'other'],
  ['frax input', 'other'],
  ['clinical data', 'other'],
];

/**
 * Concluding headers come in families: a concluding noun, alone or joined to an advice noun
 * ("Summary and advice", "Conclusions & recommendations", "Assessment and plan", "Impression /
 * management", "Conclusion et conduite à tenir", "Beurteilung und Empfehlung"). Each language's
 * heads, joining words ('' for a slash or a bare pair) and tails; every head, and every head-join-tail
 * phrase, opens the impression section. A new word is one line here.
 */
const CONCLUDING_FAMILIES: ReadonlyArray<{ heads: string[]; joins: string[]; tails: string[] }> = [
  {
    heads: [
      'impression',
      'impressions',
      'conclusion',
      'conclusions',
      'summary',
      'assessment',
      'interpretation',
      'opinion',
      'comment',
      'comments',
      'diagnosis',
      'final impression',
      'overall assessment',
      'summary of findings',
    ],
    joins: ['and', '&', ''],
    tails: [
      'recommendation',
      'recommendations',
      'advice',
      'plan',
      'management',
      'management plan',
      'suggestions',
      'suggestion',
      'comment',
      'comments',
      'follow up',
      'next steps',
      'conclusion',
      'conclusions',
      'interpretation',
      'discussion',
    ],
  },
  {
    heads: ['conclusion', 'conclusions', 'synthèse', 'interprétation', 'commentaire', 'avis'],
    joins: ['et', ''],
    tails: ['recommandations', 'recommandation', 'conduite à tenir', 'conseils', 'commentaire', 'commentaires'],
  },
  {
    heads: ['conclusión', 'conclusiones', 'impresión', 'impresión diagnóstica', 'comentario', 'resumen'],
    joins: ['y', ''],
    tails: ['recomendaciones', 'recomendación', 'plan', 'comentario', 'comentarios', 'sugerencias'],
  },
  {
    heads: ['conclusione', 'conclusioni', 'commento', 'giudizio'],
    joins: ['e', ''],
    tails: ['raccomandazioni', 'consigli', 'suggerimenti', 'commento'],
  },
  {
    heads: ['conclusão', 'conclusões', 'impressão', 'comentário'],
    joins: ['e', ''],
    tails: ['recomendações', 'recomendação', 'conduta', 'sugestões'],
  },
  {
    heads: ['beurteilung', 'zusammenfassung'],
    joins: ['und', ''],
    tails: ['empfehlung', 'empfehlungen', 'procedere', 'therapieempfehlung'],
  },
];
{
  const known = new Set(HEADERS.map(([phrase]) => phrase));
  const add = (phrase: string) => {
    if (known.has(phrase)) return;
    known.add(phrase);
    HEADERS.push([phrase, 'impression']);
  };
  for (const { heads, joins, tails } of CONCLUDING_FAMILIES)
    for (const head of heads) {
      add(head);
      for (const join of joins)
        for (const tail of tails) if (tail !== head) add(join ? `${head} ${join} ${tail}` : `${head} ${tail}`);
    }
}

/** Lead-ins of an impression inside a paragraph ("In summary, ..."): read inline, never a section header. */
const IMPRESSION_LEADS = ['overall impression', 'overall'];
/** Lead-ins that open a concluding statement with or without a comma ("In summary he has osteopenia"). */
const STATEMENT_LEADS = ['in summary', 'in conclusion', 'to summarise', 'to summarize', 'to conclude', 'in short'];

export const SECTIONS: Entry[] = [
  ...HEADERS.map(([phrase, kind]): Entry => ({ phrase, concept: { c: 'header', kind } })),
  ...IMPRESSION_LEADS.map((phrase): Entry => ({ phrase, concept: { c: 'header', kind: 'impression' } })),
  ...STATEMENT_LEADS.map((phrase): Entry => ({ phrase, concept: { c: 'header', kind: 'impression', lead: true } })),
];

/** The header phrases, for the section finder. */
export const HEADER_KINDS: ReadonlyArray<readonly [string, SectionKind]> = HEADERS;

/**
 * Labels that, with text after their colon, are fields of a report rather than headers ("Age: 66",
 * "TBS: 1.262"). Words as the normalised text writes them (lower case, single spaces).
 */
export const FIELD_LABELS: ReadonlySet<string> = new Set([
  'tbs',
  'tbs value',
  'tbs score',
  'tbs l1-l4',
  'bmi',
  'age',
  'sex',
  'dob',
  'mrn',
  'name',
  'date',
  't-score',
  't score',
  'tscore',
  't-scores',
  't scores',
  'tscores',
  'z-score',
  'z score',
  'zscore',
  'z-scores',
  'z scores',
  'zscores',
  'mof',
  'hip',
  'risk model',
  'model',
  'cpt',
  'bmd',
  'height',
  'weight',
  'accession',
  'patient',
  'provider',
  'signed',
]);
