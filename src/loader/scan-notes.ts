// Walks the notes folder with Jekyll's publishing rules.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Names Jekyll never publishes, besides anything starting with `_` or `.`. */
const ALWAYS_EXCLUDED = new Set(['node_modules', 'vendor', 'Gemfile', 'Gemfile.lock', 'package.json', 'package-lock.json']);

export interface ScannedFile {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the notes folder with `/` separators, e.g. `study/assets/x.png`. */
  relPath: string;
}

export function isUnpublishedName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.') || ALWAYS_EXCLUDED.has(name);
}

/** Every publishable file under `root`, sorted by relative path for a stable build. */
export function scanNotes(root: string, exclude: readonly string[] = []): ScannedFile[] {
  const excluded = new Set(exclude.map((e) => e.replace(/^\/+|\/+$/g, '')));
  const files: ScannedFile[] = [];
  const walk = (dir: string, relDir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (isUnpublishedName(entry.name) || excluded.has(relPath) || excluded.has(entry.name)) continue;
      const absPath = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absPath, relPath);
      else if (entry.isFile()) files.push({ absPath, relPath });
    }
  };
  walk(root, '');
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
