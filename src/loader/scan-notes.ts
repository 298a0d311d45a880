// Walks the notes folder with Jekyll's publishing rules.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NotesFolder } from './confine.ts';

/** Names Jekyll never publishes, besides anything starting with `_` or `.`. */
const ALWAYS_EXCLUDED = new Set(['node_modules', 'vendor', 'Gemfile', 'Gemfile.lock', 'package.json', 'package-lock.json']);

export interface ScannedFile {
  /** Absolute path (inside the notes folder; a symbolic link's own path, its target is confined). */
  absPath: string;
  /** Path relative to the notes folder with `/` separators, e.g. `study/assets/x.png`. */
  relPath: string;
}

/** A symbolic link the scan would not follow, and why. */
export interface RefusedFile extends ScannedFile {
  problem: string;
}

export function isUnpublishedName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.') || ALWAYS_EXCLUDED.has(name);
}

/**
 * Every publishable file under `root`, sorted by relative path for a stable build. Symbolic links
 * are followed only when their target passes the confinement rule (inside the notes folder, not
 * hidden); the others are listed in `refused`.
 */
export function scanNotes(root: string, exclude: readonly string[] = [], refused: RefusedFile[] = []): ScannedFile[] {
  const excluded = new Set(exclude.map((e) => e.replace(/^\/+|\/+$/g, '')));
  const folder = new NotesFolder(root);
  const files: ScannedFile[] = [];
  // The real folders being walked: a link to one of them (a parent) would loop.
  const open = new Set<string>();
  const walk = (dir: string, relDir: string, realDir: string): void => {
    if (open.has(realDir)) return;
    open.add(realDir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (isUnpublishedName(entry.name) || excluded.has(relPath) || excluded.has(entry.name)) continue;
      const absPath = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absPath, relPath, path.join(realDir, entry.name));
      else if (entry.isFile()) files.push({ absPath, relPath });
      else if (entry.isSymbolicLink()) {
        const target = folder.checkEntry(absPath, relPath);
        if (target.problem !== undefined) refused.push({ absPath, relPath, problem: target.problem });
        else if (target.directory) walk(absPath, relPath, target.real);
        else files.push({ absPath, relPath });
      }
    }
    open.delete(realDir);
  };
  walk(root, '', folder.realRoot);
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
