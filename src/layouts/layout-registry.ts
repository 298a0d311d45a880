// Jekyll layouts by name → the Astro layout that renders them. Notes keep their `layout:` keys.
// A name we do not know is drawn by the role of the author's layout of that name (see
// loader/author-layouts.ts): a note layout as our note, an index or other layout as a plain page.
import type { AuthorLayoutInfo } from '../loader/author-layouts.ts';

export type LayoutKind = 'home' | 'page' | 'note' | 'leetcode';

const LAYOUTS: Readonly<Record<string, LayoutKind>> = {
  home: 'home',
  page: 'page',
  default: 'note',
  study: 'note',
  post: 'note',
  leetcode: 'leetcode',
};

export const KNOWN_LAYOUTS: readonly string[] = Object.keys(LAYOUTS);

export function isKnownLayout(name: string): boolean {
  return Object.hasOwn(LAYOUTS, name);
}

/** The layout a page is drawn with; an unknown name falls back to the plain page (and is warned about). */
export function layoutKind(name: string): LayoutKind {
  return isKnownLayout(name) ? LAYOUTS[name]! : 'page';
}

/** By name, else by the role of the author's layout of that name (a note layout draws our note). */
export function layoutKindFor(name: string, authorRoles: ReadonlyMap<string, AuthorLayoutInfo>): LayoutKind {
  if (isKnownLayout(name)) return LAYOUTS[name]!;
  return authorRoles.get(name)?.role === 'note' ? 'note' : 'page';
}

/** A plain page drawn for an author's layout that prints the page title shows it as its heading. */
export function showsTitle(name: string, authorRoles: ReadonlyMap<string, AuthorLayoutInfo>): boolean {
  return !isKnownLayout(name) && authorRoles.get(name)?.printsTitle === true;
}

/**
 * One line for the build log naming the author's layouts drawn by role, e.g.
 * `layouts by role: note → our note (46 pages), list → our plain page (5 pages)`.
 */
export function layoutRoleSummary(layouts: readonly string[], authorRoles: ReadonlyMap<string, AuthorLayoutInfo>): string | undefined {
  const counts = new Map<string, number>();
  for (const name of layouts) if (!isKnownLayout(name) && authorRoles.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const parts = [...counts].map(([name, count]) => {
    const { role } = authorRoles.get(name)!;
    const ours = layoutKindFor(name, authorRoles) === 'note' ? 'our note layout' : 'our plain page';
    return `${name} (${role}) → ${ours}, ${count} page${count === 1 ? '' : 's'}`;
  });
  return `layouts by role (the author's _layouts/ read): ${parts.join('; ')}`;
}
