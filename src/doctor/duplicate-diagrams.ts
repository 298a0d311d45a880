// Two figures whose PlantUML source is the same but whose captions differ: a copy-paste slip that
// shows one diagram under the other's caption. Read from the notes as written (a source scan, not a
// render): `<script type="text/plain">` sources with their caption, and captioned ```plantuml fences.
import type { Page } from '../loader/site-model.ts';

export interface DiagramSource {
  file: string;
  line: number;
  caption: string;
  /** The source with blank lines and indentation dropped: what decides the picture. */
  key: string;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const CAPTION = /class="[^"]*\b(?:diagram|image)-caption\b[^"]*"[^>]*>([\s\S]*?)<\/(?:div|p|span|figcaption)>/i;
const ALT = /<img\b[^>]*\balt="([^"]*)"/i;
/** How far around a script its wrapper's caption may sit. */
const WINDOW = 1500;

const clean = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const keyOf = (source: string): string =>
  source
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

function captionFor(body: string, start: number, end: number, attributes: string): string {
  const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
  if (id) {
    const linked = new RegExp(`data-snippet-id="${id.replace(/[^\w-]/g, '\\$&')}"[^>]*>([\\s\\S]*?)<`, 'i').exec(body);
    if (linked) return clean(linked[1]!);
  }
  const wrapperStart = body.lastIndexOf('image-wrapper', start);
  const from = wrapperStart >= 0 && start - wrapperStart < WINDOW ? wrapperStart : start;
  const nextWrapper = body.indexOf('image-wrapper', end);
  const to = Math.min(end + WINDOW, nextWrapper < 0 ? body.length : nextWrapper);
  const around = body.slice(from, start) + body.slice(end, to);
  const caption = CAPTION.exec(around)?.[1] ?? ALT.exec(around)?.[1] ?? /\bdata-caption="([^"]*)"/.exec(attributes)?.[1];
  return caption ? clean(caption) : '';
}

export function diagramSources(page: Pick<Page, 'absPath' | 'body' | 'bodyLine'>): DiagramSource[] {
  const found: DiagramSource[] = [];
  const lineAt = (offset: number): number => page.bodyLine + page.body.slice(0, offset).split('\n').length - 1;
  for (const match of page.body.matchAll(SCRIPT)) {
    const [whole, attributes = '', source = ''] = match;
    if (!/\btype="text\/(?:plain|x-plantuml)"/i.test(attributes) || !/@start\w+|\{%\s*include_relative/.test(source)) continue;
    const start = match.index;
    found.push({ file: page.absPath, line: lineAt(start), caption: captionFor(page.body, start, start + whole.length, attributes), key: keyOf(source) });
  }
  return found;
}

export interface DuplicateDiagram {
  first: DiagramSource;
  second: DiagramSource;
}

/** Every later figure whose source equals the first such figure's, under another caption. */
export function duplicateDiagrams(sources: readonly DiagramSource[]): DuplicateDiagram[] {
  const firstByKey = new Map<string, DiagramSource>();
  const duplicates: DuplicateDiagram[] = [];
  for (const source of sources) {
    if (!source.caption || !source.key) continue;
    const first = firstByKey.get(source.key);
    if (!first) firstByKey.set(source.key, source);
    else if (first.caption !== source.caption) duplicates.push({ first, second: source });
  }
  return duplicates;
}
