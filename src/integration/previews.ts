// Link previews: one small JSON per page, `_preview/<page>.json`, with the page's title and
// description and each section's title and opening words. The browser fetches a page's file the
// first time a link to it is pointed at (src/client/link-preview.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedNote } from '../render/render-note.ts';

export const PREVIEW_DIR = '_preview';

/** `study/x.html` → `_preview/study/x.json`; `study/index.html` → `_preview/study/index.json`. */
export function previewPathFor(outputPath: string): string {
  return `${PREVIEW_DIR}/${outputPath.replace(/\.html?$/i, '')}.json`;
}

export function previewOf(note: Pick<RenderedNote, 'page' | 'description' | 'sections'>): object {
  const sections: Record<string, { title: string; text: string }> = {};
  for (const s of note.sections) sections[s.id] ??= { title: s.title, text: s.text };
  return { title: note.page.title, text: note.description, sections };
}

/** Writes every page's preview; returns how many. */
export async function writePreviews(outDir: string, notes: Iterable<RenderedNote>): Promise<number> {
  let written = 0;
  for (const note of notes) {
    if (note.document || note.page.outputPath === '404.html') continue;
    const file = path.join(outDir, previewPathFor(note.page.outputPath));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(previewOf(note)));
    written += 1;
  }
  return written;
}
