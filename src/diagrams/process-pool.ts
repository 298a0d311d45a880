// A small pool of PlantUML pipe processes, sized to the cores, started on first use. A diagram
// that runs past the timeout has its process killed (a JVM cannot abandon one diagram) and a
// fresh process takes the next job, so one bad diagram never stalls the build.
import { PipeProcess, type PipeAnswer, type PipeProcessOptions } from './pipe-process.ts';

export class DiagramTimeoutError extends Error {}

interface Job {
  source: string;
  resolve: (answer: PipeAnswer) => void;
  reject: (error: Error) => void;
}

export interface ProcessPoolOptions extends PipeProcessOptions {
  size: number;
  timeoutMs: number;
}

export class ProcessPool {
  readonly #options: ProcessPoolOptions;
  readonly #idle: PipeProcess[] = [];
  readonly #queue: Job[] = [];
  readonly #all = new Set<PipeProcess>();
  #busy = 0;
  /** Processes started so far (tests and the benchmark read it). */
  started = 0;

  constructor(options: ProcessPoolOptions) {
    this.#options = options;
  }

  render(source: string): Promise<PipeAnswer> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ source, resolve, reject });
      this.#drain();
    });
  }

  /** Starts every process now, before the first job (each takes jobs once its JVM is up). */
  warmUp(): void {
    while (this.#all.size < this.#options.size) this.#idle.push(this.#spawn());
  }

  /** Kills every process; the pool starts new ones if asked to render again. */
  shutdown(): void {
    for (const process of this.#all) process.kill();
    this.#all.clear();
    this.#idle.length = 0;
  }

  get processCount(): number {
    return this.#all.size;
  }

  #drain(): void {
    while (this.#queue.length > 0) {
      let process = this.#idle.pop();
      while (process && !process.alive) process = this.#idle.pop();
      if (!process) {
        if (this.#busy >= this.#options.size) return;
        process = this.#spawn();
      }
      void this.#run(process, this.#queue.shift()!);
    }
  }

  #spawn(): PipeProcess {
    const process = new PipeProcess(this.#options);
    this.#all.add(process);
    this.started++;
    return process;
  }

  async #run(process: PipeProcess, job: Job): Promise<void> {
    this.#busy++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DiagramTimeoutError(`PlantUML took longer than ${this.#options.timeoutMs} ms; stopped`)), this.#options.timeoutMs);
    });
    try {
      job.resolve(await Promise.race([process.render(job.source), timeout]));
      this.#idle.push(process);
    } catch (error) {
      // Timed out or crashed: this process is in an unknown state, so it goes.
      process.kill();
      this.#all.delete(process);
      job.reject(error as Error);
    } finally {
      clearTimeout(timer);
      this.#busy--;
      this.#drain();
    }
  }
}
