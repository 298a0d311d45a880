// Code blocks highlighted at build time by Shiki (@shikijs/rehype), light and dark themes.
// Shiki is started only for a note with a code block that the highlight cache (highlight-cache.ts)
// does not hold: its start costs ~0.35 s, which a site of notes without code, or a note whose
// prose alone was edited, should not pay.
import type { RehypeShikiOptions } from '@shikijs/rehype';
import type { Parent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import shikiPackage from 'shiki/package.json' with { type: 'json' };
import type { Plugin, Processor, Transformer } from 'unified';
import type { VFile } from 'vfile';
import { importLazily } from '../../shared/import-lazily.ts';
import { visit, EXIT, SKIP } from '../visit.ts';
import { restoreCodeAttributes, saveCodeAttributes } from './code-attributes.ts';
import { findWhitespaceBlocks, showWhitespace } from './code-whitespace.ts';
import type { HighlightCache } from './highlight-cache.ts';
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

const SHIKI_OPTIONS: RehypeShikiOptions = {
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
};

/**
 * Part of every cache key: a new Shiki (grammars, themes) or other options re-highlight. Known gap,
 * Shiki's and so the cache's: a grammar that embeds others lazily (markdown, mdx, vue, latex, …)
 * colours an embedded fence only if that language was loaded already, so such a block's colours
 * depend on which notes were highlighted before it; the cache keeps the first result.
 */
const SHIKI_SETTINGS = JSON.stringify([shikiPackage.version, SHIKI_OPTIONS]);

interface ShikiBlock {
  parent: Parent;
  index: number;
  lang: string;
  meta: string;
  code: string;
}

/**
 * The blocks @shikijs/rehype highlights, in its order, each with what Shiki reads of it: a `<pre>`
 * whose first child is a `<code>` with a `language-…` class (its PreHandler); it looks inside
 * neither a block it highlights nor one without a language. Found here, before Shiki is started,
 * to key the cache; the tests comparing cached with fresh output keep the two in step.
 */
function shikiBlocks(tree: Root): ShikiBlock[] {
  const blocks: ShikiBlock[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
    const head = node.children[0];
    if (!head || head.type !== 'element' || head.tagName !== 'code') return undefined;
    const classes = head.properties.className;
    const languageClass = Array.isArray(classes) ? classes.find((c) => typeof c === 'string' && c.startsWith('language-')) : undefined;
    const lang = typeof languageClass === 'string' ? languageClass.slice('language-'.length) : '';
    if (!lang) return undefined;
    const meta = head.data?.meta ?? head.properties.metastring?.toString() ?? '';
    blocks.push({ parent, index, lang, meta, code: toString(head) });
    return SKIP;
  });
  return blocks;
}

export interface HighlightCodeOptions {
  /** The build's highlight cache; without it every block is highlighted by Shiki. */
  cache?: HighlightCache;
}

const rehypeHighlightCode: Plugin<[HighlightCodeOptions?], Root> = function (options = {}) {
  const { cache } = options;
  const processor = this as Processor;
  let shiki: Promise<Transformer<Root, Root>> | undefined;
  const runShiki = async (tree: Root, file: VFile): Promise<void> => {
    shiki ??= importLazily(() => import('./shiki-transformer.ts'), new URL('./shiki-transformer.ts', import.meta.url)).then(
      ({ rehypeShiki }) => rehypeShiki.call(processor, SHIKI_OPTIONS) as Transformer<Root, Root>,
    );
    await (await shiki)(tree, file, () => undefined);
  };

  /** Shiki's fragments in place of the blocks: from the cache when it holds every one, else from Shiki. */
  const highlight = async (tree: Root, file: VFile): Promise<void> => {
    const blocks = shikiBlocks(tree);
    if (blocks.length === 0) return; // Shiki would change nothing
    if (!cache) return runShiki(tree, file);
    const keys = blocks.map((block) => cache.keyOf(SHIKI_SETTINGS, block.lang, block.meta, block.code));
    const cached = keys.map((key) => cache.get(key));
    if (cached.every((entry) => entry !== undefined)) {
      blocks.forEach((block, i) => (block.parent.children[block.index] = cached[i] as unknown as Parent['children'][number]));
      cache.fromCache += blocks.length;
      return;
    }
    // One block missing starts Shiki, which then highlights them all (the cost is its start).
    await runShiki(tree, file);
    cache.shikiNotes++;
    cache.highlighted += blocks.length;
    blocks.forEach((block, i) => {
      const fragment = block.parent.children[block.index] as Parent['children'][number] | Root;
      if (cached[i] === undefined && fragment.type === 'root') cache.set(keys[i]!, fragment);
    });
  };

  return async (tree, file) => {
    if (!hasCodeBlock(tree)) return;
    const authored = saveCodeAttributes(tree);
    const whitespace = findWhitespaceBlocks(tree);
    await highlight(tree, file);
    restoreCodeAttributes(authored);
    showWhitespace(whitespace);
    plainCodeClass(tree);
  };
};

/** For `markdownify`, which has no highlighter: the class straight away. */
export const rehypePlainCodeClass: Plugin<[], Root> = () => (tree) => plainCodeClass(tree);

export default rehypeHighlightCode;
