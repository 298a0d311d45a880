// Two builds from one checkout at once. Astro writes its prerender chunks under the output folder
// when that lies inside the project, so such builds stay apart; for an output folder outside it,
// Astro falls back to one shared `<project>/.astro/.prerender/`, where concurrent builds overwrite
// each other's chunks (a page linking a missing stylesheet, a missing chunk). Those builds take
// turns: the second waits, saying why, and gives up with a clear message after a while.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface BuildLock {
  release(): void;
}

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (!Number.isFinite(pid)) return undefined;
    process.kill(pid, 0); // throws when no such process: a stale lock
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? Number.parseInt(readFileSync(file, 'utf8'), 10) : undefined;
  }
}

function tryTake(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/** Waits until no other build of this checkout uses Astro's shared prerender folder, then holds it. */
export async function lockSharedPrerender(projectDir: string, log: (message: string) => void, timeoutMs = 15 * 60_000): Promise<BuildLock> {
  const dir = path.join(projectDir, '.astro');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'build.lock');
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryTake(file)) break;
    const pid = holder(file);
    if (pid === undefined) {
      rmSync(file, { force: true }); // its build ended without releasing it (killed)
      continue;
    }
    if (!told) {
      log(`another build of this checkout (process ${pid}) is using ${path.join(dir, '.prerender')} (OUT_DIR outside the project); waiting for it to finish`);
      told = true;
    }
    if (Date.now() - started > timeoutMs) {
      // A message, not an exception: Astro would print a stack trace for a throw from a hook.
      log(`gave up: another build (process ${pid}) has held ${file} for ${Math.round(timeoutMs / 60_000)} minutes; stop it, or give each build an OUT_DIR inside the project`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    if (holder(file) === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { release };
}
