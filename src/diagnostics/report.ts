// What `npm run build` and `npm run check` print at the end: every finding as
// `file:line: error|warning [code] message`, sorted by file and line, then a count of each.
import type { Diagnostic, Diagnostics } from './diagnostics.ts';

export interface Report {
  /** One line per finding, sorted. */
  lines: string[];
  errors: number;
  warnings: number;
  /** "2 errors, 1 warning". */
  counts: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function buildReport(diagnostics: Diagnostics): Report {
  const entries = diagnostics.items.map((item: Diagnostic) => ({ item, text: diagnostics.format(item), where: diagnostics.where(item) }));
  entries.sort((a, b) => {
    if (a.where !== b.where) return a.where < b.where ? -1 : 1;
    const lines = (a.item.line ?? 0) - (b.item.line ?? 0);
    if (lines !== 0) return lines;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  });
  const errors = diagnostics.items.filter((item) => item.severity === 'error').length;
  const warnings = diagnostics.items.length - errors;
  return { lines: entries.map((e) => e.text), errors, warnings, counts: `${plural(errors, 'error')}, ${plural(warnings, 'warning')}` };
}
