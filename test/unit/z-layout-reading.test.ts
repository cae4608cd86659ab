/**
 * Reading mechanisms added for held-out layouts (realistic set, Z* files): German site and side
 * words and signer roles, a unit stated for a whole table, HL7 v2 segments, trend tables with prior
 * rows under each site, terse pipe-separated notes. Each mechanism is tested with phrasings and
 * layouts other than the files that revealed it, and with neighbours that must not change.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const tScores = (text: string): string[] =>
  analyze(text)
    .elements.tScores.map((t) => `${t.site ?? '?'}:${t.value}`)
    .sort();
const providers = (text: string): string[] => analyze(text).elements.providers.map((p) => p.text);

describe('German site and side words', () => {
  test.each([
    ['Schenkelhals links  T-Score -2,4', 'left femoral neck:-2.4'],
    ['Femurhals re        T-Score -1,7', 'right femoral neck:-1.7'],
    ['Gesamthüfte rechts  T-Score -1,1', 'right total hip:-1.1'],
    ['Hüfte gesamt li     T-Score -0,8', 'left total hip:-0.8'],
    ['Lendenwirbelsäule   T-Score -3,0', 'L1-L4:-3'],
  ])('"%s" names its site', (line, want) => {
    const text = `Messergebnisse\n${line}\nTBS L1-L4 1,301\n`;
    expect(tScores(text)).toContain(want);
  });

  test('an English "re:" subject line gives no site to the values under it', () => {
    const text = 'Re: bone density\nLeft femoral neck T-score -2.1\nTBS 1.250\n';
    expect(tScores(text)).toEqual(['left femoral neck:-2.1']);
  });
});

describe('German signer roles', () => {
  test.each([
    ['Befundender Arzt: Dr. med. Jonas Albrecht', 'Albrecht'],
    ['Befundende Ärztin: Dr. Miriam Okafor-Lenz', 'Okafor-Lenz'],
    ['Oberarzt: PD Dr. Felix Wendtland', 'Wendtland'],
    ['Befundet von Dr. med. Sabine Kühnert', 'Kühnert'],
  ])('"%s" is the signer', (line, name) => {
    const text = `Schenkelhals li T-Score -2,2\nTBS 1,250\nFRAX: MOF 12 %, Hüfte 2,0 %\nBeurteilung: Osteopenie.\n\n${line}\n`;
    expect(providers(text).join(' ')).toContain(name);
  });
});

describe('a wall (pipe, box bar) ends the clause of the value before it', () => {
  test.each([
    ['L1-4 T -0.9 | L FN T -1.8 | L TH T -1.3', ['L1-L4:-0.9', 'left femoral neck:-1.8', 'left total hip:-1.3']],
    ['Spine T -2.4 | R neck T -2.0', ['L1-L4:-2.4', 'right femoral neck:-2']],
    ['Lt hip T -1.1 │ lumbar T -0.2', ['L1-L4:-0.2', 'left hip:-1.1']],
  ])('"%s"', (line, want) => {
    const got = tScores(`DXA today\n${line}\nTBS 1.301\n`);
    expect(got).toEqual([...want].sort());
  });

  test('a Markdown table with pipes still reads by its columns', () => {
    const text = [
      '| Site | BMD | T-score |',
      '|---|---|---|',
      '| L1-L4 | 0.912 | -1.4 |',
      '| Left femoral neck | 0.655 | -2.1 |',
      '',
      'TBS 1.280',
      '',
    ].join('\n');
    expect(tScores(text)).toEqual(['L1-L4:-1.4', 'left femoral neck:-2.1']);
  });

  test('without walls, a site after the value still names it ("T-score -2.1 at the left femoral neck")', () => {
    expect(tScores('T-score -2.1 at the left femoral neck.\nTBS 1.250\n')).toEqual(['left femoral neck:-2.1']);
  });
});

describe('abbreviated TBS category', () => {
  test.each(['TBS 1.262 (part. degraded)', 'TBS 1.262 - partially degr.', 'TBS 1.262, part degraded'])(
    '"%s" is partially degraded',
    (line) => {
      expect(analyze(`${line}\nL1-L4 T -1.2\n`).elements.categories.map((c) => c.category)).toEqual([
        'partially degraded',
      ]);
    },
  );
  test('"part of the degraded" words apart are no category', () => {
    expect(analyze('TBS 1.262\nL1-L4 T -1.2\nPart of the report.\n').elements.categories).toEqual([]);
  });
});

describe('age and sex glued after a spaced dash', () => {
  const pop = (text: string) => {
    const e = analyze(text).elements;
    return [e.age?.value ?? null, e.population?.sex ?? null];
  };
  test.each([
    ['DXA/TBS 2/20/26 -- 66M, prostate ca on ADT', [66, 'male']],
    ['Bone density 3/1/26 - 71F - on letrozole', [71, 'female']],
    ['DXA follow-up \u2013 58F', [58, 'female']],
  ])('"%s"', (line, want) => {
    expect(pop(`${line}\nL1-4 T -0.9\nTBS 1.297\n`)).toEqual(want);
  });
  test('a hyphenated code before a number is no clause start ("T-66M")', () => {
    expect(pop('Ref T-66M\nL1-4 T -0.9\nTBS 1.297\n')[0]).toBeNull();
  });
});

describe('trend table: a dated row under each site row is another study of that site', () => {
  const head = 'Region              Date         BMD     T-score   Change';
  test('newest first: the site row is this study, the row under it history', () => {
    const text = [
      head,
      'Lumbar spine        03/04/2026   0.901   -1.8      +2.0%',
      '                    03/01/2024   0.883   -2.0',
      'Right total hip     03/04/2026   0.744   -1.6      -0.5%',
      '                    03/01/2024   0.748   -1.6',
      'Right femoral neck  03/04/2026   0.640   -2.0',
      '                    03/01/2024   0.650   -1.9',
      '',
      'TBS 1.244',
      '',
    ].join('\n');
    expect(tScores(text)).toEqual(['L1-L4:-1.8', 'right femoral neck:-2', 'right total hip:-1.6']);
  });

  test('oldest first: the dated row under the site row is this study', () => {
    const text = [
      'Site              Exam        BMD (g/cm2)   T-score',
      'Left neck         2023-05-11  0.601         -2.4',
      '                  2025-05-14  0.622         -2.2',
      'L1-L4             2023-05-11  0.850         -2.3',
      '                  2025-05-14  0.871         -2.1',
      '',
      'TBS 1.212',
      '',
    ].join('\n');
    expect(tScores(text)).toEqual(['L1-L4:-2.1', 'left femoral neck:-2.2']);
  });

  test('a table of one row per site (no study rows under them) reads as before', () => {
    const text = [
      'Region              Date         BMD     T-score',
      'Lumbar spine        03/04/2026   0.901   -1.8',
      'Right femoral neck  03/04/2026   0.640   -2.0',
      '',
      'TBS 1.244',
      '',
    ].join('\n');
    expect(tScores(text)).toEqual(['L1-L4:-1.8', 'right femoral neck:-2']);
  });
});

describe('risk matrix: a column named only by its model beside its adjusted column', () => {
  const risks = (text: string): string[] =>
    analyze(text)
      .elements.risks.map((r) => `${r.kind}:${r.value}:${r.adjusted ? 'a' : 'u'}`)
      .sort();
  const doc = (header: string, rows: string[]) =>
    [
      'L1-L4 T-score -2.0',
      'TBS 1.227',
      '',
      '10-year fracture probability (%)',
      header,
      ...rows,
      '',
      'Impression: osteopenia.',
      '',
    ].join('\n');

  test.each([
    '                      FRAX      FRAX adjusted for TBS',
    '                      FRAX      FRAX+TBS',
    '                      FRAX      TBS-adjusted FRAX',
  ])('"%s"', (header) => {
    const text = doc(header, ['Major osteoporotic    13        16', 'Hip                   2.1       2.7']);
    expect(risks(text)).toEqual(['hip:2.1:u', 'hip:2.7:a', 'mof:13:u', 'mof:16:a']);
  });

  test('kind columns with a model cell: the model cell is no axis, the rows name the adjustment', () => {
    const text = doc('FRAX            MOF     Hip', ['Without TBS     14      2.2', 'With TBS        17      2.8']);
    expect(risks(text)).toEqual(['hip:2.2:u', 'hip:2.8:a', 'mof:14:u', 'mof:17:a']);
  });
});

describe('HL7 v2 segments: a coded label then its value field', () => {
  const obx = (rows: string[]) =>
    [
      'MSH|^~\\&|RIS|SITE|EHR|SITE|202603011200||ORU^R01|M1|P|2.5.1',
      'OBX|1|NM|38265-9^DXA Femur neck [T-score] Bone density^LN||-2.1|{T-score}|||||F',
      'OBX|2|NM|TBS^Trabecular bone score L1-L4^L||1.251||||||F',
      ...rows,
      '',
    ].join('\n');
  const who = (text: string) => analyze(text).elements.whoStatements.map((w) => w.whoClass);

  test.each([
    ['OBX|9|TX|SIGN^Interpreting radiologist^L||Farida Nazarova, MD||||||F', 'Nazarova'],
    ['OBX|9|ST|RAD^Reporting physician^99LOC||Dr. Tomasz Wierzbicki|||||F', 'Wierzbicki'],
    ['OBX|9|TX|SIG^Electronically signed by^L|||Helen Okonkwo-Baptiste, DO||||F', 'Okonkwo-Baptiste'],
  ])('signer segment "%s"', (seg, name) => {
    expect(providers(obx([seg])).join(' ')).toContain(name);
  });

  test.each([
    ['OBX|8|TX|IMP^Impression^L||Osteopenia. Partially degraded bone microarchitecture.||||||F', 'osteopenia'],
    ['OBX|8|FT|CONC^Conclusion^99LOC||Osteoporosis at the femoral neck.|||||F', 'osteoporosis'],
  ])('impression segment "%s"', (seg, cls) => {
    expect(who(obx([seg]))).toEqual([cls]);
  });

  test('a coded name with no value field after it is no label ("ORU^R01|M1")', () => {
    expect(providers(obx(['OBX|9|TX|NOTE^Comment^L||||||F']))).toEqual([]);
  });

  test('a referring doctor in a segment is no signer', () => {
    expect(providers(obx(['OBX|9|TX|REF^Referring physician^L||Dr. Ana Ruiz||||||F']))).toEqual([]);
  });
});
