// Where an id is written in a note's source, so a duplicate id is reported at the author's line.
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The 1-based lines of the note's source where `id` is written (`id="x"`, `id='x'`, `{#x}`), so a
 * duplicate can be reported where the author wrote it; empty for ids the pipeline made up.
 */
export function sourceLinesOfId(source: string, id: string): number[] {
  const pattern = new RegExp(`\\bid\\s*=\\s*(?:"${escapeRegExp(id)}"|'${escapeRegExp(id)}'|${escapeRegExp(id)}(?=[\\s>]))|\\{#${escapeRegExp(id)}\\}`, 'g');
  const lines: number[] = [];
  source.split('\n').forEach((line, index) => {
    pattern.lastIndex = 0;
    for (const _ of line.matchAll(pattern)) lines.push(index + 1);
  });
  return lines;
}
