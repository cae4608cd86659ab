/** Shared generators: a clean study in a random layout, names, and small text helpers. */
import { hardWrap } from '../shared/wrap';
import { CREDENTIALS, FIRST_NAMES, LAST_NAMES } from './phrases';
import type { Rng } from './prng';
import type { Facts, Phrasing, Style } from './report';
import { defaultPhrasing, drawFacts, STYLES } from './report';

export const NAMES = { first: FIRST_NAMES, last: LAST_NAMES, creds: CREDENTIALS };

export interface Study {
  facts: Facts;
  phrasing: Phrasing;
}

/** A clean study in a random layout (or the given one). */
export function study(rng: Rng, style?: Style): Study {
  const facts = drawFacts(rng, NAMES);
  return { facts, phrasing: defaultPhrasing(style ?? rng.pick(STYLES)) };
}

/** Surname of a provider name ("Jane Van der Berg" -> "Van der Berg"). */
export function surname(name: string): string {
  const parts = name.split(' ');
  return parts.slice(1).join(' ');
}

/** Lower-cases a label unless it is an abbreviation. */
export function lowerLabel(l: string): string {
  return l.replace(/\b([A-Z][a-z]+)\b/g, (w) => w.toLowerCase());
}

export function fillTemplate(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? vars[k] : m));
}

/** Hard-wraps lines of prose longer than `width` at spaces (test/shared/wrap.ts); table-like lines stay. */
export function wrap(text: string, width: number): string {
  return hardWrap(text, width, (line) => /\S {2,}\S|\t|\|/.test(line));
}
