/** unfilled-placeholder: a template leftover is still in the report. */
import { ELEMENT_NAMES } from '../profiles';
import type { Slot } from '../types';
import type { Rule } from './helpers';
import { ALL_PROFILES, finding } from './helpers';

/** A placeholder as quoted in a message: long ones are cut, so the message stays one short line. */
function quoted(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 24 ? `${t.slice(0, 23)}…` : t;
}

export const rule: Rule = {
  id: 'unfilled-placeholder',
  severity: 'warning',
  profiles: ALL_PROFILES,
  summary: 'A template placeholder (___, [ ], [...], XX, ***, <...>, {{...}}) is still in the report.',
  source: 'domain reference section 4',
  docs: 'docs/rules/unfilled-placeholder.md',
  order: 70,
  check({ elements }) {
    const slotAt = new Map<number, Slot>();
    for (const s of elements.slots) slotAt.set(s.span.start, s);
    return elements.placeholders.map((p) => {
      const slot = slotAt.get(p.span.start);
      return finding(
        rule,
        p.range,
        slot
          ? `The ${ELEMENT_NAMES[slot.element]} is still the placeholder "${quoted(p.text)}": fill it in or remove it.`
          : `Template placeholder "${quoted(p.text)}" is still in the report: replace it or remove it.`,
      );
    });
  },
};
