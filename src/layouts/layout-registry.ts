// Jekyll layouts → the Astro layout that renders them. Notes keep their `layout:` keys; our own
// names are configuration (src/config/layouts.ts).
// A name we do not know is drawn by the role of the author's layout of that name (see
// loader/author-layouts.ts): a note layout as our note, an index or other layout as a plain page.
import { isKnownLayout, LAYOUTS, type LayoutKind } from '../config/layouts.ts';
import type { AuthorLayoutInfo } from '../loader/author-layouts.ts';

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
