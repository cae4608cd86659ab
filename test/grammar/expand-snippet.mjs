// Expands VS Code snippet syntax to the text the user sees after inserting the
// snippet and tabbing through it without typing: every placeholder keeps its
// default, every choice its first option, tab stops without a default (and $0)
// become empty, mirrors ($1 after ${1:x}) repeat the value of their tab stop.
//
// Grammar (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
//   any         ::= tabstop | placeholder | choice | variable | text
//   tabstop     ::= '$' int | '${' int '}'
//   placeholder ::= '${' int ':' any '}'
//   choice      ::= '${' int '|' text (',' text)* '|}'
//   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}'
// Escapes: '\$', '\}' and '\\' in text; '\,', '\|' and '\\' in choice options.
// Variables (TM_FILENAME, CURRENT_YEAR, ...) need an editor; they expand to
// their default, or to nothing. Transforms (${1/re/fmt/}) are not supported and
// throw, rather than silently produce text VS Code would not.

const DIGITS = /[0-9]/;
const VAR_START = /[_A-Za-z]/;
const VAR_PART = /[_A-Za-z0-9]/;

/**
 * @typedef {{ type: 'text', value: string }
 *   | { type: 'tabstop', index: number, children: Node[] | null, choices: string[] | null }
 *   | { type: 'variable', name: string, children: Node[] | null }} Node
 */

/** Parses a snippet body (string, or array of lines as in a snippets file). */
export function parseSnippet(body) {
  const src = Array.isArray(body) ? body.join('\n') : String(body);
  return new Parser(src).parseUntil(false);
}

/** The default text of a snippet body. */
export function expandSnippet(body) {
  const nodes = parseSnippet(body);
  const defaults = new Map();
  walk(nodes, (node) => {
    if (node.type !== 'tabstop' || defaults.has(node.index)) return;
    if (node.choices || (node.children && node.children.length > 0)) defaults.set(node.index, node);
  });
  const render = (list, depth) => {
    if (depth > 50) throw new Error('snippet nests too deeply');
    let out = '';
    for (const node of list) {
      if (node.type === 'text') out += node.value;
      else if (node.type === 'variable') out += node.children ? render(node.children, depth + 1) : '';
      else {
        const owner = node.choices || (node.children && node.children.length > 0) ? node : defaults.get(node.index);
        if (!owner) continue;
        out += owner.choices ? owner.choices[0] : render(owner.children, depth + 1);
      }
    }
    return out;
  };
  return render(nodes, 0);
}

/**
 * Every tab stop of a snippet in document order:
 * { index, kind: 'tabstop' | 'placeholder' | 'choice', defaultText, options }.
 * defaultText is the placeholder's own default (first option for a choice, '' for a bare tab stop).
 */
export function listSlots(body) {
  const slots = [];
  walk(parseSnippet(body), (node) => {
    if (node.type !== 'tabstop') return;
    if (node.choices)
      slots.push({ index: node.index, kind: 'choice', defaultText: node.choices[0], options: node.choices });
    else if (node.children)
      slots.push({
        index: node.index,
        kind: 'placeholder',
        defaultText: renderOwnDefault(node.children),
        options: null,
      });
    else slots.push({ index: node.index, kind: 'tabstop', defaultText: '', options: null });
  });
  return slots;
}

/** Renders a placeholder's own default (first options, nested defaults; bare tab stops empty). */
function renderOwnDefault(nodes) {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'variable') out += node.children ? renderOwnDefault(node.children) : '';
    else if (node.choices) out += node.choices[0];
    else if (node.children) out += renderOwnDefault(node.children);
  }
  return out;
}

function walk(nodes, visit) {
  for (const node of nodes) {
    visit(node);
    if (node.type !== 'text' && node.children) walk(node.children, visit);
  }
}

class Parser {
  constructor(src) {
    this.src = src;
    this.pos = 0;
  }

  /** Parses markers up to the end, or (inside a placeholder) up to an unescaped '}'. */
  parseUntil(insidePlaceholder) {
    const nodes = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '}' && insidePlaceholder) {
        flush();
        return nodes;
      }
      if (ch === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          this.pos = start + 1;
          text += '$';
        }
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    if (insidePlaceholder) return null; // unterminated: caller backtracks
    flush();
    return nodes;
  }

  /** At '$': returns a node and advances, or returns null (the '$' is literal). */
  parseDollar() {
    const s = this.src;
    let p = this.pos + 1;
    if (DIGITS.test(s[p] ?? '')) {
      const [index, end] = this.readInt(p);
      this.pos = end;
      return { type: 'tabstop', index, children: null, choices: null };
    }
    if (VAR_START.test(s[p] ?? '')) {
      const [name, end] = this.readName(p);
      this.pos = end;
      return { type: 'variable', name, children: null };
    }
    if (s[p] !== '{') return null;
    p += 1;
    if (DIGITS.test(s[p] ?? '')) {
      const [index, end] = this.readInt(p);
      p = end;
      if (s[p] === '}') {
        this.pos = p + 1;
        return { type: 'tabstop', index, children: null, choices: null };
      }
      if (s[p] === ':') {
        this.pos = p + 1;
        const children = this.parseUntil(true);
        if (children === null) return null;
        this.pos += 1; // the closing '}'
        return { type: 'tabstop', index, children, choices: null };
      }
      if (s[p] === '|') {
        const choice = this.readChoices(p + 1);
        if (!choice) return null;
        this.pos = choice.end;
        return { type: 'tabstop', index, children: null, choices: choice.options };
      }
      if (s[p] === '/')
        throw new Error(`snippet transforms are not supported (tab stop ${index} at offset ${this.pos})`);
      return null;
    }
    if (VAR_START.test(s[p] ?? '')) {
      const [name, end] = this.readName(p);
      p = end;
      if (s[p] === '}') {
        this.pos = p + 1;
        return { type: 'variable', name, children: null };
      }
      if (s[p] === ':') {
        this.pos = p + 1;
        const children = this.parseUntil(true);
        if (children === null) return null;
        this.pos += 1;
        return { type: 'variable', name, children };
      }
      if (s[p] === '/')
        throw new Error(`snippet transforms are not supported (variable ${name} at offset ${this.pos})`);
      return null;
    }
    return null;
  }

  readInt(p) {
    let end = p;
    while (DIGITS.test(this.src[end] ?? '')) end += 1;
    return [Number(this.src.slice(p, end)), end];
  }

  readName(p) {
    let end = p + 1;
    while (VAR_PART.test(this.src[end] ?? '')) end += 1;
    return [this.src.slice(p, end), end];
  }

  /** Options after '${n|' up to '|}'; null if the choice is malformed. */
  readChoices(p) {
    const s = this.src;
    const options = [];
    let current = '';
    while (p < s.length) {
      const ch = s[p];
      if (ch === '\\' && (s[p + 1] === ',' || s[p + 1] === '|' || s[p + 1] === '\\')) {
        current += s[p + 1];
        p += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        p += 1;
      } else if (ch === '|') {
        if (s[p + 1] !== '}') return null;
        options.push(current);
        return { options, end: p + 2 };
      } else {
        current += ch;
        p += 1;
      }
    }
    return null;
  }
}
