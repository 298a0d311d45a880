// Which line of the note a line of a diagram came from. A multi-line <script> was set aside
// before Markdown parsing, so only its first line has a trustworthy position; the lines inside
// are found by aligning the script's text with the note file (Liquid may have changed the line
// count, e.g. `{% include_relative %}` — such lines map to the include tag). The note's text is
// the one the loader already read and repaired: no second read of the file.
import type { NoteSource } from '../note-context.ts';
import { LineMap } from '../../shared/line-map.ts';

/**
 * For a script element starting on file line `scriptLine` of the note whose text is `text`:
 * 0-based line of `text` → line of the file.
 */
export function scriptLineMapper(source: NoteSource, scriptLine: number, text: string): (line: number) => number {
  const fallback = (line: number): number => scriptLine + line;
  const lines = source.text.split('\n');
  const index = scriptLine - source.firstLine;
  const head = lines[index];
  const open = head === undefined ? -1 : head.search(/<script\b/i);
  if (open < 0) return fallback;
  const rest = [head!.slice(open), ...lines.slice(index + 1)].join('\n');
  const bodyStart = rest.indexOf('>') + 1;
  const bodyEnd = rest.search(/<\/script\s*>/i);
  if (bodyStart <= 0 || bodyEnd < bodyStart) return fallback;
  const written = rest.slice(bodyStart, bodyEnd);
  if (written === text) return fallback;
  const map = LineMap.fromDiff(written, text).offsetBy(scriptLine - 1);
  return (line) => map.map(line + 1);
}
