// kramdown's emphasis rules (parser/kramdown/emphasis.rb), over a run of inline content. kramdown
// reads emphasis left to right, one opening marker at a time, where CommonMark pairs delimiter
// runs by flanking rules; the two disagree on unbalanced and empty markers (`****`, `**a *b*`),
// on closers after punctuation (`**Note:**text`) and on nesting (`*a _b_ c*` keeps `_b_` as text).
// The rules, from kramdown's parser:
// - `*`, `**`, `_`, `__` open emphasis unless a space follows, `_` follows a letter (or a letter
//   and `-`: kramdown 2.4's rule), or the same kind of emphasis is already open around it;
// - the first same marker after it closes it if no space precedes it and the emphasis already
//   holds something; a single `*` does not close on `**` (unless `***`), `_` not before a letter;
// - unclosed `**` is tried again as `*` followed by text; unclosed markers are text;
// - an inline HTML element (`<span>…</span>`) is read on its own: emphasis neither closes inside
//   it nor opens its own kind again there; without its end tag it runs to the end of the text.
// Written here because no Markdown library reads emphasis kramdown's way.

/** A character of the text, or an element kramdown reads whole (code, link, HTML, picture). */
export type Token<Node> =
  | { kind: 'char'; char: string; marker: boolean }
  | { kind: 'node'; node: Node; first: string; last: string; tag?: { name: string; end: boolean } };

/** Emphasis found: token indices of its opening and closing marker and what it holds. */
export interface Span<Node> {
  type: 'emphasis' | 'strong';
  open: number;
  close: number;
  width: number;
  children: Piece<Node>[];
}
/** An inline HTML element: token indices of its start and end tag (-1: none) and its content. */
export interface Group<Node> {
  type: 'group';
  open: number;
  close: number;
  children: Piece<Node>[];
}
export type Piece<Node> = number | Span<Node> | Group<Node>; // a token index, emphasis or an element
/** An emphasis tried: what it holds, where its reading stopped, whether it closed there. */
type Attempt<Node> = [Span<Node>, number, boolean];

const WHITESPACE = /^[ \t\n\v\f\r]$/;
const ALNUM = /^[\p{Alphabetic}\p{Nd}]$/u;
const ALPHA = /^\p{Alphabetic}$/u;

/**
 * kramdown's reading of `tokens`. `within` is the element holding them ('paragraph', 'link', …),
 * `open` the emphasis kinds around it, `before` the raw character in front of the first token.
 */
export function parseEmphasis<Node>(tokens: Token<Node>[], within: string, open: readonly string[] = [], before = ''): Piece<Node>[] {
  const rawAt = (i: number): string => {
    const token = tokens[i];
    return token === undefined ? '' : token.kind === 'char' ? token.char : token.first;
  };
  const rawBefore = (i: number): string => {
    const token = i > 0 ? tokens[i - 1] : undefined;
    return token === undefined ? before : token.kind === 'char' ? token.char : token.last;
  };
  const isMarker = (i: number, char: string): boolean => {
    const token = tokens[i];
    return token?.kind === 'char' && token.marker && token.char === char;
  };
  const markersAt = (i: number, char: string, width: number): boolean => isMarker(i, char) && (width === 1 || isMarker(i + 1, char));

  interface Stop {
    char: string;
    width: number;
  }
  /** Whether the marker at `i` closes `span` (kramdown's stop condition). */
  const closes = (span: Span<Node>, stop: Stop, i: number): boolean => {
    if (WHITESPACE.test(rawBefore(i))) return false;
    if (span.type === 'emphasis' && markersAt(i, stop.char, 2) && !isMarker(i + 2, stop.char)) return false;
    if (stop.char === '_' && ALNUM.test(rawAt(i + stop.width))) return false;
    return span.children.length > 0;
  };

  /**
   * Reads from `i` into `pieces` until `stop` closes `span` (or, inside an element, its end tag
   * `endTag` comes); the index reached and whether it closed.
   */
  const spans = (pieces: Piece<Node>[], i: number, kinds: readonly string[], here: string, stop?: { span: Span<Node> } & Stop, endTag?: string): [number, boolean] => {
    while (i < tokens.length) {
      if (stop && markersAt(i, stop.char, stop.width) && closes(stop.span, stop, i)) return [i, true];
      const token = tokens[i]!;
      if (token.kind === 'char' && token.marker) i = emphasis(pieces, i, kinds, here);
      else if (token.kind === 'node' && token.tag && !token.tag.end) i = element(pieces, i, kinds, here, token.tag.name);
      else if (token.kind === 'node' && endTag !== undefined && token.tag?.end && token.tag.name === endTag) return [i, true];
      else pieces.push(i++);
    }
    return [i, false];
  };

  const element = (pieces: Piece<Node>[], i: number, kinds: readonly string[], here: string, name: string): number => {
    const group: Group<Node> = { type: 'group', open: i, close: -1, children: [] };
    const [end, found] = spans(group.children, i + 1, [...kinds, here], 'html', undefined, name);
    if (found) group.close = end;
    pieces.push(group);
    return found ? end + 1 : end;
  };

  const emphasis = (pieces: Piece<Node>[], i: number, kinds: readonly string[], here: string): number => {
    const char = (tokens[i] as { char: string }).char;
    const width = isMarker(i + 1, char) ? 2 : 1;
    const type = width === 2 ? 'strong' : 'emphasis';
    const next = rawAt(i + width);
    const literal = (): number => {
      for (let k = 0; k < width; k++) pieces.push(i + k);
      return i + width;
    };
    const afterWord = ALPHA.test(rawBefore(i)) || (rawBefore(i) === '-' && ALPHA.test(rawBefore(i - 1)));
    if ((char === '_' && afterWord) || WHITESPACE.test(next) || here === type || kinds.includes(type)) return literal();
    /** The emphasis opened by the first `spanWidth` markers at `i`, read up to its closing marker. */
    const attempt = (spanWidth: number): Attempt<Node> => {
      // The same opening in the same surroundings always reads the same: kramdown tries an
      // unclosed marker again from every enclosing attempt, which without this is cubic.
      const key = `${i}:${spanWidth}:${here}:${kinds.includes('emphasis') ? 1 : 0}${kinds.includes('strong') ? 1 : 0}`;
      const known = attempts.get(key);
      if (known) return known;
      const span: Span<Node> = { type: spanWidth === 2 ? 'strong' : 'emphasis', open: i, close: -1, width: spanWidth, children: [] };
      const [end, found] = spans(span.children, i + spanWidth, [...kinds, here], span.type, { span, char, width: spanWidth });
      span.close = end;
      if (!found) span.children = []; // never shown: only whether and where it closed is kept
      const result: Attempt<Node> = [span, end, found];
      attempts.set(key, result);
      return result;
    };
    let [span, end, found] = attempt(width);
    // kramdown tries an unclosed `**` once more as `*` holding a `*` of text.
    if (!found && width === 2 && here !== 'emphasis') [span, end, found] = attempt(1);
    if (!found) return literal();
    pieces.push(span);
    return end + span.width;
  };

  const attempts = new Map<string, Attempt<Node>>();
  const pieces: Piece<Node>[] = [];
  spans(pieces, 0, open, within);
  return pieces;
}
