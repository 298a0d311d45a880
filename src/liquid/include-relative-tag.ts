// `{% include_relative path %}`: the text of a file beside the note (Jekyll semantics),
// confined to the notes folder.
import path from 'node:path';
import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { NotesFolder } from '../loader/confine.ts';
import { invalidUtf8Message, readTextFile } from '../loader/text-file.ts';

/** Scope key under which the renderer passes where the current note lives. */
export const INCLUDE_BASE_KEY = '__include_base';

export interface IncludeBase {
  /** Absolute folder of the note being rendered. */
  noteDir: string;
  /** Absolute notes folder: includes may not leave it. */
  notesDir: string;
  /** Problems found while rendering, by template line: reported, and the rest of the note still renders. */
  problems: Array<{ line: number; message: string }>;
  /** Files looked for on the note's behalf, found or not (the render cache checks them). */
  files?: Set<string>;
  /** `{% include %}`s open right now (see liquid-limits.ts). */
  includeDepth?: number;
  /** Line in the note of the outermost `{% include %}` that failed: errors inside included files are reported there. */
  includeLine?: number;
}

/** The file `target` names, by the notes folder's confinement rule (real path inside, nothing hidden). */
export function resolveInclude(base: IncludeBase, target: string): { file?: string; problem?: string } {
  base.files?.add(path.resolve(base.noteDir, target));
  const { file, problem } = new NotesFolder(base.notesDir).resolve(target, base.noteDir, `include_relative "${target}"`);
  return file ? { file } : { problem };
}

export function registerIncludeRelative(engine: Liquid): void {
  engine.registerTag(
    'include_relative',
    class IncludeRelativeTag extends Tag {
      readonly target: string;
      readonly line: number;
      constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
        super(token, remain, liquid);
        this.target = token.args.trim().replace(/^["']|["']$/g, '');
        this.line = token.getPosition()[0] ?? 1;
      }
      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        const base = ctx.getSync([INCLUDE_BASE_KEY]) as IncludeBase | undefined;
        if (!base) throw new Error('include_relative used outside a note');
        const { file, problem } = resolveInclude(base, this.target);
        if (!file) {
          base.problems.push({ line: this.line, message: problem ?? 'include failed' });
          return;
        }
        const { text, invalidUtf8 } = readTextFile(file);
        if (invalidUtf8) base.problems.push({ line: this.line, message: `include_relative "${this.target}": ${invalidUtf8Message(invalidUtf8)}` });
        emitter.write(text.replace(/\n$/, ''));
      }
    },
  );
}
