// Runs the build's own note pipeline (createNotePipeline: the same plugins, diagrams and figures
// included) over a string, as a note at `relPath` would be.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Diagnostics } from '../../src/diagnostics/diagnostics.ts';
import { createBuildDiagrams, type BuildDiagrams } from '../../src/diagrams/build-diagrams.ts';
import type { NoteContext } from '../../src/markdown/note-context.ts';
import { createNotePipeline, runPipeline, type NotePipeline } from '../../src/markdown/pipeline.ts';
import { preprocessMarkdown } from '../../src/markdown/preprocess.ts';

export interface RenderOptions {
  relPath?: string;
  base?: string;
  pages?: Record<string, string>;
  /**
   * false: the Markdown as read, without the site's figures (pictures and diagram sources stay as
   * written) — for comparing the reading with kramdown's, which has no figures.
   */
  figures?: boolean;
  /** A pipeline of the test's own (e.g. with a highlight cache) instead of the shared one. */
  pipeline?: NotePipeline;
}

// One diagram service for the test file, started only if a test renders a diagram (it stops with the process).
let diagrams: BuildDiagrams | undefined;
const pipelines = new Map<boolean, NotePipeline>();

function notePipeline(figures: boolean): NotePipeline {
  let pipeline = pipelines.get(figures);
  if (!pipeline) {
    pipeline = createNotePipeline({
      figures,
      diagrams: () => (diagrams ??= createBuildDiagrams({ notesDir: '/notes', cacheDir: mkdtempSync(path.join(tmpdir(), 'render-markdown-')) })),
    });
    pipelines.set(figures, pipeline);
  }
  return pipeline;
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
  const pipeline = options.pipeline ?? notePipeline(options.figures ?? true);
  const html = await runPipeline(pipeline.processors.markdown, pre.text, context);
  return { html, context };
}
