/** JSON text helpers shared by the json and sarif formats. */

/**
 * In `skeleton` (a JSON.stringify(doc, null, 2) in which one array holds the single string `mark`),
 * puts `items` (each already serialised on one line) in the place of the mark, one item per line.
 * Large runs stay compact and fast (a pretty-printed file entry is ten times slower to write and
 * four times longer), and each file or result is still one greppable line.
 */
export function spliceItems(skeleton: string, mark: string, items: string[]): string {
  const token = `"${mark}"`;
  const at = skeleton.indexOf(token);
  if (at < 0) return skeleton;
  const lineStart = skeleton.lastIndexOf('\n', at) + 1;
  const pad = skeleton.slice(lineStart, at);
  return `${skeleton.slice(0, lineStart)}${items.map((i) => pad + i).join(',\n')}${skeleton.slice(at + token.length)}`;
}
