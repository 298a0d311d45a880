// The diagram service: PlantUML source in, SVG (or a located error) out. It knows nothing about
// Markdown or pages: callers hand it a source and the folder it lives in.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { cacheKey, DiagramCache, type CachedDiagram } from './diagram-cache.ts';
import { findExecutable, javaEnvironment } from './java-environment.ts';
import { plantUmlJar } from './plantuml-jar.ts';
import { prepareSource } from './prepare-source.ts';
import { DiagramTimeoutError, ProcessPool } from './process-pool.ts';
import { isWellFormedSvg } from './svg-check.ts';
import { normalizeSvg } from './svg-normalize.ts';

export interface DiagramServiceOptions {
  /** Includes may not leave this folder (the notes folder). */
  rootDir: string;
  /** Cache folder for rendered diagrams; undefined = no disk cache. */
  cacheDir?: string;
  /** Pipe processes; default: the number of cores (at most 4). */
  poolSize?: number;
  /** A diagram running longer is stopped and reported. */
  timeoutMs?: number;
  /** Java executable; default: `java` on PATH (or $JAVA_HOME/bin/java). */
  java?: string;
  /** PATH searched for Graphviz `dot`; default: the process's PATH. */
  searchPath?: string;
}

export type DiagramErrorKind = 'syntax' | 'include' | 'timeout' | 'unavailable';

export interface DiagramResult {
  svg?: string;
  /** PlantUML's name for the kind of diagram, e.g. `SEQUENCE`. */
  diagramType?: string;
  error?: {
    kind: DiagramErrorKind;
    message: string;
    /** 0-based line of the source as written, when known. */
    line: number | undefined;
  };
  /** The diagram as PlantUML saw it (includes inlined): what "edit online" opens. */
  prepared: string;
  /** Files its includes read (or looked for). */
  files: string[];
  /** Served from the cache (disk or this build) without running PlantUML. */
  cached: boolean;
  /** Laid out by PlantUML's Smetana engine because Graphviz is missing. */
  smetana: boolean;
}

export interface DiagramStats {
  rendered: number;
  cached: number;
  failed: number;
  /** Wall-clock time with at least one PlantUML render in flight (JVM start-up included). */
  busyMs: number;
}

/** Diagram kinds that PlantUML lays out with Graphviz (others have their own layout). */
const NEEDS_LAYOUT = new Set(['CLASS', 'DESCRIPTION', 'STATE', 'OBJECT', 'USECASE', 'COMPONENT', 'DEPLOYMENT']);
const DEFAULT_TIMEOUT_MS = 30_000;

function defaultJava(): string | undefined {
  return process.env.JAVA ?? findExecutable('java', process.env.PATH) ?? (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : undefined);
}

export class DiagramService {
  readonly options: DiagramServiceOptions;
  readonly stats: DiagramStats = { rendered: 0, cached: 0, failed: 0, busyMs: 0 };
  #inFlightRenders = 0;
  #busySince = 0;
  readonly #cache: DiagramCache;
  readonly #inFlight = new Map<string, Promise<CachedDiagram>>();
  readonly #java: string | undefined;
  readonly #dot: string | undefined;
  #pool: ProcessPool | undefined;

  constructor(options: DiagramServiceOptions) {
    this.options = options;
    this.#cache = new DiagramCache(options.cacheDir);
    this.#java = options.java ?? defaultJava();
    this.#dot = findExecutable('dot', options.searchPath ?? process.env.PATH);
  }

  /** Graphviz found? Without it, layout diagrams use Smetana. */
  get hasGraphviz(): boolean {
    return this.#dot !== undefined;
  }

  /** Processes started so far. */
  get processesStarted(): number {
    return this.#pool?.started ?? 0;
  }

  /** PlantUML processes running now. */
  get liveProcesses(): number {
    return this.#pool?.processCount ?? 0;
  }

  async render(source: string, baseDir: string): Promise<DiagramResult> {
    const prepared = prepareSource(source, { baseDir, rootDir: this.options.rootDir });
    if (prepared.problems.length > 0) {
      this.stats.failed++;
      const first = prepared.problems[0]!;
      return { error: { kind: 'include', message: prepared.problems.map((p) => p.message).join('; '), line: first.line }, cached: false, smetana: false, prepared: prepared.text, files: prepared.files };
    }
    const lines = prepared.text.split('\n');
    const origins = [...prepared.origins];
    if (!this.#dot) {
      // Ask for Smetana outright: older PlantUML releases publish a "Dot Executable not found"
      // picture with exit code 0 instead of falling back by themselves.
      lines.splice(1, 0, '!pragma layout smetana');
      origins.splice(1, 0, origins[0] ?? 0);
    }
    const text = lines.join('\n');
    const key = cacheKey({ jar: plantUmlJar().version, layout: this.#dot ? 'graphviz' : 'smetana', text });

    let cached = true;
    let entry = this.#inFlight.get(key) ? await this.#inFlight.get(key) : await this.#cache.get(key);
    if (!entry) {
      cached = false;
      const job = this.#timed(() => this.#renderFresh(text));
      this.#inFlight.set(key, job);
      try {
        entry = await job;
      } catch (error) {
        this.#inFlight.delete(key);
        this.stats.failed++;
        const timeout = error instanceof DiagramTimeoutError;
        return { error: { kind: timeout ? 'timeout' : 'unavailable', message: (error as Error).message, line: undefined }, cached: false, smetana: false, prepared: prepared.text, files: prepared.files };
      }
      await this.#cache.set(key, entry);
      // Written to the disk cache: a later copy of this diagram reads it there, so this build
      // need not hold every SVG it rendered. Without a disk cache the entry stays for reuse.
      if (this.options.cacheDir) this.#inFlight.delete(key);
    }
    if (cached) this.stats.cached++;
    else this.stats.rendered++;
    const smetana = !this.#dot && NEEDS_LAYOUT.has(entry.diagramType ?? '');
    if (entry.error) {
      this.stats.failed++;
      const line = entry.error.line === undefined ? undefined : origins[Math.min(entry.error.line, origins.length - 1)];
      return { error: { kind: 'syntax', message: entry.error.message, line }, cached, smetana, prepared: prepared.text, files: prepared.files };
    }
    return { svg: entry.svg, diagramType: entry.diagramType, cached, smetana, prepared: prepared.text, files: prepared.files };
  }

  /**
   * Starts the PlantUML processes before the first diagram arrives, when the caller knows
   * diagrams will be rendered: the JVMs start while the notes are still being read.
   */
  warmUp(): void {
    this.#processPool()?.warmUp();
  }

  /** Stops every PlantUML process (the pool restarts on the next render). */
  shutdown(): void {
    this.#pool?.shutdown();
  }

  async #timed<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inFlightRenders++ === 0) this.#busySince = performance.now();
    try {
      return await work();
    } finally {
      if (--this.#inFlightRenders === 0) this.stats.busyMs += performance.now() - this.#busySince;
    }
  }

  #processPool(): ProcessPool | undefined {
    if (!this.#java) return undefined;
    this.#pool ??= new ProcessPool({
      java: this.#java,
      jar: plantUmlJar().path,
      env: javaEnvironment(this.options.searchPath ?? process.env.PATH, this.#dot),
      size: this.options.poolSize ?? Math.max(1, Math.min(4, availableParallelism())),
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return this.#pool;
  }

  async #renderFresh(text: string): Promise<CachedDiagram> {
    const pool = this.#processPool();
    if (!pool) throw new Error('Java not found (install a JRE or set JAVA)');
    const answer = await pool.render(text);
    if ('error' in answer) return { error: answer.error };
    const { svg, width, height, diagramType } = normalizeSvg(answer.svg, text);
    // Never publish (or cache) a picture cut short.
    if (!isWellFormedSvg(svg)) return { error: { line: undefined, message: 'PlantUML answered with an SVG that is not well-formed XML' } };
    return { svg, width, height, diagramType };
  }
}
