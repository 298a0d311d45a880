// The site view as the routes receive it: one file per rendering, written by the integration and
// read by the `virtual:study-notes/site` module inside Astro's route bundle (the two share no
// module state, so the site crosses as data).
//
// Layout: the notes' HTML (UTF-8, one after another) unless it is in a NoteHtmlFile already,
// then the rest of the view v8-serialised (Maps, Sets and Dates survive, shared objects stay
// shared) with each note's HTML replaced by the file and byte range holding it, then the
// serialised part's offset (8 bytes). A build's routes read a note's HTML when its page is drawn
// and let it go, so the process never holds a copy of every page. The dev server reads it all at
// once instead: a module a few renderings old may still draw a page after its file is gone.
import { closeSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { RenderedNote } from '../render/render-note.ts';
import { readBytes, withoutHtml, type HtmlRange, type NoteHtmlFile } from './note-html-file.ts';
import type { SiteView } from './site-view.ts';

interface StoredView extends Omit<SiteView, 'notes'> {
  notes: Map<string, Omit<RenderedNote, 'html'>>;
  /** The file holding the notes' HTML: this one, or the build's NoteHtmlFile. */
  htmlFile: string | undefined;
  html: Map<string, HtmlRange>;
}

const TRAILER = 8;

/** `held`: the file the notes' HTML was written to while they were rendered, if any. */
export function writeSiteView(file: string, view: SiteView, held?: NoteHtmlFile): void {
  const fd = openSync(file, 'w');
  try {
    let offset = 0;
    const html = new Map<string, HtmlRange>();
    const notes = new Map<string, Omit<RenderedNote, 'html'>>();
    const all = held !== undefined && [...view.notes.values()].every((note) => held.rangeOf(note));
    for (const [key, note] of view.notes) {
      notes.set(key, withoutHtml(note));
      if (all) {
        html.set(key, held.rangeOf(note)!);
        continue;
      }
      const length = writeSync(fd, note.html, null, 'utf8');
      html.set(key, [offset, length]);
      offset += length;
    }
    const stored: StoredView = { ...view, notes, htmlFile: all ? held.file : undefined, html };
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeBigUInt64LE(BigInt(offset));
    writeSync(fd, serialize(stored));
    writeSync(fd, trailer);
  } finally {
    closeSync(fd);
  }
}

function readHtml(file: string, [offset, length]: HtmlRange): string {
  const fd = openSync(file, 'r');
  try {
    return readBytes(fd, offset, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The view's data without the HTML, and the whole file when `whole` is asked for. */
function readStored(file: string, whole: boolean): { stored: StoredView; bytes: Buffer | undefined } {
  if (whole) {
    const bytes = readFileSync(file);
    const start = Number(bytes.readBigUInt64LE(bytes.length - TRAILER));
    return { stored: deserialize(bytes.subarray(start, bytes.length - TRAILER)) as StoredView, bytes };
  }
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Number(readBytes(fd, size - TRAILER, TRAILER).readBigUInt64LE(0));
    return { stored: deserialize(readBytes(fd, start, size - TRAILER - start)) as StoredView, bytes: undefined };
  } finally {
    closeSync(fd);
  }
}

/** `lazyHtml`: each note's HTML is read from the file when asked for (a build); else all at once (dev). */
export function readSiteView(file: string, { lazyHtml }: { lazyHtml: boolean }): SiteView {
  const { stored, bytes: whole } = readStored(file, !lazyHtml);
  const htmlFile = stored.htmlFile ?? file;
  const bytes = whole && stored.htmlFile ? readFileSync(stored.htmlFile) : whole;
  const notes = new Map<string, RenderedNote>();
  for (const [key, note] of stored.notes) {
    const range = stored.html.get(key)!;
    if (bytes) {
      notes.set(key, { ...note, html: bytes.toString('utf8', range[0], range[0] + range[1]) });
      continue;
    }
    // Read on each use: a page reads its note's HTML a few times while it is drawn, then never.
    Object.defineProperty(note, 'html', { enumerable: true, get: (): string => readHtml(htmlFile, range) });
    notes.set(key, note as RenderedNote);
  }
  const { html: _html, htmlFile: _htmlFile, ...view } = stored;
  return { ...view, notes };
}
