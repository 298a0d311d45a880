// Looks for a marker in every byte of an output folder, gzip-compressed files opened too
// (Pagefind's index and fragments are gzip), so no text of a file outside the notes folder hides there.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export function filesHolding(outDir: string, marker: string): string[] {
  const needle = Buffer.from(marker);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const bytes = readFileSync(file);
        let unpacked: Buffer | undefined;
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          try {
            unpacked = gunzipSync(bytes);
          } catch {
            unpacked = undefined;
          }
        }
        if (bytes.includes(needle) || unpacked?.includes(needle)) found.push(path.relative(outDir, file));
      }
    }
  };
  walk(outDir);
  return found;
}

/** How many files of the output folder were opened from gzip (proves the search index was read). */
export function gzipFileCount(outDir: string): number {
  let count = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const bytes = readFileSync(file);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) count++;
      }
    }
  };
  walk(outDir);
  return count;
}
