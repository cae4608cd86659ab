// Snippets: the file parses, every prefix exists, the tbs-report template
// expands to snippets/template-defaults.radreport, and every slot starts as ___.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expandSnippet, listSlots, parseSnippet } from './expand-snippet.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const BLANK = '___';

const snippets = JSON.parse(read('snippets/radiology-report.code-snippets'));
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
const bodyText = (snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);

test('the snippets file is strict JSON with prefix, body and description for every snippet', () => {
  const entries = Object.entries(snippets);
  assert.ok(entries.length > 0);
  for (const [name, s] of entries) {
    assert.equal(typeof s.prefix, 'string', `${name}: prefix`);
    assert.ok(
      typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')),
      `${name}: body`,
    );
    assert.equal(typeof s.description, 'string', `${name}: description`);
    assert.ok(s.description.length >= 20, `${name}: description says what the snippet is for`);
    assert.doesNotThrow(() => parseSnippet(s.body), `${name}: body parses`);
  }
  const prefixes = entries.map(([, s]) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
});

test('every documented prefix exists', () => {
  for (const prefix of [
    'tbs-report',
    'tbs-value',
    'tbs-tscore',
    'tbs-model',
    'tbs-risk',
    'tbs-provider',
    'tbs-impression',
  ]) {
    assert.ok(byPrefix.has(prefix), `missing snippet ${prefix}`);
  }
});

test('expanding tbs-report gives exactly snippets/template-defaults.radreport', () => {
  const expected = read('snippets/template-defaults.radreport');
  assert.equal(expandSnippet(byPrefix.get('tbs-report').body), expected);
});

test('every tbs-report slot defaults to ___ (first choice ___), tab stops 1..35 then $0', () => {
  const slots = listSlots(byPrefix.get('tbs-report').body);
  const numbered = slots.filter((s) => s.index !== 0);
  assert.deepEqual(
    numbered.map((s) => s.index),
    Array.from({ length: 35 }, (_, i) => i + 1),
    'each of 1..20 once, in document order',
  );
  for (const slot of numbered) {
    assert.notEqual(slot.kind, 'tabstop', `$${slot.index} has a default`);
    assert.equal(slot.defaultText, BLANK, `slot ${slot.index} default`);
  }
  const finals = slots.filter((s) => s.index === 0);
  assert.equal(finals.length, 1, 'one final tab stop');
  assert.equal(finals[0].kind, 'tabstop');
  const choices = Object.fromEntries(numbered.filter((s) => s.kind === 'choice').map((s) => [s.index, s.options]));
  assert.deepEqual(choices, {
    1: [BLANK, '77080 + 77091', '77080-26 + 77092', '77089'],
    4: [BLANK, 'female', 'male'],
    5: [BLANK, 'postmenopausal', 'premenopausal', 'not applicable'],
    23: [BLANK, 'normal', 'partially degraded', 'degraded'],
  });
});

test('tbs-report keeps the labels the checker recognises', () => {
  const text = expandSnippet(byPrefix.get('tbs-report').body);
  const lines = text.split('\n');
  for (const label of [
    'EXAM: DXA lumbar spine and hip with trabecular bone score',
    'CPT: ___',
    'CLINICAL HISTORY: ___',
    'Age: ___   Sex: ___   Menopausal status: ___   BMI: ___ kg/m2',
    'Risk factors entered into FRAX: ___',
    'TECHNIQUE: Scanner ___; software version ___ (TBS iNsight).',
    'Vertebrae analysed: L1-L4; excluded: ___',
    'COMPARISON: ___; least significant change: ___',
    'FINDINGS:',
    'Region               BMD (g/cm2)   T-score   Z-score',
    'L1-L4                ___         ___       ___',
    'Left femoral neck    ___         ___       ___',
    'Left total hip       ___         ___       ___',
    'TRABECULAR BONE SCORE:',
    'TBS L1-L4: ___ (___ microarchitecture)',
    'FRACTURE RISK:',
    'Risk model: FRAX (country: ___), femoral neck BMD ___ g/cm2',
    'FRAX 10-year probability without TBS: major osteoporotic fracture ___%; hip fracture ___%',
    'TBS-adjusted FRAX 10-year probability: major osteoporotic fracture ___%; hip fracture ___%',
    'IMPRESSION:',
    'RECOMMENDATIONS: ___',
    'Follow-up DXA in: ___',
    'Interpreting physician: ___',
  ]) {
    assert.ok(lines.includes(label), `line missing: ${label}`);
  }
  assert.ok(
    text.endsWith('Interpreting physician: ___\n'),
    'the final tab stop sits on its own line after the provider',
  );
});

test('element snippets: bodies and their defaults', () => {
  const cases = {
    'tbs-value': ['TBS L1-L4: ${1:___}', 'TBS L1-L4: ___'],
    'tbs-tscore': [
      '${1|Left femoral neck,Right femoral neck,L1-L4,Left total hip,Right total hip|} T-score: ${2:___}',
      'Left femoral neck T-score: ___',
    ],
    'tbs-model': ['Risk model: ${1|___,FRAX,Garvan,QFracture,CAROC|}', 'Risk model: ___'],
    'tbs-risk': [
      'TBS-adjusted 10-year probability: major osteoporotic fracture ${1:___}%; hip fracture ${2:___}%',
      'TBS-adjusted 10-year probability: major osteoporotic fracture ___%; hip fracture ___%',
    ],
    'tbs-provider': ['Interpreting physician: ${1:___}', 'Interpreting physician: ___'],
    'tbs-impression': ['IMPRESSION:\n${1:___}', 'IMPRESSION:\n___'],
  };
  for (const [prefix, [body, expanded]] of Object.entries(cases)) {
    const snippet = byPrefix.get(prefix);
    assert.equal(bodyText(snippet), body, `${prefix} body`);
    assert.equal(expandSnippet(snippet.body), expanded, `${prefix} expansion`);
    for (const slot of listSlots(snippet.body)) {
      if (prefix === 'tbs-tscore' && slot.index === 1) continue; // the site choice starts on a real site
      assert.equal(slot.defaultText, BLANK, `${prefix} slot ${slot.index}`);
    }
  }
});

test('expandSnippet: tab stops, placeholders, choices, $0', () => {
  assert.equal(expandSnippet('a $1 b ${2} c $0'), 'a  b  c ');
  assert.equal(expandSnippet('x ${1:one} y ${0:end}'), 'x one y end');
  assert.equal(expandSnippet('${1|first,second|} / ${2|only|}'), 'first / only');
  assert.equal(expandSnippet(['line 1 ${1:a}', 'line 2 $0']), 'line 1 a\nline 2 ');
  assert.equal(expandSnippet('$12x'), 'x', 'multi-digit tab stop');
});

test('expandSnippet: mirrors take the value of their tab stop, nested defaults expand', () => {
  assert.equal(expandSnippet('$1 ${1:name} $1'), 'name name name');
  assert.equal(expandSnippet('${2|a,b|} $2'), 'a a');
  assert.equal(expandSnippet('${1:outer ${2:inner} end} $2'), 'outer inner end inner');
});

test('expandSnippet: escapes and literal dollars', () => {
  assert.equal(expandSnippet('cost \\$5 \\} \\\\ ${1:a\\}b}'), 'cost $5 } \\ a}b');
  assert.equal(expandSnippet('${1|a\\,b,c\\|d|}'), 'a,b');
  assert.equal(expandSnippet('${1|c\\|d,e|}'), 'c|d');
  assert.equal(expandSnippet('50$ and $ alone, ${ open'), '50$ and $ alone, ${ open');
  assert.equal(expandSnippet('${1:unterminated'), '${1:unterminated');
  assert.equal(expandSnippet('\\n stays'), '\\n stays', 'a backslash before other characters is literal');
});

test('expandSnippet: variables expand to their default or to nothing; transforms are refused', () => {
  assert.equal(expandSnippet('[$TM_FILENAME] [${CURRENT_YEAR}] [${UNKNOWN:fallback ${1:x}}]'), '[] [] [fallback x]');
  assert.throws(() => expandSnippet('${1/(.*)/${1:/upcase}/}'), /not supported/);
});
