/**
 * Held-out wave 8 (T*): words typed without their diacritics, the vocabulary of more languages,
 * time horizons that are no age, sign-off labels over the signer's name, lumbar shorthand and
 * bracketed regions (branch tlang). Each class is tested in phrasings of several languages that the
 * wave's files do not hold, with negative cases.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';
import { normalise } from '../../server/src/engine/text';
import { headerKind } from '../../server/src/engine/reading/headers';
import { tokenise } from '../../server/src/engine/reading/tokens';
import { compile, match } from '../../server/src/engine/reading/trie';

const els = (s: string) => analyze(s).elements;
const risks = (s: string) =>
  els(s)
    .risks.map((r) => `${r.kind}:${r.value}:${r.adjusted ? 'a' : 'u'}`)
    .sort();
const tscores = (s: string) =>
  els(s)
    .tScores.map((x) => `${x.site ?? '?'}:${x.value}`)
    .sort();

describe('a word typed without its diacritics reads as the vocabulary written with them', () => {
  test.each([
    // Spanish, Portuguese, French, Romanian kinds without their accents.
    [
      'Riesgo de fractura a 10 años (FRAX ajustado por TBS): fractura osteoporotica mayor 14 %, fractura de cadera 3,5 %.',
      ['hip:3.5:a', 'mof:14:a'],
    ],
    [
      'Risco de fratura (FRAX ajustado pelo TBS): fratura osteoporotica maior 7,2 %; fratura do quadril 1,1 %.',
      ['hip:1.1:a', 'mof:7.2:a'],
    ],
    [
      'Probabilite a 10 ans (FRAX ajuste pour le TBS) : fracture osteoporotique majeure 18 %, fracture de hanche 4 %.',
      ['hip:4:a', 'mof:18:a'],
    ],
    [
      'FRAX (ajustat pentru TBS): fractura osteoporotica majora 21 %, fractura de sold 6,4 %.',
      ['hip:6.4:a', 'mof:21:a'],
    ],
  ])('%j', (s, want) => {
    expect(risks(s)).toEqual(want);
  });
  test('the same phrase with its diacritics still reads', () => {
    expect(risks('FRAX ajustado por TBS: fractura osteoporótica mayor 11 %, fractura de cadera 2 %.')).toEqual([
      'hip:2:a',
      'mof:11:a',
    ]);
  });
  test.each([
    ['Impresion', 'impression'],
    ['Conclusao', 'impression'],
    ['Conclusão', 'impression'],
    ['Resultats', 'findings'],
    ['Concluzie', 'impression'],
  ])('header %j', (title, kind) => {
    expect(headerKind(title)).toBe(kind);
  });
  test.each([
    ['Colo do femur esquerdo: T-score -2,1', ['left femoral neck:-2.1']],
    ['Col femoral G    T-score -2,4', ['left femoral neck:-2.4']],
    ['Cuello de femur derecho: T-score -1,6', ['right femoral neck:-1.6']],
  ])('site %j', (s, want) => {
    expect(tscores(s)).toEqual(want);
  });
  test('a folded form never takes the place of a phrase the vocabulary holds without accents', () => {
    const trie = compile([
      { phrase: 'fémur', concept: { c: 'site', site: { region: 'hip' } } },
      { phrase: 'femur', concept: { c: 'kind', kind: 'hip' } },
      { phrase: 'séance', concept: { c: 'other' } },
    ]);
    const hitsOf = (s: string) => {
      const t = tokenise(normalise(s));
      const h = match(trie, t);
      return Array.from({ length: h.n }, (_, i) => h.concepts[i].map((c) => c.c).join('+'));
    };
    expect(hitsOf('femur')).toEqual(['kind']);
    expect(hitsOf('fémur')).toEqual(['site']);
    expect(hitsOf('seance')).toEqual(['other']);
    // Folding drops marks only: another letter is another word.
    expect(hitsOf('sfance')).toEqual([]);
  });
});

describe('Dutch: the TBS adjustment and the TBS categories', () => {
  test.each([
    [
      'FRAX, gecorrigeerd voor TBS: majeure osteoporotische fractuur 19 %, heupfractuur 4,1 %.',
      ['hip:4.1:a', 'mof:19:a'],
    ],
    [
      'Fractuurrisico (aangepast voor de TBS): majeure osteoporotische fractuur 12 %, heupfractuur 2 %.',
      ['hip:2:a', 'mof:12:a'],
    ],
  ])('%j', (s, want) => {
    expect(risks(s)).toEqual(want);
  });
  test('without the cue the risks stay unadjusted', () => {
    expect(risks('FRAX: majeure osteoporotische fractuur 12 %, heupfractuur 2 %.')).toEqual(['hip:2:u', 'mof:12:u']);
  });
  test.each([
    ['TBS L1-L4 1,150, passend bij gedegradeerde microarchitectuur.', 'degraded'],
    ['TBS: 1,262 (gedeeltelijk gedegradeerde microarchitectuur)', 'partially degraded'],
  ])('%j', (s, want) => {
    expect(els(s).categories.map((c) => c.category)).toEqual([want]);
  });
});

describe('Romanian: sites, sides, kinds, age, header', () => {
  const report = [
    'Vârsta: 68 ani          Sex: F',
    'Coloana lombară L1-L4:  scor T -1,2',
    'Col femural drept:      scor T -2,7',
    'Șold total drept:       scor T -2,0',
    'Risc de fractură la 10 ani (FRAX, ajustat pentru TBS): fractură osteoporotică majoră 17 %, fractură de șold 5 %.',
    '',
    'Concluzie:',
    'Osteoporoză (scor T minim -2,7 la colul femural drept).',
  ].join('\n');
  test('with diacritics', () => {
    const e = els(report);
    expect(tscores(report)).toEqual(['L1-L4:-1.2', 'right femoral neck:-2.7', 'right total hip:-2']);
    expect(risks(report)).toEqual(['hip:5:a', 'mof:17:a']);
    expect(e.age?.value).toBe(68);
    expect(e.whoStatements.map((w) => w.whoClass)).toEqual(['osteoporosis']);
  });
  test('without them', () => {
    const plain = report.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const e = els(plain);
    expect(tscores(plain)).toEqual(['L1-L4:-1.2', 'right femoral neck:-2.7', 'right total hip:-2']);
    expect(risks(plain)).toEqual(['hip:5:a', 'mof:17:a']);
    expect(e.age?.value).toBe(68);
    expect(e.whoStatements.map((w) => w.whoClass)).toEqual(['osteoporosis']);
  });
  test('a Romanian side counts only after its region', () => {
    expect(tscores('Drept: scor T -1,1')).not.toContain('right:-1.1');
  });
});

describe('Italian: the hip with an elided article, and the honorifics', () => {
  test.each([
    [
      "FRAX (corretto per TBS): frattura osteoporotica maggiore 9 %, frattura dell'anca 1,8 %.",
      ['hip:1.8:a', 'mof:9:a'],
    ],
    [
      "Rischio a 10 anni corretto per il TBS: fratture dell'anca 3 %, frattura osteoporotica maggiore 15 %.",
      ['hip:3:a', 'mof:15:a'],
    ],
  ])('%j', (s, want) => {
    expect(risks(s)).toEqual(want);
  });
  test.each([
    ['Paziente: Sig. Aldo Ferri          Età: 66 anni', 'male'],
    ['Paziente: Sig.ra Ada Ferri          Età: 66 anni', 'female'],
    ['Paciente: Sr.a Maria Lopes, 70 anos', 'female'],
    ['Paciente: Sr. Mario Lopes, 70 anos', 'male'],
  ])('%j', (s, sex) => {
    expect(els(s).population?.sex).toBe(sex);
  });
});

describe('a sign-off label line over the name: the name is the signer, the label never is', () => {
  const body = 'Conclusione\nOsteopenia.\n\n';
  const signers = (s: string) => els(body + s).providers.map((p) => p.text);
  test.each([
    ['La medica refertante\nDott.ssa Giulia Ferri, specialista in radiologia', 'Giulia Ferri'],
    ['Medic specialist radiologie,\nDr. Ioana Marinescu', 'Ioana Marinescu'],
    ['O Médico Radiologista,\nDr. Rui Pedro Costa', 'Rui Pedro Costa'],
    ['Il medico refertante: Dr. Marco Neri', 'Marco Neri'],
    ['Der befundende Arzt\nDr. med. Hans Keller', 'Hans Keller'],
    ['El médico informante\nDra. Ana Ruiz Paredes', 'Ana Ruiz Paredes'],
  ])('%j', (s, name) => {
    const p = signers(s);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(name);
    expect(p[0]).not.toMatch(/refertante|Medic |Radiologista|befundende|informante/);
  });
  test('a job-title line with a dash under a titled name: the name above signs', () => {
    const p = signers('Dr. Elena Ruiz Paredes\nMédica radióloga - Unidad de Densitometría Ósea');
    expect(p).toEqual(['Dr. Elena Ruiz Paredes']);
  });
  test("an addressee's title line is no sign-off", () => {
    const letter =
      'Dr. K. Rowe\nConsultant Endocrinologist\nCity Hospital\n\nDear Dr. Rowe,\n\nLumbar spine T-score -1.2. TBS 1.300.\n\n' +
      'Yours sincerely,\n\nDr. Ama Boateng\nFRCR\nConsultant Radiologist';
    expect(
      els(letter)
        .providers.map((p) => p.text)
        .join(' '),
    ).toContain('Boateng');
    expect(
      els(letter)
        .providers.map((p) => p.text)
        .join(' '),
    ).not.toContain('Rowe');
  });
  test('a label line over a line that is no name reads nothing', () => {
    expect(signers('Il medico refertante\nsi consiglia controllo tra 2 anni')).toEqual([]);
  });
});

describe('a number of years that is a time horizon is never the age; the dates give it', () => {
  test.each([
    [
      "Date de naissance : 15/03/1950\nDate de l'examen : 20/01/2026\nProbabilité de fracture à 10 ans : fracture majeure 12 %.",
      75,
    ],
    ['Date of birth: 15/03/1950\nExam date: 20/01/2026\nHip fracture risk over the next 10 years: 3 %.', 75],
    ['Data nașterii: 15.03.1950  Data examinării: 20.01.2026\nRisc de fractură la 10 ani: 12 %.', 75],
    ['Geboortedatum: 15-03-1950  Datum onderzoek: 20-01-2026\nKans op een heupfractuur binnen 10 jaar: 3 %.', 75],
    ['Data de nascimento: 15/03/1950\nData do exame: 20/01/2026\nRisco de fratura em 10 anos: 9 %.', 75],
    ['DOB 15/03/1950, scanned 20/01/2026. The 10 years risk of a hip fracture is 3 %.', 75],
  ])('%j', (s, age) => {
    expect(els(s).age?.value).toBe(age);
  });
  test.each([
    // Ages written with a unit stay ages.
    ['A 72 yo F with back pain.', 72],
    ['A 68 years old woman.', 68],
    ['Edad: 67 anos   Sexo: F', 67],
    ['Vârsta: 73 ani', 73],
    ['Femme de 71 ans, ménopausée.', 71],
  ])('age kept: %j', (s, age) => {
    expect(els(s).age?.value).toBe(age);
  });
  test.each([['Rischio di frattura a 10 anni: 12 %.'], ['Probability of a fracture within 10 years: 14 %.']])(
    'no age: %j',
    (s) => {
      expect(els(s).age).toBe(null);
    },
  );
});

describe('lumbar shorthand and slash-separated terse items keep their own sites', () => {
  test.each([
    ['L1-4 T -2.6 / Rt FN -2.0 / Rt TH -1.7', ['L1-L4:-2.6', 'right femoral neck:-2', 'right total hip:-1.7']],
    ['L2-4 T -1.9 / Lt FN -2.2', ['L2-L4:-1.9', 'left femoral neck:-2.2']],
    ['L1\u20134 T -3.0 / L FN T -2.4', ['L1-L4:-3', 'left femoral neck:-2.4']],
    ['spine T -2.8 / hip T -2.3', ['L1-L4:-2.8', 'hip:-2.3']],
  ])('%j', (s, want) => {
    expect(tscores(s)).toEqual(want);
  });
  test('a slash list of values with their sites in brackets is still one list', () => {
    expect(tscores('T-score -1.2 / -2.3 (L1-L4 / FN)')).toEqual(['L1-L4:-1.2', 'femoral neck:-2.3']);
  });
});

describe('a bracketed region between a site and its label, across a line break, keeps the site', () => {
  test.each([
    ['Scan done in clinic today. His lumbar spine (L1-L4)\nT-score is -1.4.', ['L1-L4:-1.4']],
    ['Scanned today. The femoral neck (left)\nT-score is -2.1.', ['left femoral neck:-2.1']],
    ['Scanned today. Her total hip (right side)\nT-score was -1.6.', ['right total hip:-1.6']],
    [
      'His lumbar spine (L1-L4) T-score is -1.4, femoral neck (left) T-score -2.0.',
      ['L1-L4:-1.4', 'left femoral neck:-2'],
    ],
  ])('%j', (s, want) => {
    expect(tscores(s)).toEqual(want);
  });
  test('a bracket that names no site gives none', () => {
    expect(tscores('Results were discussed (see above)\nT-score is -1.1.')).toEqual(['?:-1.1']);
  });
  test("a line that states a value of its own lends no site to the next line's label", () => {
    expect(tscores('TBS L1-L4 1.255 (partially degraded)\nT-score -2.4.')).toEqual(['?:-2.4']);
  });
});

describe('the same concepts in Portuguese, Spanish, French, Italian and German', () => {
  test.each([
    [
      'FRAX, tendo em conta o TBS: fratura osteoporótica major 8 %, fratura do colo do fémur 2,1 %.',
      ['hip:2.1:a', 'mof:8:a'],
    ],
    [
      'FRAX teniendo en cuenta el TBS: fractura osteoporótica mayor 9 %, fractura de cuello femoral 2 %.',
      ['hip:2:a', 'mof:9:a'],
    ],
    ['FRAX en tenant compte du TBS : fracture majeure 13 %, fracture du col fémoral 3 %.', ['hip:3:a', 'mof:13:a']],
    [
      'FRAX tenendo conto del TBS: frattura maggiore 10 %, frattura del collo del femore 2,5 %.',
      ['hip:2.5:a', 'mof:10:a'],
    ],
    [
      'FRAX unter Berücksichtigung des TBS: osteoporotische Hauptfraktur 16 %, Oberschenkelhalsfraktur 4 %.',
      ['hip:4:a', 'mof:16:a'],
    ],
  ])('%j', (s, want) => {
    expect(risks(s)).toEqual(want);
  });
  test('the hip kinds without a cue stay unadjusted', () => {
    expect(risks('FRAX: fratura osteoporótica major 8 %, fratura do colo do fémur 2,1 %.')).toEqual([
      'hip:2.1:u',
      'mof:8:u',
    ]);
  });
});

describe('a job-title line without its accents', () => {
  test('a job-title line typed without accents under a titled name', () => {
    const s = 'Conclusion : ostéopénie.\n\nDr Anne Marchal\nMedecin radiologue, CHU de Nantes';
    expect(els(s).providers.map((p) => p.text)).toEqual(['Dr Anne Marchal']);
  });
});

describe('a folded form never takes a word of another language', () => {
  test('Dutch "hoger" is no side; Swedish "höger" is', () => {
    expect(tscores('Femurhals hoger dan verwacht: T-score -1,2')).toEqual(['femoral neck:-1.2']);
    expect(tscores('Lårbenshals höger: T-score -1,2')).toEqual(['right femoral neck:-1.2']);
  });
  test('the surname "Levy" names no side', () => {
    expect(els('Femoral neck T-score -1.9.\n\nSigned: Dr. Ruth Levy, MD').providers.map((p) => p.text)).toEqual([
      'Dr. Ruth Levy, MD',
    ]);
    expect(tscores('Femoral neck T-score -1.9.\n\nSigned: Dr. Ruth Levy, MD')).toEqual(['femoral neck:-1.9']);
  });
});
