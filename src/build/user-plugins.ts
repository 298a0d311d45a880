// The user's remark and rehype plugins: from `studyNotes({ remarkPlugins, rehypePlugins })` and
// from Astro's own Markdown settings — `markdown.remarkPlugins` / `rehypePlugins` (Astro 7 moves
// them onto a `unified()` processor from @astrojs/markdown-remark, whose options are read too).
// They run on every note.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Pluggable, PluggableList } from 'unified';

export interface UserPlugins {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
}

/** Astro also accepts plugins by package name; those it resolves itself, the notes pipeline does not. */
type AstroPluginEntry = string | [string, unknown] | Pluggable;

/** Astro's `markdown` settings, as far as plugins go. */
export interface AstroMarkdownPlugins {
  remarkPlugins?: readonly unknown[];
  rehypePlugins?: readonly unknown[];
  processor?: unknown;
}

export function collectUserPlugins(own: Partial<UserPlugins>, astro: AstroMarkdownPlugins | undefined, warn: (message: string) => void): UserPlugins {
  const processor = (astro?.processor as { options?: AstroMarkdownPlugins } | undefined)?.options;
  // The same plugin may be in both places (Astro copies the deprecated lists onto the processor).
  const both = (kind: 'remarkPlugins' | 'rehypePlugins'): unknown[] => [...new Set([...(astro?.[kind] ?? []), ...(processor?.[kind] ?? [])])];
  const usable = (list: readonly unknown[], kind: string): PluggableList =>
    (list as AstroPluginEntry[]).filter((entry): entry is Pluggable => {
      const named = typeof entry === 'string' || (Array.isArray(entry) && typeof entry[0] === 'string');
      if (named) warn(`markdown.${kind}: a plugin given by name (${JSON.stringify(Array.isArray(entry) ? entry[0] : entry)}) is not used for notes; import it and pass the function`);
      return !named;
    });
  return {
    remarkPlugins: [...usable(both('remarkPlugins'), 'remarkPlugins'), ...(own.remarkPlugins ?? [])],
    rehypePlugins: [...usable(both('rehypePlugins'), 'rehypePlugins'), ...(own.rehypePlugins ?? [])],
  };
}

/**
 * What the render cache keys on for the plugins: their code and options, and the project's
 * `astro.config.*` (where they are usually written). A plugin's own imports are covered by
 * package-lock.json (packages) or not at all (local files: `npm run clean` after changing one).
 */
export function pluginsFingerprint(plugins: UserPlugins, root: string): string {
  const describe = (entry: Pluggable): string =>
    Array.isArray(entry) ? entry.map((part) => (typeof part === 'function' ? part.toString() : JSON.stringify(part) ?? String(part))).join('\0') : typeof entry === 'function' ? entry.toString() : JSON.stringify(entry) ?? '';
  let configs = '';
  for (const name of readdirSync(root).filter((n) => /^astro\.config\.[cm]?[jt]s$/.test(n)).sort()) configs += readFileSync(path.join(root, name), 'utf8');
  return [...plugins.remarkPlugins.map(describe), '\u0001', ...plugins.rehypePlugins.map(describe), '\u0001', configs].join('\0');
}
