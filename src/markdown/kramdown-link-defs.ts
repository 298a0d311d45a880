// kramdown's link definitions, read where CommonMark reads the same lines differently:
// - the URL may hold spaces (`[id]: some file.html 'title'`): CommonMark takes such a line for
//   text, and the lines after it join that paragraph. Written `<some file.html>` here, which
//   CommonMark reads as the same URL.
// - a line indented four spaces right after a definition is a code block to kramdown; CommonMark
//   reads it as more of the definitions (a blank line in between gives kramdown's reading).
// kramdown's rule (parser/kramdown/link.rb): at a block start, up to three spaces, `[id]:`, the
// URL (in `<…>` or up to the end of the line or the title), and an optional title in '' or ""
// on the same line or the next one; a URL with a space before a quote is no definition.

const DEFINITION = /^( {0,3}\[[^\n\]]+\]:)[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:([ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\5)?[ \t]*?\n/;

export interface KramdownDefinition {
  /** How many lines it takes (1, or 2 with its title on the next line). */
  lineCount: number;
  /** The same lines, written so CommonMark reads the same definition. */
  lines: string[];
}

/** The link definition kramdown reads at line `start` (a block start), if any. */
export function kramdownLinkDefinition(lines: readonly string[], start: number): KramdownDefinition | undefined {
  const line = lines[start]!;
  if (!/^ {0,3}\[/.test(line)) return undefined;
  // kramdown tries footnote definitions first: `[^name]: text` is a note, never a link definition.
  if (/^ {0,3}\[\^[A-Za-z0-9_][\w-]*\]:/.test(line)) return undefined;
  const match = DEFINITION.exec(`${line}\n${lines[start + 1] ?? ''}\n`);
  if (!match) return undefined;
  const [, label, , bare, separator, quote, title] = match;
  if (bare !== undefined && /[ \t]+["']/.test(bare)) return undefined;
  const titleOnNextLine = separator?.includes('\n') ?? false;
  const lineCount = titleOnNextLine ? 2 : 1;
  // Only a URL with white space needs rewriting; every other definition reads the same already.
  if (bare === undefined || !/\s/.test(bare)) return { lineCount, lines: lines.slice(start, start + lineCount) };
  const url = `<${bare.replace(/[<>\\]/g, '\\$&')}>`;
  const titleText = title === undefined ? '' : `${quote}${title.replaceAll(quote!, `\\${quote}`)}${quote}`;
  if (titleOnNextLine) return { lineCount, lines: [`${label} ${url}`, titleText] };
  return { lineCount, lines: [`${label} ${url}${titleText ? ` ${titleText}` : ''}`] };
}
