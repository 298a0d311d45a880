// kramdown span IALs: `{: .class #id}` written straight after a code span, link, image or
// emphasis gives that element the attributes (`` `x = 1`{:.language-ruby} ``) and shows nothing.
// A picture whose IAL names `standalone`, alone in its paragraph, is a figure in kramdown
// (converter/html.rb `convert_standalone_image`): <figure> with the paragraph's attributes (and
// the picture's id and class where the paragraph has none), the picture, and its alt text as
// caption. rehype-figures gives that figure the site's figure markup and viewer.
import type { Image, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { apply, collect, definitionsIn, type Attributes } from './remark-kramdown-attributes.ts';
import { isBareParagraph } from './remark-kramdown-lists.ts';

const SPAN_IAL = /^\{:(?![\w-]+:)\s*([^}]*)\}/;
const TARGETS = new Set(['inlineCode', 'link', 'image', 'emphasis', 'strong', 'linkReference', 'imageReference']);
/** On the <figure> of a standalone picture, until rehype-figures gives it the site's figure markup. */
export const STANDALONE_FIGURE_PROPERTY = 'dataKramdownStandalone';
/** `standalone` as a word of the IAL (kramdown keeps it among the list's references). */
const STANDALONE = /(?:^|\s)standalone(?=\s|$)/;

type Properties = Record<string, unknown>;
const propertiesOf = (node: Paragraph | Image): Properties => ((node.data ??= {}) as { hProperties?: Properties }).hProperties ??= {};

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The paragraph holding only a standalone picture, as kramdown's figure. */
function toFigure(paragraph: Paragraph, image: Image): void {
  const figure = propertiesOf(paragraph);
  const picture = propertiesOf(image);
  for (const key of ['className', 'id']) {
    if (picture[key] !== undefined && figure[key] === undefined) {
      figure[key] = picture[key];
      delete picture[key];
    }
  }
  figure[STANDALONE_FIGURE_PROPERTY] = '';
  paragraph.data!.hName = 'figure';
  // Raw HTML: the caption is the alt text as written (no typographic substitution).
  paragraph.children.push({ type: 'html', value: `<figcaption>${escapeHtml(image.alt ?? '')}</figcaption>` });
}

const remarkKramdownSpanIal: Plugin<[], Root> = () => (tree) => {
  let definitions: ReturnType<typeof definitionsIn> | undefined;
  const standalone = new Set<Image>();
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as PhrasingContent[];
    for (let index = 1; index < children.length; index++) {
      const text = children[index]!;
      const target = children[index - 1]!;
      if (text.type !== 'text' || !TARGETS.has(target.type)) continue;
      const match = SPAN_IAL.exec(text.value);
      if (!match) continue;
      definitions ??= definitionsIn(tree);
      const attributes: Attributes = { classes: [], other: {} };
      collect(match[1]!, definitions, attributes, new Set());
      apply(target as unknown as RootContent, attributes);
      if (target.type === 'image' && STANDALONE.test(match[1]!)) standalone.add(target);
      text.value = text.value.slice(match[0].length);
      if (text.value === '') children.splice(index, 1);
    }
  });
  if (standalone.size === 0) return;
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    // A list item's bare first paragraph has no <p> to become a figure (kramdown: "transparent").
    if (only?.type !== 'image' || !standalone.has(only) || (parent?.type === 'listItem' && index === 0 && isBareParagraph(parent))) return;
    toFigure(paragraph, only);
  });
};

export default remarkKramdownSpanIal;
