// Which line of the note a line of a diagram came from. A multi-line <script> was set aside
// before Markdown parsing, so only its first line has a trustworthy position; the lines inside
// are found by aligning the script's text with the note file (Liquid may have changed the line
// count, e.g. `{% include_relative %}` — such lines map to the include tag).
import { readFileSync } from 'node:fs';
import { repairMojibake } from '../../loader/mojibake.ts';
import { LineMap } from '../../render/line-map.ts';

const fileCache = new Map<string, string | undefined>();

function noteText(file: string): string | undefined {
  if (!fileCache.has(file)) {
    let text: string | undefined;
    try {
      // The pipeline sees the repaired text, so the alignment must too.
      text = repairMojibake(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')).text;
    } catch {
      text = undefined;
    }
    fileCache.set(file, text);
    // Only needed while one build renders; a dev server must see edits.
    setTimeout(() => fileCache.delete(file), 5_000).unref();
  }
  return fileCache.get(file);
}

/**
 * For a script element starting on `scriptLine` of `file` whose text is `text`:
 * 0-based line of `text` → line of the file.
 */
export function scriptLineMapper(file: string, scriptLine: number, text: string): (line: number) => number {
  const fallback = (line: number): number => scriptLine + line;
  const note = noteText(file);
  if (note === undefined) return fallback;
  const lines = note.split('\n');
  const head = lines[scriptLine - 1];
  const open = head === undefined ? -1 : head.search(/<script\b/i);
  if (open < 0) return fallback;
  const rest = [head!.slice(open), ...lines.slice(scriptLine)].join('\n');
  const bodyStart = rest.indexOf('>') + 1;
  const bodyEnd = rest.search(/<\/script\s*>/i);
  if (bodyStart <= 0 || bodyEnd < bodyStart) return fallback;
  const written = rest.slice(bodyStart, bodyEnd);
  if (written === text) return fallback;
  const map = LineMap.fromDiff(written, text).offsetBy(scriptLine - 1);
  return (line) => map.map(line + 1);
}
