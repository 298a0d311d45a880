// Code blocks highlighted at build time by Shiki (@shikijs/rehype), light and dark themes.
// Shiki is started only for a note that has a code block: its start costs ~0.3 s, which a site
// of notes without code should not pay.
import rehypeShiki from '@shikijs/rehype';
import type { Root } from 'hast';
import type { Plugin, Transformer } from 'unified';
import { visit, EXIT } from '../visit.ts';
import { restoreCodeAttributes, saveCodeAttributes } from './code-attributes.ts';
import { findWhitespaceBlocks, showWhitespace } from './code-whitespace.ts';
import { PLAIN_CODE } from '../remark/remark-kramdown-code.ts';

export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

function hasCodeBlock(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    if (node.tagName === 'pre' && node.children.some((c) => c.type === 'element' && c.tagName === 'code')) {
      found = true;
      return EXIT;
    }
    return undefined;
  });
  return found;
}

/**
 * Jekyll highlights with Rouge, whose default language names a Markdown code block written
 * without one: `language-plaintext` (on kramdown's wrapper). Shiki leaves such a block alone;
 * it gets the class here, unless the author gave it a language class of their own.
 */
export function plainCodeClass(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'code' || node.properties[PLAIN_CODE] === undefined) return;
    delete node.properties[PLAIN_CODE];
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    if (!classes.some((name) => name.startsWith('language-'))) node.properties.className = ['language-plaintext', ...classes];
  });
}

const rehypeHighlightCode: Plugin<[], Root> = function () {
  let shiki: Transformer<Root, Root> | undefined;
  return async (tree, file) => {
    if (!hasCodeBlock(tree)) return;
    shiki ??= rehypeShiki.call(this, {
      themes: CODE_THEMES,
      defaultColor: 'light',
      // Load grammars as code blocks ask for them; all of them would cost seconds per build.
      langs: [],
      lazy: true,
      fallbackLanguage: 'text',
      addLanguageClass: true,
      // Shiki stops tokenizing a line after 500 ms and leaves the rest one colour; on a loaded
      // machine (parallel builds, CI) that made the same code come out coloured differently.
      tokenizeTimeLimit: 10_000,
    }) as Transformer<Root, Root>;
    const authored = saveCodeAttributes(tree);
    const whitespace = findWhitespaceBlocks(tree);
    await shiki(tree, file, () => undefined);
    restoreCodeAttributes(authored);
    showWhitespace(whitespace);
    plainCodeClass(tree);
  };
};

/** For `markdownify`, which has no highlighter: the class straight away. */
export const rehypePlainCodeClass: Plugin<[], Root> = () => (tree) => plainCodeClass(tree);

export default rehypeHighlightCode;
