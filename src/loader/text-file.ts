// Reads a notes file as UTF-8 and says where it is not: Node's decoder would silently turn every
// invalid byte into U+FFFD and publish it.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

export interface TextFile {
  /** The text, CRLF line ends made LF; invalid bytes shown as U+FFFD. */
  text: string;
  /** The first line holding bytes that are not UTF-8, and how many lines do. */
  invalidUtf8?: { line: number; lines: number };
}

export function decodeText(bytes: Buffer): TextFile {
  const text = bytes.toString('utf8').replace(/\r\n/g, '\n');
  if (isUtf8(bytes)) return { text };
  let first = 0;
  let lines = 0;
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) {
      first ||= line;
      lines++;
    }
    if (end < 0) break;
    start = end + 1;
  }
  return { text, invalidUtf8: { line: first || 1, lines: Math.max(lines, 1) } };
}

export function readTextFile(file: string): TextFile {
  return decodeText(readFileSync(file));
}

export function invalidUtf8Message(invalid: NonNullable<TextFile['invalidUtf8']>): string {
  const more = invalid.lines > 1 ? ` (and ${invalid.lines - 1} more line${invalid.lines > 2 ? 's' : ''})` : '';
  return `not valid UTF-8${more}: save the file as UTF-8; the invalid bytes are shown as "\uFFFD"`;
}
