// `{% include_relative path %}`: the text of a file beside the note (Jekyll semantics),
// confined to the notes folder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';

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
}

export function resolveInclude(base: IncludeBase, target: string): { file?: string; problem?: string } {
  const file = path.resolve(base.noteDir, target);
  const relative = path.relative(base.notesDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: `include_relative "${target}" points outside the notes folder` };
  base.files?.add(file);
  if (!existsSync(file)) return { problem: `include_relative "${target}": file not found (looked for ${relative})` };
  return { file };
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
        emitter.write(readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, ''));
      }
    },
  );
}
