// Gives folder-style permalinks (`/study/`) their `study/index.html` (see DIRECTORY_INDEX_SLUG).
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { DIRECTORY_INDEX_SLUG } from '../loader/permalink.ts';

export async function renameDirectoryIndexes(outDir: string): Promise<number> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const targets = entries.filter((e) => e.isFile() && e.name === `${DIRECTORY_INDEX_SLUG}.html`);
  await Promise.all(targets.map((e) => rename(path.join(e.parentPath, e.name), path.join(e.parentPath, 'index.html'))));
  return targets.length;
}
