/** Providers: signer labels, sign-off blocks, bare signatures; never an excluded role. */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

const names = (s: string) => analyze(s).elements.providers.map((p) => p.text);

describe('providers', () => {
  test('signer labels, abbreviated and amended', () => {
    expect(names('Electronically signed by: Jane Roe, MD')).toEqual(['Jane Roe, MD']);
    expect(names('Calc./reviewed ....... Jane Roe, MD')).toEqual(['Jane Roe, MD']);
    expect(names('Amended by: Dr. Jane Roe, MD 03/04/2025 15:41')).toEqual(['Dr. Jane Roe, MD']);
    expect(names('Addendum by:\nJane Roe MBBS FRCR')).toEqual(['Jane Roe MBBS FRCR']);
    expect(names('Primary interpreting staff: Jane Roe, MD')).toEqual(['Jane Roe, MD']);
    expect(names('Verifier e-signature: Jane Roe, MD 05/02/2025')).toEqual(['Jane Roe, MD']);
  });

  test('letter sign-offs', () => {
    expect(names('Osteopenia.\n\nYours sincerely,\n\nDr Tomasz Van der Berg M.D.\nConsultant Radiologist\n')).toEqual([
      'Dr Tomasz Van der Berg M.D.',
    ]);
    expect(names('Osteopenia.\n\nWith best wishes,\n\nCarlos Diaz, DO\nRadiologist\n')).toEqual(['Carlos Diaz, DO']);
    expect(names('Thank you for your referral. Dr Ann Bell, FRANZCR 04/09/2024')).toEqual(['Dr Ann Bell, FRANZCR']);
  });

  test('bare signatures near the end', () => {
    expect(names('Osteopenia.\n\nJane Roe, FRCPC\n')).toEqual(['Jane Roe, FRCPC']);
    expect(names('Osteopenia.\n\nDr Jane Roe\nConsultant Radiologist\n')).toEqual(['Dr Jane Roe']);
  });

  test('excluded roles are never the provider', () => {
    for (const s of [
      'Referring physician: Sam Poe, MD',
      'Ordered by: Sam Poe, MD',
      'cc: Sam Poe, MD',
      'Technologist: Sam Poe, RT',
      'Performed by (technologist): Sam Poe, RT',
    ])
      expect(names(s), s).toEqual([]);
    expect(names('Referring physician: Sam Poe, MD\nElectronically signed by: Jane Roe, MD')).toEqual(['Jane Roe, MD']);
  });

  test('a placeholder is the slot; a credential alone is no name', () => {
    const a = analyze('Signed: <name>');
    expect(a.elements.providers).toEqual([]);
    expect(a.elements.slots.map((s) => s.element)).toEqual(['provider']);
    expect(names('Electronically signed by: ___, MD')).toEqual([]);
  });
});
