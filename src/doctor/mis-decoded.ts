// Text damaged by a wrong decoding (UTF-8 read as Mac Roman or Windows-1252, then saved), found in
// every text file of the notes folder, with the exact repair and its diff.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createPatch } from 'diff';
import { NotesFolder } from '../loader/confine.ts';
import { repairMojibake, type MisreadEncoding } from '../loader/mojibake.ts';

export interface MisDecodedFile {
  file: string;
  encoding: MisreadEncoding;
  repairs: ReturnType<typeof repairMojibake>['repairs'];
  /** The file as it should read: only the damaged runs replaced, every other byte kept. */
  repaired: string;
  /** A unified diff of the repair, for review before `--fix` writes it. */
  patch: string;
}

const TEXT_FILE = /\.(md|markdown|html?|ya?ml|json|puml|plantuml|txt|csv|css|js|liquid)$/i;
const SKIPPED = new Set(['node_modules', 'vendor']);
const ENCODING_NAMES: Record<MisreadEncoding, string> = { macintosh: 'Mac Roman', windows1252: 'Windows-1252' };

export const encodingName = (encoding: MisreadEncoding): string => ENCODING_NAMES[encoding];

/** Text files of the notes folder, `_` folders included (they feed pages too); hidden ones and links outside never. */
export function textFiles(notesDir: string): string[] {
  const folder = new NotesFolder(notesDir);
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 32) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let directory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = folder.checkEntry(full, entry.name);
        if (target.problem !== undefined) continue; // the build reports it; never read
        directory = target.directory;
      } else if (!directory && !entry.isFile()) continue;
      if (directory) walk(full, depth + 1);
      else if (TEXT_FILE.test(entry.name)) files.push(full);
    }
  };
  walk(notesDir, 0);
  return files.sort();
}

export function findMisDecoded(file: string, notesDir: string): MisDecodedFile | undefined {
  const text = readFileSync(file, 'utf8');
  let best: MisDecodedFile | undefined;
  for (const encoding of ['macintosh', 'windows1252'] as const) {
    const { text: repaired, repairs } = repairMojibake(text, encoding);
    if (repairs.length === 0 || (best && best.repairs.length >= repairs.length)) continue;
    const name = path.relative(notesDir, file);
    best = { file, encoding, repairs, repaired, patch: createPatch(name, text, repaired, 'as saved', `repaired (UTF-8 read as ${ENCODING_NAMES[encoding]})`) };
  }
  return best;
}
