// Shiki's output per code block, on disk (`<CACHE_DIR>/code/`), so a note rendered again with its
// code unchanged — its prose edited — never starts Shiki: importing it, its WASM regex engine,
// themes and grammars cost ~0.35 s, more than rendering the note. The highlight plugin makes the
// keys (everything Shiki's output depends on); this store adds the format and the generator's
// version (src/ and package-lock.json), so a change in our code or a dependency re-highlights.
// Entries are written atomically and checked for shape when read: a damaged one is ignored,
// reported and highlighted again, never published. The files are small (a few KB): read and written
// synchronously, as a promise's file handle costs more than the read itself.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementContent, Root, RootContent } from 'hast';

/** Bump when the stored shape changes. */
const FORMAT = 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isPropertyValue = (value: unknown): boolean => isScalar(value) || (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'));

/** A hast node of the kinds Shiki writes (elements, text, comments), whole down to its leaves. */
function isHastNode(value: unknown): value is ElementContent {
  if (!isObject(value)) return false;
  if (value.type === 'text' || value.type === 'comment') return typeof value.value === 'string';
  return (
    value.type === 'element' &&
    typeof value.tagName === 'string' &&
    isObject(value.properties) &&
    Object.values(value.properties).every(isPropertyValue) &&
    Array.isArray(value.children) &&
    value.children.every(isHastNode)
  );
}

/** Shiki's fragment for one block: a root holding its `<pre>`. */
export function isHighlightedBlock(value: unknown): value is Root {
  return (
    isObject(value) &&
    value.type === 'root' &&
    Array.isArray(value.children) &&
    value.children.every(isHastNode) &&
    value.children.some((child: RootContent) => child.type === 'element' && child.tagName === 'pre')
  );
}

export class HighlightCache {
  /** The cache's folder (render workers open it too). */
  readonly dir: string;
  readonly #version: () => string;
  /** Blocks put in place from the cache / highlighted by Shiki, and notes Shiki ran for (the build's log line). */
  fromCache = 0;
  highlighted = 0;
  shikiNotes = 0;
  /** Entries found damaged (not JSON, wrong shape) and so highlighted again. */
  readonly damaged: string[] = [];
  /** Sub-folders made by this object: one mkdir each, not one per block. */
  readonly #made = new Set<string>();

  /** `version`: the generator's version, asked for on the first lookup (hashing src/ costs a few ms). */
  constructor(options: { dir: string; version: () => string }) {
    this.dir = options.dir;
    this.#version = options.version;
  }

  /** The key of a block, from everything its highlighted tree depends on (`parts`). */
  keyOf(...parts: string[]): string {
    return createHash('sha256').update(JSON.stringify([FORMAT, this.#version(), ...parts])).digest('hex');
  }

  #file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The block's highlighted tree: a fresh copy on every call (later steps may change it). */
  get(key: string): Root | undefined {
    const file = this.#file(key);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      value = undefined;
    }
    if (isObject(value) && value.format === FORMAT && value.key === key && isHighlightedBlock(value.tree)) return value.tree;
    this.damaged.push(file);
    console.warn(`[notes] damaged highlight cache entry ${file} (not JSON, or not a highlighted block): highlighted again`);
    return undefined;
  }

  set(key: string, tree: Root): void {
    const file = this.#file(key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const dir = path.dirname(file);
      if (!this.#made.has(dir)) mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, key, tree }));
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      console.warn(`[notes] highlight cache write failed (${(error as Error).message}); the block will be highlighted again next time`);
    }
  }

  /** Zeroes the counters (the dev server renders the site again after every change). */
  resetCounts(): void {
    this.fromCache = this.highlighted = this.shikiNotes = 0;
    this.damaged.length = 0;
  }
}
