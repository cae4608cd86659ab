/** Template placeholders, found by one character pass (reading/placeholders.ts). */
import { describe, expect, test } from 'vitest';
import { findPlaceholders } from '../../server/src/engine/reading/placeholders';
import { makeDoc } from '../../server/src/engine/text';

const found = (text: string) => findPlaceholders(makeDoc(text)).map((p) => text.slice(p.start, p.end));

describe('placeholders', () => {
  test('blanks, empty and named fields', () => {
    expect(found('TBS: ___ and __')).toEqual(['___']);
    expect(found('[ ] [] [...] [ \u2026 ]')).toEqual(['[ ]', '[]', '[...]', '[ \u2026 ]']);
    expect(found('TBS [tbs value], by [Insert Name] on [date]')).toEqual(['[tbs value]', '[Insert Name]', '[date]']);
    // A field names what goes there with at most 20 characters either side of the word.
    expect(found(`[${'a'.repeat(19)} tbs]`)).toEqual([`[${'a'.repeat(19)} tbs]`]);
    expect(found(`[${'a'.repeat(20)} tbs]`)).toEqual([]);
    expect(found('[see note 1]')).toEqual([]);
  });

  test('asterisks, braces, angle brackets, entities', () => {
    expect(found('TBS *** and ***.')).toEqual(['***', '***']);
    expect(found('a*** ***a')).toEqual([]);
    expect(found('text\n  ***  \nmore')).toEqual([]); // a Markdown rule
    expect(found('{{tbs}} <name> &lt;name&gt;')).toEqual(['{{tbs}}', '<name>', '&lt;name&gt;']);
    expect(found(`{{${'a'.repeat(61)}}}`)).toEqual([]);
    expect(found(`<a${'b'.repeat(41)}>`)).toEqual([]);
  });

  test("an example value's x's and capital X fields", () => {
    expect(found('TBS 1.xxx, 1.xxa')).toEqual(['xxx']);
    expect(found('Date XX/XX/XXXX, phone XXX XXX XXXX')).toEqual(['XX/XX/XXXX', 'XXX XXX XXXX']);
    expect(found('karyotype 46,XX')).toEqual([]);
    expect(found('XX-XXa and XXa')).toEqual(['XX']);
  });
});
