// Turns a diagram as written into what PlantUML may see: one `@start…`/`@end…` block, local
// `!include`s inlined (confined to the notes folder), bundled libraries instead of URLs, and any
// other remote include refused. Inlining here, rather than letting PlantUML read files, makes
// the cache key cover included files and lets PlantUML run with no file access at all.
import path from 'node:path';
import { NotesFolder } from '../loader/confine.ts';
import { readTextFile } from '../loader/text-file.ts';
import { stdlibFor } from './stdlib-urls.ts';

export interface SourceProblem {
  /** 0-based line in the source as written. */
  line: number;
  message: string;
}

export interface PreparedSource {
  text: string;
  /** For each line of `text`: the 0-based line of the source as written it came from. */
  origins: number[];
  problems: SourceProblem[];
  /** Files looked for, found (real path) or not: a render stays valid while they are unchanged. */
  files: string[];
}

export interface PrepareOptions {
  /** Folder relative includes are resolved against (the note's folder). */
  baseDir: string;
  /** Includes may not leave this folder (the notes folder). */
  rootDir: string;
}

const INCLUDE = /^\s*!(include|include_many|include_once|includesub|includeurl|import)\s+(.+?)\s*$/i;
const THEME_FROM_URL = /^\s*!theme\s+\S+\s+from\s+(\S+)/i;
const START = /^\s*@start(\w+)/i;
const MAX_DEPTH = 16;

/** The body of an included file: its `!startsub NAME` section, or what lies inside @start/@end. */
function includedLines(text: string, sub: string | undefined): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (sub !== undefined) {
    const start = lines.findIndex((l) => new RegExp(`^\\s*!startsub\\s+${sub.replace(/\W/g, '\\$&')}\\s*$`, 'i').test(l));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && /^\s*!endsub\b/i.test(l));
    return lines.slice(start + 1, end < 0 ? undefined : end);
  }
  const start = lines.findIndex((l) => START.test(l));
  if (start < 0) return lines.filter((l) => !/^\s*!(?:startsub|endsub)\b/i.test(l));
  const end = lines.findIndex((l, i) => i > start && /^\s*@end\w+/i.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Keeps one diagram: from its `@start…` line to the matching `@end…` (added if missing). */
function diagramBlock(source: string): { lines: string[]; first: number } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => START.test(l));
  if (start < 0) return { lines: ['@startuml', ...lines.filter((l, i) => l.trim() !== '' || i < lines.length - 1), '@enduml'], first: -1 };
  const kind = START.exec(lines[start]!)![1]!;
  const endPattern = new RegExp(`^\\s*@end${kind}\\b`, 'i');
  const end = lines.findIndex((l, i) => i > start && endPattern.test(l));
  const block = lines.slice(start, end < 0 ? undefined : end + 1);
  if (end < 0) block.push(`@end${kind}`);
  return { lines: block, first: start };
}

export function prepareSource(source: string, options: PrepareOptions): PreparedSource {
  const folder = new NotesFolder(options.rootDir);
  const { lines, first } = diagramBlock(source);
  const out: string[] = [];
  const origins: number[] = [];
  const problems: SourceProblem[] = [];
  const included = new Set<string>();
  const files = new Set<string>();
  // Where line i of `lines` sits in the source as written (a synthetic @startuml maps to line 0).
  const originOf = (i: number): number => (first < 0 ? Math.max(0, Math.min(i - 1, source.split('\n').length - 1)) : first + i);

  const expand = (body: string[], dir: string, origin: (i: number) => number, depth: number, chain: string[]): void => {
    body.forEach((line, i) => {
      const where = origin(i);
      const theme = THEME_FROM_URL.exec(line);
      if (theme && /^https?:/i.test(theme[1]!)) {
        problems.push({ line: where, message: `remote theme refused (never fetched): ${theme[1]}` });
        return;
      }
      const include = INCLUDE.exec(line);
      if (!include) {
        out.push(line);
        origins.push(where);
        return;
      }
      const [, directive, rawTarget] = include;
      const target = rawTarget!.replace(/^["']|["']$/g, '');
      if (target.startsWith('<')) {
        out.push(line);
        origins.push(where);
        return;
      }
      if (/^https?:\/\//i.test(target) || directive!.toLowerCase() === 'includeurl') {
        const stdlib = stdlibFor(target);
        if (!stdlib) {
          problems.push({ line: where, message: `remote include refused (never fetched): ${target}` });
          return;
        }
        out.push(`!${directive!.toLowerCase() === 'includeurl' ? 'include' : directive} ${stdlib}`);
        origins.push(where);
        return;
      }
      if (/[$%]/.test(target)) {
        problems.push({ line: where, message: `include path built from variables cannot be checked: ${target}` });
        return;
      }
      // `file!NAME` picks a `!startsub NAME` section (for !includesub; `file!0` for !include).
      const bang = target.lastIndexOf('!');
      const filePart = bang > 0 ? target.slice(0, bang) : target;
      const sub = bang > 0 ? target.slice(bang + 1) : undefined;
      // The notes folder's one confinement rule: real path inside, nothing hidden, a file.
      const { file: real, problem } = folder.resolve(filePart, dir, target);
      if (!real) {
        files.add(path.resolve(dir, filePart));
        problems.push({ line: where, message: problem?.endsWith('file not found') ? `include not found: ${target}` : `include refused: ${problem}` });
        return;
      }
      if (chain.includes(real) || depth >= MAX_DEPTH) {
        problems.push({ line: where, message: `include loop: ${target}` });
        return;
      }
      if (directive!.toLowerCase() === 'include_once' && included.has(real)) return;
      included.add(real);
      files.add(real);
      const subName = directive!.toLowerCase() === 'includesub' || (sub !== undefined && !/^\d+$/.test(sub)) ? sub : undefined;
      expand(includedLines(readTextFile(real).text, subName), path.dirname(real), () => where, depth + 1, [...chain, real]);
    });
  };

  expand(lines, options.baseDir, originOf, 0, []);
  return { text: out.join('\n'), origins, problems, files: [...files] };
}
