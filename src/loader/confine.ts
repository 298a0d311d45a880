// The one confinement rule for every file read or published on a note's behalf
// (include_relative, {% include %}, PlantUML !include, _data, published files, the dev server):
// the file's real path (symlinks resolved) lies inside the notes folder, no part of its path
// inside the folder starts with "." (.git/, .env, .ssh/ are never read), and it is a regular file.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type Confined = { file: string; problem?: undefined } | { file?: undefined; problem: string };

/** `child` lies strictly inside `parent` (separator-aware: `/notes-secret` is not inside `/notes`). */
export function isInsideFolder(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** A segment such as `.git` or `.env`: hidden files and folders are never read for a note. */
function hiddenSegment(relative: string): string | undefined {
  return relative.split(path.sep).find((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

export class NotesFolder {
  /** The notes folder as configured (absolute). */
  readonly root: string;
  /** The same folder with symlinks resolved: real paths are compared against it. */
  readonly realRoot: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realRootOf(this.root);
  }

  /**
   * Resolves `target` as written in a note (relative to `fromDir`, the folder of the note) to a
   * readable file, or says why it may not be read. `what` names the reference in messages.
   */
  resolve(target: string, fromDir: string, what = target): Confined {
    if (target.includes('\0')) return { problem: `${what}: not a file name` };
    return this.check(path.resolve(fromDir, target), what);
  }

  /** The same rule for an absolute path (a scanned file, a path from a URL). */
  check(file: string, what = path.relative(this.root, file)): Confined {
    const located = this.#locate(file, what);
    if (located.problem !== undefined) return located;
    try {
      if (!statSync(located.real).isFile()) return { problem: `${what}: not a file` };
    } catch {
      return { problem: `${what}: file not found` };
    }
    return { file: located.real };
  }

  /** A symbolic link met while walking the folder: a confined file or folder, or why not. */
  checkEntry(file: string, what: string): { real: string; directory: boolean; problem?: undefined } | { problem: string } {
    const located = this.#locate(file, what);
    if (located.problem !== undefined) return located;
    const stats = statSync(located.real);
    if (!stats.isFile() && !stats.isDirectory()) return { problem: `${what}: not a file` };
    return { real: located.real, directory: stats.isDirectory() };
  }

  #locate(file: string, what: string): { real: string; problem?: undefined } | { problem: string } {
    const absolute = path.resolve(file);
    // Lexical test first: `..` and absolute paths never reach the file system.
    const base = isInsideFolder(this.root, absolute) ? this.root : isInsideFolder(this.realRoot, absolute) ? this.realRoot : undefined;
    if (!base) return { problem: `${what} is outside the notes folder` };
    const hidden = hiddenSegment(path.relative(base, absolute));
    if (hidden) return { problem: `${what} is inside "${hidden}", a hidden file or folder, which is never read` };
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      return { problem: `${what}: file not found` };
    }
    if (real !== this.realRoot && !isInsideFolder(this.realRoot, real)) return { problem: `${what} is a symbolic link pointing outside the notes folder` };
    const realHidden = hiddenSegment(path.relative(this.realRoot, real));
    if (realHidden) return { problem: `${what} is a symbolic link into "${realHidden}", a hidden file or folder` };
    return { real };
  }
}
