// Footnotes as Jekyll's kramdown writes them, so the anchors notes and their readers link to keep
// their URLs: a reference is `<sup id="fnref:NAME"><a href="#fn:NAME" class="footnote">N</a></sup>`
// (a repeated one `fnref:NAME:1`, `:2`, …, with the same number), and the notes go in a
// `<div class="footnotes"><ol><li id="fn:NAME">` at the end of the page, each with a `↩` link back
// to every reference (`↩²`, `↩³` for the repeats) at the end of its last paragraph, or in a
// paragraph of its own when the note ends in another block. remark-gfm finds the references and
// definitions; this plugin applies kramdown's rules to them (parser/kramdown/footnote.rb,
// converter/html.rb):
// - NAME is as written (`[^note]` → `fn:note`), case-sensitive, `\w[\w-]*`; a reference whose
//   name has no definition written exactly so stays text (GFM would match `[^Note]` to `[^note]:`);
// - numbers follow the order of first references on the page, then of references inside notes;
// - a definition written twice: the last one counts; one never referenced is left out.
// Unreferenced definitions and references to nothing are reported at their line.
import type { FootnoteDefinition, FootnoteReference, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Node, Parent } from 'unist';
import { noteLine, type NoteContext } from '../note-context.ts';
import { SKIP, visit } from '../visit.ts';

export const FOOTNOTE_CODE = 'footnote';

/** kramdown's footnote name (ALD_ID_NAME; Ruby's `\w` is ASCII). */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
/** A reference as kramdown reads it in text: what GFM leaves as text when nothing is defined. */
const WRITTEN_REFERENCE = /\[\^([A-Za-z0-9_][A-Za-z0-9_-]*)\]/g;

interface Footnote {
  name: string;
  number: number;
  definition: FootnoteDefinition;
  /** References made so far; the first has no `:n` suffix. */
  references: number;
}

/** An element for remark-rehype to write as it is (tag and attributes in `data`). */
function element(tagName: string, properties: Record<string, unknown>, children: Node[]): PhrasingContent {
  return { type: 'kramdownFootnoteElement', data: { hName: tagName, hProperties: properties }, children } as unknown as PhrasingContent;
}

const text = (value: string): Text => ({ type: 'text', value });

/** Definitions by name (the last written wins, as in kramdown), taken out of the tree. */
function takeDefinitions(tree: Root): Map<string, FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, (node, index, parent) => {
    if (node.type !== 'footnoteDefinition' || !parent || index === undefined) return undefined;
    const definition = node as FootnoteDefinition;
    definitions.set(definition.label ?? definition.identifier, definition);
    (parent as Parent).children.splice(index, 1);
    return [SKIP, index];
  });
  return definitions;
}

/** Warns at every `[^name]` left as text in `tree` (no definition at all), where it is written so. */
function warnUnresolved(tree: Node, source: string, context: NoteContext): void {
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !node.value.includes('[^')) return;
    const written = source.slice(start, end);
    for (const match of written.matchAll(WRITTEN_REFERENCE)) {
      if (written[match.index - 1] === '\\') continue;
      const line = context.lineMap.map(node.position!.start.line + (written.slice(0, match.index).match(/\n/g)?.length ?? 0));
      context.diagnostics.warn(context.file, line, FOOTNOTE_CODE, `footnote [^${match[1]}] has no definition ([^${match[1]}]: …), so it shows as text`);
    }
  });
}

/** The `↩` links back to each reference, added to the note's last paragraph or a new one. */
function addBacklinks(footnote: Footnote): RootContent[] {
  const children = [...footnote.definition.children] as RootContent[];
  const links: PhrasingContent[] = [];
  for (let repeat = 0; repeat < footnote.references; repeat++) {
    const id = repeat === 0 ? footnote.name : `${footnote.name}:${repeat}`;
    const label: Node[] = repeat === 0 ? [text('↩')] : [text('↩'), element('sup', {}, [text(String(repeat + 1))])];
    if (repeat > 0 || children.at(-1)?.type === 'paragraph') links.push(text('\u00a0'));
    links.push(element('a', { href: `#fnref:${id}`, className: ['reversefootnote'], role: 'doc-backlink' }, label));
  }
  const last = children.at(-1);
  if (last?.type === 'paragraph') children[children.length - 1] = { ...last, children: [...last.children, ...links] } as Paragraph;
  else children.push({ type: 'paragraph', children: links });
  return children;
}

const remarkKramdownFootnotes: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  const source = String(file.value);
  const definitions = takeDefinitions(tree);
  const footnotes: Footnote[] = [];
  const byName = new Map<string, Footnote>();

  /** References in `node` become kramdown's markers, numbered in the order met. */
  const number = (node: Node): void => {
    visit(node, 'footnoteReference', (reference: FootnoteReference, index, container) => {
      if (!container || index === undefined) return undefined;
      const parent = container as Parent;
      const name = reference.label ?? reference.identifier;
      const definition = NAME.test(name) ? definitions.get(name) : undefined;
      if (!definition) {
        // GFM matched a definition kramdown does not (other case, a name kramdown does not allow).
        parent.children.splice(index, 1, text(`[^${name}]`));
        if (context) context.diagnostics.warn(context.file, noteLine(context, reference), FOOTNOTE_CODE, `footnote [^${name}] has no definition written exactly so (kramdown matches names case-sensitively), so it shows as text`);
        return undefined;
      }
      let footnote = byName.get(name);
      if (!footnote) {
        footnote = { name, number: footnotes.length + 1, definition, references: 0 };
        footnotes.push(footnote);
        byName.set(name, footnote);
      }
      const id = footnote.references === 0 ? name : `${name}:${footnote.references}`;
      footnote.references++;
      parent.children.splice(
        index,
        1,
        element('sup', { id: `fnref:${id}`, role: 'doc-noteref' }, [element('a', { href: `#fn:${name}`, className: ['footnote'], rel: ['footnote'] }, [text(String(footnote.number))])]),
      );
      return undefined;
    });
  };

  number(tree);
  // Notes referenced only from other notes are numbered as kramdown converts them: after the page.
  for (let index = 0; index < footnotes.length; index++) number(footnotes[index]!.definition);

  if (context) {
    warnUnresolved(tree, source, context);
    for (const footnote of footnotes) warnUnresolved(footnote.definition, source, context);
    for (const [name, definition] of definitions) {
      if (!byName.has(name)) context.diagnostics.warn(context.file, noteLine(context, definition), FOOTNOTE_CODE, `footnote [^${name}] is defined but never referenced, so it is left out (as Jekyll does)`);
    }
  }
  if (footnotes.length === 0) return;
  // kramdown also writes role="doc-endnote" on each item: a role ARIA has deprecated (a list item
  // in doc-endnotes says as much), which accessibility checkers report; left out.
  const items = footnotes.map((footnote) => element('li', { id: `fn:${footnote.name}` }, addBacklinks(footnote) as Node[]));
  tree.children.push(element('div', { className: ['footnotes'], role: 'doc-endnotes' }, [element('ol', {}, items)]) as unknown as RootContent);
};

export default remarkKramdownFootnotes;
