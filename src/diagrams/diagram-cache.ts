// Rendered diagrams on disk, addressed by the hash of everything that decides the picture:
// the prepared source (includes inlined), the jar version and the render options. Entries are
// written to a temporary name and renamed, so parallel workers never see half a file.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CachedDiagram {
  svg?: string;
  width?: number;
  height?: number;
  diagramType?: string;
  /** PlantUML's complaint; `line` is 0-based in the prepared source. */
  error?: { line: number | undefined; message: string };
}

/** Bump when the stored shape or the SVG normalisation changes. */
const FORMAT = 4;

export function cacheKey(parts: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify({ format: FORMAT, ...parts })).digest('hex');
}

export class DiagramCache {
  readonly #dir: string | undefined;

  /** `dir` undefined: no disk cache (every render runs). */
  constructor(dir: string | undefined) {
    this.#dir = dir;
  }

  #file(key: string): string {
    return path.join(this.#dir!, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedDiagram | undefined> {
    if (!this.#dir) return undefined;
    try {
      return JSON.parse(await readFile(this.#file(key), 'utf8')) as CachedDiagram;
    } catch {
      return undefined; // absent or unreadable: render again
    }
  }

  async set(key: string, entry: CachedDiagram): Promise<void> {
    if (!this.#dir) return;
    const file = this.#file(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      console.warn(`[diagrams] cache write failed (${(error as Error).message}); the diagram will render again next time`);
    }
  }
}
