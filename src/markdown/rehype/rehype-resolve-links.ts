// Links and pictures in notes: a relative `src`/`href` resolves against the note's source file
// and points at the published file (or the page built from a linked `.md`); a root-relative one
// gets the base path. (rehype-collect-links records them for the checker, once figures are final.)
import path from 'node:path';
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { withBase } from '../../loader/permalink.ts';
import type { NoteContext } from '../note-context.ts';

/** Element → attributes (hast property names) that hold a URL. */
export const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src', 'dataModalSrc'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  script: ['src'],
  link: ['href'],
};

export const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The site URL (with base) a link written in a note points at; unchanged when external. */
export function resolveNoteUrl(url: string, context: Pick<NoteContext, 'relPath' | 'base' | 'pageUrlForSource'>): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || EXTERNAL.test(trimmed) || trimmed.includes('{{')) return trimmed;
  if (trimmed.startsWith('/')) return withBase(trimmed, context.base);
  const match = /^([^?#]*)(.*)$/.exec(trimmed)!;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(context.relPath), decodeURI(match[1]!)));
  if (target.startsWith('..')) return trimmed; // outside the notes folder: left for the checker to report
  const pageUrl = context.pageUrlForSource(target);
  const resolved = pageUrl ?? `/${encodeURI(target)}${match[1]!.endsWith('/') && !target.endsWith('/') ? '/' : ''}`;
  return withBase(resolved, context.base) + match[2];
}

const rehypeResolveLinks: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  visit(tree, 'element', (node) => {
    for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
      const value = node.properties[attribute];
      if (typeof value !== 'string') continue;
      node.properties[attribute] = resolveNoteUrl(value, context);
    }
    // `srcset` (img, source) lists candidates, "url 2x" or "url 800w": each URL resolves like `src`.
    const { srcSet } = node.properties;
    if (typeof srcSet === 'string' || Array.isArray(srcSet)) {
      const candidates = Array.isArray(srcSet) ? srcSet.map(String) : srcSet.split(',');
      node.properties.srcSet = candidates.map((c) => c.trim().replace(/^(\S+)/, (url) => resolveNoteUrl(url, context))).join(', ');
    }
  });
};

export default rehypeResolveLinks;
