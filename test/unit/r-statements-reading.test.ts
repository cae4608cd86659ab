/**
 * Statements, synonyms, scope and sign-offs of wave 6, read by general mechanisms (vocabulary data,
 * cue generators, section scope). Every phrasing here was invented for the class, not taken from the
 * wave-6 files; negative cases that must not change sit beside them.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

function models(text: string): string[] {
  return analyze(text).elements.riskModels.map((m) => m.name);
}

describe('speech-recognition spellings of the risk-model names are the models', () => {
  test.each([
    ['the fraks ten year risk of major osteoporotic fracture is 21 percent.\n', 'FRAX'],
    ["Using frax's calculator, major osteoporotic fracture 18%, hip 3.1%.\n", 'FRAX'],
    ['cue fracture 10 year risk of major osteoporotic fracture 9 percent.\n', 'QFracture'],
    ['queue fracture estimates a hip fracture risk of 2.2 percent.\n', 'QFracture'],
    ['car rock ten year fracture risk category: high.\n', 'CAROC'],
    ['f r a x major osteoporotic fracture 12 percent, hip 1.9 percent.\n', 'FRAX'],
  ])('%j', (text, name) => {
    expect(models(text)).toContain(name);
  });

  test('ordinary words near them are no model', () => {
    expect(models('History of multiple fracs of the wrist. T-score -2.6.\n')).toEqual([]);
    expect(models('Referred by Dr. Garvin. Spine T-score -1.2.\n')).toEqual([]);
    expect(models('She fractured a rock climbing wrist. T-score -1.2.\n')).toEqual([]);
  });
});

function categories(text: string): string[] {
  return analyze(text).elements.categories.map((c) => c.category);
}

describe('short and foreign words for normal beside a TBS state the normal category', () => {
  test.each([
    ['L1-L4 T-score -1.1.\nTBS 1.355 - nml.\n'],
    ['Spine T -0.8. TBS 1.402 WNL.\n'],
    ['TBS L1-L4 : 1,388 (normale)\n'],
    ['TBS 1.341.\nImpression: osteopenia; TBS nl\n'],
  ])('%j', (text) => {
    expect(categories(text)).toEqual(['normal']);
  });

  test('away from a TBS they state nothing', () => {
    expect(categories('TBS 1.341.\nRenal function nl. Calcium WNL.\n')).toEqual([]);
    expect(categories('TBS 1.341.\nNL: 12 mg/d vitamin D\n')).toEqual([]);
  });
});

function who(text: string): string[] {
  return analyze(text).elements.whoStatements.map((w) => w.whoClass);
}

describe('concluding headers of the "X and advice" family open the impression', () => {
  const body = 'Lumbar spine T-score -2.7. Left femoral neck T-score -2.1.\n\n';
  test.each([
    ['Conclusions & recommendations\nOsteoporosis of the spine. Start therapy.\n', 'osteoporosis'],
    ['Assessment / management\nLow bone mass at the hip; calcium and vitamin D.\n', 'osteopenia'],
    ['Conclusión y recomendaciones\nOsteoporosis lumbar.\n', 'osteoporosis'],
    ['Beurteilung und Empfehlung\nOsteoporose der LWS.\n', 'osteoporosis'],
    ['Impression and next steps\nOsteopenia; repeat in two years.\n', 'osteopenia'],
    ['Conclusion et conduite à tenir\nOstéopénie.\n', 'osteopenia'],
  ])('%j', (text, cls) => {
    const e = analyze(body + text).elements;
    expect(e.impression).not.toBeNull();
    expect(who(body + text)).toEqual([cls]);
  });

  test('a sentence that starts with such words is no header', () => {
    const text = body + 'Summary and advice were given to the patient by phone.\nOsteoporosis education leaflet.\n';
    expect(analyze(text).elements.impression).toBeNull();
  });
});

function risks(text: string): string[] {
  return analyze(text)
    .elements.risks.map((r) => `${r.kind}:${r.value}:${r.adjusted ? 'a' : 'u'}`)
    .sort();
}

describe('adjustment cues as a family: participle, preposition, determiner, a name of the TBS', () => {
  test.each([
    ["FRAX (adjusted using the patient's TBS): major osteoporotic fracture 19%, hip fracture 3.3%.\n"],
    [
      'FRAX probabilities, where the trabecular bone score was taken into account: major osteoporotic fracture 19%, hip fracture 3.3%.\n',
    ],
    ['FRAX risks recalculated with the trabecular score: major osteoporotic fracture 19%, hip fracture 3.3%.\n'],
    ['FRAX ajustada según el TBS: fractura osteoporótica mayor 19 %, fractura de cadera 3,3 %.\n'],
    ['FRAX weighted by TBS\nMajor osteoporotic fracture 19%\nHip fracture 3.3%\n'],
  ])('%j', (text) => {
    expect(risks(text)).toEqual(['hip:3.3:a', 'mof:19:a']);
  });

  test('a French heading "corrigée par le TBS" covers the risks on the next line', () => {
    const text =
      'Probabilité de fracture à 10 ans (FRAX), corrigée par le TBS :\nfracture ostéoporotique majeure 19 %\n';
    expect(risks(text)).toEqual(['mof:19:a']);
  });

  test('unadjusted and other adjustments stay unadjusted', () => {
    expect(risks('FRAX without TBS adjustment: major osteoporotic fracture 19%, hip fracture 3.3%.\n')).toEqual([
      'hip:3.3:u',
      'mof:19:u',
    ]);
    expect(
      risks('TBS 1.281. FRAX adjusted for steroid dose: major osteoporotic fracture 19%, hip fracture 3.3%.\n'),
    ).toEqual(['hip:3.3:u', 'mof:19:u']);
  });
});

describe('"in" after a number is inches only with no word after it', () => {
  test.each([
    ['The trabecular bone score is estimated to 1.274 in L1-L4.\n', 1.274],
    ['TBS came to 1.274 in the lumbar spine.\n', 1.274],
    ['Trabecular bone score amounts to 1.274 in vertebrae L1 to L4.\n', 1.274],
  ])('%j', (text, value) => {
    expect(analyze(text).elements.tbs.map((v) => v.value)).toEqual([value]);
  });

  test('a height in inches is still no TBS or score', () => {
    const e = analyze('Height 64.5 in, weight 150 lb.\nTBS 1.274.\n').elements;
    expect(e.tbs.map((v) => v.value)).toEqual([1.274]);
  });
});

describe('an all-capitals line right under a header that stands alone is the section text', () => {
  const body = 'LUMBAR SPINE L1-L4: T-SCORE -2.7\nLEFT FEMORAL NECK: T-SCORE -2.2\n\n';
  test.each([
    ['IMPRESSION:\nOSTEOPOROSIS OF THE LUMBAR SPINE, DEGRADED TBS.\n', 'osteoporosis'],
    ['OPINION\nLOW BONE MASS (OSTEOPENIA) AT THE LEFT HIP\n', 'osteopenia'],
    ['CONCLUSION:\nDENSITOMETRIC OSTEOPOROSIS\nFOLLOW-UP DXA IN 2 YEARS\n', 'osteoporosis'],
    ['SUMMARY:\nREPORT OF THE BONE DENSITY STUDY\nOSTEOPENIA.\n', 'osteopenia'],
  ])('%j', (text, cls) => {
    expect(who(body + text)).toEqual([cls]);
  });

  test('an all-capitals header after a blank line still opens its own section', () => {
    const text = 'FINDINGS:\nSpine T-score -1.2.\n\nHISTORY\nOsteoporosis in her mother.\n';
    expect(analyze(text).elements.whoStatements).toEqual([]);
  });
});

describe('a diagnosis key in short or foreign form states the class', () => {
  test.each([
    ['- Dx: low bone mass\n', 'osteopenia'],
    ['Final diagnosis: osteoporosis (spine).\n', 'osteoporosis'],
    ['Diagnóstico: osteopenia\n', 'osteopenia'],
    ['Diagnose: Osteoporose\n', 'osteoporosis'],
  ])('%j', (text, cls) => {
    expect(who('Spine T-score -2.6. Hip T-score -1.4.\n' + text)).toEqual([cls]);
  });

  test('not a ruled-out, an uncertain or a legend class', () => {
    expect(who('Dx: r/o osteoporosis\n')).toEqual([]);
    expect(who('- dx: osteoporosis cannot be excluded\n')).toEqual([]);
    expect(who('Dx: T-score -2.5 or lower: osteoporosis\n')).toEqual([]);
  });
});

function ruleIds(text: string): string[] {
  return analyze(text).findings.map((f) => f.code);
}

describe('a bracket of fill marks after a label is an unfilled slot', () => {
  const rest =
    'Spine T-score -2.1. FRAX adjusted for TBS: major osteoporotic fracture 15%, hip fracture 2.7%.\nRadiologist: Dr. Ana Ruiz\n';
  test.each([
    ['TBS: [---]\n'],
    ['Trabecular bone score (L1-L4) [ ??? ]\n'],
    ['TBS value [xxx]\n'],
    ['TBS = [. . .]\n'],
  ])('%j', (text) => {
    const ids = ruleIds(text + rest);
    expect(ids).toContain('unfilled-placeholder');
    expect(ids).not.toContain('missing-tbs-value');
  });

  test('a ticked box, a footnote mark or a reference number is no slot', () => {
    const t = 'TBS 1.281 [x] reviewed. Spine T-score -2.1 [*]. See guideline [12].\n' + rest;
    expect(ruleIds(t)).not.toContain('unfilled-placeholder');
  });
});

describe('a patient line in another language gives the sex', () => {
  function sex(text: string): string | null {
    return analyze(text).elements.population?.sex ?? null;
  }
  test.each([
    ['Paciente: Sra. Rosa Díaz Ortega    Edad: 67 años\n', 'female'],
    ['Patient: Herr Klaus Bauer, geb. 03.04.1950\n', 'male'],
    ['Patientin: Huber, Anna    geb. 12.05.1948\n', 'female'],
    ['Nom : Mlle Claire Morel\n', 'female'],
    ['Patient : M. Jean Dupont, homme de 71 ans\n', 'male'],
  ])('%j', (text, s) => {
    expect(sex(text + 'Spine T-score -2.1.\n')).toBe(s);
  });

  test('a title that names a doctor, not the patient, gives no sex', () => {
    expect(sex('Médecin prescripteur : Dr Morvan\nSpine T-score -2.1.\n')).toBeNull();
    expect(sex('Referred by Sra. Dra. López.\nSpine T-score -2.1.\n')).toBeNull();
  });
});

describe('a pasted earlier report under a banner is history to the end', () => {
  const current =
    'FINDINGS:\nLumbar spine L1-L4 T-score -2.1. TBS 1.244.\nFRAX adjusted for TBS: major osteoporotic fracture 14%, hip fracture 2.9%.\n\nIMPRESSION:\nOsteopenia.\n\nSigned: Dr. Ana Ruiz\n\n';
  const prior =
    'Lumbar spine L1-L4 T-score -2.6. TBS 1.301.\nFRAX adjusted for TBS: major osteoporotic fracture 19%, hip fracture 4.1%.\nImpression: osteoporosis.\n';
  function read(text: string) {
    const e = analyze(text).elements;
    return {
      t: e.tScores.map((s) => s.value),
      tbs: e.tbs.map((v) => v.value),
      risks: e.risks.map((r) => r.value).sort((a, b) => a - b),
      who: e.whoStatements.map((w) => w.whoClass),
    };
  }
  const expected = { t: [-2.1], tbs: [1.244], risks: [2.9, 14], who: ['osteopenia'] };
  test.each([
    ['PREVIOUS STUDY 2023'],
    ['Informe previo (12/03/2023):'],
    ['------------------------------\nEarlier DXA report, for comparison'],
    ['## Compte rendu précédent'],
    ['Vorbefund vom 01.02.2023:'],
    ['OLD REPORT'],
  ])('%j', (banner) => {
    expect(read(current + banner + '\n' + prior)).toEqual(expected);
  });

  test('a sentence or a comparison header before this study is no banner', () => {
    expect(read('Prior study: none.\n' + current).t).toEqual([-2.1]);
    const text = 'Previous exam:\nNot available.\n\n' + current;
    expect(read(text)).toEqual(expected);
  });

  test('a study named in a comparison section above this report is no banner', () => {
    expect(read('COMPARISON:\nPRIOR DXA 03/2023 AVAILABLE FOR COMPARISON\n\n' + current)).toEqual(expected);
    expect(read('Previous study 2023 reviewed for comparison\n\n' + current)).toEqual(expected);
  });

  test('a header of this study after the block ends it: the block is no tail', () => {
    const text = 'PRIOR STUDY (2023):\nSee outside report.\n\nCURRENT STUDY:\n' + current;
    expect(read(text)).toEqual(expected);
  });
});

describe('a signature block: a titled name with a job-title line beside it', () => {
  const head = 'Spine T-score -2.6.\n\nImpression: osteoporosis.\n\n';
  function signers(text: string): string[] {
    return analyze(head + text).elements.providers.map((p) => p.text);
  }
  test.each([
    ['MUDr. Jana Svobodová\nRadiologist, Fakultní nemocnice Brno\n', 'Svobodová'],
    ['Assoc. Prof. Dr. Mehmet Kaya\nConsultant in Nuclear Medicine\n', 'Kaya'],
    ['Radiologist\nDr. Kofi Mensah\n', 'Mensah'],
    ['Dott.ssa Giulia Romano\nMedico specialista in Radiodiagnostica\n', 'Romano'],
    ['Consultant    Aoife Byrne, FFR RCSI\n', 'Byrne'],
    ['PD Dr. med. Lena Vogt\nOberärztin Radiologie\n', 'Vogt'],
  ])('%j', (text, name) => {
    const got = signers(text);
    expect(got.length).toBe(1);
    expect(got[0]).toContain(name);
    expect(got[0]).not.toMatch(/Consultant in|specialista|Oberärztin|Fakultní/);
  });

  test('a referring doctor, a cc line or a technologist is no signer', () => {
    expect(signers('Referring physician:\nDr. Paul Smith\nConsultant Endocrinologist\n')).toEqual([]);
    expect(signers('cc: Dr. Anna Berg\nRheumatologist\n')).toEqual([]);
    expect(signers('Technologist  Maria Lopez, RT(R)\n')).toEqual([]);
  });
});

describe('a legend bound after its value in other languages is no reading', () => {
  function z(text: string): number[] {
    return (analyze(text).elements.zScores ?? []).map((s) => s.value);
  }
  test.each([
    ["Z-score rachis -1,1. Un Z-score de -2,0 ou moins est dit « bas pour l'âge ».\n"],
    ['Z-Score LWS -1,1. Ein Z-Score von -2,0 oder weniger gilt als niedrig.\n'],
    ['Z-score coluna -1,1. Um Z-score de -2,0 ou menos é considerado baixo.\n'],
    ['Z-score colonna -1,1. Uno Z-score di -2,0 o inferiore indica una densità bassa.\n'],
  ])('%j', (text) => {
    expect(z(text)).toEqual([-1.1]);
  });

  test('a value without such a bound is read', () => {
    expect(z('Z-score rachis -2,3, ou moins que prévu.\n')).toEqual([-2.3]);
  });
});
