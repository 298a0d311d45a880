// The environment PlantUML's JVM runs with: nothing from the build's environment (tokens and
// secrets stay out), only what Java and Graphviz need.
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The first executable `name` on a PATH string, if any. */
export function findExecutable(name: string, searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** Graphviz's `dot` is looked up in this PATH; PlantUML itself also probes /usr/bin, so it is told explicitly. */
export function javaEnvironment(searchPath: string | undefined, dot: string | undefined): NodeJS.ProcessEnv {
  return {
    PATH: searchPath ?? '',
    // When `dot` is hidden, point PlantUML at a path that does not exist so it cannot find
    // /usr/bin/dot behind our back: a hidden Graphviz must behave like a missing one.
    GRAPHVIZ_DOT: dot ?? path.join(tmpdir(), 'graphviz-hidden', 'dot'),
    LANG: 'C.UTF-8',
    HOME: tmpdir(),
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
  };
}
