// Build diagnostics: every warning names a file and a line, and the build goes on.
import path from 'node:path';

export type Severity = 'warning' | 'error';

export interface Diagnostic {
  severity: Severity;
  /** Absolute path of the source file. */
  file: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** A short stable code, e.g. `liquid`, `broken-link`, `diagram`. */
  code: string;
  message: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];
  readonly #seen = new Set<string>();

  readonly #root: string;

  constructor(root: string = process.cwd()) {
    this.#root = root;
  }

  report(diagnostic: Diagnostic): void {
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.code}:${diagnostic.message}`;
    if (this.#seen.has(key)) return; // the same page may be rendered twice in dev
    this.#seen.add(key);
    this.items.push(diagnostic);
  }

  warn(file: string, line: number | undefined, code: string, message: string): void {
    this.report({ severity: 'warning', file, line, code, message });
  }

  error(file: string, line: number | undefined, code: string, message: string): void {
    this.report({ severity: 'error', file, line, code, message });
  }

  get count(): number {
    return this.items.length;
  }

  /** The file as messages name it: relative to the project when inside it. */
  where(diagnostic: Diagnostic): string {
    const relative = path.relative(this.#root, diagnostic.file);
    return relative && !relative.startsWith('..') ? relative : diagnostic.file;
  }

  format(diagnostic: Diagnostic): string {
    const where = this.where(diagnostic);
    const line = diagnostic.line ? `:${diagnostic.line}` : '';
    return `${where}${line}: ${diagnostic.severity} [${diagnostic.code}] ${diagnostic.message}`;
  }

  clear(): void {
    this.items.length = 0;
    this.#seen.clear();
  }
}
