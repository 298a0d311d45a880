// The Markdown pipeline: one remark/rehype plugin per dialect feature, in the order they depend on.
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { NoteContext } from './note-context.ts';
import rehypeCodeCopy from './rehype/rehype-code-copy.ts';
import rehypeHighlightCode from './rehype/rehype-highlight-code.ts';
import rehypeCollectLinks from './rehype/rehype-collect-links.ts';
import rehypeHeadingAnchors from './rehype/rehype-heading-anchors.ts';
import rehypeKramdownIds from './rehype/rehype-kramdown-ids.ts';
import rehypePageFacts from './rehype/rehype-page-facts.ts';
import rehypeResolveLinks from './rehype/rehype-resolve-links.ts';
import rehypeRestoreRawBlocks from './rehype/rehype-restore-raw-blocks.ts';
import rehypeTables from './rehype/rehype-tables.ts';
import rehypeToc from './rehype/rehype-toc.ts';
import remarkKramdownAttributes from './remark/remark-kramdown-attributes.ts';
import remarkKramdownBlockIal from './remark/remark-kramdown-block-ial.ts';
import remarkKramdownCode from './remark/remark-kramdown-code.ts';
import remarkKramdownDivergence from './remark/remark-kramdown-divergence.ts';
import remarkKramdownEob from './remark/remark-kramdown-eob.ts';
import remarkKramdownHeadings from './remark/remark-kramdown-headings.ts';
import { kramdownListItem, remarkKramdownLists } from './remark/remark-kramdown-lists.ts';
import remarkKramdownTypography from './remark/remark-kramdown-typography.ts';
import remarkKramdownStrayTags from './remark/remark-kramdown-stray-tags.ts';
import remarkKramdownTables from './remark/remark-kramdown-tables.ts';
import remarkKramdownToc from './remark/remark-kramdown-toc.ts';


export interface PipelineOptions {
  /** Plugins that run on the HTML tree after links are resolved and before code is highlighted (diagrams, figures). */
  figurePlugins?: PluggableList;
}

type HtmlProcessor = Processor<Root, Root, Root, Root, string>;

/** The HTML-tree stages, shared by Markdown notes and `.html` pages. */
function withHtmlStages(processor: Processor<Root, Root, Root, undefined, undefined>, options: PipelineOptions): HtmlProcessor {
  return processor
    .use(rehypeRestoreRawBlocks)
    .use(rehypeResolveLinks)
    .use(rehypeKramdownIds)
    .use(rehypeToc)
    .use(rehypeHeadingAnchors)
    .use(rehypeTables)
    .use(options.figurePlugins ?? [])
    .use(rehypeHighlightCode)
    .use(rehypeCodeCopy)
    .use(rehypeCollectLinks)
    .use(rehypePageFacts)
    .use(rehypeStringify, { allowDangerousHtml: true }) as unknown as HtmlProcessor;
}

export function createPipeline(options: PipelineOptions = {}): HtmlProcessor {
  const markdown = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownEob)
    .use(remarkKramdownDivergence)
    .use(remarkKramdownCode)
    .use(remarkKramdownToc)
    .use(remarkKramdownTables)
    .use(remarkKramdownAttributes)
    .use(remarkKramdownBlockIal)
    .use(remarkKramdownHeadings)
    .use(remarkKramdownLists)
    .use(remarkKramdownStrayTags)
    .use(remarkKramdownTypography)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { listItem: kramdownListItem } })
    .use(rehypeRaw);
  return withHtmlStages(markdown as unknown as Processor<Root, Root, Root, undefined, undefined>, options);
}

/** `.html` pages: HTML as written (after Liquid), through the same enhancements. */
export function createHtmlPipeline(options: PipelineOptions = {}): HtmlProcessor {
  const html = unified().use(rehypeParse, { fragment: true });
  return withHtmlStages(html as unknown as Processor<Root, Root, Root, undefined, undefined>, options);
}

export async function runPipeline(processor: HtmlProcessor, markdown: string, note: NoteContext): Promise<string> {
  const file = new VFile({ path: note.file, value: markdown, data: { note } });
  const result = await processor.process(file);
  return String(result.value);
}

