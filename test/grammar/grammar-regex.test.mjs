// Static and runtime checks of syntaxes/radiology-report.tmLanguage.json that
// the scope assertions in *.radreport cannot make: the rule graph is closed,
// every regex compiles under Oniguruma, no regex can backtrack
// super-linearly (no unbounded quantifier over a group that has one, no
// variable-length lookbehind), and adversarial long lines tokenize fast.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const grammarUrl = new URL('../../syntaxes/radiology-report.tmLanguage.json', import.meta.url);
const grammarText = readFileSync(grammarUrl, 'utf8');
const grammar = JSON.parse(grammarText);
const SUFFIX = '.radiology-report';

/** Every rule object of the grammar, with a path for messages. */
function rules() {
  const out = [];
  const visit = (rule, path) => {
    out.push({ rule, path });
    for (const [i, r] of (rule.patterns ?? []).entries()) visit(r, `${path}.patterns[${i}]`);
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
      for (const [n, c] of Object.entries(rule[key] ?? {})) visit(c, `${path}.${key}[${n}]`);
    }
  };
  visit({ patterns: grammar.patterns }, 'patterns');
  for (const [name, r] of Object.entries(grammar.repository ?? {})) visit(r, `repository.${name}`);
  return out;
}

function regexes() {
  const out = [];
  for (const { rule, path } of rules()) {
    for (const key of ['match', 'begin', 'end', 'while'])
      if (typeof rule[key] === 'string') out.push({ path: `${path}.${key}`, src: rule[key] });
  }
  return out;
}

/**
 * Problems that make backtracking super-linear: an unbounded quantifier (*, +, {n,})
 * applied to a group whose body already holds one, and any quantifier inside a
 * lookbehind (Oniguruma needs a bounded lookbehind; we keep them fixed-length).
 */
function linearityProblems(src) {
  const problems = [];
  const stack = [{ unbounded: false, lookbehind: false }];
  let last = null; // the atom a following quantifier applies to: { group } or {}
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      last = {};
      continue;
    }
    if (c === '[') {
      i += 1;
      if (src[i] === '^') i += 1;
      if (src[i] === ']') i += 1;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : src[i] === '[' ? skipNested(src, i) : 1;
      i += 1;
      last = {};
      continue;
    }
    if (c === '(') {
      let lookbehind = false;
      i += 1;
      if (src[i] === '?') {
        i += 1;
        if (src[i] === '<' && (src[i + 1] === '=' || src[i + 1] === '!')) {
          lookbehind = true;
          i += 2;
        } else if (src[i] === '<') {
          i = src.indexOf('>', i) + 1;
        } else {
          i += 1;
        }
      }
      stack.push({ unbounded: false, lookbehind });
      last = null;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      const parent = stack[stack.length - 1];
      parent.unbounded ||= group.unbounded;
      last = { group };
      i += 1;
      continue;
    }
    const quant = /^(?:\*|\+|\?|\{\d+(?:,\d*)?\})/.exec(src.slice(i));
    if (quant && last) {
      const q = quant[0];
      const unbounded = q === '*' || q === '+' || /,\}$/.test(q);
      const exact = /^\{\d+\}$/.test(q);
      if (unbounded && last.group?.unbounded) problems.push(`nested unbounded quantifier '${q}' at ${i}`);
      if (!exact && stack.some((g) => g.lookbehind)) problems.push(`variable-length lookbehind ('${q}' at ${i})`);
      if (unbounded) stack[stack.length - 1].unbounded = true;
      i += q.length;
      if (src[i] === '?' || src[i] === '+') i += 1; // lazy / possessive suffix
      last = null;
      continue;
    }
    last = {};
    i += 1;
  }
  assert.equal(stack.length, 1, `unbalanced parentheses in ${src}`);
  return problems;
}

function skipNested(src, i) {
  // a nested class like [a-z&&[^q]] (Oniguruma): skip to its end
  let j = i + 1;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1 - i;
}

test('grammar identity and rule graph', () => {
  assert.equal(grammar.scopeName, 'text.radiology-report');
  const repo = Object.keys(grammar.repository);
  const includes = new Set();
  for (const { rule, path } of rules()) {
    if (rule.include) {
      assert.match(rule.include, /^#/, `${path}: only local includes`);
      assert.ok(repo.includes(rule.include.slice(1)), `${path}: ${rule.include} resolves`);
      includes.add(rule.include.slice(1));
    }
    if (rule.name)
      assert.ok(
        rule.name.split(' ').every((n) => n.endsWith(SUFFIX)),
        `${path}: scope ${rule.name} ends with ${SUFFIX}`,
      );
  }
  for (const key of repo) assert.ok(includes.has(key), `repository.${key} is used`);
});

test('every regex compiles under Oniguruma', async () => {
  const onig = require('vscode-oniguruma');
  await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  for (const { path, src } of regexes()) {
    assert.doesNotThrow(() => new onig.OnigScanner([src]).dispose(), `${path}: ${src}`);
  }
});

test('the linearity checker itself flags what it should', () => {
  assert.deepEqual(linearityProblems('(a+)+'), ["nested unbounded quantifier '+' at 4"]);
  assert.equal(linearityProblems('(?:[ \\t]*x)*').length, 1);
  assert.equal(linearityProblems('(?<=a+)b').length, 1);
  assert.deepEqual(linearityProblems('(?:[ \\t]*x)?[ \\t]*y{1,3}(?<![\\w.])'), []);
});

test('no regex nests unbounded quantifiers or has a variable-length lookbehind', () => {
  const failures = regexes().flatMap(({ path, src }) => linearityProblems(src).map((p) => `${path}: ${p}\n  ${src}`));
  assert.deepEqual(failures, []);
});

test('adversarial long lines tokenize in linear time', async () => {
  const tm = require('vscode-textmate');
  const onig = require('vscode-oniguruma');
  await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer).catch(() => {});
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new onig.OnigScanner(p),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async () => tm.parseRawGrammar(grammarText, grammarUrl.pathname),
  });
  const g = await registry.loadGrammar('text.radiology-report');
  const n = 40000;
  const lines = {
    spaces: ' '.repeat(n) + 'x',
    caps: 'A'.repeat(n),
    capsWords: 'ABC '.repeat(n / 4) + 'x',
    capsNoColon: 'INDICATION '.repeat(n / 11) + 'x',
    tbsSpaces: 'TBS' + ' '.repeat(n) + 'x',
    tbsRepeated: 'TBS L1-L4 : '.repeat(n / 12),
    tScoreSpaces: 'T-score' + ' '.repeat(n) + ':x',
    shortT: 'T '.repeat(n / 2),
    underscores: '_'.repeat(n),
    xRuns: 'X/'.repeat(n / 2),
    angles: '<a'.repeat(n / 2),
    braces: '{{'.repeat(n / 2),
    brackets: '['.repeat(n),
    digits: '1'.repeat(n),
    decimals: '1.'.repeat(n / 2),
    signs: '-1-'.repeat(n / 3),
    cpt: 'CPT '.repeat(n / 4),
    codes: '77091-'.repeat(n / 6),
    signature: 'Signed by '.repeat(n / 10),
    hashes: '#'.repeat(n),
    numberedCaps: '1. ' + 'AB '.repeat(n / 3) + 'x',
  };
  const slow = [];
  for (const [name, line] of Object.entries(lines)) {
    const start = performance.now();
    g.tokenizeLine(line, tm.INITIAL);
    const ms = performance.now() - start;
    if (process.env.SHOW_TIMES) console.log(name, ms.toFixed(1));
    if (ms > 1500) slow.push(`${name}: ${ms.toFixed(0)} ms for ${line.length} characters`);
  }
  assert.deepEqual(slow, []);
});
