// Reads one source file of the notes folder: invalid UTF-8, empty notes and notes past the
// page-size limit reported; front matter split off (with its line); text damaged by a Mac Roman
// round trip repaired and reported. Shared by pages, posts and collection documents.
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { parseFrontMatter } from './front-matter.ts';
import { repairMojibake } from './mojibake.ts';
import { invalidUtf8Message, readTextFile } from './text-file.ts';

export interface SourceFile {
  hasFrontMatter: boolean;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

/** A note that is not published at all (empty, or past the size limit); already reported. */
export const SKIPPED = Symbol('skipped note');

/** `frontMatterOptional`: read the body even without front matter (posts, GitHub Pages' optional front matter). */
export function readSourceFile(
  absPath: string,
  relPath: string,
  options: { diagnostics: Diagnostics; pageSizeLimit: number; frontMatterOptional?: boolean },
): SourceFile | typeof SKIPPED {
  const { diagnostics } = options;
  const { text: original, invalidUtf8 } = readTextFile(absPath);
  if (invalidUtf8) diagnostics.error(absPath, invalidUtf8.line, 'encoding', invalidUtf8Message(invalidUtf8));
  if (original.trim() === '' && !/\.html?$/i.test(relPath)) {
    diagnostics.warn(absPath, 1, 'empty-note', 'the note is empty; nothing is published for it');
    return SKIPPED;
  }
  if (original.length > options.pageSizeLimit) {
    diagnostics.error(absPath, 1, 'page-size', `the note holds ${original.length} characters, more than the page-size limit of ${options.pageSizeLimit} (PAGE_SIZE_LIMIT); not published`);
    return SKIPPED;
  }
  const parsed = parseFrontMatter(original);
  // Jekyll copies a file without front matter as it is: nothing to read or report.
  if (!parsed.hasFrontMatter && !options.frontMatterOptional) return { hasFrontMatter: false, data: {}, body: parsed.body, bodyLine: 1 };
  if (parsed.error) diagnostics.warn(absPath, parsed.error.line, 'front-matter', `front matter is not valid YAML: ${parsed.error.message}`);
  const { text: body, repairs } = repairMojibake(parsed.body);
  if (repairs.length > 0) {
    const first = repairs[0]!;
    const examples = [...new Set(repairs.map((r) => `"${r.damaged}" → "${r.restored}"`))].slice(0, 4).join(', ');
    diagnostics.warn(
      absPath,
      parsed.bodyLine + first.line - 1,
      'encoding',
      `${repairs.length} mis-decoded character runs (UTF-8 read as Mac Roman) repaired in the output, e.g. ${examples}; fix the file to silence this`,
    );
  }
  return { hasFrontMatter: parsed.hasFrontMatter, data: parsed.data, body, bodyLine: parsed.bodyLine };
}
