// kramdown's typographic substitution, as Jekyll configures it (`smart_quotes:
// lsquo,rsquo,ldquo,rdquo`): straight quotes become curly ones, `---` an em dash, `--` an en
// dash, `...` an ellipsis, `<<`/`>>` guillemets. Only prose changes: code, raw HTML and URLs
// never do, because only mdast `text` nodes are touched. Written here (not a SmartyPants
// library) because kramdown's quote rules differ from SmartyPants' in the details readers see
// (`'80s`, a quote before `*emphasis*`, a quote after a closing element), and these follow
// kramdown's rule table in order.
import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const PUNCT = String.raw`[!"#$%&'()*+,\-./:;<=>?@[\\\]^_\`{|}~]`;
/** A character that can stand before a closing quote. */
const CLOSE = /[^ \\\t\r\n[{(-]/;
const WORD = /\w/;

type Quote = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';
const CHAR: Record<Quote, string> = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };
const close = (quote: string): Quote => (quote === '"' ? 'rdquo' : 'rsquo');
const open = (quote: string): Quote => (quote === '"' ? 'ldquo' : 'lsquo');

/**
 * The curly form of the quote at `at` in `text`. `before` is the character kramdown's span
 * parser still has in front of the quote (none at the start of a text run, or right after an
 * element such as `**bold**`); `after` is the source that follows, markup included.
 */
function quoteAt(quote: string, before: string | undefined, after: string): string {
  const next = after[0] ?? '';
  if (before === undefined) {
    if (/^[_*]{1,2}\S/.test(after)) return CHAR[open(quote)];
    if (new RegExp(`^${PUNCT}(?!\\.\\.)(?![\\w])`).test(after) && !/^\w/.test(after)) return CHAR[close(quote)];
  }
  // `"'word` and `'"word`: an opening pair.
  if ((before === undefined || /\s/.test(before)) && /^["']\w/.test(after) && after[0] !== quote) return CHAR[open(quote)] + CHAR[open(after[0]!)];
  // '80s
  if (quote === "'" && (before === undefined || /\s/.test(before)) && /^\d\ds/.test(after)) return CHAR.rsquo;
  if (before !== undefined && /\s/.test(before) && WORD.test(next)) return CHAR[open(quote)];
  if (before !== undefined && CLOSE.test(before)) return CHAR[close(quote)];
  if (before === undefined && (next === '' || /^(?:\s|s\b)/.test(after))) return CHAR[close(quote)];
  return CHAR[open(quote)];
}

const SYMBOLS: [RegExp, string][] = [
  [/^---/, '—'],
  [/^--/, '–'],
  [/^\.\.\./, '…'],
  [/^<< /, '«\u00a0'],
  [/^ >>/, '\u00a0»'],
  [/^<</, '«'],
  [/^>>/, '»'],
];

/**
 * `text` with kramdown's substitutions; `following` is the source after the text node;
 * `literal` holds the indices of characters written escaped (`\"`) or as entities, which
 * stay as they are.
 */
export function substitute(text: string, following: string, literal: ReadonlySet<number> = new Set()): string {
  let out = '';
  let i = 0;
  // kramdown's scanner has no character in front at the start of a run, and a substitution
  // (a dash, an ellipsis) consumes what would have been in front.
  let runStart = 0;
  while (i < text.length) {
    if (literal.has(i)) {
      out += text[i];
      i++;
      runStart = i;
      continue;
    }
    const rest = text.slice(i);
    const symbol = SYMBOLS.find(([pattern]) => pattern.test(rest));
    if (symbol) {
      const length = symbol[0].exec(rest)![0].length;
      out += symbol[1];
      i += length;
      runStart = i;
      continue;
    }
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const before = i > runStart ? text[i - 1] : undefined;
      // An escaped or entity character after the quote is punctuation in kramdown's source (`\*`).
      const after = (literal.has(i + 1) ? '\\' : '') + text.slice(i + 1) + following;
      const curly = quoteAt(char, before, after);
      out += curly;
      i += curly.length; // a pair consumes the second quote too
      runStart = i;
      continue;
    }
    out += char;
    i++;
    // kramdown's emphasis and code span parsers take every `*`, `_` and `` ` ``, even one they
    // leave as text: the character after it starts a run of its own (`**'a` → `**‘a`).
    if (char === '*' || char === '_' || char === '`') runStart = i;
  }
  return out;
}

const ENTITY = /^&(?:#\d+|#x[\da-f]+|\w+);/i;

/** Indices of `value` that the source `raw` wrote escaped or as an entity. */
function literalIndices(value: string, raw: string): Set<number> {
  const literal = new Set<number>();
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (raw[j] === '\\' && raw[j + 1] === char) {
      // `\---` alone on a line is preprocessing's (a multi-line paragraph's underline kept as
      // text, preprocess.ts): kramdown sees plain `---` there, an em dash.
      const lineStart = raw.lastIndexOf('\n', j) + 1;
      const lineEnd = raw.indexOf('\n', j);
      if (!(j === lineStart && /^\\(?:-+|=+)[ \t]*$/.test(raw.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)))) literal.add(i);
      j += 2;
      continue;
    }
    const entity = raw[j] === '&' ? ENTITY.exec(raw.slice(j)) : null;
    if (entity && char !== '&') {
      literal.add(i);
      j += entity[0].length;
      continue;
    }
    // Indentation of continuation lines is not in the value: skip to the character.
    while (j < raw.length && raw[j] !== char) j++;
    j++;
  }
  return literal;
}

/** Elements whose content kramdown keeps raw (no substitution), as inline HTML. */
const RAW_SPAN = /^<(kbd|samp|var|code|script|style|math|option|textarea|pre)\b[^>]*>$/i;

const remarkKramdownTypography: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, (node) => {
    if (!('children' in node)) return;
    let rawUntil: RegExp | undefined;
    for (const child of node.children as { type: string; value?: string; position?: Text['position'] }[]) {
      if (child.type === 'html') {
        const value = child.value ?? '';
        if (rawUntil?.test(value)) rawUntil = undefined;
        else if (!rawUntil) {
          const open = RAW_SPAN.exec(value.trim());
          if (open) rawUntil = new RegExp(`^</${open[1]}\\s*>$`, 'i');
        }
        continue;
      }
      if (child.type !== 'text' || rawUntil || !/["'.<>-]/.test(child.value ?? '')) continue;
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      const following = end === undefined ? '' : source.slice(end, end + 3);
      const literal = start === undefined || end === undefined ? new Set<number>() : literalIndices(child.value!, source.slice(start, end));
      child.value = substitute(child.value!, following, literal);
    }
  });
};

export default remarkKramdownTypography;
