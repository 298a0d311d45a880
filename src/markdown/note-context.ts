// What the Markdown plugins know about the note they transform, carried on the VFile.
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import type { LineMap } from '../shared/line-map.ts';
import type { PageIds } from './page-ids.ts';

export interface HeadingEntry {
  depth: number;
  id: string;
  text: string;
  /** Excluded from tables of contents (`{:.no_toc}`). */
  noToc: boolean;
}

export interface LinkEntry {
  /** The URL as written after resolution (base path included). */
  url: string;
  /** Attribute it came from, e.g. `href`, `src`. */
  attribute: string;
  /** Line in the note's file. */
  line: number | undefined;
  /** The heading (with an id) the link sits under, if any: where a backlink points. */
  section?: { id: string; text: string };
}

/** A heading's section as a link preview shows it: its title and its first words. */
export interface SectionEntry {
  id: string;
  title: string;
  /** The section's opening text, at most a few lines, whitespace collapsed. */
  text: string;
}

/** The note as the author wrote it (after front matter, encoding repaired), before Liquid. */
export interface NoteSource {
  text: string;
  /** Line of the file on which `text` starts. */
  firstLine: number;
}

export interface NoteContext {
  /** Absolute source file of the note. */
  file: string;
  source: NoteSource;
  /** Source path under the notes folder. */
  relPath: string;
  notesDir: string;
  base: string;
  /** Line of the Markdown handed to the pipeline → line of the note's file. */
  lineMap: LineMap;
  /**
   * Line of the Markdown handed to the pipeline → line of the Markdown kramdown reads (Liquid's
   * output): only preprocessing's own insertions. Blank lines and adjacency are judged on this,
   * as Jekyll runs kramdown after Liquid (a loop's blank lines separate list items there).
   * Absent: `lineMap`.
   */
  markdownLineMap?: LineMap;
  diagnostics: Diagnostics;
  /** HTML elements preprocessing set aside, restored in the tree. */
  rawBlocks: string[];
  /** The URL of the page built from a source path under the notes folder, if it is one. */
  pageUrlForSource: (relPath: string) => string | undefined;
  /** Filled by the plugins. */
  headings: HeadingEntry[];
  links: LinkEntry[];
  /** Filled by rehype-collect-sections (link previews). */
  sections?: SectionEntry[];
  /** Every id on the finished page, and those given more than once. */
  ids?: PageIds;
  /** Files read on the note's behalf (includes), found or not: its cached render depends on them. */
  readFiles?: Set<string>;
  /** What the layouts need to know about the finished page. */
  facts?: PageFacts;
}

export interface PageFacts {
  /** A figure on the page can be enlarged: the layout adds the viewer. */
  hasFigures: boolean;
  /** The first picture's address as the page has it (resolved, base path included): the link preview image. */
  image: string | undefined;
  /** The note opens with its own `<h1>`: the layout keeps it as the page title. */
  opensWithH1: boolean;
}

declare module 'vfile' {
  interface DataMap {
    note: NoteContext;
  }
}

/** The note line of a node from the parsed Markdown, if it has a position. */
export function noteLine(context: NoteContext, node: { position?: { start: { line: number } } }): number | undefined {
  const line = node.position?.start.line;
  return line === undefined ? undefined : context.lineMap.map(line);
}
