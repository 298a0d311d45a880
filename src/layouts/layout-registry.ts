// Jekyll layouts by name → the Astro layout that renders them. Notes keep their `layout:` keys;
// the author's `_layouts/` folder is not read (these layouts replace it).
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
