// `_config.yml` `defaults:` applied to one file, as Jekyll's FrontMatterDefaults does: every scope
// whose path contains the file and whose type (if any) is the file's, less specific first, so
// longer paths (and typed scopes) win; the file's own front matter wins over all.
import type { FrontMatterDefault } from '../config/site-config.ts';

/** `type`: `pages`, `posts`, `drafts` or a collection's label. */
export function applyDefaults(defaults: readonly FrontMatterDefault[], relPath: string, type: string, data: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const matching = defaults
    .filter((d) => (d.path === '' || relPath === d.path || relPath.startsWith(`${d.path}/`)) && (d.type === undefined || d.type === type))
    .sort((a, b) => a.path.length - b.path.length || Number(a.type !== undefined) - Number(b.type !== undefined));
  for (const d of matching) Object.assign(merged, d.values);
  return Object.assign(merged, data);
}
