// The Markdown pipeline: one remark/rehype plugin per dialect feature, in the order they depend on.
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import { defListHastHandlers, remarkDefinitionList } from 'remark-definition-list';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Page } from '../loader/site-model.ts';
import type { NoteContext } from './note-context.ts';
import rehypeCodeCopy from './rehype/rehype-code-copy.ts';
import rehypeDiagrams, { type RehypeDiagramsOptions } from './rehype/rehype-diagrams.ts';
import rehypeFigures from './rehype/rehype-figures.ts';
import type { HighlightCache } from './rehype/highlight-cache.ts';
import rehypeHighlightCode, { rehypePlainCodeClass } from './rehype/rehype-highlight-code.ts';
import rehypeCollectLinks from './rehype/rehype-collect-links.ts';
import rehypeCollectSections from './rehype/rehype-collect-sections.ts';
import rehypeHeadingAnchors from './rehype/rehype-heading-anchors.ts';
import rehypeKramdownIds from './rehype/rehype-kramdown-ids.ts';
import rehypePageFacts from './rehype/rehype-page-facts.ts';
import rehypeResolveLinks from './rehype/rehype-resolve-links.ts';
import rehypeRestoreRawBlocks from './rehype/rehype-restore-raw-blocks.ts';
import rehypeSpanContent from './rehype/rehype-span-content.ts';
import rehypeTables from './rehype/rehype-tables.ts';
import rehypeToc from './rehype/rehype-toc.ts';
import remarkKramdownAttributes from './remark/remark-kramdown-attributes.ts';
import remarkKramdownCode from './remark/remark-kramdown-code.ts';
import remarkKramdownCodespan from './remark/remark-kramdown-codespan.ts';
import remarkKramdownDivergence from './remark/remark-kramdown-divergence.ts';
import remarkKramdownEmphasis from './remark/remark-kramdown-emphasis.ts';
import remarkKramdownFootnotes from './remark/remark-kramdown-footnotes.ts';
import remarkKramdownEob from './remark/remark-kramdown-eob.ts';
import remarkKramdownLinks from './remark/remark-kramdown-links.ts';
import remarkKramdownLinkDefIal from './remark/remark-kramdown-link-def-ial.ts';
import remarkKramdownNoAutolinkLiteral from './remark/remark-kramdown-no-autolink-literal.ts';
import remarkKramdownImageAlt from './remark/remark-kramdown-image-alt.ts';
import remarkKramdownHeadings from './remark/remark-kramdown-headings.ts';
import remarkKramdownHtmlBlocks from './remark/remark-kramdown-html-blocks.ts';
import remarkKramdownRawSpans from './remark/remark-kramdown-raw-spans.ts';
import { kramdownListItem, remarkKramdownLists } from './remark/remark-kramdown-lists.ts';
import remarkKramdownTypography from './remark/remark-kramdown-typography.ts';
import remarkKramdownSpanHtml from './remark/remark-kramdown-span-html.ts';
import remarkKramdownSpanExtensions from './remark/remark-kramdown-span-extensions.ts';
import remarkKramdownSpanIal from './remark/remark-kramdown-span-ial.ts';
import remarkKramdownTables from './remark/remark-kramdown-tables.ts';
import remarkKramdownToc from './remark/remark-kramdown-toc.ts';

export interface NotePipelineOptions {
  /**
   * The build's diagram service, asked for on a note's first diagram (so nothing starts for notes
   * without one). Without it, diagram sources are left as written.
   */
  diagrams?: RehypeDiagramsOptions['service'];
  /**
   * false: no figures at all — pictures and diagram sources stay as written (the kramdown
   * conformance test compares the Markdown reading alone). Default true.
   */
  figures?: boolean;
  /** The build's store of highlighted code blocks (highlight-cache.ts); without it Shiki highlights every block. */
  highlightCache?: HighlightCache;
  /** The user's remark plugins (`studyNotes({ remarkPlugins })`, Astro's `markdown.remarkPlugins`): after the dialect's own. */
  remarkPlugins?: PluggableList;
  /**
   * The user's rehype plugins: on the finished page (figures, highlighting, heading anchors done),
   * before its links, ids and facts are collected — so the link checker sees what they add.
   */
  rehypePlugins?: PluggableList;
}

export type HtmlProcessor = Processor<Root, Root, Root, Root, string>;
type TreeProcessor = Processor<Root, Root, Root, undefined, undefined>;

/** The one pipeline of a build: what every note, every `.html` page and `markdownify` go through. */
export interface NotePipeline {
  /** One processor per page format. */
  processors: Record<Page['format'], HtmlProcessor>;
  /**
   * Jekyll's `markdownify`: Markdown → HTML by the notes' own Markdown stages. The page stages
   * (anchors, figures, highlighting, user rehype plugins) are left out: the result lands in a
   * note, which gets them.
   */
  markdownify: (markdown: string) => string;
}

/** Markdown → mdast, the kramdown dialect, the user's remark plugins. */
function markdownStages(options: NotePipelineOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    // kramdown's definition lists (`Term` then `: definition`), which its GFM parser keeps.
    .use(remarkDefinitionList)
    .use(remarkKramdownNoAutolinkLiteral)
    .use(remarkKramdownEob)
    .use(remarkKramdownHtmlBlocks)
    .use(remarkKramdownRawSpans)
    .use(remarkKramdownDivergence)
    .use(remarkKramdownCode)
    .use(remarkKramdownCodespan)
    .use(remarkKramdownImageAlt)
    .use(remarkKramdownLinks)
    .use(remarkKramdownToc)
    .use(remarkKramdownTables)
    .use(remarkKramdownAttributes)
    .use(remarkKramdownLinkDefIal)
    .use(remarkKramdownHeadings)
    .use(remarkKramdownLists)
    .use(remarkKramdownSpanExtensions)
    // Emphasis before span IALs: `*a*{:.x}` needs kramdown's emphasis to put the IAL on.
    .use(remarkKramdownEmphasis)
    .use(remarkKramdownSpanIal)
    .use(remarkKramdownSpanHtml)
    .use(remarkKramdownTypography)
    .use(remarkKramdownFootnotes)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { ...defListHastHandlers, listItem: kramdownListItem } })
    .use(rehypeSpanContent);
}

/** The HTML-tree stages, shared by Markdown notes and `.html` pages. */
function withPageStages(processor: TreeProcessor, options: NotePipelineOptions): HtmlProcessor {
  return processor
    .use(rehypeRestoreRawBlocks)
    .use(rehypeResolveLinks)
    .use(rehypeKramdownIds)
    .use(rehypeToc)
    .use(rehypeHeadingAnchors)
    .use(rehypeTables)
    // Diagrams first; rehype-figures then wraps the remaining pictures and gives every figure its
    // id and enlarge button.
    .use(options.figures !== false && options.diagrams ? [[rehypeDiagrams, { service: options.diagrams }]] : [])
    .use(options.figures !== false ? [rehypeFigures] : [])
    .use(rehypeHighlightCode, { cache: options.highlightCache })
    .use(rehypeCodeCopy)
    .use(options.rehypePlugins ?? [])
    .use(rehypeCollectLinks)
    .use(rehypeCollectSections)
    .use(rehypePageFacts)
    .use(rehypeStringify, { allowDangerousHtml: true }) as unknown as HtmlProcessor;
}

export function createNotePipeline(options: NotePipelineOptions = {}): NotePipeline {
  const markdown = withPageStages(markdownStages(options).use(rehypeRaw) as unknown as TreeProcessor, options);
  // `.html` pages: HTML as written (after Liquid), through the same page stages.
  const html = withPageStages(unified().use(rehypeParse, { fragment: true }) as unknown as TreeProcessor, options);
  const markdownify = markdownStages(options).use(rehypePlainCodeClass).use(rehypeStringify, { allowDangerousHtml: true });
  return { processors: { markdown, html }, markdownify: (text) => String(markdownify.processSync(text)).trim() };
}

export async function runPipeline(processor: HtmlProcessor, markdown: string, note: NoteContext): Promise<string> {
  const file = new VFile({ path: note.file, value: markdown, data: { note } });
  const result = await processor.process(file);
  return String(result.value);
}

