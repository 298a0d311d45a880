// One render worker thread (see render-workers.ts): the site's rendering environment built from
// the config, notes rendered on request, diagrams asked of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Diagnostics } from '../diagnostics/diagnostics.ts';
import type { LayoutFallback } from '../diagrams/build-diagrams.ts';
import type { DiagramResult, DiagramService } from '../diagrams/diagram-service.ts';
import { HighlightCache } from '../markdown/rehype/highlight-cache.ts';
import { createRenderEnvironment, renderRecorded } from './render-site.ts';
import type { FromWorker, ToWorker, WorkerData } from './render-workers.ts';

const port = parentPort!;
const { config, highlightCache } = workerData as WorkerData;
const send = (message: FromWorker): void => port.postMessage(message);

const waiting = new Map<number, (result: DiagramResult) => void>();
let nextDiagram = 0;
/** The main thread's diagram service, by message. */
const service = {
  render: (source: string, baseDir: string): Promise<DiagramResult> =>
    new Promise((resolve) => {
      const id = nextDiagram++;
      waiting.set(id, resolve);
      send({ type: 'diagram', id, source, baseDir });
    }),
} as unknown as DiagramService;

/** Smetana layouts of the note being rendered, by note (several render at once). */
const fallbacks = new Map<string, LayoutFallback[]>();
// The main thread's pipeline options (src/build/build.ts) without user plugins, with the service above.
const { env } = await createRenderEnvironment(
  config,
  {
    diagrams: (context) => ({ service, layoutFallbacks: fallbacks.get(context.file) }),
    highlightCache: highlightCache && new HighlightCache({ dir: highlightCache.dir, version: () => highlightCache.version }),
  },
  // The main thread reports the model's own warnings (front matter, data); these are dropped.
  new Diagnostics(),
);
const byOutput = new Map(env.model.pages.map((page) => [page.outputPath, page]));

port.on('message', (message: ToWorker) => {
  if (message.type === 'diagram') {
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
    return;
  }
  void (async () => {
    const page = byOutput.get(message.outputPath);
    if (!page) return send({ type: 'failed', id: message.id, message: `no page ${message.outputPath} in the worker's model` });
    const layoutFallbacks: LayoutFallback[] = [];
    fallbacks.set(page.absPath, layoutFallbacks);
    try {
      // Warnings are recorded for the main thread, not reported here.
      const { note, recorded, readFiles } = await renderRecorded(page, { ...env, diagnostics: new Diagnostics() });
      const { page: _page, ...data } = note;
      send({ type: 'done', id: message.id, note: data, recorded, readFiles: [...readFiles], layoutFallbacks });
    } catch (error) {
      send({ type: 'failed', id: message.id, message: (error as Error).message });
    } finally {
      fallbacks.delete(page.absPath);
    }
  })();
});
