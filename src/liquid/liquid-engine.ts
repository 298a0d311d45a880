// Liquid runs over each note before Markdown, as in Jekyll, with liquidjs.
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { registerIncludeRelative, INCLUDE_BASE_KEY, type IncludeBase } from './include-relative-tag.ts';
import { registerJekyllFilters, type JekyllFilterOptions } from './jekyll-filters.ts';
import { registerJekyllTags } from './jekyll-tags.ts';

export interface LiquidRenderResult {
  text: string;
  /** Problems with their line in the template (1-based). */
  problems: Array<{ line: number; message: string }>;
}

export function createLiquidEngine(notesDir: string, filters: JekyllFilterOptions): Liquid {
  const engine = new Liquid({
    root: [path.join(notesDir, '_includes')],
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    lenientIf: true,
  });
  registerJekyllFilters(engine, filters);
  registerIncludeRelative(engine);
  registerJekyllTags(engine);
  return engine;
}

function errorLine(error: unknown): number {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const position = token?.getPosition?.();
  if (position) return position[0];
  const match = /line:(\d+)/.exec(String((error as Error).message));
  return match ? Number(match[1]) : 1;
}

/** Renders one template; a Liquid error is returned as a problem, never thrown. */
export async function renderLiquid(
  engine: Liquid,
  template: string,
  scope: Record<string, unknown>,
  include: Omit<IncludeBase, 'problems'>,
): Promise<LiquidRenderResult> {
  // Fast path: most notes hold no Liquid at all.
  if (!template.includes('{{') && !template.includes('{%')) return { text: template, problems: [] };
  const base: IncludeBase = { ...include, problems: [] };
  try {
    const text: string = await engine.parseAndRender(template, { ...scope, [INCLUDE_BASE_KEY]: base });
    return { text, problems: base.problems };
  } catch (error) {
    // liquidjs appends template coordinates; the caller reports the file line instead.
    const message = (String((error as Error).message).split('\n')[0] ?? 'Liquid error').replace(/,? line:\d+, col:\d+$/, '');
    // The template is published unrendered; the problem says why.
    return { text: template, problems: [...base.problems, { line: errorLine(error), message }] };
  }
}
