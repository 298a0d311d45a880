// The site view as the routes receive it: one file per rendering, written by the integration and
// read by the `virtual:study-notes/site` module inside Astro's route bundle (the two share no
// module state, so the site crosses as data).
//
// Layout: every note's HTML (UTF-8, one after another), then the rest of the view v8-serialised
// (Maps, Sets and Dates survive, shared objects stay shared) with each note's HTML replaced by
// its byte range, then the serialised part's offset (8 bytes). The HTML is the bulk of a site
// (~80 MB for 1,000 notes held as JavaScript strings): a build's routes read a note's HTML from
// the file when its page is drawn and let it go, so the process never holds a second copy of it.
// The dev server reads it all at once instead: a module a few renderings old may still draw a
// page after its file is gone.
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { RenderedNote } from '../render/render-note.ts';
import type { SiteView } from './site-view.ts';

/** Where a note's HTML lies in the file: byte offset and length. */
type HtmlRange = [number, number];

interface StoredView extends Omit<SiteView, 'notes'> {
  notes: Map<string, Omit<RenderedNote, 'html'>>;
  html: Map<string, HtmlRange>;
}

const TRAILER = 8;

export function writeSiteView(file: string, view: SiteView): void {
  const fd = openSync(file, 'w');
  try {
    let offset = 0;
    const html = new Map<string, HtmlRange>();
    const notes = new Map<string, Omit<RenderedNote, 'html'>>();
    for (const [key, { html: noteHtml, ...rest }] of view.notes) {
      const length = writeSync(fd, noteHtml, null, 'utf8');
      html.set(key, [offset, length]);
      notes.set(key, rest);
      offset += length;
    }
    const stored: StoredView = { ...view, notes, html };
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeBigUInt64LE(BigInt(offset));
    writeSync(fd, serialize(stored));
    writeSync(fd, trailer);
  } finally {
    closeSync(fd);
  }
}

/** `length` bytes of the file from `offset`. */
function readBytes(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) throw new Error('study-notes: the site view file ends early');
    done += read;
  }
  return bytes;
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
  const { stored, bytes } = readStored(file, !lazyHtml);
  const notes = new Map<string, RenderedNote>();
  for (const [key, note] of stored.notes) {
    const range = stored.html.get(key)!;
    if (bytes) {
      notes.set(key, { ...note, html: bytes.toString('utf8', range[0], range[0] + range[1]) });
      continue;
    }
    // Read on each use: a page reads its note's HTML a few times while it is drawn, then never.
    Object.defineProperty(note, 'html', { enumerable: true, get: (): string => readHtml(file, range) });
    notes.set(key, note as RenderedNote);
  }
  const { html: _html, ...view } = stored;
  return { ...view, notes };
}
