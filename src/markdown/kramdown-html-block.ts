// kramdown reads an HTML block element that starts a line up to its matching end tag, blank
// lines and indentation included, and keeps its content as raw HTML. CommonMark ends an HTML
// block at the first blank line and reads the rest as Markdown, so an indented `<tr>` after a
// blank line becomes a code block. Liquid loops in index pages leave exactly such blank lines
// (`{% for %}…{% if %}` on lines of their own). Only elements that contain a blank line read
// differently, so only those are set aside — and never ones holding `markdown="1"`, whose
// content kramdown does parse as Markdown.

/** kramdown's block-level HTML elements that notes wrap around generated rows and tiles. */
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'fieldset', 'figure',
  'footer', 'form', 'header', 'main', 'nav', 'ol', 'section', 'select', 'table', 'ul',
]);

const OPENING = /^ {0,3}<([a-z][a-z0-9]*)\b[^>]*>/i;
const RAW_OPEN = /<(script|style|pre|textarea)\b[^>]*>/i;

/**
 * When line `start` opens a block element that holds a blank line before its matching end tag,
 * the index of the line with that end tag; otherwise undefined (CommonMark reads it like kramdown).
 */
export function kramdownHtmlBlockEnd(lines: readonly string[], start: number): number | undefined {
  const block = scanHtmlBlock(lines, start);
  return block?.blank && !block.markdown ? block.end : undefined;
}

/**
 * The line holding the end tag of the block element that line `start` opens (kramdown reads
 * the lines after it as Markdown again, where CommonMark continues the HTML block).
 */
export function htmlBlockCloseLine(lines: readonly string[], start: number): number | undefined {
  return scanHtmlBlock(lines, start)?.end;
}

function scanHtmlBlock(lines: readonly string[], start: number): { end: number; blank: boolean; markdown: boolean } | undefined {
  const name = OPENING.exec(lines[start] ?? '')?.[1]?.toLowerCase();
  if (!name || !BLOCK_ELEMENTS.has(name)) return undefined;
  const tag = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'gi');
  let depth = 0;
  let blank = false;
  let rawElement: RegExp | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    // Blank lines inside a <script>/<pre> are handled by the raw-element set-aside already.
    if (i > start && line.trim() === '' && !rawElement) blank = true;
    if (rawElement?.test(line)) rawElement = undefined;
    const rawOpen = RAW_OPEN.exec(line);
    if (rawOpen && !new RegExp(`</${rawOpen[1]}\\s*>`, 'i').test(line.slice(rawOpen.index))) rawElement = new RegExp(`</${rawOpen[1]}\\s*>`, 'i');
    for (const match of line.matchAll(tag)) {
      if (match[2]) continue; // self-closing
      depth += match[1] ? -1 : 1;
      if (depth > 0) continue;
      return { end: i, blank, markdown: /\bmarkdown\s*=/i.test(lines.slice(start, i + 1).join('\n')) };
    }
  }
  return undefined; // never closed: left to the Markdown parser
}
