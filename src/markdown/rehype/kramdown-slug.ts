// The two automatic heading-id rules of Jekyll's kramdown (GFM input), exactly; old links
// into notes depend on them. See docs/notes-dialect.md "Headings and anchors".

/** kramdown-parser-gfm: headings written in the Markdown itself. */
export function gfmHeadingId(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** kramdown's own rule: headings inside an HTML element written with `markdown="1"`. */
export function kramdownHeadingId(raw: string): string {
  const id = raw
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
  return id || 'section';
}

/** Numbers repeats the way kramdown does: the second `x` becomes `x-1`, then `x-2`. */
export class IdCounter {
  readonly #used = new Map<string, number>();

  unique(id: string): string {
    const seen = this.#used.get(id);
    if (seen === undefined) {
      this.#used.set(id, 0);
      return id;
    }
    this.#used.set(id, seen + 1);
    return `${id}-${seen + 1}`;
  }
}
