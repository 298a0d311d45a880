// Render workers: notes rendered on every core in a cold build. Each worker thread builds its own
// rendering environment from the config (render-worker.ts) and renders the notes it is sent;
// diagrams stay with this thread's one diagram service (one PlantUML pool, one cache): a worker
// asks for each diagram by message. Results come back as plain data; warnings are reported and
// the render cache filled here. Memory stays bounded: each worker holds at most PER_WORKER notes.
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/site-config.ts';
import type { Diagnostic } from '../diagnostics/diagnostics.ts';
import type { BuildDiagrams, LayoutFallback } from '../diagrams/build-diagrams.ts';
import type { DiagramResult } from '../diagrams/diagram-service.ts';
import type { Page } from '../loader/site-model.ts';
import type { RecordedNote } from './render-site.ts';
import type { RenderedNote } from './render-note.ts';

/** Notes a worker renders at once (diagrams wait on PlantUML meanwhile). */
const PER_WORKER = 4;

export type ToWorker =
  | { type: 'render'; id: number; outputPath: string }
  | { type: 'diagram'; id: number; result: DiagramResult };

export type FromWorker =
  | { type: 'done'; id: number; note: Omit<RenderedNote, 'page'>; recorded: Diagnostic[]; readFiles: string[]; layoutFallbacks: LayoutFallback[] }
  | { type: 'failed'; id: number; message: string }
  | { type: 'diagram'; id: number; source: string; baseDir: string };

export interface WorkerData {
  config: SiteConfig;
  /** Where the build's highlight cache lives and the version it keys on: workers use it too. */
  highlightCache?: { dir: string; version: string };
}

interface Job {
  page: Page;
  resolve: (note: RecordedNote) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
}

export class RenderWorkers {
  readonly #slots: Slot[] = [];
  readonly #diagrams: () => BuildDiagrams;
  #next = 0;

  /** `workerFile`: render-worker.ts, run by Node itself (type stripping), outside Vite. */
  constructor(options: { size: number; workerFile: string; config: SiteConfig; diagrams: () => BuildDiagrams; highlightCache?: WorkerData['highlightCache'] }) {
    this.#diagrams = options.diagrams;
    const workerData: WorkerData = { config: options.config, highlightCache: options.highlightCache };
    for (let i = 0; i < options.size; i++) {
      const slot: Slot = { worker: new Worker(options.workerFile, { workerData }), jobs: new Map() };
      slot.worker.on('message', (message: FromWorker) => void this.#answer(slot, message));
      // A worker that dies fails its notes; the caller renders them itself.
      const fail = (error: Error): void => {
        for (const job of slot.jobs.values()) job.reject(error);
        slot.jobs.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`render worker stopped (${code})`)));
      this.#slots.push(slot);
    }
  }

  /** Notes in flight at once over all workers. */
  get capacity(): number {
    return this.#slots.length * PER_WORKER;
  }

  render(page: Page): Promise<RecordedNote> {
    // The least busy worker takes it.
    const slot = this.#slots.reduce((best, s) => (s.jobs.size < best.jobs.size ? s : best));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { page, resolve, reject });
      slot.worker.postMessage({ type: 'render', id, outputPath: page.outputPath } satisfies ToWorker);
    });
  }

  async #answer(slot: Slot, message: FromWorker): Promise<void> {
    if (message.type === 'diagram') {
      const result = await this.#diagrams().service.render(message.source, message.baseDir);
      slot.worker.postMessage({ type: 'diagram', id: message.id, result } satisfies ToWorker);
      return;
    }
    const job = slot.jobs.get(message.id);
    if (!job) return;
    slot.jobs.delete(message.id);
    if (message.type === 'failed') return job.reject(new Error(message.message));
    // Smetana layouts go to the build's one list, reported once at its end.
    if (message.layoutFallbacks.length > 0) this.#diagrams().layoutFallbacks.push(...message.layoutFallbacks);
    job.resolve({ note: { ...message.note, page: job.page }, recorded: message.recorded, readFiles: new Set(message.readFiles) });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}
