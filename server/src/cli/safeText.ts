/**
 * Text from outside (file names, quoted report text, error messages) made safe for a terminal and a
 * CI log: every control character (C0, DEL, C1: line breaks, ESC and so terminal escape sequences),
 * the Unicode line and paragraph separators and the bidirectional controls (which reorder what a
 * reader sees) are written as visible escapes (\n, \t, \r, \x1b, \u202e). One output line stays one
 * line, so a file name holding "\n::error ..." cannot start a line that a CI system reads as a
 * command. Backslashes are kept as they are (Windows paths).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function safeText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
