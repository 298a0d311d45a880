// Runs the real Markdown pipeline over a string, as a note at `relPath` would be.
import { Diagnostics } from '../../src/diagnostics/diagnostics.ts';
import type { NoteContext } from '../../src/markdown/note-context.ts';
import { createPipeline, runPipeline } from '../../src/markdown/pipeline.ts';
import { preprocessMarkdown } from '../../src/markdown/preprocess.ts';

export interface RenderOptions {
  relPath?: string;
  base?: string;
  pages?: Record<string, string>;
}

export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<{ html: string; context: NoteContext }> {
  const pre = preprocessMarkdown(markdown);
  const relPath = options.relPath ?? 'study/note.md';
  const context: NoteContext = {
    file: `/notes/${relPath}`,
    source: { text: markdown, firstLine: 1 },
    relPath,
    notesDir: '/notes',
    base: options.base ?? '/',
    lineMap: pre.lineMap,
    diagnostics: new Diagnostics('/notes'),
    rawBlocks: pre.rawBlocks,
    pageUrlForSource: (path) => options.pages?.[path],
    headings: [],
    links: [],
  };
  const html = await runPipeline(createPipeline(), pre.text, context);
  return { html, context };
}
