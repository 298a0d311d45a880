// Splits a note into YAML front matter and body, keeping line numbers for messages.
import { parseYaml } from './yaml.ts';

export interface FrontMatterResult {
  /** True when the file starts with a `---` front matter block (Jekyll's test for a page). */
  hasFrontMatter: boolean;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** A YAML problem, with its 1-based line in the file. */
  error?: { line: number; message: string };
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

export function parseFrontMatter(text: string): FrontMatterResult {
  const source = text.replace(/^\uFEFF/, '');
  const opening = OPENING.exec(source);
  if (!opening) return { hasFrontMatter: false, data: {}, body: source, bodyLine: 1 };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return {
      hasFrontMatter: true,
      data: {},
      body: source,
      bodyLine: 1,
      error: { line: 1, message: 'front matter opened with "---" is never closed' },
    };
  }
  const yamlText = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  const bodyLine = 1 + countLines(source.slice(0, source.length - afterClosing.length));
  const { value, error } = parseYaml(yamlText);
  // The YAML starts on line 2 of the file, under the opening `---`.
  if (error) return { hasFrontMatter: true, data: {}, body: afterClosing, bodyLine, error: { line: 1 + error.line, message: error.message } };
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { hasFrontMatter: true, data, body: afterClosing, bodyLine };
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
