/**
 * Reports space their words unevenly ("Electronically  signed  by"). Patterns are written with
 * single spaces; `spaced` turns each such space (outside character classes, not quantified) into
 * "one or more spaces or tabs". The result stays linear-time: the runs sit between literals.
 */
export function spaced(re: RegExp): RegExp {
  const src = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    const next = src[i + 1];
    if (c === ' ' && next !== '?' && next !== '*' && next !== '+' && next !== '{') {
      out += '[ \\t]+';
      continue;
    }
    out += c;
  }
  return new RegExp(out, re.flags);
}
