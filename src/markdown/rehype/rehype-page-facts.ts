// What the layouts and the link checker need to know about the finished page, read from its final
// tree (never back out of the HTML string): every id, whether a figure can be enlarged, the first
// picture, and whether the note opens with its own <h1>.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { FIGURE_ENLARGE } from '../../shared/markup.ts';
import { classesOf } from '../hast.ts';
import { collectPageIds } from '../page-ids.ts';

const isFirstPicture = (el: Element): boolean => el.tagName === 'img' && typeof el.properties.src === 'string' && el.properties.src !== '';

const rehypePageFacts: Plugin<[], Root> = () => (tree, file) => {
  const note = file.data.note;
  if (!note) return;
  note.ids = collectPageIds(tree);
  let hasFigures = false;
  let image: string | undefined;
  visit(tree, 'element', (el) => {
    hasFigures ||= classesOf(el).includes(FIGURE_ENLARGE);
    if (image === undefined && isFirstPicture(el)) image = el.properties.src as string;
  });
  const first = tree.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  note.facts = { hasFigures, image, opensWithH1: first?.type === 'element' && first.tagName === 'h1' };
};

export default rehypePageFacts;
