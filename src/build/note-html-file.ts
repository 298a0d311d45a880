// A build's notes' HTML on disk instead of in memory: each note's HTML is written to one file as
// soon as the note is rendered (and cached), and the note keeps only its place in the file. The
// HTML is the bulk of a rendered site (~80 MB of two-byte strings for 1,000 notes), and held in
// memory it also made the JavaScript heap grow through the whole render. Readers of `note.html`
// still get the HTML (read back from the file); the routes read it from here too
// (site-view-file.ts), so the process holds no copy of it. A dev server keeps its notes in memory.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { RenderedNote } from '../render/render-note.ts';

/** Where a note's HTML lies in its file: byte offset and length. */
export type HtmlRange = [number, number];

/** `length` bytes of the open file from `offset`. */
export function readBytes(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) throw new Error('study-notes: a note HTML file ends early');
    done += read;
  }
  return bytes;
}

/** The note's fields but `html`, copied without reading `html` (which may be read from disk). */
export function withoutHtml(note: RenderedNote): Omit<RenderedNote, 'html'> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(note)) if (key !== 'html') rest[key] = note[key as keyof RenderedNote];
  return rest as Omit<RenderedNote, 'html'>;
}

export class NoteHtmlFile {
  readonly file: string;
  #fd: number | undefined;
  #size = 0;
  readonly #ranges = new WeakMap<object, HtmlRange>();

  constructor(file: string) {
    this.file = file;
    this.#fd = openSync(file, 'w+');
  }

  /** Writes the note's HTML to the file; returns the note with `html` read back from there. */
  hold(note: RenderedNote): RenderedNote {
    const fd = this.#open();
    const range: HtmlRange = [this.#size, writeSync(fd, note.html, this.#size, 'utf8')];
    this.#size += range[1];
    const held = withoutHtml(note);
    this.#ranges.set(held, range);
    return Object.defineProperty(held, 'html', { enumerable: true, get: (): string => readBytes(this.#open(), ...range).toString('utf8') }) as RenderedNote;
  }

  /** Where `note`'s HTML is in this file, if `hold` wrote it. */
  rangeOf(note: RenderedNote): HtmlRange | undefined {
    return this.#ranges.get(note);
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #open(): number {
    if (this.#fd === undefined) throw new Error(`study-notes: ${this.file} is closed (the build has ended)`);
    return this.#fd;
  }
}
