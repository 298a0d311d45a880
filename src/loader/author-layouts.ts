// The author's own `_layouts/`, read for one thing: what role a layout we do not know by name
// plays. A layout that prints the page's title and its content draws a note; one that loops over
// posts, pages or a collection draws an index. Its own text decides first; a layout that does
// neither takes its parent's role (`layout:` in its front matter), so a `default` whose menu loops
// over `site.pages` does not make every child an index.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NotesFolder } from './confine.ts';
import { parseFrontMatter } from './front-matter.ts';

export type AuthorLayoutRole = 'note' | 'index' | 'page';

export interface AuthorLayoutInfo {
  role: AuthorLayoutRole;
  /** The layout (or one it is placed in) prints `page.title`: ours shows the title too. */
  printsTitle: boolean;
}

const LOOPS_OVER_LIST = /\{%-?\s*for\s+\w+\s+in\s+(?:site\.(?:posts|pages|html_pages|documents|categories|tags|collections)|paginator\.posts|site\.\w+|\w+\[1\])\b/;
const PRINTS_TITLE = /\{\{-?\s*page\.title\b/;
const PRINTS_CONTENT = /\{\{-?\s*content\s*-?\}\}/;

interface AuthorLayout {
  parent?: string;
  text: string;
}

function ownRole(text: string): AuthorLayoutRole | undefined {
  if (LOOPS_OVER_LIST.test(text)) return 'index';
  if (PRINTS_TITLE.test(text) && PRINTS_CONTENT.test(text)) return 'note';
  return undefined;
}

/** Role of every layout in `_layouts/` (by name, without extension). */
export function readAuthorLayouts(notesDir: string): Map<string, AuthorLayoutInfo> {
  const dir = path.join(notesDir, '_layouts');
  const layouts = new Map<string, AuthorLayout>();
  if (existsSync(dir)) {
    const folder = new NotesFolder(notesDir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !/\.(html?|md|markdown|liquid)$/i.test(entry.name)) continue;
      // `_layouts/` itself may be a symlink out of the notes folder: only files inside it are read.
      const file = folder.check(path.join(dir, entry.name)).file;
      if (file === undefined) continue;
      const parsed = parseFrontMatter(readFileSync(file, 'utf8'));
      const parent = typeof parsed.data.layout === 'string' ? parsed.data.layout : undefined;
      layouts.set(entry.name.replace(/\.[^.]+$/, ''), { ...(parent ? { parent } : {}), text: parsed.body });
    }
  }
  const roles = new Map<string, AuthorLayoutInfo>();
  for (const name of layouts.keys()) {
    let role: AuthorLayoutRole | undefined;
    let printsTitle = false;
    const seen = new Set<string>();
    for (let current: string | undefined = name; current && !seen.has(current); current = layouts.get(current)?.parent) {
      seen.add(current);
      const layout = layouts.get(current);
      if (!layout) break;
      role ??= ownRole(layout.text);
      // `<title>{{ page.title }}</title>` in the document head is not a heading on the page.
      printsTitle ||= PRINTS_TITLE.test(layout.text.replace(/<title>[\s\S]*?<\/title>/gi, ''));
    }
    roles.set(name, { role: role ?? 'page', printsTitle });
  }
  return roles;
}
