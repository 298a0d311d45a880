// Rendered diagrams on disk, addressed by the hash of everything that decides the picture:
// the prepared source (includes inlined), the jar version and the render options. Entries are
// written to a temporary name and renamed, so parallel workers never see half a file.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isWellFormedSvg } from './svg-check.ts';

export interface CachedDiagram {
  svg?: string;
  width?: number;
  height?: number;
  diagramType?: string;
  /** PlantUML's complaint; `line` is 0-based in the prepared source. */
  error?: { line: number | undefined; message: string };
  /** sha256 of `svg` as written: proves on reading that the SVG is whole and unchanged. */
  svgHash?: string;
}

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Bump when the stored shape or the SVG normalisation changes. */
const FORMAT = 4;

export function cacheKey(parts: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify({ format: FORMAT, ...parts })).digest('hex');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSize = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The entry, if it has the shape this build writes: an error, or a whole SVG with its size. */
export function validEntry(value: unknown): CachedDiagram | undefined {
  if (!isObject(value)) return undefined;
  if (value.error !== undefined) {
    const error = value.error;
    if (!isObject(error) || typeof error.message !== 'string' || !(error.line === undefined || typeof error.line === 'number')) return undefined;
    return { error: { line: error.line as number | undefined, message: error.message } };
  }
  if (typeof value.svg !== 'string' || !isSize(value.width) || !isSize(value.height)) return undefined;
  if (value.diagramType !== undefined && typeof value.diagramType !== 'string') return undefined;
  // The hash is cheap; the XML parse (about 1 ms per 10 KB) is kept for entries written without one.
  if (typeof value.svgHash === 'string' ? value.svgHash !== hashOf(value.svg) : !isWellFormedSvg(value.svg)) return undefined;
  return { svg: value.svg, width: value.width as number, height: value.height as number, diagramType: value.diagramType as string | undefined };
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

  /** Entries found damaged (wrong shape, SVG cut short) and so rendered again. */
  readonly damaged: string[] = [];

  async get(key: string): Promise<CachedDiagram | undefined> {
    if (!this.#dir) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(this.#file(key), 'utf8'));
    } catch (error) {
      // Absent: render. Present but not JSON: damaged, render again (the entry is overwritten).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.damaged.push(this.#file(key));
        console.warn(`[diagrams] damaged cache entry ${this.#file(key)} (not JSON): rendered again`);
      }
      return undefined;
    }
    const entry = validEntry(value);
    if (!entry) {
      this.damaged.push(this.#file(key));
      console.warn(`[diagrams] damaged cache entry ${this.#file(key)} (wrong shape or an SVG cut short): rendered again`);
    }
    return entry;
  }

  async set(key: string, entry: CachedDiagram): Promise<void> {
    if (!this.#dir) return;
    const file = this.#file(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, JSON.stringify(entry.svg === undefined ? entry : { ...entry, svgHash: hashOf(entry.svg) }));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      console.warn(`[diagrams] cache write failed (${(error as Error).message}); the diagram will render again next time`);
    }
  }
}
