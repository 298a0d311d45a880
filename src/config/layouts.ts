// The layout names this generator draws (Jekyll `layout:` keys) and the kind of page each is.
// Configuration, not presentation: the checker warns about other names, the routes pick the
// Astro layout by kind (src/layouts/layout-registry.ts adds the author's layouts by role).
export type LayoutKind = 'home' | 'page' | 'note' | 'leetcode';

export const LAYOUTS: Readonly<Record<string, LayoutKind>> = {
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
