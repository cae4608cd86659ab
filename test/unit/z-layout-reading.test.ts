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
