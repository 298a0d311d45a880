// One long-lived `java -jar plantuml.jar -pipe` process: diagrams go in on stdin one at a time,
// each answer (an SVG, or PlantUML's error text) comes back on stdout followed by a delimiter.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export type PipeAnswer = { svg: string } | { error: { line: number | undefined; message: string } };

export interface PipeProcessOptions {
  java: string;
  jar: string;
  env: NodeJS.ProcessEnv;
}

/**
 * JVM flags tuned for many small, short jobs: the C1 compiler alone warms up far sooner. A small
 * first heap (-Xms16m; the default is 1/64 of RAM) keeps the young generation small: a JVM
 * rendering the bench's diagrams held 65 MB instead of 166 MB, at the same CPU time, and still
 * grows its heap for a large diagram (no lower maximum).
 */
const JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss4m', '-Xms16m', '-Djava.awt.headless=true'];

export class PipeProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #delimiter = `@@plantuml-done-${randomBytes(8).toString('hex')}@@`;
  #buffer = '';
  #stderr = '';
  #pending: { resolve: (answer: PipeAnswer) => void; reject: (error: Error) => void } | undefined;
  #exited = false;

  constructor(options: PipeProcessOptions) {
    const args = [
      ...JVM_FLAGS,
      // SANDBOX: no file, no URL, no environment access from inside a diagram; the bundled
      // standard library (<C4/...>) stays available. Local includes are inlined beforehand.
      '-DPLANTUML_SECURITY_PROFILE=SANDBOX',
      '-jar',
      options.jar,
      '-pipe',
      '-tsvg',
      '-charset',
      'UTF-8',
      '-pipeNoStderr',
      '--disable-metadata',
      '-pipedelimitor',
      this.#delimiter,
    ];
    // A process group of its own: PlantUML starts Graphviz `dot` as a child, and a diagram that
    // times out must stop the whole group, not leave `dot` busy after the build (see kill()).
    // When Node dies first, the JVM sees its stdin close and exits; `dot` ends with its layout.
    this.#child = spawn(options.java, args, { env: options.env, stdio: 'pipe', detached: process.platform !== 'win32' });
    // An idle JVM must never keep Node alive (astro build would hang); work in flight is kept
    // alive by its timeout timer instead.
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr] as unknown as Array<{ unref?: () => void }>) stream.unref?.();
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => this.#onData(chunk));
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000);
    });
    this.#child.stdin.on('error', () => undefined); // EPIPE after a crash; reported through 'exit'
    this.#child.on('error', (error) => this.#fail(new Error(`cannot start Java (${options.java}): ${error.message}`)));
    this.#child.on('exit', (code, signal) => this.#fail(new Error(`PlantUML exited (${signal ?? code})${this.#stderr ? `: ${this.#stderr.trim()}` : ''}`)));
  }

  get alive(): boolean {
    return !this.#exited;
  }

  /** Renders one diagram (`@start…` to `@end…`); one at a time per process. */
  render(source: string): Promise<PipeAnswer> {
    if (this.#pending) return Promise.reject(new Error('PlantUML process is busy'));
    if (this.#exited) return Promise.reject(new Error('PlantUML process has exited'));
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#child.stdin.write(`${source.replace(/\r\n?/g, '\n').trimEnd()}\n`);
    });
  }

  /** The JVM's process id, which is also its process group's id. */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  kill(): void {
    try {
      // The negative id signals the whole group: the JVM and any `dot` it started (also when
      // the JVM itself is gone already).
      if (process.platform === 'win32' || this.#child.pid === undefined) throw new Error('no process groups');
      process.kill(-this.#child.pid, 'SIGKILL');
    } catch {
      if (!this.#exited) this.#child.kill('SIGKILL');
    }
    this.#exited = true;
  }

  #onData(chunk: string): void {
    this.#buffer += chunk;
    const end = this.#buffer.indexOf(this.#delimiter);
    if (end < 0) return;
    const answer = this.#buffer.slice(0, end);
    this.#buffer = this.#buffer.slice(end + this.#delimiter.length).replace(/^\r?\n/, '');
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.resolve(parseAnswer(answer));
  }

  #fail(error: Error): void {
    this.#exited = true;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }
}

/** `-pipeNoStderr` answers an error as `ERROR`, the 0-based line in the diagram, then the message. */
export function parseAnswer(text: string): PipeAnswer {
  const trimmed = text.trim();
  if (trimmed.startsWith('ERROR\n') || trimmed === 'ERROR') {
    const [, line, ...message] = trimmed.split('\n');
    const index = Number.parseInt(line ?? '', 10);
    return { error: { line: Number.isFinite(index) ? index : undefined, message: message.join('\n').trim() || 'PlantUML reported an error' } };
  }
  const start = trimmed.indexOf('<svg');
  if (start < 0) return { error: { line: undefined, message: `PlantUML gave no SVG: ${trimmed.slice(0, 200)}` } };
  return { svg: trimmed.slice(start) };
}
