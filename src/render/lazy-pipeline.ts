// The Markdown pipeline of one site, imported and built the first time a note must be rendered.
// unified, micromark, parse5 and Shiki are most of the generator's modules: a build whose notes
// all come from the render cache never loads them (a few hundred ms of start-up per build).
import type { NotePipeline, NotePipelineOptions } from '../markdown/pipeline.ts';
import { importLazily } from '../shared/import-lazily.ts';

export class LazyPipeline {
  readonly #options: NotePipelineOptions;
  #loading: Promise<NotePipeline> | undefined;
  #pipeline: NotePipeline | undefined;

  constructor(options: NotePipelineOptions) {
    this.#options = options;
  }

  load(): Promise<NotePipeline> {
    const url = new URL('../markdown/pipeline.ts', import.meta.url);
    this.#loading ??= importLazily(() => import('../markdown/pipeline.ts'), url).then(({ createNotePipeline }) => {
      this.#pipeline = createNotePipeline(this.#options);
      return this.#pipeline;
    });
    return this.#loading;
  }

  /** Jekyll's `markdownify` for Liquid, which awaits a filter's promise: loads the pipeline when needed. */
  readonly markdownify = (markdown: string): string | Promise<string> =>
    this.#pipeline ? this.#pipeline.markdownify(markdown) : this.load().then((pipeline) => pipeline.markdownify(markdown));

  /** `markdownify` where the caller cannot wait (post excerpts): `load()` must have finished. */
  readonly markdownifyLoaded = (markdown: string): string => {
    if (!this.#pipeline) throw new Error('LazyPipeline: markdownifyLoaded() before load() finished');
    return this.#pipeline.markdownify(markdown);
  };
}
