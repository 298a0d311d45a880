// The render cache: a note's rendered result, reused while nothing it depends on changed, so a
// warm build skips Liquid, Markdown, highlighting and diagrams for unchanged notes.
//
// A note's key covers: the generator (src/ and package-lock.json), the config, whether Graphviz
// is found, the site's structure (every page's source path and URL: links to `.md` files resolve
// against them), the page itself (front matter, text, its Liquid `page` view) and — only when its
// Liquid reads `site` or `paginator`, or uses `{% include %}` — the whole Liquid site model and the
// `_includes` folder. Files read on the note's behalf (include_relative, diagram `!include`s, also
// missing ones) are stored with their hashes and checked on every lookup. A hit replays the
// note's warnings. Entries live in `<CACHE_DIR>/notes/`, one per page, written atomically, and
// are read back with v8 deserialisation (Sets and Maps survive) and checked for shape.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SiteConfig } from '../config/site-config.ts';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostics.ts';
import { findExecutable } from '../diagrams/java-environment.ts';
import type { Page, SiteModel } from '../loader/site-model.ts';
import type { RenderedNote } from './render-note.ts';

/** Bump when the entry's shape changes. */
const FORMAT = 1;

/** Liquid that reads other pages or site data: such a note depends on the whole site model. */
const READS_SITE = /\b(?:site|paginator)\b/;
const USES_INCLUDE = /\{%-?\s*include\s/;

type StoredNote = Omit<RenderedNote, 'page'>;

interface Entry {
  format: number;
  key: string;
  /** Files read on the note's behalf → sha256 of their content, null if missing. */
  files: Array<[string, string | null]>;
  note: StoredNote;
  diagnostics: Diagnostic[];
}

const sha256 = (...parts: Array<string | Buffer>): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/** JSON for hashing: Dates as ISO strings, Sets and Maps as arrays. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v));
}

function hashTree(dir: string, into: ReturnType<typeof createHash>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return; // absent folder
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(file, into);
    else if (entry.isFile()) into.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
}

/** The generator's own version: its sources and locked dependencies (read each build: a few ms). */
export function generatorVersion(root: string): string {
  const hash = createHash('sha256');
  hashTree(path.join(root, 'src'), hash);
  try {
    hash.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    hash.update('no lock file');
  }
  return hash.digest('hex');
}

/** Records a note's warnings while passing them on, so a cache hit can replay them. */
export class RecordingDiagnostics extends Diagnostics {
  readonly recorded: Diagnostic[] = [];
  readonly #target: Diagnostics;

  constructor(target: Diagnostics) {
    super();
    this.#target = target;
  }

  override report(diagnostic: Diagnostic): void {
    this.recorded.push(diagnostic);
    this.#target.report(diagnostic);
  }
}

function isEntry(value: unknown, key: string): value is Entry {
  const entry = value as Partial<Entry> | null;
  const note = entry?.note as Partial<StoredNote> | undefined;
  return (
    !!entry &&
    entry.format === FORMAT &&
    entry.key === key &&
    Array.isArray(entry.files) &&
    Array.isArray(entry.diagnostics) &&
    typeof note?.html === 'string' &&
    Array.isArray(note.headings) &&
    Array.isArray(note.links) &&
    note.ids?.ids instanceof Set &&
    note.ids.duplicates instanceof Map
  );
}

/** What every key of one build shares; made once per rendering of the site. */
export interface BuildKeys {
  base: string;
  /** Lazily: only notes that read the site pay for hashing it. */
  site: () => string;
  includes: () => string;
  fileHash: (file: string) => string | null;
}

export class RenderCache {
  readonly #dir: string | undefined;
  readonly #generatorRoot: string;
  readonly #plugins: string;
  /**
   * Read once per cache object, i.e. per build or dev session (the dev server restarts when the
   * generator's code, a dependency of the config, changes): re-reading src/ cost every save.
   */
  #version: string | undefined;
  /** Entries of this process (the dev server renders the site again after every change). */
  readonly #memory = new Map<string, Entry>();
  /** Off for a build, which renders once: the entries would only keep every note's HTML alive. */
  readonly #keepInMemory: boolean;
  /** Notes reused / rendered by the last site render. */
  hits = 0;
  readonly rendered = new Set<string>();

  /** `dir` undefined: entries kept in memory only. */
  /** `plugins`: the user's remark/rehype plugins, as a fingerprint (they shape every note). */
  /** `memory: false`: entries on disk only (needs `dir`); default true. */
  constructor(options: { dir: string | undefined; generatorRoot: string; plugins?: string; memory?: boolean }) {
    this.#dir = options.dir;
    this.#keepInMemory = options.memory ?? true;
    this.#generatorRoot = options.generatorRoot;
    this.#plugins = options.plugins ?? '';
  }

  /** The generator's version, read once per cache object (see `#version`); other caches key on it too. */
  get generatorVersion(): string {
    return (this.#version ??= generatorVersion(this.#generatorRoot));
  }

  keysFor(config: SiteConfig, model: SiteModel, liquidSite: Record<string, unknown>): BuildKeys {
    this.hits = 0;
    this.rendered.clear();
    const { strict: _strict, cacheDir: _cacheDir, ...rendering } = config;
    // Links to `.md` files resolve to their pages' URLs (files are listed in site.static_files).
    const structure = stableJson(model.pages.map((p) => [p.relPath, p.url, p.outputPath]));
    const graphviz = findExecutable('dot', process.env.DIAGRAMS_SEARCH_PATH || process.env.PATH) !== undefined;
    const base = sha256(String(FORMAT), this.generatorVersion, this.#plugins, stableJson(rendering), structure, String(graphviz));
    const once = <T>(make: () => T): (() => T) => {
      let value: { v: T } | undefined;
      return () => (value ??= { v: make() }).v;
    };
    const fileHashes = new Map<string, string | null>();
    return {
      base,
      // `site.time` is the build's clock: left out, or no note reading the site would ever hit.
      site: once(() => sha256(stableJson({ ...liquidSite, time: undefined }))),
      includes: once(() => {
        const hash = createHash('sha256');
        hashTree(path.join(config.notesDir, '_includes'), hash);
        return hash.digest('hex');
      }),
      fileHash: (file) => {
        if (!fileHashes.has(file)) {
          let hash: string | null;
          try {
            hash = sha256(readFileSync(file));
          } catch {
            hash = null;
          }
          fileHashes.set(file, hash);
        }
        return fileHashes.get(file)!;
      },
    };
  }

  /** The key of one note; `liquidPage` is the `page` its Liquid sees. */
  keyOf(keys: BuildKeys, page: Page, liquidPage: Record<string, unknown>): string {
    const readsSite = READS_SITE.test(page.body);
    const includes = USES_INCLUDE.test(page.body);
    return sha256(
      keys.base,
      stableJson({ ...page, body: undefined }),
      page.body,
      stableJson(liquidPage),
      readsSite || includes ? keys.site() : '',
      includes ? keys.includes() : '',
    );
  }

  #file(page: Page): string {
    // By output: the pages of a paginated list share one source.
    return path.join(this.#dir!, sha256(page.outputPath).slice(0, 32) + '.bin');
  }

  async get(keys: BuildKeys, page: Page, key: string): Promise<{ note: RenderedNote; diagnostics: Diagnostic[] } | undefined> {
    let entry = this.#memory.get(page.outputPath);
    if (!entry && this.#dir) {
      try {
        const value: unknown = deserialize(await readFile(this.#file(page)));
        if (isEntry(value, key)) entry = value;
      } catch {
        // absent or unreadable: render again
      }
    }
    const valid = entry && entry.key === key && entry.files.every(([file, hash]) => keys.fileHash(file) === hash);
    if (!entry || !valid) {
      this.rendered.add(page.relPath);
      return undefined;
    }
    this.hits++;
    if (this.#keepInMemory) this.#memory.set(page.outputPath, entry);
    return { note: { ...entry.note, page }, diagnostics: entry.diagnostics };
  }

  async set(keys: BuildKeys, page: Page, key: string, note: RenderedNote, diagnostics: Diagnostic[], files: Iterable<string>): Promise<void> {
    const { page: _page, ...stored } = note;
    const entry: Entry = { format: FORMAT, key, files: [...files].sort().map((file) => [file, keys.fileHash(file)]), note: stored, diagnostics };
    if (this.#keepInMemory || !this.#dir) this.#memory.set(page.outputPath, entry);
    if (!this.#dir) return;
    const file = this.#file(page);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.#dir, { recursive: true });
      await writeFile(temporary, serialize(entry));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      console.warn(`[notes] render cache write failed (${(error as Error).message}); the note will render again next time`);
    }
  }
}
