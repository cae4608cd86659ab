/** .tbsreportrc.json validation messages name the file and the key (issue 13, item 9). */
import { describe, expect, test } from 'vitest';
import { validateConfig } from '../../server/src/lsp/configCheck';

const F = '/ws/.tbsreportrc.json';

describe('validateConfig', () => {
  test('a valid file has nothing to say', () => {
    expect(
      validateConfig(F, {
        profile: '77089',
        severity: { 'missing-impression': 'off' },
        thresholds: 'legacy',
        labels: { tbs: ['Bone texture index'] },
        enable: true,
        debounceMs: 200,
      }),
    ).toEqual([]);
  });
  test('an unknown key is named, with a suggestion', () => {
    const m = validateConfig(F, { profil: '77091' });
    expect(m).toHaveLength(1);
    expect(m[0]).toContain(F);
    expect(m[0]).toContain('"profil"');
    expect(m[0]).toContain('did you mean "profile"');
  });
  test('bad values name the file and the key', () => {
    const m = validateConfig(F, {
      thresholds: '2024',
      severity: { 'missing-provider': 'loud' },
      enable: 'yes',
      debounceMs: -5,
    });
    for (const key of ['thresholds', 'missing-provider', 'enable', 'debounceMs'])
      expect(
        m.some((x) => x.startsWith(`${F}: `) && x.includes(key)),
        `${key}: ${JSON.stringify(m)}`,
      ).toBe(true);
  });
});
