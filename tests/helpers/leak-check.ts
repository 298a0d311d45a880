// Looks for a marker in every byte of an output folder, gzip-compressed files opened too
// (Pagefind's index and fragments are gzip), so no text of a file outside the notes folder hides there.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

interface OutputFile {
  relPath: string;
  bytes: Buffer;
  /** The gunzipped bytes of a gzip file; undefined for other files (or a damaged gzip). */
  unpacked?: Buffer;
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function unpack(bytes: Buffer): Buffer | undefined {
  if (!isGzip(bytes)) return undefined;
  try {
    return gunzipSync(bytes);
  } catch {
    return undefined;
  }
}

/** Every regular file below outDir, with its bytes. */
function outputFiles(outDir: string): OutputFile[] {
  const files: OutputFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const bytes = readFileSync(file);
        files.push({ relPath: path.relative(outDir, file), bytes, unpacked: unpack(bytes) });
      }
    }
  };
  walk(outDir);
  return files;
}

export function filesHolding(outDir: string, marker: string): string[] {
  const needle = Buffer.from(marker);
  return outputFiles(outDir)
    .filter((f) => f.bytes.includes(needle) || f.unpacked?.includes(needle))
    .map((f) => f.relPath);
}

/** How many files of the output folder were opened from gzip (proves the search index was read). */
export function gzipFileCount(outDir: string): number {
  return outputFiles(outDir).filter((f) => isGzip(f.bytes)).length;
}
