// Line and column of an offset in the Markdown a plugin reads (file.value), for nodes a plugin
// builds from the source text: their positions keep diagnostics at the exact line.
import type { Point } from 'unist';

/** A function from offset to point for `source` (lines found once, each look-up a binary search). */
export function pointer(source: string): (offset: number) => Point {
  const starts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1, offset };
  };
}
