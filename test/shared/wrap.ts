/**
 * Hard wrapping as a mail client or an editor does it, shared by the suites that wrap report text
 * (test/behaviour `inv.hard-wrap`, test/metamorphic `hard-wrap-72`, test/unit). Plain text helpers:
 * never imports the engine or its lexicon.
 */

/** Re-flows one line at `width` columns at spaces, keeping its leading indentation on every piece. */
export function wrapLine(line: string, width: number): string[] {
  const indent = /^[ \t]*/.exec(line)![0];
  const words = line.slice(indent.length).split(/ +/);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur === '') cur = w;
    else if (indent.length + cur.length + 1 + w.length <= width) cur += ' ' + w;
    else {
      out.push(indent + cur);
      cur = w;
    }
  }
  if (cur !== '') out.push(indent + cur);
  return out;
}

/**
 * Re-flows every line of `text` longer than `width` (`wrapLine`), except the lines `keep` keeps
 * (table rows); the text's own line ends (LF or CRLF) join the pieces.
 */
export function hardWrap(text: string, width: number, keep: (line: string) => boolean = () => false): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text
    .split(eol)
    .flatMap((line) => (line.length > width && !keep(line) ? wrapLine(line, width) : [line]))
    .join(eol);
}
