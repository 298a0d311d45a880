// A kramdown block IAL straight after a code block (`{: #id .class key="value"}` on the line under
// the closing fence) gives the block its attributes, so a page script can find it by id.
// kramdown puts them on <pre>; here they go on <code> (mdast's code node carries properties only
// there), which a script's getElementById(...).textContent reads the same.
import type { Code, Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const IAL = /^\{:\s*([^}]*)\}$/;
const PART = /#([\w:-]+)|\.([\w-]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

export function parseBlockIal(text: string): Record<string, string | string[]> | undefined {
  const body = IAL.exec(text.trim())?.[1]?.trim();
  if (!body || body === 'toc') return undefined;
  const properties: Record<string, string | string[]> = {};
  const classes: string[] = [];
  for (const m of body.matchAll(PART)) {
    if (m[1]) properties.id = m[1];
    else if (m[2]) classes.push(m[2]);
    else if (m[3]) properties[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
  }
  if (classes.length > 0) properties.className = classes;
  return properties;
}

const remarkKramdownBlockIal: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
    if (!parent || index === undefined || index === 0) return undefined;
    const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    const previous = parent.children[index - 1];
    if (only?.type !== 'text' || previous?.type !== 'code') return undefined;
    // Only an IAL on the very next line belongs to the block.
    if (previous.position && paragraph.position && paragraph.position.start.line !== previous.position.end.line + 1) return undefined;
    const properties = parseBlockIal(only.value);
    if (!properties) return undefined;
    const code = previous as Code;
    // hProperties replace the element's class list: keep the language class the highlighter reads.
    if (properties.className && code.lang) properties.className = [`language-${code.lang}`, ...properties.className];
    code.data ??= {};
    code.data.hProperties = { ...(code.data.hProperties ?? {}), ...properties };
    parent.children.splice(index, 1);
    return index;
  });
};

export default remarkKramdownBlockIal;
