/**
 * The performing / signing provider: "Electronically signed by: Jane Roe, MD", "Interpreting
 * physician: ...", "Calculated and reviewed by ...". Never a referring or ordering clinician, a cc
 * recipient or a technologist.
 */
import { spaced } from '../regex';
import type { Ctx } from '../context';
import { literalHits, MAX_MENTIONS, range } from '../context';
import { lineNorm, lineOf, lineText } from '../text';
import type { Provider, Slot, Span } from '../types';

const LABEL = spaced(
  new RegExp(
    '\\/s\\/|\\b(?:' +
      [
        'electronically signed(?: and verified)?(?: by)?',
        'signed electronically(?: by)?',
        'e-?signed(?: by)?',
        'digitally signed(?: by)?',
        'signature on file',
        'printed name',
        '(?:reviewed|read|calculated|interpreted|verified|approved|dictated|reported|performed|authenticated|authori[sz]ed|finali[sz]ed|signed(?: off)?|seen|examined|evaluated)(?: (?:and|&) (?:reviewed|interpreted|signed|electronically signed|calculated|verified|approved|reported|examined|evaluated))?(?: by)',
        'signed',
        'signature',
        '(?:interpreting|reading|reporting|attending|reviewing|performing|signing|supervising|staff|consultant) (?:physician|radiologist|provider|endocrinologist|clinician|doctor|specialist|md)',
        'attending',
        'interpreter',
        'radiologist',
        'endocrinologist',
        'bone health specialist',
        'provider',
        'physician',
      ].join('|') +
      ')(?![a-z])',
    'g',
  ),
);

/** A signature block's name line and the role line under it, and "Dr. med. Name, Facharzt FMH ...". */
const DR_NAME_LINE = /^\s*Dr\.?(?: med\.)? [A-Z][A-Za-z\u00c0-\u017f'-]+(?: [A-Z][A-Za-z\u00c0-\u017f.'-]+){1,3}\s*$/;
const ROLE_LINE =
  /^\s*(?:Consultant |Senior |Attending )?(?:Radiologist|Radiologue|Endocrinologist|Rheumatologist|Specialist|Physician|M[ée]decin|Medico|Facharzt|Fach[äa]rztin|Especialista)\b/;
const SIGNER_WITH_ROLE =
  /^\s*Dr[a]?\.?(?: med\.)? [A-Z][A-Za-z\u00c0-\u017f'-]+(?: [A-Z][A-Za-z\u00c0-\u017f.'-]+){1,3},? (?:Facharzt|Fach[äa]rztin|FMH|Consultant|Radiologist|Radiologue|Specialist|Especialista|Medico|M[ée]decin|Endocrinologist)\b/;

/** A bare signature line: "Jane Roe, MD", "— Jane Roe, MBChB FRCR", "/s/ Jane Roe, MD". */
const SIGNER_WITH_CREDENTIAL =
  /^\s*(?:[-\u2013\u2014]+ ?|\/s\/ ?)?[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){1,3},? (?:M\.?D|D\.?O|MBBS|MBChB|MB ?BS|PhD|FRCPC|FRCP|FRCR|FRACP|FRANZCR|MRCP)\b/;
/** After a signature dash or "/s/": "— Dr Jane Roe (Radiology)". */
const DASH_SIGNED_DR =
  /^\s*(?:[-\u2013\u2014]+|\/s\/) ?Dr\.? [A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z.'-]+){1,3}(?: \([A-Z][A-Za-z ]{2,30}\))?\s*$/;

/** A date, and maybe a time, standing before a name. */
const STAMP = /^(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d\d-\d\d)(?:[ t]\d{1,2}:\d\d(?::\d\d)?(?: ?[ap]\.?m\.?)?)?/;

/** Where the part of a line that holds `offset` starts: after the last wide gap (3+ spaces or a tab) before it. */
function segmentStart(norm: string, lineStart: number, offset: number): number {
  const from = Math.max(lineStart, offset - 200);
  const before = norm.slice(from, offset);
  const spaces = before.lastIndexOf('   ');
  const tab = before.lastIndexOf('\t');
  const gap = Math.max(spaces >= 0 ? spaces + 3 : -1, tab >= 0 ? tab + 1 : -1);
  // Without a gap in the last 200 characters the part starts there (a bound for hostile lines).
  return gap < 0 ? from : from + gap;
}

/** A date and time between a signing label and its "by". */
const DATED_BY = /^ ?(?:on|at) [\d/.:\- ]{4,30}?(?: ?[ap]\.?m\.?)? ?by\b/;

/** Words before a label that make the person someone other than the provider. */
const EXCLUDED_BEFORE = spaced(
  /(?:referring|referred|ordering|ordered|requesting|requested|primary care|pcp|copy|copies|cc|technologist|tech|scheduling|attending of record for|co-?signer for)\W*$/,
);
const EXCLUDED_LINE = spaced(
  /^\W*(?:cc|bcc|copy to|copies to|referring|ordered|ordering|requested|requesting|technologist|pcp|primary care)\b/,
);
const CREDENTIAL =
  /\b(?:m\.?d|d\.?o|mbbs|mbchb|ph\.?d|frcpc|frcp|frcr|fracp|franzcr|mrcp|facr|ccd|facp|face|dnp|np|pa-c|pa|msc|mph|dm)\b\.?/;
const TECH_ONLY = /\b(?:rt|rt\(r\)|cdt|rdms|arrt|bd)\b/;

function validName(textNorm: string): boolean {
  const t = textNorm.trim();
  if (!t || /^\d/.test(t) || !/[a-z]{2}/.test(t)) return false;
  if (
    /^(?:on|at|date|time|the|n\/a|none|pending|tbd|tba|to follow|to be (?:determined|named|assigned|confirmed)|unknown|not (?:yet )?signed|unsigned)\b/.test(
      t,
    )
  )
    return false;
  if (TECH_ONLY.test(t) && !CREDENTIAL.test(t)) return false;
  return true;
}

/** The name part after a label: up to a date, " on ", a time or the end of the line. */
function nameSpan(ctx: Ctx, from: number, lineEnd: number): Span {
  const { norm } = ctx.doc;
  let s = from;
  // Markdown emphasis around a label ("**Signed by:** Jane Roe") is not part of the name.
  // A run of three underscores is a placeholder, not emphasis: stop there.
  while (s < lineEnd && /[\s:;\-–—=*_.]/.test(norm[s]) && !norm.startsWith('___', s)) s++;
  // "Electronically Signed: 03/18/2025 10:42 AM — Jane Roe, MD": a time stamp before the name.
  const stamp = STAMP.exec(norm.slice(s, Math.min(lineEnd, s + 40)));
  if (stamp) {
    s += stamp[0].length;
    while (s < lineEnd && /[\s:;\-–—=*_.,]/.test(norm[s]) && !norm.startsWith('___', s)) s++;
  }
  let e = Math.min(lineEnd, s + 120);
  const rest = norm.slice(s, e);
  const stop = /\s(?:on|at)\s+\d|\s\d{1,2}\/\d{1,2}\/\d{2,4}|\s\d{4}-\d\d-\d\d|\s\d{1,2}:\d\d|\s{3,}|\s*[;|]/.exec(
    rest,
  );
  if (stop) e = s + stop.index;
  // A sentence end, but not after a title or an initial ("Dr. Jane Roe", "Jane Q. Roe").
  const dot = /\.\s/g;
  let d: RegExpExecArray | null;
  while ((d = dot.exec(rest)) !== null && s + d.index < e) {
    // The word before the dot, read backwards (not /([a-z]+)$/: quadratic on a long word).
    let w = d.index;
    while (w > 0 && rest.charCodeAt(w - 1) >= 97 && rest.charCodeAt(w - 1) <= 122) w--;
    const word = rest.slice(w, d.index);
    if (word && (word.length === 1 || /^(?:dr|mr|mrs|ms|prof|med|st|jr|sr|mt)$/.test(word))) continue;
    e = s + d.index;
    break;
  }
  while (e > s && /[\s,.*_\-–—]/.test(norm[e - 1]) && !norm.endsWith('___', e)) e--;
  return { start: s, end: e };
}

export function extractProviders(ctx: Ctx, slots: Slot[]): Provider[] {
  const out: Provider[] = [];
  const { doc } = ctx;
  const n = doc.lines.length;
  const labelHits: Array<{ line: number; seg: number; start: number; end: number }> = [];
  // One pass over the document; the first label on each line counts, or on each part of a line
  // set off by a wide gap ("Technologist: A, RT      Interpreting physician: B, MD").
  let lastSeg = -1;
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(doc.norm)) !== null) {
    const line = lineOf(doc, m.index);
    if (ctx.tableLine[line]) continue;
    const l = doc.lines[line];
    const seg = segmentStart(doc.norm, l.start, m.index);
    if (seg === lastSeg) continue;
    lastSeg = seg;
    if (EXCLUDED_LINE.test(doc.norm.slice(seg, Math.min(l.end, seg + 40)))) continue;
    labelHits.push({ line, seg, start: m.index, end: m.index + m[0].length });
  }
  for (const hit of literalHits(ctx, ctx.settings.labels.provider)) {
    const line = lineOf(doc, hit.start);
    labelHits.push({ line, seg: segmentStart(doc.norm, doc.lines[line].start, hit.start), ...hit });
  }

  for (const hit of labelHits.slice(0, MAX_MENTIONS)) {
    const l = doc.lines[hit.line];
    const before = doc.norm.slice(hit.seg, hit.start);
    if (EXCLUDED_BEFORE.test(before)) continue;
    // A label must open its clause: "Radiologist: X" yes, "discussed with the radiologist" no.
    if (
      /[a-z0-9]\s*$/.test(before) &&
      !/(?:(?:report|study|exam|result)s?(?: (?:was|is|has been|were))?|(?:dictated|reviewed|read|interpreted|approved|verified|seen|examined|evaluated|calculated|transcribed) (?:and|&))\s*$/.test(
        before,
      )
    )
      continue;
    const after = doc.norm.slice(hit.end, l.end);
    // "Signed" needs a colon or "by" and a name; "physician" alone needs a colon.
    if (
      /^(?:signed|signature|provider|physician|radiologist|endocrinologist|interpreter|attending)$/.test(
        doc.norm.slice(hit.start, hit.end),
      ) &&
      !/^\s*(?:[:\-–—=]|\.{3,})/.test(after)
    )
      continue;
    // "Electronically signed on 05/14/2025 09:03 by Jane Roe, MD": the date stands before "by".
    const dated = DATED_BY.exec(after);
    let span = nameSpan(ctx, dated ? hit.end + dated[0].length : hit.end, l.end);
    if (span.end <= span.start) {
      // The name may stand on the next line: "Electronically signed by:\nJane Roe, MD".
      const next = hit.line + 1;
      if (next < n && !ctx.blankLine[next] && !ctx.headerLine[next]) {
        const nl = doc.lines[next];
        span = nameSpan(ctx, nl.start, nl.end);
      }
    }
    if (span.end <= span.start) continue;
    const ph = ctx.placeholders.find((p) => p.start >= span.start && p.start < span.end);
    if (ph) {
      // "________ Jane Roe, MD": a name with a credential typed after the signature line fills it.
      const rest = ph.start === span.start ? nameSpan(ctx, ph.end, span.end) : null;
      if (
        rest &&
        rest.end > rest.start &&
        CREDENTIAL.test(doc.norm.slice(rest.start, rest.end)) &&
        validName(doc.norm.slice(rest.start, rest.end))
      ) {
        span = rest;
      } else {
        slots.push({ element: 'provider', span: ph, range: range(ctx, ph) });
        continue;
      }
    }
    const nameNorm = doc.norm.slice(span.start, span.end);
    if (!validName(nameNorm)) continue;
    // "Electronically signed by:" on the next line is another label, not a name.
    LABEL.lastIndex = 0;
    const lab = LABEL.exec(nameNorm);
    if ((lab && lab.index === 0) || /:\s*$/.test(nameNorm)) continue;
    out.push({
      text: doc.text.slice(span.start, span.end),
      label: doc.text.slice(hit.start, hit.end),
      span,
      range: range(ctx, span),
    });
  }

  // A bare signature line near the end: "Jane Roe, MD".
  if (!out.length) {
    let seen = 0;
    for (let line = n - 1; line >= 0 && seen < 6; line--) {
      if (ctx.blankLine[line]) continue;
      seen++;
      const text = lineNorm(doc, line);
      if (EXCLUDED_LINE.test(text) || text.includes(':') || text.length > 80) continue;
      const raw = lineText(doc, line);
      // "Dr Jane Roe" above a role line ("Radiologist (médecin radiologue)", "Consultant Radiologist").
      const below = line + 1 < n ? lineText(doc, line + 1) : '';
      const drAboveRole = DR_NAME_LINE.test(raw) && ROLE_LINE.test(below);
      if (drAboveRole || SIGNER_WITH_ROLE.test(raw) || SIGNER_WITH_CREDENTIAL.test(raw) || DASH_SIGNED_DR.test(raw)) {
        const l = doc.lines[line];
        const lead = raw.length - raw.replace(/^\s*(?:[-\u2013\u2014]+ ?|\/s\/ ?)?/, '').length;
        const span = { start: l.start + lead, end: l.start + raw.trimEnd().length };
        out.push({ text: doc.text.slice(span.start, span.end), label: '', span, range: range(ctx, span) });
        break;
      }
    }
  }
  // An attestation: "I, Dr. Jane Roe, have personally reviewed the images and the TBS calculation".
  if (!out.length) {
    const m = ATTESTATION.exec(doc.norm);
    if (m) {
      const start = m.index + m[0].indexOf(m[1]);
      const span = { start, end: start + m[1].length };
      out.push({ text: doc.text.slice(span.start, span.end), label: '', span, range: range(ctx, span) });
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

const ATTESTATION = spaced(
  /\bi, ((?:dr\.? )?[a-z][a-z'-]+(?: [a-z]\.?)?(?: [a-z][a-z'-]+){1,2}(?:,? (?:m\.?d|d\.?o|mbbs|mbchb|frcr|frcpc|frcp|facr|ph\.?d)\.?)*),? (?:have |has )?(?:personally )?(?:reviewed|interpreted|performed|examined|read)\b/,
);
