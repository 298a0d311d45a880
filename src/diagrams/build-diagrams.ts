// The diagram service of one build, stopped when the build ends and, whatever happens, when Node
// exits: no stray JVMs. Owned by the build (src/build/build.ts); nothing here is global.
import path from 'node:path';
import { DiagramService } from './diagram-service.ts';

export interface BuildDiagramsConfig {
  notesDir: string;
  cacheDir: string;
}

export interface LayoutFallback {
  file: string;
  line: number | undefined;
}

export interface BuildDiagrams {
  service: DiagramService;
  /** Diagrams laid out by Smetana because Graphviz is missing: reported once, all together. */
  layoutFallbacks: LayoutFallback[];
  /** Stops the processes if Node exits before the build ends (removed by `finishDiagrams`). */
  stopOnExit: () => void;
}

export function createBuildDiagrams(config: BuildDiagramsConfig, env: NodeJS.ProcessEnv = process.env): BuildDiagrams {
  const timeout = Number(env.DIAGRAM_TIMEOUT_MS);
  const service = new DiagramService({
    rootDir: config.notesDir,
    cacheDir: path.join(config.cacheDir, 'diagrams'),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    // DIAGRAMS_SEARCH_PATH: where to look for Graphviz `dot` (e.g. `/nonexistent` to try the
    // Smetana fallback without uninstalling Graphviz).
    searchPath: env.DIAGRAMS_SEARCH_PATH || undefined,
  });
  const stopOnExit = (): void => service.shutdown();
  process.once('exit', stopOnExit);
  return { service, layoutFallbacks: [], stopOnExit };
}

/** Ends the build's diagram work: stops the processes, then reports Smetana layouts in one warning. */
export function finishDiagrams(current: BuildDiagrams, warn: (file: string, line: number | undefined, code: string, message: string) => void): void {
  current.service.shutdown();
  process.off('exit', current.stopOnExit);
  const { rendered, cached, failed, busyMs } = current.service.stats;
  if (rendered + cached + failed > 0) {
    const processes = current.service.processesStarted;
    console.log(`[diagrams] ${rendered} rendered, ${cached} from cache, ${failed} failed, ${processes} PlantUML processes busy ${Math.round(busyMs)} ms`);
  }
  const fallbacks = current.layoutFallbacks.splice(0);
  const first = fallbacks[0];
  if (!first) return;
  const list = fallbacks.map((f) => `${path.relative(current.service.options.rootDir, f.file)}${f.line ? `:${f.line}` : ''}`).join(', ');
  warn(
    first.file,
    first.line,
    'diagram-layout',
    `Graphviz (dot) not found: ${fallbacks.length} diagram(s) laid out with PlantUML's Smetana engine instead, which may look different: ${list}. Install Graphviz for the usual layout.`,
  );
}
