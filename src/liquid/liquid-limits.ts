// Limits that stop one note's Liquid from hanging or sinking the build: liquidjs's own DoS limits
// (parse size, render time, memory), a cap on the text one note may produce, and a depth for
// `{% include %}` (an include that includes itself). Each stop is an error at its tag's line.
import type { Context, Emitter, Liquid, Template } from 'liquidjs';
import { IncludeTag } from 'liquidjs';
import { INCLUDE_BASE_KEY, type IncludeBase } from './include-relative-tag.ts';

export interface LiquidLimits {
  /** Characters of template parsed in one render (liquidjs `parseLimit`). */
  parseLimit: number;
  /** Milliseconds one note's Liquid may run (liquidjs `renderLimit`). */
  renderLimit: number;
  /** Units of memory liquidjs may allocate for one note (liquidjs `memoryLimit`). */
  memoryLimit: number;
  /** Characters of text one note's Liquid may produce. */
  outputLimit: number;
  /** `{% include %}` nested this deep is an include loop. */
  includeDepth: number;
}

function numberFrom(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** Far above any real note (the largest seen renders in well under a second, a few MB). */
export function liquidLimits(pageSizeLimit = 20_000_000, env: NodeJS.ProcessEnv = process.env): LiquidLimits {
  return {
    parseLimit: 2 * pageSizeLimit,
    renderLimit: numberFrom(env.LIQUID_RENDER_LIMIT_MS, 10_000),
    memoryLimit: 200_000_000,
    outputLimit: pageSizeLimit,
    includeDepth: 10,
  };
}

export class OutputLimitError extends Error {}

/**
 * liquidjs has no limit on output size, so every block render checks what is written so far:
 * a loop of millions of steps stops at the limit instead of building a string of hundreds of MB.
 */
export function limitOutput(engine: Liquid, outputLimit: number): void {
  const renderer = engine.renderer;
  const renderTemplates = renderer.renderTemplates.bind(renderer);
  renderer.renderTemplates = function* (templates: Template[], ctx: Context, emitter?: Emitter) {
    if (emitter && emitter.buffer.length > outputLimit) {
      throw new OutputLimitError(`the page's Liquid output passed ${Math.round(outputLimit / 1e6)} MB (PAGE_SIZE_LIMIT); stopped`);
    }
    return yield* renderTemplates(templates, ctx, emitter);
  };
}

/** `{% include %}` with a depth limit: an include that includes itself stops at once with a message. */
export function includeTagWithDepth(maxDepth: number): typeof IncludeTag {
  return class DepthLimitedInclude extends IncludeTag {
    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const base = ctx.getSync([INCLUDE_BASE_KEY]) as IncludeBase | undefined;
      if (!base) return yield* super.render(ctx, emitter);
      if ((base.includeDepth ?? 0) >= maxDepth) throw new Error(`include nested more than ${maxDepth} deep (does an include include itself?)`);
      const outermost = (base.includeDepth ?? 0) === 0;
      base.includeDepth = (base.includeDepth ?? 0) + 1;
      try {
        yield* super.render(ctx, emitter);
      } catch (error) {
        if (outermost) base.includeLine ??= this.token.getPosition()[0];
        throw error;
      } finally {
        base.includeDepth -= 1;
      }
    }
  };
}
