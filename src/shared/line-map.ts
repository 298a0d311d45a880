// Maps lines of a transformed text back to the lines of the note the author wrote,
// so every message names the line in the note (not in Liquid output or a diagram).
import { diffArrays } from 'diff';

export class LineMap {
  /** `toSource[i]` is the source line of transformed line `i + 1`. */
  private readonly toSource: readonly number[];

  private constructor(toSource: readonly number[]) {
    this.toSource = toSource;
  }

  static identity(lineCount: number): LineMap {
    return new LineMap(Array.from({ length: lineCount }, (_, i) => i + 1));
  }

  static fromArray(toSource: readonly number[]): LineMap {
    return new LineMap(toSource);
  }

  /**
   * Aligns `transformed` with `source` line by line. Lines that replaced lines pair with them in
   * order (three lines Liquid changed map to their own three lines; the lines an include grew to
   * map to the include's line); purely inserted lines map to the line before them.
   */
  static fromDiff(source: string, transformed: string): LineMap {
    if (source === transformed) return LineMap.identity(source.split('\n').length);
    const toSource: number[] = [];
    let sourceLine = 1;
    let replaced: { first: number; count: number } | undefined;
    for (const part of diffArrays(source.split('\n'), transformed.split('\n'))) {
      const count = part.value.length;
      if (part.removed) {
        replaced = { first: sourceLine, count };
        sourceLine += count;
        continue;
      }
      if (part.added) {
        for (let i = 0; i < count; i++) toSource.push(replaced ? replaced.first + Math.min(i, replaced.count - 1) : Math.max(1, sourceLine - 1));
      } else {
        for (let i = 0; i < count; i++) toSource.push(sourceLine++);
      }
      replaced = undefined;
    }
    return new LineMap(toSource);
  }

  /** Source line of a transformed line (1-based); clamps past the end. */
  map(line: number): number {
    if (this.toSource.length === 0) return line;
    return this.toSource[Math.min(Math.max(line, 1), this.toSource.length) - 1]!;
  }

  /** The same map, with every source line moved by `offset` (a body inside a file). */
  offsetBy(offset: number): LineMap {
    return new LineMap(this.toSource.map((line) => line + offset));
  }

  /** `this` maps B → A and `inner` maps C → B: the result maps C → A. */
  after(inner: LineMap): LineMap {
    return new LineMap(inner.toSource.map((line) => this.map(line)));
  }
}
