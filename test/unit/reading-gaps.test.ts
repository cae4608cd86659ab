/**
 * Readings the engine does not have yet, each a test that fails today (vitest `test.fails`): when
 * one starts passing, the suite turns red until it is moved to an ordinary test.
 */
import { expect, test } from 'vitest';
import { analyze } from '../../server/src/engine';

// The trie matches leftmost-longest, so the adjustment cue "with TBS" swallows the TBS label after
// it. A cue that ends with a label should keep the label's meaning, but "repeat DXA with TBS in 1.5
// to 2 years" must then not read 1.5 as a TBS (fixture 156): both need the interval reading first.
test.fails('a TBS label inside an adjustment cue: "DXA with TBS L1-L4: 1.198" states the TBS', () => {
  expect(analyze('Re: DXA with TBS L1-L4: 1.198\n').elements.tbs.map((t) => t.value)).toEqual([1.198]);
});
