// How kramdown reads the inside of a block-level HTML element (Jekyll leaves `parse_block_html`
// off, so every such element is "raw"): it knows comments, processing instructions, start tags
// whose attributes are quoted or single words, and the end tag of the element it is in. Every
// other `<`, `>` and `&` is text, which it writes escaped — so a `</p>` with no `<p>`, an
// autolink `<http://…>` or a `<![CDATA[` shows as written, where a browser would make an element
// or a comment of it. Written here (not an HTML parser) because it is kramdown's own reading that
// must be copied, not the HTML standard's.

/** XML names as kramdown (REXML) reads them: letters, digits, `_ . -`, one optional `prefix:`. */
const NCNAME = '[\\p{L}_][\\p{L}\\p{M}\\p{N}_.\\-\\u00B7]*';
const NAME = `(?:${NCNAME}:)?${NCNAME}`;
const ATTRIBUTE = `\\s+${NAME}(?:\\s*=\\s*(?:[\\p{L}\\p{M}\\p{N}\\p{Pc}]+|"[^"]*"|'[^']*'))?`;

/** A start tag kramdown accepts; groups: name, attributes, `/` of a self-closed tag. */
export const START_TAG = new RegExp(`<(${NAME})((?:${ATTRIBUTE})*)\\s*(/)?>`, 'uy');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'uy');
const COMMENT = /<!--[\s\S]*?-->/y;
const INSTRUCTION = /<\?[\s\S]*?\?>/y;
const MARKDOWN_ATTRIBUTE = new RegExp(`\\smarkdown\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([\\p{L}\\p{N}_]+))`, 'u');

/** kramdown's span-level elements: a line starting with one of these is a paragraph. */
export const KRAMDOWN_SPAN_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'b', 'big', 'bdo', 'br', 'button', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'input',
  'ins', 'kbd', 'label', 'mark', 'option', 'q', 'rb', 'rbc', 'rp', 'rt', 'rtc', 'ruby', 'samp', 'select', 'small',
  'span', 'strong', 'sub', 'sup', 'tt', 'u', 'var',
]);
export const WITHOUT_BODY = new Set(['area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content kramdown parses as blocks (`markdown="1"`), or as spans. */
const BLOCK_MODEL = new Set([
  'address', 'applet', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'fieldset', 'figure',
  'figcaption', 'footer', 'form', 'header', 'hgroup', 'iframe', 'li', 'main', 'map', 'menu', 'nav', 'noscript',
  'object', 'section', 'summary', 'td',
]);
const SPAN_MODEL = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdo', 'big', 'button', 'cite', 'caption', 'del', 'dfn', 'dt', 'em', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'i', 'ins', 'label', 'legend', 'optgroup', 'p', 'q', 'rb', 'rbc', 'rp', 'rt', 'rtc', 'ruby',
  'select', 'small', 'span', 'strong', 'sub', 'sup', 'th', 'tt',
]);
/** kramdown's block-level elements: inside a paragraph, the start tag of one is text. */
export const KRAMDOWN_BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'applet', 'body', 'blockquote', 'caption', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'head', 'iframe', 'legend', 'menu', 'li', 'main', 'map', 'nav', 'ol', 'optgroup', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul',
]);
/** Known HTML names compare without case; kramdown keeps other (XML) names as written. */
const HTML_NAMES = new Set([...KRAMDOWN_SPAN_ELEMENTS, ...KRAMDOWN_BLOCK_ELEMENTS, ...WITHOUT_BODY, ...BLOCK_MODEL, ...SPAN_MODEL, 'script', 'style', 'math', 'textarea', 'pre', 'html', 'head', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'th', 'ul', 'ol', 'colgroup', 'caption', 'col', 'legend', 'p', 'h1', 'hr']);

export type ContentModel = 'raw' | 'span' | 'block';

/** An element name as kramdown keeps it: known HTML names in lower case, XML names as written. */
export function elementName(name: string): string {
  return HTML_NAMES.has(name.toLowerCase()) ? name.toLowerCase() : name;
}

/**
 * Whether kramdown reads Markdown inside this element in a paragraph when no `markdown`
 * attribute says otherwise: only for elements of its block and span models; the content of every
 * other one (`<code>`, `<kbd>`, `<u>`, `<mark>`, unknown names) is kept as written.
 */
export function parsesSpanContent(name: string): boolean {
  return BLOCK_MODEL.has(name) || SPAN_MODEL.has(name);
}

/**
 * How kramdown reads the content of an element with these attributes: `markdown="1"` takes the
 * element's own model, `block`/`span` say it, `0` or none keeps it raw.
 */
export function contentModel(name: string, attributes: string): ContentModel {
  const match = MARKDOWN_ATTRIBUTE.exec(attributes);
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  if (value === 'block' || value === 'span') return value;
  if (value !== '1') return 'raw';
  const lower = name.toLowerCase();
  return BLOCK_MODEL.has(lower) ? 'block' : SPAN_MODEL.has(lower) ? 'span' : 'raw';
}

/** A start tag as kramdown writes it: a line break in a quoted attribute value becomes a space. */
export const tagOnOneLine = (tag: string): string =>
  /[\r\n]/.test(tag) ? tag.replace(/=\s*("[^"]*"|'[^']*')/g, (attribute) => attribute.replace(/\r?\n/g, ' ')) : tag;

/** Text as kramdown writes it: `<`, `>` and a bare `&` escaped, entity references kept. */
export const escapeText = (text: string): string =>
  text.replace(/&(?![A-Za-z_:][\w.:-]*;|#\d+;|#x[\dA-Fa-f]+;)|[<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));

/** Stands around the inline Markdown of a `markdown="span"` element until the HTML tree is whole. */
export const SPAN_CONTENT_TAG = 'notes-span-content';

/** A piece of a raw block: HTML as kramdown writes it, or the Markdown of a `markdown="span"` element. */
export type RawPiece = { kind: 'html'; value: string } | { kind: 'span'; value: string; offset: number };

/** A token of raw HTML as kramdown splits it. */
type Token =
  | { kind: 'text'; at: number; end: number }
  | { kind: 'verbatim'; at: number; end: number }
  | { kind: 'start'; at: number; end: number; name: string; written: string; attributes: string; closed: boolean }
  | { kind: 'end'; at: number; end: number; name: string };

/** The token at `at` (`html[at]` is `<`, or text runs to the next `<`). */
function tokenAt(html: string, at: number): Token {
  if (html[at] !== '<') {
    const next = html.indexOf('<', at);
    return { kind: 'text', at, end: next < 0 ? html.length : next };
  }
  const verbatim = matchAt(COMMENT, html, at) ?? matchAt(INSTRUCTION, html, at);
  if (verbatim) return { kind: 'verbatim', at, end: at + verbatim[0].length };
  const start = matchAt(START_TAG, html, at);
  if (start) {
    const name = elementName(start[1]!);
    return { kind: 'start', at, end: at + start[0].length, name, written: start[1]!, attributes: start[2] ?? '', closed: Boolean(start[3]) || WITHOUT_BODY.has(name) };
  }
  const end = matchAt(END_TAG, html, at);
  if (end) return { kind: 'end', at, end: at + end[0].length, name: elementName(end[1]!) };
  return { kind: 'text', at, end: at + 1 };
}

/** Where the raw content of a script or style element that starts at `at` ends (after its end tag). */
function rawContentEnd(html: string, name: string, at: number): number | undefined {
  const close = new RegExp(`</${name}\\s*>`, 'ig');
  close.lastIndex = at;
  const end = close.exec(html);
  return end ? end.index + end[0].length : undefined;
}

/** Where a `markdown="span"` element's content ends: kramdown takes the first end tag of its name. */
function spanContentEnd(html: string, written: string, at: number): { content: number; after: number } | undefined {
  const close = new RegExp(`</${escapeRegExp(written)}\\s*>`, 'ig');
  close.lastIndex = at;
  const end = close.exec(html);
  return end ? { content: end.index, after: end.index + end[0].length } : undefined;
}

/**
 * When `html` starts with an element, the index just after the end of that element as kramdown
 * finds it (its start tag when it has no body); undefined when it is not closed in `html`.
 */
export function rawElementEnd(html: string): number | undefined {
  const open: string[] = [];
  let at = 0;
  while (at < html.length) {
    const token = tokenAt(html, at);
    at = token.end;
    if (token.kind === 'start') {
      if (token.name === 'script' || token.name === 'style') {
        const end = rawContentEnd(html, token.name, at);
        if (end === undefined) return undefined;
        at = end;
      } else if (!token.closed) open.push(token.name);
    } else if (token.kind === 'end') {
      const index = open.lastIndexOf(token.name);
      if (index >= 0) open.length = index;
    }
    if (open.length === 0) return token.kind === 'text' && token.at === 0 ? undefined : at;
  }
  return undefined;
}

/**
 * Reads `html` the way kramdown reads raw HTML and returns it in pieces: HTML with kramdown's text
 * escaped, and the content of elements whose `markdown` attribute asks for span parsing (with its
 * offset in `html`). `open` holds the elements still open before `html` (names as kept) and is
 * updated, so a block's start and end tags may sit in different pieces of a note. An end tag
 * that matches no open element is text, as in kramdown — only inside an element opened in `html`,
 * so an end tag whose start the caller did not see is left to the HTML parser. An end tag of an outer element
 * closes the inner ones (kramdown would read on to the end of the note instead).
 */
export function readRawHtml(html: string, open: string[]): RawPiece[] {
  /** Elements opened before `html` may have been closed where the caller does not look. */
  const before = open.length;
  const pieces: RawPiece[] = [];
  let out = '';
  let at = 0;
  while (at < html.length) {
    const token = tokenAt(html, at);
    const written = html.slice(token.at, token.end);
    at = token.end;
    if (token.kind === 'text') {
      out += open.length ? escapeText(written) : written;
    } else if (token.kind === 'verbatim') {
      out += written;
    } else if (token.kind === 'end') {
      const index = open.lastIndexOf(token.name);
      if (index >= 0) open.length = index;
      out += index >= 0 || open.length <= before ? written : escapeText(written);
    } else if (token.name === 'script' || token.name === 'style') {
      const end = rawContentEnd(html, token.name, at) ?? html.length;
      out += html.slice(token.at, end);
      at = end;
    } else {
      out += written;
      if (token.closed) continue;
      const span = contentModel(token.name, token.attributes) === 'span' ? spanContentEnd(html, token.written, at) : undefined;
      if (!span) {
        open.push(token.name);
        continue;
      }
      pieces.push({ kind: 'html', value: out }, { kind: 'span', value: html.slice(at, span.content), offset: at });
      out = html.slice(span.content, span.after);
      at = span.after;
    }
  }
  if (out) pieces.push({ kind: 'html', value: out });
  return pieces;
}

/** `readRawHtml` for a block with no Markdown inside: the HTML as kramdown writes it. */
export function kramdownRawHtml(html: string, open: string[] = []): string {
  return readRawHtml(html, open)
    .map((piece) => piece.value)
    .join('');
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text) ?? undefined;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Block elements: a start tag of one inside a paragraph is text to kramdown. */
const BLOCK_ELEMENTS_IN_SPANS = new Set([
  'address', 'article', 'aside', 'applet', 'body', 'blockquote', 'caption', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'head',
  'iframe', 'legend', 'menu', 'li', 'main', 'map', 'nav', 'ol', 'optgroup', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul',
]);

/**
 * Does kramdown keep the content of this inline element raw (no Markdown, no typography)? Yes for
 * `kbd`, `code`, `samp`, `var`, `script`…, for every name it does not know as a span or block
 * container (`mark`, `u`, `font`, XML names) and for `markdown="0"`; `markdown="1"`/`"span"` asks
 * for Markdown where the element allows it.
 */
export function isRawSpan(name: string, attributes: string): boolean {
  const lower = name.toLowerCase();
  if (WITHOUT_BODY.has(lower)) return false; // `<br>`, `<img>`: nothing inside
  const own: ContentModel = BLOCK_MODEL.has(lower) ? 'block' : SPAN_MODEL.has(lower) ? 'span' : 'raw';
  const match = MARKDOWN_ATTRIBUTE.exec(attributes);
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  if (value === '0') return true;
  if (value === 'span') return false;
  return own === 'raw';
}

/** Is this start tag one kramdown reads inside a paragraph (not a block element's, shown as text)? */
export function isSpanTag(name: string): boolean {
  return !BLOCK_ELEMENTS_IN_SPANS.has(name.toLowerCase());
}

/**
 * The raw content of an inline element whose start tag ends at `from` in `text`, as kramdown
 * reads it up to `limit` (the end of the paragraph): nested elements, comments and the element's
 * end tag are HTML; an end tag of another element, a block element's tag, `<?`, `<![CDATA[` are
 * text, written escaped. An element never closed runs to `limit`, where kramdown closes it.
 * Returns the HTML of the content with the end tags, and where it ends.
 */
export function readRawSpan(text: string, from: number, limit: number, name: string): { html: string; end: number } {
  const open = [elementName(name)];
  let html = '';
  let at = from;
  while (at < limit && open.length) {
    const token = tokenAt(text, at);
    const end = Math.min(token.end, limit);
    const written = text.slice(token.at, end);
    at = end;
    if (token.end > limit || token.kind === 'text') {
      html += escapeText(written);
    } else if (token.kind === 'verbatim') {
      // kramdown's span parser knows comments, not processing instructions.
      html += written.startsWith('<!--') ? written : escapeText(written);
    } else if (token.kind === 'end') {
      if (token.name === open.at(-1)) {
        open.pop();
        html += written;
      } else {
        html += escapeText(written);
      }
    } else if (!isSpanTag(token.name)) {
      html += escapeText(written);
    } else {
      // `<span/>` is an empty element to kramdown; the HTML parser would open one over the rest.
      const tag = tagOnOneLine(written);
      html += tag.endsWith('/>') && !WITHOUT_BODY.has(token.name) ? `${tag.slice(0, -2).trimEnd()}></${token.written}>` : tag;
      if (!token.closed) open.push(token.name);
    }
  }
  // Closed where the paragraph ends, as kramdown writes them.
  for (const name of open.reverse()) html += `</${name}>`;
  return { html, end: at };
}

/**
 * kramdown's own search for the end of the element whose start tag is at `from`: only the end tag
 * of the innermost open element counts (any other is text), so one missing end tag — a `<li>` or
 * `<p>` left open — makes it read on to the end of `text`. Returns the innermost element still
 * open there, with the offset of its start tag; undefined when the element is closed.
 */
export function kramdownUnclosed(text: string, from: number): { name: string; at: number } | undefined {
  const open: { name: string; at: number }[] = [];
  let at = from;
  while (at < text.length) {
    const token = tokenAt(text, at);
    at = token.end;
    if (token.kind === 'start') {
      if (token.name === 'script' || token.name === 'style') {
        const end = rawContentEnd(text, token.name, at);
        if (end === undefined) return { name: token.name, at: token.at };
        at = end;
      } else if (!token.closed) {
        open.push({ name: token.name, at: token.at });
      }
    } else if (token.kind === 'end' && token.name === open.at(-1)?.name) {
      open.pop();
    }
    if (open.length === 0) return undefined;
  }
  return open.at(-1);
}
