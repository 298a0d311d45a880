// Jekyll's GFM parser (kramdown-parser-gfm) has no autolink literals: a bare `http://…`, `www.…`
// or `name@host` stays text on the page the author saw (only `<http://…>` is a link). remark-gfm
// links them in two places, both switched off here: micromark's three literal-autolink
// constructs (by micromark's own `disable` list) and mdast-util-gfm-autolink-literal's text
// transform (the from-markdown extension that handles `literalAutolink`). Use after remark-gfm.
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

type Extensions = (FromMarkdownExtension | Extensions)[];

/** The autolink-literal from-markdown extension, found by what it handles, left out. */
function withoutAutolinkLiteral(extensions: Extensions): Extensions {
  return extensions
    .filter((extension) => Array.isArray(extension) || !extension.enter?.literalAutolink)
    .map((extension) => (Array.isArray(extension) ? withoutAutolinkLiteral(extension) : extension));
}

export default function remarkKramdownNoAutolinkLiteral(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: Extensions };
  (data.micromarkExtensions ??= []).push({ disable: { null: ['wwwAutolink', 'protocolAutolink', 'emailAutolink'] } });
  data.fromMarkdownExtensions = withoutAutolinkLiteral(data.fromMarkdownExtensions ?? []);
}
